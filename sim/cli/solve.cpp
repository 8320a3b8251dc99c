// triad solve: the equilibria of a stage game, as a table, JSON or CSV.
#include "cli.hpp"

#include "triad/output.hpp"
#include "triad/parameters.hpp"
#include "triad/stationary.hpp"
#include "triad/triangle.hpp"
#include "triad/version.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace triad::cli {

namespace {

const char* kAbout =
    "Builds the stage game of a scenario (after any --set overrides) or reads a Gambit .nfg\n"
    "game, and reports its equilibria. Each equilibrium comes with each player's action and\n"
    "payoff, its regret (the most any player could gain by deviating alone; 0 at an exact\n"
    "equilibrium) and, for stance games, each player's alignment, the triangle's configuration\n"
    "and every player's role.\n\n"
    "Methods:\n"
    "  pure   every pure-strategy Nash equilibrium, found exactly by checking each player's\n"
    "         best replies over the whole profile space (N players)\n"
    "  stable the long-run distribution of noisy best-response play (asynchronous logit\n"
    "         dynamics at --lambda): the probability of each configuration, alignment and\n"
    "         role, and the profiles holding at least 1% of the mass, with their regret\n\n"
    "Examples:\n"
    "  triad solve scenarios/baseline.yaml\n"
    "  triad solve scenarios/baseline.yaml --set russia.regime_fear=0.5 --format json\n"
    "  triad solve game.nfg --format csv -o equilibria.csv\n"
    "  triad solve scenarios/baseline.yaml --method stable --lambda 5\n";

// The stationary distribution's report: distributions and the profiles that carry its mass.
struct StableReport {
    StationaryDistribution distribution;
    OutcomeDistribution outcome;
    std::vector<std::size_t> top;  // profiles with at least 1% of the mass, most likely first
};

StableReport solve_stable(const Game& game, double lambda) {
    StableReport report;
    StabilityTrace trace = trace_stability(game, {lambda}, 0.01);
    report.distribution = std::move(trace.by_lambda.front());
    report.top = std::move(trace.stable_profiles);
    report.outcome = outcome_distribution(game, report.distribution.probability);
    return report;
}

void write_distribution(JsonWriter& json, const std::map<std::string, double>& d) {
    json.begin_object();
    for (const auto& [label, p] : d) json.field(label, p);
    json.end_object();
}

// The action name, or for a mixed strategy "a:0.5|b:0.5".
std::string describe_strategy(const Game& game, const Equilibrium& eq, int i) {
    if (eq.profile) return game.actions[i][game.space.action_of(*eq.profile, i)];
    std::string out;
    for (Eigen::Index a = 0; a < eq.strategy[i].size(); ++a) {
        if (eq.strategy[i](a) <= 0.0) continue;
        if (!out.empty()) out += '|';
        out += game.actions[i][a] + ":" + format_number(eq.strategy[i](a));
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

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string describe_map(const std::map<std::string, double>& d) {
    std::vector<std::pair<std::string, double>> items(d.begin(), d.end());
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [label, p] : items) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%s %.3f", label.c_str(), p);
        out += (out.empty() ? "" : ", ") + std::string(buffer);
    }
    return out;
}

std::string render_stable_table(const Game& game, const StableReport& report) {
    std::ostringstream out;
    out << "Long-run distribution of logit best-response play, lambda " << format_number(report.distribution.lambda)
        << " (residual " << format_number(report.distribution.residual) << ")\n";
    if (!report.outcome.configuration.empty())
        out << "  configuration: " << describe_map(report.outcome.configuration) << "\n";
    for (int i = 0; i < game.player_count() && game.has_stances(); ++i) {
        out << "  " << game.players[i] << " aligned with: " << describe_map(report.outcome.alignment[i]) << "\n";
        if (!report.outcome.role.empty()) out << "  " << game.players[i] << " role: " << describe_map(report.outcome.role[i]) << "\n";
    }
    out << "  profiles with at least 1% of the mass:\n";
    for (std::size_t p : report.top) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "    %.4f  regret %-10.4g ", report.distribution.probability(static_cast<Eigen::Index>(p)),
                      pure_regret(game, p));
        out << buffer;
        for (int i = 0; i < game.player_count(); ++i) out << (i ? "  " : "") << game.players[i] << " " << game.actions[i][game.space.action_of(p, i)];
        out << "\n";
    }
    return out.str() + "\n";
}

