// Rendering a solve: the selected outcome and the equilibria, as a table, JSON or CSV
// (solve_report.hpp).
#include "triad/report/solve_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/triangle.hpp"
#include "triad/core/version.hpp"
#include "triad/report/text.hpp"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace triad {

namespace {

// The action name, or for a mixed strategy "a:0.5|b:0.5".
std::string describe_strategy(const Game& game, const Equilibrium& eq, int i) {
    if (eq.profile) return game.actions[i][game.space.action_of(*eq.profile, i)];
    std::string out;
    for (Eigen::Index a = 0; a < eq.strategy[i].size(); ++a) {
        if (eq.strategy[i](a) <= 1e-12) continue;
        if (!out.empty()) out += '|';
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.6g", eq.strategy[i](a));
        out += game.actions[i][a] + ":" + buffer;
    }
    return out;
}

struct Reading {
    std::vector<std::string> alignment;  // per player: a player's name or "balanced"
    std::vector<std::string> role;       // per player (three-player games)
    std::string configuration;           // three-player games
    std::vector<TriadReading> triads;
};

std::optional<Reading> read(const Game& game, const Equilibrium& eq) {
    if (!game.has_stances() || game.player_count() < 2) return std::nullopt;
    const Eigen::MatrixXd w = eq.profile ? warmth_matrix(game, *eq.profile) : expected_warmth(game, eq.strategy);
    const Structure s = read_structure(w);
    Reading r;
    for (int i = 0; i < game.player_count(); ++i)
        r.alignment.push_back(s.alignment[i] < 0 ? "balanced" : game.players[s.alignment[i]]);
    r.triads = s.triads;
    if (game.player_count() == 3) {
        const auto& t = s.triads.front();
        r.configuration = std::string(to_string(t.configuration));
        r.role.resize(3);
        for (int a = 0; a < 3; ++a) r.role[t.players[a]] = std::string(to_string(t.roles[a]));
    }
    return r;
}


// The QRE solver's report carries its traced branch, shown after the equilibria. Solver names
// are registry keys; this is the one place the report tests for that one.
bool traced_qre_branch(std::string_view method) { return method == "qre"; }

// --- table ---

// What an equilibrium's heading calls it: the method that found it or, when the method
// reports what others found (replicator: the pure, support or QRE equilibria, each a rest
// point of the dynamics labelled by its stability), what it is and which method found it.
std::string equilibrium_kind(const Equilibrium& eq, const std::string& method) {
    if (eq.method == method) return eq.method;
    return method + " rest point, " + (eq.profile ? "pure" : "mixed") + ", found by '" + eq.method + "'";
}

void table_prediction(std::ostream& out, const Game& game, const Prediction& p) {
    out << "Selected outcome (" << p.rule << ")\n";
    if (!game.has_stances()) {
        out << "  most likely profile:";
        for (int i = 0; i < game.player_count(); ++i) out << " " << game.players[i] << "=" << game.actions[i][game.space.action_of(*p.profile, i)];
        out << "\n";
    } else {
        if (!p.selected_configuration.empty())
            out << "  configuration  " << p.selected_configuration << " (" << percent(p.configuration_probability) << ")   ["
                << describe_distribution(p.configuration) << "]\n";
        for (int i = 0; i < game.player_count(); ++i) {
            const bool balanced = p.selected_alignment[i] == "balanced";
            out << "  " << std::left << std::setw(8) << game.players[i] << std::right
                << (balanced ? " balanced, no partner" : " aligned with " + p.selected_alignment[i]) << " ("
                << percent(p.alignment_probability[i]) << ")";
            if (!p.selected_role.empty()) out << ", role " << p.selected_role[i] << " (" << percent(p.role_probability[i]) << ")";
            if (i < static_cast<int>(p.selected_backs.size()) && !p.selected_backs[i].empty()) {
                const Crisis* crisis = game.crisis_of_backer(i);
                out << (p.selected_backs[i] == kAbstain ? ", stays out of " + crisis->name
                                                         : ", backs " + p.selected_backs[i] + " in " + crisis->name)
                    << " (" << percent(p.backs_probability[i]) << ")";
            }
            out << "\n";
        }
    }
    for (const auto& n : p.notes) out << "  note: " << n << "\n";
    out << "\n";
}

void table_equilibria(std::ostream& out, const Game& game, const SolveResult& s) {
    const auto& eqs = s.report.equilibria;
    std::size_t name_width = 6, action_width = 6;
    for (int i = 0; i < game.player_count(); ++i) name_width = std::max(name_width, game.players[i].size());
    for (const auto& eq : eqs)
        for (int i = 0; i < game.player_count(); ++i) action_width = std::max(action_width, describe_strategy(game, eq, i).size());
    for (std::size_t e = 0; e < eqs.size(); ++e) {
        const Equilibrium& eq = eqs[e];
        const auto reading = read(game, eq);
        out << "\n#" << e + 1 << "  " << equilibrium_kind(eq, s.report.method) << "  regret " << format_number(eq.regret);
        // A regret says little without the scale: 0.98 is tiny on payoffs of 10^6.
        if (eq.regret != 0.0) out << " (" << printf_number(eq.relative_regret, "%.3g") << " of the payoff range)";
        if (!eq.labels.empty()) out << "  [" << join(eq.labels, ", ") << "]";
        if (reading && !reading->configuration.empty()) out << "  " << reading->configuration;
        out << "\n  " << std::left << std::setw(static_cast<int>(name_width)) << "player" << "  "
            << std::setw(static_cast<int>(action_width)) << "action" << "  " << std::right << std::setw(10) << "payoff";
        if (reading) out << "  " << std::left << std::setw(10) << "alignment" << (reading->role.empty() ? "" : "  role");
        out << std::right << "\n";
        for (int i = 0; i < game.player_count(); ++i) {
            const std::string payoff = table_number(eq.payoffs[i]);
            out << "  " << std::left << std::setw(static_cast<int>(name_width)) << game.players[i] << "  "
                << std::setw(static_cast<int>(action_width)) << describe_strategy(game, eq, i) << "  " << std::right << std::setw(10) << payoff << std::left;
            if (reading) {
                out << "  " << std::setw(10) << reading->alignment[i];
                if (!reading->role.empty()) out << "  " << reading->role[i];
            }
            out << std::right << "\n";
        }
        if (!eq.eigenvalues.empty()) {
            out << "  replicator eigenvalues (largest real part first):";
            for (std::size_t k = 0; k < std::min<std::size_t>(eq.eigenvalues.size(), 4); ++k) {
                char buffer[64];
                std::snprintf(buffer, sizeof buffer, " %.4g%+.4gi", eq.eigenvalues[k].real(), eq.eigenvalues[k].imag());
                out << buffer;
            }
            out << (eq.eigenvalues.size() > 4 ? " ..." : "") << "\n";
        }
        if (reading && game.player_count() > 3)
            for (const auto& t : reading->triads) {
                out << "  triple " << game.players[t.players[0]] << "/" << game.players[t.players[1]] << "/"
                    << game.players[t.players[2]] << ": " << to_string(t.configuration) << " (";
                for (int a = 0; a < 3; ++a) out << (a ? ", " : "") << game.players[t.players[a]] << " " << to_string(t.roles[a]);
                out << ")\n";
            }
    }
}

// --- JSON ---

void json_distribution(JsonWriter& json, const std::map<std::string, double>& d) {
    json.begin_object();
    for (const auto& [label, p] : d) json.field(label, p);
    json.end_object();
}

void json_profile(JsonWriter& json, const Game& game, const MixedProfile& strategy) {
    json.begin_object();
    for (int i = 0; i < game.player_count(); ++i) {
        json.key(game.players[i]).begin_object();
        for (Eigen::Index a = 0; a < strategy[i].size(); ++a)
            if (strategy[i](a) > 0.0) json.field(game.actions[i][a], strategy[i](a));
        json.end_object();
    }
    json.end_object();
}

void json_prediction(JsonWriter& json, const Game& game, const Prediction& p) {
    json.begin_object();
    json.field("rule", p.rule);
    json.key("profile").begin_object();
    for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], game.actions[i][game.space.action_of(*p.profile, i)]);
    json.end_object();
    if (game.has_stances()) {
        if (!p.selected_configuration.empty())
            json.field("configuration", p.selected_configuration).field("configuration_probability", p.configuration_probability);
        json.key("alignment").begin_object();
        for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], p.selected_alignment[i]);
        json.end_object();
        json.key("alignment_probability").begin_object();
        for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], p.alignment_probability[i]);
        json.end_object();
        if (!p.selected_role.empty()) {
            json.key("roles").begin_object();
            for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], p.selected_role[i]);
            json.end_object();
            json.key("role_probability").begin_object();
            for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], p.role_probability[i]);
            json.end_object();
        }
        if (game.has_crises()) {
            json.key("backs").begin_object();
            for (int i = 0; i < game.player_count(); ++i)
                if (!p.selected_backs[i].empty()) json.field(game.players[i], p.selected_backs[i]);
            json.end_object();
            json.key("backs_probability").begin_object();
            for (int i = 0; i < game.player_count(); ++i)
                if (!p.selected_backs[i].empty()) json.field(game.players[i], p.backs_probability[i]);
            json.end_object();
        }
        json.key("distributions").begin_object();
        if (!p.configuration.empty()) {
            json.key("configuration");
            json_distribution(json, p.configuration);
        }
        json.key("alignment").begin_object();
        for (int i = 0; i < game.player_count(); ++i) {
            json.key(game.players[i]);
            json_distribution(json, p.alignment[i]);
        }
        json.end_object();
        if (!p.role.empty()) {
            json.key("roles").begin_object();
            for (int i = 0; i < game.player_count(); ++i) {
                json.key(game.players[i]);
                json_distribution(json, p.role[i]);
            }
            json.end_object();
        }
        json.end_object();
    }
    json.key("notes").begin_array();
    for (const auto& n : p.notes) json.value(n);
    json.end_array();
    json.end_object();
}

