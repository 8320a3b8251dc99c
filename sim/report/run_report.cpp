// Rendering timeline runs: one run period by period with its shifts, or many runs as shares
// and spreads (run_report.hpp).
#include "triad/report/run_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"
#include "triad/report/explain_report.hpp"
#include "triad/report/text.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace triad {

namespace {

std::string action_text(const Game& game, const Eigen::VectorXd& strategy, int i) {
    const int a = mode(strategy);
    if (strategy(a) >= 1.0) return game.actions[i][a];
    return game.actions[i][a] + "(" + printf_number(strategy(a), "%.2f") + ")";
}

void header_lines(std::ostream& out, const LoadedGame& loaded, const Timeline& t, std::uint64_t seed, int runs) {
    const Game& game = loaded.game();
    out << (game.title.empty() ? loaded.path : game.title) << "\n";
    out << "  " << loaded.path << "  (content hash " << loaded.content_hash << ", triad " << kVersion << ", seed "
        << seed << (runs > 1 ? ", runs " + std::to_string(runs) : std::string()) << ")\n";
    for (const auto& o : loaded.overrides) out << "  --set " << o << "\n";
    out << "  timeline " << format_number(t.start) << " to " << format_number(t.end) << " step " << format_number(t.step)
        << " (" << t.periods() << " periods), min_hold " << t.min_hold << "; learning:";
    for (int i = 0; i < game.player_count(); ++i) {
        out << " " << game.players[i] << " " << t.rules[i].spec->name;
        for (const auto& [k, v] : t.rules[i].options) out << " " << k << "=" << format_number(v);
        out << (i + 1 < game.player_count() ? ";" : "");
    }
    out << "\n\n";
}

void json_common(JsonWriter& json, const LoadedGame& loaded, const Timeline& t, std::uint64_t seed, int runs) {
    const Game& game = loaded.game();
    json.field("version", kVersion);
    json.key("scenario").begin_object().field("path", loaded.path).field("content_hash", loaded.content_hash).field("title", game.title);
    json.key("overrides").begin_array();
    for (const auto& o : loaded.overrides) json.value(o);
    json.end_array().end_object();
    json.field("seed", static_cast<long long>(seed)).field("runs", runs);
    json.key("timeline").begin_object().field("start", t.start).field("end", t.end).field("step", t.step).field("min_hold", t.min_hold);
    json.key("learning").begin_object();
    for (int i = 0; i < game.player_count(); ++i) {
        json.key(game.players[i]).begin_object().field("rule", t.rules[i].spec->name);
        for (const auto& [k, v] : t.rules[i].options) json.field(k, v);
        json.end_object();
    }
    json.end_object().end_object();
    json.key("players").begin_array();
    for (const auto& p : game.players) json.value(p);
    json.end_array();
}

// "us: balanced, russia: china, china: russia": whom each player is aligned with.
std::string alignments_text(const Game& game, const PeriodRecord& r) {
    std::string text;
    for (int i = 0; i < game.player_count() && !r.alignment.empty(); ++i)
        text += (i ? ", " : "") + game.players[i] + ": " + alignment_label(game, r.alignment[i]);
    return text;
}

// Does the critical discount factor tell the reader anything? Not when every period's play is
// a stage equilibrium (0 throughout): then the column would be a row of zeros.
bool discount_informative(const RunResult& run) {
    return std::any_of(run.periods.begin(), run.periods.end(),
                       [](const PeriodRecord& r) { return !r.critical_discount || *r.critical_discount > 0.0; });
}

// Each player's play in one period: its actions' probabilities (those above zero).
void json_play(JsonWriter& json, const Game& game, const PeriodRecord& r) {
    json.key("play").begin_object();
    for (int i = 0; i < game.player_count(); ++i) {
        json.key(game.players[i]).begin_object();
        for (Eigen::Index a = 0; a < r.play[i].size(); ++a)
            if (r.play[i](a) > 0.0) json.field(game.actions[i][a], r.play[i](a));
        json.end_object();
    }
    json.end_object();
}

// A stance game's reading of one period: every dyad's warmth, each player's alignment and,
// with a triangle, its configuration and roles.
void json_stances(JsonWriter& json, const Game& game, const PeriodRecord& r) {
    const int n = game.player_count();
    json.key("warmth").begin_object();
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) json.field(game.players[i] + "-" + game.players[j], r.warmth(i, j));
    json.end_object();
    json.key("alignment").begin_object();
    for (int i = 0; i < n; ++i) json.field(game.players[i], alignment_label(game, r.alignment[i]));
    json.end_object();
    if (r.triangle) {
        json.field("configuration", configuration_label(r));
        json.key("roles").begin_object();
        for (int i = 0; i < n; ++i) json.field(game.players[i], role_label(r, i));
        json.end_object();
    }
}