std::string render_table(const LoadedGame& loaded, const std::vector<Equilibrium>& equilibria,
                         const std::string& method, double tolerance) {
    const Game& game = loaded.game();
    std::ostringstream out;
    out << (game.title.empty() ? loaded.path : game.title) << "\n";
    out << "  " << loaded.path << "  (content hash " << loaded.content_hash << ", triad " << kVersion << ")\n";
    for (const auto& o : loaded.overrides) out << "  --set " << o << "\n";
    std::vector<std::string> counts;
    for (int i = 0; i < game.player_count(); ++i) counts.push_back(std::to_string(game.space.actions(i)));
    out << "  " << game.player_count() << " players, " << join(counts, " x ") << " actions, "
        << game.space.size() << " profiles\n\n";
    out << equilibria.size() << " " << method << " Nash equilibri" << (equilibria.size() == 1 ? "um" : "a")
        << " (tolerance " << format_number(tolerance) << ")\n";
    if (equilibria.empty() && method == "pure")
        out << "  none: every profile leaves some player a profitable deviation.\n";
    std::size_t name_width = 6, action_width = 6;
    for (int i = 0; i < game.player_count(); ++i) {
        name_width = std::max(name_width, game.players[i].size());
        for (const auto& a : game.actions[i]) action_width = std::max(action_width, a.size());
    }
    for (std::size_t e = 0; e < equilibria.size(); ++e) {
        const Equilibrium& eq = equilibria[e];
        const auto reading = read(game, eq);
        out << "\n#" << e + 1 << "  " << eq.method << "  regret " << format_number(eq.regret);
        if (!eq.labels.empty()) out << "  [" << join(eq.labels, ", ") << "]";
        if (reading && !reading->configuration.empty()) out << "  " << reading->configuration;
        out << "\n";
        out << "  " << std::left << std::setw(static_cast<int>(name_width)) << "player" << "  "
            << std::setw(static_cast<int>(action_width)) << "action" << "  " << std::right << std::setw(10)
            << "payoff";
        if (reading) out << "  " << std::left << std::setw(10) << "alignment" << (reading->role.empty() ? "" : "  role");
        out << "\n";
        for (int i = 0; i < game.player_count(); ++i) {
            char payoff[32];
            std::snprintf(payoff, sizeof payoff, "%10.4f", eq.payoffs[i]);
            out << "  " << std::left << std::setw(static_cast<int>(name_width)) << game.players[i] << "  "
                << std::setw(static_cast<int>(action_width)) << describe_strategy(game, eq, i) << "  " << payoff;
            if (reading) {
                out << "  " << std::setw(10) << reading->alignment[i];
                if (!reading->role.empty()) out << "  " << reading->role[i];
            }
            out << std::right << "\n";
        }
        if (reading && game.player_count() > 3)
            for (const auto& t : reading->triads) {
                out << "  triple " << game.players[t.players[0]] << "/" << game.players[t.players[1]] << "/"
                    << game.players[t.players[2]] << ": " << to_string(t.configuration) << " (";
                for (int a = 0; a < 3; ++a)
                    out << (a ? ", " : "") << game.players[t.players[a]] << " " << to_string(t.roles[a]);
                out << ")\n";
            }
    }
    return out.str();
}