void json_equilibrium(JsonWriter& json, const Game& game, const Equilibrium& eq) {
    json.begin_object();
    json.field("method", eq.method);
    json.key("profile");
    json_profile(json, game, eq.strategy);
    json.key("payoffs").begin_object();
    for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], eq.payoffs[i]);
    json.end_object();
    json.field("regret", eq.regret);
    json.field("relative_regret", eq.relative_regret);
    json.key("labels").begin_array();
    for (const auto& l : eq.labels) json.value(l);
    json.end_array();
    if (!eq.eigenvalues.empty()) {
        json.key("replicator_eigenvalues").begin_array();
        for (const auto& e : eq.eigenvalues) json.begin_object().field("re", e.real()).field("im", e.imag()).end_object();
        json.end_array();
    }
    if (const auto reading = read(game, eq)) {
        json.key("alignment").begin_object();
        for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], reading->alignment[i]);
        json.end_object();
        if (!reading->configuration.empty()) {
            json.field("configuration", reading->configuration);
            json.key("roles").begin_object();
            for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], reading->role[i]);
            json.end_object();
        }
        json.key("triads").begin_array();
        for (const auto& t : reading->triads) {
            json.begin_object();
            json.key("players").begin_array();
            for (int a = 0; a < 3; ++a) json.value(game.players[t.players[a]]);
            json.end_array();
            json.field("configuration", to_string(t.configuration));
            json.key("roles").begin_object();
            for (int a = 0; a < 3; ++a) json.field(game.players[t.players[a]], to_string(t.roles[a]));
            json.end_object().end_object();
        }
        json.end_array();
    }
    json.end_object();
}