// The memory stocks after one period: grievance and trust of each player toward each other.
void json_memory_stocks(JsonWriter& json, const Game& game, const PeriodRecord& r) {
    const int n = game.player_count();
    for (const auto& [name, stock] : {std::pair<const char*, const Eigen::MatrixXd*>{"grievance", &r.grievance}, {"trust", &r.trust}}) {
        json.key(name).begin_object();
        for (int i = 0; i < n; ++i) {
            json.key(game.players[i]).begin_object();
            for (int j = 0; j < n; ++j)
                if (j != i) json.field(game.players[j], (*stock)(i, j));
            json.end_object();
        }
        json.end_object();
    }
}

// Period k of a run: its time, play, stance reading, events, payoffs, stocks and delta*.
void json_period(JsonWriter& json, const Game& game, const PeriodRecord& r, std::size_t k) {
    json.begin_object().field("period", static_cast<int>(k)).field("time", r.time);
    json_play(json, game, r);
    if (game.has_stances()) json_stances(json, game, r);
    if (!r.events.empty()) {  // the events applied this period, by name
        json.key("events").begin_array();
        for (const auto& name : r.events) json.value(name);
        json.end_array();
    }
    json.key("payoffs").begin_object();
    for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], r.payoffs[i]);
    json.end_object();
    json_memory_stocks(json, game, r);
    json.key("critical_discount");
    r.critical_discount ? json.value(*r.critical_discount) : json.null();
    json.end_object();
}

// Why a shift happened: each move (the new action against the old, the others as in the period
// before), then what grew since the subject's previous shift.
void write_shift_reasons(std::ostream& out, const Game& game, const ShiftEvent& s) {
    for (const auto& c : s.causes)
        if (c.kind == ShiftCause::Kind::event) out << "      " << c.mover << "'s move was forced: " << c.label() << " fixed its stance\n";
    for (const ShiftMove& m : s.moves) out << "      " << explain_sentence(game, m.split, m.from) << "\n";
    std::vector<std::string> grew;
    for (const auto& c : s.causes)
        if (c.kind == ShiftCause::Kind::driver)
            grew.push_back(c.mover + "'s " + c.driver + " " + (c.change >= 0 ? "+" : "") + printf_number(c.change, "%.3f"));
    if (!grew.empty()) out << "      since " << format_number(s.since) << ", what changed most in the move's gain: " << join(grew, ", ") << "\n";
}

// The run's shifts, each with the causes found for it.
// A shift's move: from, to, both payoffs and each part's share of the gain (summing to it).
void json_move(JsonWriter& json, const Game& game, const ShiftMove& m) {
    const int i = m.mover, to = m.split.chosen;
    json.begin_object().field("mover", game.players[i]).field("from", game.actions[i][m.from]).field("to", game.actions[i][to]);
    json.field("from_payoff", m.split.actions[m.from].payoff).field("to_payoff", m.split.actions[to].payoff);
    if (!m.forced_by.empty()) json.field("forced_by", m.forced_by);
    json.field("summary", explain_sentence(game, m.split, m.from));
    json.key("gain").begin_object();
    for (std::size_t c = 0; c < m.split.components.size(); ++c)
        json.field(m.split.components[c], m.split.actions[to].contributions[c] - m.split.actions[m.from].contributions[c]);
    json.end_object().end_object();
}

