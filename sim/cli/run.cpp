// triad run: play a scenario's timeline and report every period and every shift.
#include "cli.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/core/version.hpp"

#include <cstdio>
#include <iomanip>
#include <map>
#include <sstream>

namespace triad::cli {

namespace {

const char* kAbout =
    "Plays the stage game of a scenario repeatedly over its timeline (the 'timeline:' section:\n"
    "start, end, step; schedules that move parameters; events that set parameters or fix a\n"
    "player's stance; the learning rule of each player; memory of grievance and trust) and\n"
    "reports, per period, what each player did, the warmth of each pair, alignments, the\n"
    "configuration and roles, payoffs, memory stocks and the critical discount factor of the\n"
    "profile played; then every SHIFT: when a player's alignment or the configuration changed\n"
    "and held for at least min_hold periods, from what to what, for how long, and the drivers\n"
    "whose pull toward the move grew most since the previous regime.\n\n"
    "Stochastic learning rules (logit, best_response with q < 1) use --seed; --runs N repeats\n"
    "the timeline with derived seeds and reports the share of runs in each configuration per\n"
    "period and the distribution of each shift's date. The same scenario, seed and build give\n"
    "byte-identical output. Learning rules: 'triad list rules'.\n\n"
    "Examples:\n"
    "  triad run scenarios/lag.yaml\n"
    "  triad run scenarios/lag.yaml --format json -o lag.json\n"
    "  triad run scenarios/lag.yaml --set memory.decay=0.3      # shorter memory, shorter lag\n"
    "  triad run scenarios/lag.yaml --runs 200 --seed 7\n";

std::string action_text(const Game& game, const Eigen::VectorXd& strategy, int i) {
    const int a = mode(strategy);
    if (strategy(a) >= 1.0) return game.actions[i][a];
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", strategy(a));
    return game.actions[i][a] + "(" + buffer + ")";
}

std::string number(double v, const char* format = "%.3f") {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, v);
    return buffer;
}

std::string configuration_of(const PeriodRecord& r) {
    return r.triangle ? std::string(to_string(r.triangle->configuration)) : std::string("-");
}

std::string role_of(const PeriodRecord& r, int i) {
    if (!r.triangle) return "-";
    for (int a = 0; a < 3; ++a)
        if (r.triangle->players[a] == i) return std::string(to_string(r.triangle->roles[a]));
    return "-";
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

std::string render_table(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
    const Game& game = loaded.game();
    const int n = game.player_count();
    std::ostringstream out;
    header_lines(out, loaded, t, run.seed, 1);
    std::size_t width = 8;
    for (int i = 0; i < n; ++i) for (const auto& a : game.actions[i]) width = std::max(width, a.size() + 7);
    out << std::left << std::setw(8) << "period";
    for (int i = 0; i < n; ++i) out << std::setw(static_cast<int>(width)) << game.players[i];
    out << std::setw(18) << "configuration" << "alignments" << std::string(14, ' ') << "delta*\n";
    for (const auto& r : run.periods) {
        out << std::left << std::setw(8) << format_number(r.time);
        for (int i = 0; i < n; ++i) out << std::setw(static_cast<int>(width)) << action_text(game, r.play[i], i);
        out << std::setw(18) << configuration_of(r);
        std::string aligned;
        for (int i = 0; i < n && !r.alignment.empty(); ++i)
            aligned += (i ? " " : "") + game.players[i].substr(0, 2) + ">" + alignment_label(game, r.alignment[i]).substr(0, 2);
        out << std::setw(24) << aligned << (r.critical_discount ? number(*r.critical_discount, "%.2f") : std::string("none")) << "\n";
    }
    out << std::right << "\n" << run.shifts.size() << " shift" << (run.shifts.size() == 1 ? "" : "s") << "\n";
    for (const auto& s : run.shifts) {
        out << "  " << format_number(s.time) << "  " << s.what << ": " << s.from << " -> " << s.to << "  (held "
            << s.held << (s.to_end ? "+, to the end" : "") << ")\n";
        for (const auto& c : s.causes) {
            if (c.driver.rfind("event ", 0) == 0) out << "      " << c.mover << "'s move was forced: " << c.driver << " fixed its stance\n";
            else out << "      " << c.mover << "'s pull toward the move from " << c.driver << " " << (c.change >= 0 ? "+" : "")
                     << number(c.change) << "\n";
        }
    }
    return out.str();
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

std::string render_json(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
    const Game& game = loaded.game();
    const int n = game.player_count();
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json_common(json, loaded, t, run.seed, 1);
    json.key("periods").begin_array();
    for (std::size_t k = 0; k < run.periods.size(); ++k) {
        const PeriodRecord& r = run.periods[k];
        json.begin_object().field("period", static_cast<int>(k)).field("time", r.time);
        json.key("play").begin_object();
        for (int i = 0; i < n; ++i) {
            json.key(game.players[i]).begin_object();
            for (Eigen::Index a = 0; a < r.play[i].size(); ++a)
                if (r.play[i](a) > 0.0) json.field(game.actions[i][a], r.play[i](a));
            json.end_object();
        }
        json.end_object();
        if (game.has_stances()) {
            json.key("warmth").begin_object();
            for (int i = 0; i < n; ++i)
                for (int j = i + 1; j < n; ++j) json.field(game.players[i] + "-" + game.players[j], r.warmth(i, j));
            json.end_object();
            json.key("alignment").begin_object();
            for (int i = 0; i < n; ++i) json.field(game.players[i], alignment_label(game, r.alignment[i]));
            json.end_object();
            if (r.triangle) {
                json.field("configuration", configuration_of(r));
                json.key("roles").begin_object();
                for (int i = 0; i < n; ++i) json.field(game.players[i], role_of(r, i));
                json.end_object();
            }
        }
        if (!r.events.empty()) {  // the events applied this period, by name
            json.key("events").begin_array();
            for (const auto& name : r.events) json.value(name);
            json.end_array();
        }
        json.key("payoffs").begin_object();
        for (int i = 0; i < n; ++i) json.field(game.players[i], r.payoffs[i]);
        json.end_object();
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
        json.key("critical_discount");
        r.critical_discount ? json.value(*r.critical_discount) : json.null();
        json.end_object();
    }
    json.end_array();
    json.key("shifts").begin_array();
    for (const auto& s : run.shifts) {
        json.begin_object().field("period", s.period).field("time", s.time).field("what", s.what).field("from", s.from).field("to", s.to);
        json.field("held", s.held).field("to_end", s.to_end);
        json.key("causes").begin_array();
        for (const auto& c : s.causes) json.begin_object().field("mover", c.mover).field("driver", c.driver).field("change", c.change).end_object();
        json.end_array().end_object();
    }
    json.end_array().end_object();
    return buffer.str();
}

std::string render_csv(const LoadedGame& loaded, const Timeline& t, const RunResult& run) {
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
                << (r.alignment.empty() ? "" : alignment_label(game, r.alignment[i])) << "," << role_of(r, i) << ","
                << format_number(r.payoffs[i]);
        out << "," << configuration_of(r) << "," << (r.critical_discount ? format_number(*r.critical_discount) : "");
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (i != j) out << "," << format_number(r.grievance(i, j)) << "," << format_number(r.trust(i, j));
        out << "\n";
    }
    for (const auto& s : run.shifts)
        out << "# shift period=" << s.period << " time=" << format_number(s.time) << " what=" << s.what << " from=" << s.from
            << " to=" << s.to << " held=" << s.held << "\n";
    (void)t;
    return out.str();
}

// --runs N: shares of configurations per period and the spread of each shift's date.
std::string render_runs(const LoadedGame& loaded, const Timeline& t, const std::vector<RunResult>& runs, std::uint64_t seed,
                        Format format) {
    const int periods = t.periods();
    const double share = 1.0 / static_cast<double>(runs.size());
    std::vector<std::map<std::string, double>> configuration(periods);
    for (const auto& run : runs)
        for (int k = 0; k < periods; ++k) configuration[k][configuration_of(run.periods[k])] += share;
    struct Dates {
        std::map<double, int> count;
        std::vector<ShiftCause> causes;
    };
    std::map<std::tuple<std::string, std::string, std::string>, Dates> shifts;
    for (const auto& run : runs)
        for (const auto& s : run.shifts) {
            Dates& d = shifts[{s.what, s.from, s.to}];
            d.count[s.time] += 1;
            if (d.causes.empty()) d.causes = s.causes;
        }
    std::ostringstream out;
    if (format == Format::json) {
        JsonWriter json(out);
        json.begin_object();
        json_common(json, loaded, t, seed, static_cast<int>(runs.size()));
        json.key("periods").begin_array();
        for (int k = 0; k < periods; ++k) {
            json.begin_object().field("period", k).field("time", t.time_of(k)).key("configuration_share").begin_object();
            for (const auto& [label, p] : configuration[k]) json.field(label, p);
            json.end_object().end_object();
        }
        json.end_array().key("shifts").begin_array();
        for (const auto& [key, d] : shifts) {
            int total = 0;
            double sum = 0.0;
            for (const auto& [time, c] : d.count) total += c, sum += time * c;
            json.begin_object().field("what", std::get<0>(key)).field("from", std::get<1>(key)).field("to", std::get<2>(key));
            json.field("runs", total).field("share", total * share).field("mean_time", sum / total);
            json.key("dates").begin_object();
            for (const auto& [time, c] : d.count) json.field(format_number(time), c);
            json.end_object().key("causes").begin_array();
            for (const auto& c : d.causes) json.begin_object().field("mover", c.mover).field("driver", c.driver).field("change", c.change).end_object();
            json.end_array().end_object();
        }
        json.end_array().end_object();
        return out.str();
    }
    header_lines(out, loaded, t, seed, static_cast<int>(runs.size()));
    out << "share of runs in each configuration\n";
    for (int k = 0; k < periods; ++k) {
        out << "  " << std::left << std::setw(8) << format_number(t.time_of(k)) << std::right;
        for (const auto& [label, p] : configuration[k]) out << "  " << label << " " << number(100 * p, "%.1f") << "%";
        out << "\n";
    }
    out << "\nshifts (share of runs; dates)\n";
    for (const auto& [key, d] : shifts) {
        int total = 0;
        double sum = 0.0;
        for (const auto& [time, c] : d.count) total += c, sum += time * c;
        out << "  " << std::get<0>(key) << ": " << std::get<1>(key) << " -> " << std::get<2>(key) << "  "
            << number(100.0 * total * share, "%.1f") << "% of runs, mean date " << number(sum / total, "%.1f") << "; dates:";
        for (const auto& [time, c] : d.count) out << " " << format_number(time) << "x" << c;
        out << "\n";
    }
    return out.str();
}

}  // namespace

int run_run(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, output;
    long long seed_option = -1;
    int runs_option = 0;
    options.add_options()
        ("file", po::value(&file)->required(), "scenario (.yaml) with a timeline: section")
        ("seed", po::value(&seed_option), "seed of the stochastic rules (default: the scenario's timeline.seed, else 1)")
        ("runs", po::value(&runs_option), "repeat with derived seeds and aggregate (default: timeline.runs, else 1)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "run",
                                  "triad run FILE [--set PATH=VALUE]... [--seed S] [--runs N] [--format table|json|csv] [-o OUT]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "run");
    if (is_nfg_path(file)) throw InputError({file, 0, 0}, "a .nfg game has no timeline", "give a scenario with a timeline: section");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    Timeline timeline = read_timeline(*loaded.model);
    if (!timeline.initial) timeline.initial = default_initial_profile(*loaded.model, timeline);
    const std::uint64_t seed = seed_option >= 0 ? static_cast<std::uint64_t>(seed_option) : timeline.seed;
    const int runs = runs_option > 0 ? runs_option : timeline.runs;
    if (vm->count("runs") && runs_option < 1) throw UsageError("--runs must be at least 1", "run");
    if (runs == 1) {
        const RunResult run = run_timeline(*loaded.model, timeline, seed);
        switch (format) {
            case Format::table: emit(render_table(loaded, timeline, run), output); break;
            case Format::json: emit(render_json(loaded, timeline, run), output); break;
            case Format::csv: emit(render_csv(loaded, timeline, run), output); break;
        }
        return 0;
    }
    if (format == Format::csv) throw UsageError("--runs above 1 has table and json forms only", "run");
    std::vector<RunResult> results;
    results.reserve(static_cast<std::size_t>(runs));
    for (int r = 0; r < runs; ++r) results.push_back(run_timeline(*loaded.model, timeline, run_seed(seed, r)));
    emit(render_runs(loaded, timeline, results, seed, format), output);
    return 0;
}

}  // namespace triad::cli