// The scenario block: where the game comes from, with its description, sources and --set overrides.
void json_scenario(JsonWriter& json, const SolveResult& s) {
    json.key("scenario").begin_object();
    json.field("path", s.loaded.path).field("content_hash", s.loaded.content_hash).field("title", s.loaded.game().title);
    if (s.loaded.model) {
        json.field("description", s.loaded.model->scenario().description);
        json.key("sources").begin_array();
        for (const auto& src : s.loaded.model->scenario().sources) json.value(src);
        json.end_array();
    }
    json.key("overrides").begin_array();
    for (const auto& o : s.loaded.overrides) json.value(o);
    json.end_array().end_object();
}

// The players, each player's actions, and the number of profiles.
void json_players_and_actions(JsonWriter& json, const Game& game) {
    json.key("players").begin_array();
    for (const auto& p : game.players) json.value(p);
    json.end_array();
    json.key("actions").begin_object();
    for (int i = 0; i < game.player_count(); ++i) {
        json.key(game.players[i]).begin_array();
        for (const auto& a : game.actions[i]) json.value(a);
        json.end_array();
    }
    json.end_object();
    json.field("profiles", game.space.size());
}

// The stationary distribution's labels: the configuration, and in stance games each player's
// alignment and role.
void json_stationary_outcome(JsonWriter& json, const Game& game, const SolverReport& r) {
    if (r.outcome && !r.outcome->configuration.empty()) {
        json.key("configuration");
        json_distribution(json, r.outcome->configuration);
    }
    if (!r.outcome || !game.has_stances()) return;
    json.key("alignment").begin_object();
    for (int i = 0; i < game.player_count(); ++i) {
        json.key(game.players[i]);
        json_distribution(json, r.outcome->alignment[i]);
    }
    json.end_object();
    if (!r.outcome->role.empty()) {
        json.key("roles").begin_object();
        for (int i = 0; i < game.player_count(); ++i) {
            json.key(game.players[i]);
            json_distribution(json, r.outcome->role[i]);
        }
        json.end_object();
    }
}