std::string render_json(const LoadedGame& loaded, const std::vector<Equilibrium>& equilibria,
                        const std::string& method, double tolerance, const StableReport* stable) {
    const Game& game = loaded.game();
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json.field("version", kVersion);
    json.key("scenario").begin_object();
    json.field("path", loaded.path).field("content_hash", loaded.content_hash).field("title", game.title);
    if (loaded.model) {
        json.field("description", loaded.model->scenario().description);
        json.key("sources").begin_array();
        for (const auto& s : loaded.model->scenario().sources) json.value(s);
        json.end_array();
    }
    json.key("overrides").begin_array();
    for (const auto& o : loaded.overrides) json.value(o);
    json.end_array().end_object();
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
    json.field("method", method).field("tolerance", tolerance);
    json.key("equilibria").begin_array();
    for (const auto& eq : equilibria) {
        json.begin_object();
        json.field("method", eq.method);
        json.key("profile").begin_object();
        for (int i = 0; i < game.player_count(); ++i) {
            json.key(game.players[i]).begin_object();
            for (Eigen::Index a = 0; a < eq.strategy[i].size(); ++a)
                if (eq.strategy[i](a) > 0.0) json.field(game.actions[i][a], eq.strategy[i](a));
            json.end_object();
        }
        json.end_object();
        json.key("payoffs").begin_object();
        for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], eq.payoffs[i]);
        json.end_object();
        json.field("regret", eq.regret);
        json.key("labels").begin_array();
        for (const auto& l : eq.labels) json.value(l);
        json.end_array();
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
    json.end_array();
    if (stable) {
        json.key("stationary").begin_object();
        json.field("lambda", stable->distribution.lambda).field("residual", stable->distribution.residual);
        if (!stable->outcome.configuration.empty()) {
            json.key("configuration");
            write_distribution(json, stable->outcome.configuration);
        }
        if (game.has_stances()) {
            json.key("alignment").begin_object();
            for (int i = 0; i < game.player_count(); ++i) {
                json.key(game.players[i]);
                write_distribution(json, stable->outcome.alignment[i]);
            }
            json.end_object();
        }
        if (!stable->outcome.role.empty()) {
            json.key("roles").begin_object();
            for (int i = 0; i < game.player_count(); ++i) {
                json.key(game.players[i]);
                write_distribution(json, stable->outcome.role[i]);
            }
            json.end_object();
        }
        json.key("top_profiles").begin_array();
        for (std::size_t p : stable->top) {
            json.begin_object();
            json.key("profile").begin_object();
            for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], game.actions[i][game.space.action_of(p, i)]);
            json.end_object();
            json.field("probability", stable->distribution.probability(static_cast<Eigen::Index>(p)));
            json.field("regret", pure_regret(game, p));
            json.end_object();
        }
        json.end_array().end_object();
    }
    json.end_object();
    return buffer.str();
}

std::string render_csv(const LoadedGame& loaded, const std::vector<Equilibrium>& equilibria) {
    const Game& game = loaded.game();
    std::ostringstream out;
    out << "# triad " << kVersion << " solve " << csv_cell(loaded.path) << " content_hash=" << loaded.content_hash;
    for (const auto& o : loaded.overrides) out << " --set " << o;
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
    for (std::size_t e = 0; e < equilibria.size(); ++e) {
        const Equilibrium& eq = equilibria[e];
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

}  // namespace

int run_solve(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, method, output;
    double relative_tolerance = 1e-9;
    double lambda = 10.0;
    options.add_options()
        ("file", po::value(&file)->required(), "scenario (.yaml) or Gambit game (.nfg)")
        ("method,m", po::value(&method)->default_value("pure"), "solution method: pure or stable")
        ("lambda", po::value(&lambda)->default_value(10.0, "10"), "stable: the logit rationality (higher = less noise)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("tolerance", po::value(&relative_tolerance)->default_value(1e-9, "1e-9"),
         "payoff gains below this, relative to the largest |payoff|, count as none")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "solve", "triad solve FILE [--set PATH=VALUE]... [--format table|json|csv]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "solve");
    static const std::vector<std::string> methods = {"pure", "stable"};
    if (std::find(methods.begin(), methods.end(), method) == methods.end())
        throw UsageError("unknown method '" + method + "'; " + suggest(method, methods), "solve");
    if (!(relative_tolerance >= 0.0 && relative_tolerance < 1.0))
        throw UsageError("--tolerance must be in [0, 1)", "solve");

    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const Game& game = loaded.game();
    const double tolerance = payoff_tolerance(game, relative_tolerance);
    const std::vector<Equilibrium> equilibria = pure_equilibria(game, tolerance);
    if (!(lambda >= 0.0 && std::isfinite(lambda))) throw UsageError("--lambda must be a finite number >= 0", "solve");
    std::optional<StableReport> stable;
    if (method == "stable") stable = solve_stable(game, lambda);

    switch (format) {
        case Format::table: {
            std::string text = render_table(loaded, equilibria, "pure", tolerance);
            if (stable) {
                const auto blank = text.find("\n\n");
                text.insert(blank + 2, render_stable_table(game, *stable));
            }
            emit(text, output);
            break;
        }
        case Format::json: emit(render_json(loaded, equilibria, method, tolerance, stable ? &*stable : nullptr), output); break;
        case Format::csv:
            if (stable) throw UsageError("--method stable has no CSV form yet; use --format json or table", "solve");
            emit(render_csv(loaded, equilibria), output);
            break;
    }
    return 0;
}

}  // namespace triad::cli