void json_shifts(JsonWriter& json, const Game& game, const RunResult& run) {
    json.key("shifts").begin_array();
    for (const auto& s : run.shifts) {
        json.begin_object().field("period", s.period).field("time", s.time).field("what", to_string(s.what)).field("from", s.from).field("to", s.to);
        json.field("held", s.held).field("to_end", s.to_end);
        json.key("causes").begin_array();
        for (const auto& c : s.causes) json.begin_object().field("mover", c.mover).field("driver", c.label()).field("change", c.change).end_object();
        json.end_array();
        json.field("since", s.since);
        json.key("moves").begin_array();
        for (const ShiftMove& m : s.moves) json_move(json, game, m);
        json.end_array().end_object();
    }
    json.end_array();
}

}  // namespace

std::string render_run_table(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
    const Game& game = loaded.game();
    const int n = game.player_count();
    std::ostringstream out;
    header_lines(out, loaded, t, run.seed, 1);
    const bool show_discount = discount_informative(run);
    if (show_discount)
        out << "delta*: the discount factor at which grim trigger (Nash reversion) holds the period's\n"
               "play; 0 for a stage equilibrium, none when no discount factor holds it.\n\n";
    else
        out << "Every period's play is a stage equilibrium: it holds without any threat (delta* is 0\n"
               "throughout), so the table leaves out the delta* column.\n\n";
    std::size_t width = 8;
    for (int i = 0; i < n; ++i) for (const auto& a : game.actions[i]) width = std::max(width, a.size() + 7);
    std::vector<std::string> alignments;
    std::size_t alignments_width = std::string("alignments").size();
    for (const auto& r : run.periods) {
        alignments.push_back(alignments_text(game, r));
        alignments_width = std::max(alignments_width, alignments.back().size());
    }
    out << std::left << std::setw(8) << "period";
    for (int i = 0; i < n; ++i) out << std::setw(static_cast<int>(width)) << game.players[i];
    out << std::setw(18) << "configuration";
    if (show_discount) out << std::setw(static_cast<int>(alignments_width + 2)) << "alignments" << "delta*\n";
    else out << "alignments\n";
    for (std::size_t k = 0; k < run.periods.size(); ++k) {
        const PeriodRecord& r = run.periods[k];
        out << std::left << std::setw(8) << format_number(r.time);
        for (int i = 0; i < n; ++i) out << std::setw(static_cast<int>(width)) << action_text(game, r.play[i], i);
        out << std::setw(18) << configuration_label(r);
        if (show_discount)
            out << std::setw(static_cast<int>(alignments_width + 2)) << alignments[k]
                << (r.critical_discount ? printf_number(*r.critical_discount, "%.2f") : std::string("none"));
        else
            out << alignments[k];  // the last column: no padding after it
        out << "\n";
    }
    out << std::right << "\n" << run.shifts.size() << " shift" << (run.shifts.size() == 1 ? "" : "s") << "\n";
    for (const auto& s : run.shifts) {
        out << "  " << format_number(s.time) << "  " << to_string(s.what) << ": " << s.from << " -> " << s.to << "  (held "
            << s.held << (s.to_end ? "+, to the end" : "") << ")\n";
        write_shift_reasons(out, game, s);
    }
    return out.str();
}

std::string render_run_json(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
    const Game& game = loaded.game();
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json_common(json, loaded, t, run.seed, 1);
    json.key("periods").begin_array();
    for (std::size_t k = 0; k < run.periods.size(); ++k) json_period(json, game, run.periods[k], k);
    json.end_array();
    json_shifts(json, game, run);
    json.end_object();
    return buffer.str();
}