// The stationary solve: lambda, residual and solver, the outcome's distributions, and how the
// mass concentrates on one profile as noise vanishes.
void json_stationary(JsonWriter& json, const Game& game, const SolverReport& r) {
    json.key("stationary").begin_object();
    json.field("lambda", r.stationary->lambda).field("residual", r.stationary->residual).field("solver", to_string(r.stationary->method));
    json_stationary_outcome(json, game, r);
    json.key("concentration").begin_array();
    for (const auto& d : r.concentration) {
        Eigen::Index top = 0;
        const double mass = d.probability.maxCoeff(&top);
        json.begin_object().field("lambda", d.lambda).field("top_probability", mass);
        json.key("top_profile").begin_object();
        for (int i = 0; i < game.player_count(); ++i)
            json.field(game.players[i], game.actions[i][game.space.action_of(static_cast<std::size_t>(top), i)]);
        json.end_object().end_object();
    }
    json.end_array().end_object();
}

// The QRE solver's traced branch: its turning points and every point's profile.
void json_qre_branch(JsonWriter& json, const Game& game, const SolverReport& r) {
    json.key("qre").begin_object();
    json.field("turning_points", r.turning_points);
    json.key("branch").begin_array();
    for (const auto& point : r.branch) {
        json.begin_object().field("lambda", point.lambda);
        json.key("profile");
        json_profile(json, game, point.strategy);
        json.end_object();
    }
    json.end_array().end_object();
}

}  // namespace

