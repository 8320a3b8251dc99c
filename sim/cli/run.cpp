// triad run: play a scenario's timeline and report every period and every shift.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/dynamics/ensemble.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/report/run_report.hpp"

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

}  // namespace

int run_run(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, output;
    long long seed_option = -1;
    int runs_option = 0;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml) with a timeline: section")
        ("seed", po::value(&seed_option), "seed of the stochastic rules (default: the scenario's timeline.seed, else 1)")
        ("runs", po::value(&runs_option), "repeat with derived seeds and aggregate (default: timeline.runs, else 1)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value when the timeline starts (its schedules and events still move it)");
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
    for (const std::string& assignment : sets)
        refuse_scheduled(timeline, loaded.model->parameters(), assignment.substr(0, assignment.find('=')), {"--set", 0, 0}, "--set");
    if (!timeline.initial) timeline.initial = default_initial_profile(*loaded.model, timeline);
    const std::uint64_t seed = seed_option >= 0 ? static_cast<std::uint64_t>(seed_option) : timeline.seed;
    const int runs = runs_option > 0 ? runs_option : timeline.runs;
    if (vm->count("runs") && runs_option < 1) throw UsageError("--runs must be at least 1", "run");
    if (runs == 1) {
        const RunResult run = run_timeline(*loaded.model, timeline, seed);
        switch (format) {
            case Format::table: emit(render_run_table(loaded, timeline, run), output); break;
            case Format::json: emit(render_run_json(loaded, timeline, run), output); break;
            case Format::csv: emit(render_run_csv(loaded, timeline, run), output); break;
        }
        return 0;
    }
    if (format == Format::csv) throw UsageError("--runs above 1 has table and json forms only", "run");
    std::vector<RunResult> results;
    results.reserve(static_cast<std::size_t>(runs));
    for (int r = 0; r < runs; ++r) results.push_back(run_timeline(*loaded.model, timeline, run_seed(seed, r)));
    const Ensemble ensemble = summarize_runs(timeline, results);
    emit(format == Format::json ? render_runs_json(loaded, timeline, ensemble, seed)
                                : render_runs_table(loaded, timeline, ensemble, seed),
         output);
    return 0;
}

}  // namespace triad::cli