std::string render_run_csv(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
    const Game& game = loaded.game();
    const int n = game.player_count();
    std::ostringstream out;
    out << "# triad " << kVersion << " run " << csv_cell(loaded.path) << " content_hash=" << loaded.content_hash << " seed=" << run.seed;
    for (const auto& o : loaded.overrides) out << " --set " << o;
    out << "\nperiod,time";
    for (const auto& p : game.players) out << "," << p << "_action," << p << "_alignment," << p << "_role," << p << "_payoff";
    out << ",configuration,critical_discount";
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j) out << ",G_" << game.players[i] << "_" << game.players[j] << ",T_" << game.players[i] << "_" << game.players[j];
    out << "\n";
    for (std::size_t k = 0; k < run.periods.size(); ++k) {
        const PeriodRecord& r = run.periods[k];
        out << k << "," << format_number(r.time);
        for (int i = 0; i < n; ++i)
            out << "," << csv_cell(action_text(game, r.play[i], i)) << ","
                << (r.alignment.empty() ? "" : alignment_label(game, r.alignment[i])) << "," << role_label(r, i) << ","
                << format_number(r.payoffs[i]);
        out << "," << configuration_label(r) << "," << (r.critical_discount ? format_number(*r.critical_discount) : "");
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (i != j) out << "," << format_number(r.grievance(i, j)) << "," << format_number(r.trust(i, j));
        out << "\n";
    }
    for (const auto& s : run.shifts)
        out << "# shift period=" << s.period << " time=" << format_number(s.time) << " what=" << to_string(s.what) << " from=" << s.from
            << " to=" << s.to << " held=" << s.held << "\n";
    (void)t;
    return out.str();
}

std::string render_runs_json(const LoadedGame& loaded, const Timeline& t, const Ensemble& e, std::uint64_t seed) {
    const int periods = t.periods();
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object();
    json_common(json, loaded, t, seed, static_cast<int>(e.runs));
    json.key("periods").begin_array();
    for (int k = 0; k < periods; ++k) {
        json.begin_object().field("period", k).field("time", t.time_of(k)).key("configuration_share").begin_object();
        for (const auto& [label, p] : e.configuration_share[k]) json.field(label, p);
        json.end_object().end_object();
    }
    json.end_array().key("shifts").begin_array();
    for (const auto& d : e.shifts) {
        json.begin_object().field("what", to_string(d.what)).field("from", d.from).field("to", d.to);
        json.field("runs", d.count).field("occurrences", d.occurrences).field("share", d.share).field("mean_time", d.mean_time);
        json.key("dates").begin_object();
        for (const auto& [time, c] : d.dates) json.field(format_number(time), c);
        json.end_object().key("causes").begin_array();
        for (const auto& c : d.causes) json.begin_object().field("mover", c.mover).field("driver", c.label()).field("change", c.change).end_object();
        json.end_array().end_object();
    }
    json.end_array().end_object();
    return out.str();
}

std::string render_runs_table(const LoadedGame& loaded, const Timeline& t, const Ensemble& e, std::uint64_t seed) {
    const int periods = t.periods();
    std::ostringstream out;
    header_lines(out, loaded, t, seed, static_cast<int>(e.runs));
    out << "share of runs in each configuration\n";
    for (int k = 0; k < periods; ++k) {
        out << "  " << std::left << std::setw(8) << format_number(t.time_of(k)) << std::right;
        for (const auto& [label, p] : e.configuration_share[k]) out << "  " << label << " " << printf_number(100 * p, "%.1f") << "%";
        out << "\n";
    }
    out << "\nshifts (share of runs; dates)\n";
    for (const auto& d : e.shifts) {
        out << "  " << to_string(d.what) << ": " << d.from << " -> " << d.to << "  " << printf_number(100.0 * d.share, "%.1f")
            << "% of runs, mean date " << printf_number(d.mean_time, "%.1f") << "; dates:";
        for (const auto& [time, c] : d.dates) out << " " << format_number(time) << "x" << c;
        out << "\n";
    }
    return out.str();
}

}  // namespace triad