std::string render_solve_table(const SolveResult& s) {
    const Game& game = s.loaded.game();
    std::ostringstream out;
    out << (game.title.empty() ? s.loaded.path : game.title) << "\n";
    out << "  " << s.loaded.path << "  (content hash " << s.loaded.content_hash << ", triad " << kVersion << ")\n";
    for (const auto& o : s.loaded.overrides) out << "  --set " << o << "\n";
    std::vector<std::string> counts;
    // A game of many players is summarised: its first eight counts, then how many in all.
    const int shown = game.player_count() > 12 ? 8 : game.player_count();
    for (int i = 0; i < shown; ++i) counts.push_back(std::to_string(game.space.actions(i)));
    if (shown < game.player_count()) counts.push_back("...");
    out << "  " << game.player_count() << " players, " << join(counts, " x ") << " actions, " << game.space.size()
        << " profiles\n\n";
    if (s.prediction) table_prediction(out, game, *s.prediction);

    const auto& r = s.report;
    if (r.stationary) {
        out << "Long-run distribution of logit play, lambda " << format_number(r.stationary->lambda) << " ("
            << to_string(r.stationary->method) << ", residual " << format_number(r.stationary->residual) << ")\n";
        if (r.outcome && !r.outcome->configuration.empty())
            out << "  configuration: " << describe_distribution(r.outcome->configuration) << "\n";
        out << "  as noise vanishes, probability of the most likely profile:";
        for (const auto& d : r.concentration) out << "  lambda " << format_number(d.lambda) << ": " << percent(d.probability.maxCoeff());
        out << "\n  stochastically stable profiles (>= 1% of the mass at lambda "
            << format_number(r.concentration.back().lambda) << "):\n";
    } else if (traced_qre_branch(r.method)) {
        out << "Logit QRE branch: " << r.branch.size() << " points, " << r.turning_points << " turning points; "
            << r.status << "\n";
    }
    out << r.equilibria.size() << " " << result_noun(r.method, r.equilibria.size()) << "\n";
    for (const auto& n : r.notes) out << "  note: " << n << "\n";
    table_equilibria(out, game, s);
    return out.str();
}

std::string render_solve_json(const SolveResult& s) {
    const Game& game = s.loaded.game();
    const auto& r = s.report;
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json.field("version", kVersion);
    json_scenario(json, s);
    json_players_and_actions(json, game);
    json.key("selected");
    if (s.prediction)
        json_prediction(json, game, *s.prediction);
    else
        json.null();
    json.field("method", s.method);
    json.key("options").begin_object();
    for (const auto& [name, v] : s.options) json.field(name, v);
    json.end_object();
    json.key("equilibria").begin_array();
    for (const auto& eq : r.equilibria) json_equilibrium(json, game, eq);
    json.end_array();
    json.key("notes").begin_array();
    for (const auto& n : r.notes) json.value(n);
    json.end_array();
    if (!r.status.empty()) json.field("status", r.status);
    if (r.stationary) json_stationary(json, game, r);
    if (traced_qre_branch(s.method)) json_qre_branch(json, game, r);
    json.end_object();
    return buffer.str();
}

// --- CSV: one row per equilibrium ---

std::string render_solve_csv(const SolveResult& s) {
    const Game& game = s.loaded.game();
    std::ostringstream out;
    out << "# triad " << kVersion << " solve " << csv_cell(s.loaded.path) << " content_hash=" << s.loaded.content_hash
        << " method=" << s.method;
    for (const auto& o : s.loaded.overrides) out << " --set " << o;
    if (s.prediction) {
        out << "\n# selected: " << s.prediction->rule;
        if (!s.prediction->selected_configuration.empty())
            out << "; configuration " << s.prediction->selected_configuration << " "
                << format_number(s.prediction->configuration_probability);
    }
    out << "\n";
    const bool stances = game.has_stances() && game.player_count() >= 2;
    out << "equilibrium,method,regret,labels";
    for (const auto& p : game.players) {
        out << "," << p << "_action," << p << "_payoff";
        if (stances) out << "," << p << "_alignment";
        if (stances && game.player_count() == 3) out << "," << p << "_role";
    }
    if (stances && game.player_count() == 3) out << ",configuration";
    out << "\n";
    for (std::size_t e = 0; e < s.report.equilibria.size(); ++e) {
        const Equilibrium& eq = s.report.equilibria[e];
        const auto reading = read(game, eq);
        out << e + 1 << "," << eq.method << "," << format_number(eq.regret) << "," << csv_cell(join(eq.labels, ";"));
        for (int i = 0; i < game.player_count(); ++i) {
            out << "," << csv_cell(describe_strategy(game, eq, i)) << "," << format_number(eq.payoffs[i]);
            if (reading) out << "," << reading->alignment[i];
            if (reading && !reading->role.empty()) out << "," << reading->role[i];
        }
        if (reading && !reading->configuration.empty()) out << "," << reading->configuration;
        out << "\n";
    }
    return out.str();
}

}  // namespace triad
