// triad reach: the smallest change of some parameters that gives a wanted outcome.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/report/reach_report.hpp"
#include "triad/scenario/payoff_split.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/studies/reach.hpp"

#include <algorithm>
#include <thread>

namespace triad::cli {

namespace {

const char* const kAbout =
    "Finds the smallest change of the named parameters that makes the scenario's selected\n"
    "outcome (its selection: rule, as in 'triad solve') satisfy every --want. Each parameter\n"
    "is searched within its --over range, which must contain its current value; the size of a\n"
    "change is the distance sqrt(sum ((x - x0) / (HI - LO))^2), so a range's width is what a\n"
    "unit of change means. Without --over, every value of the scenario's uncertainty: section\n"
    "is searched over its 2%-98% range.\n\n"
    "Targets are those of a prediction's expect: TARGET=VALUE or TARGET!=VALUE, with TARGET\n"
    "configuration, PLAYER.alignment, PLAYER.role, pure_count, or in a crisis PLAYER.backs.\n\n"
    "The search samples the box (a grid for up to 3 parameters, a Latin hypercube of 512 points\n"
    "for more), bisects along the ray from the scenario's point to the nearest holding samples,\n"
    "refines each ray's direction by compass search, and tries each parameter alone; the least\n"
    "change wins, and changes that use other parameters are listed as alternatives. The report\n"
    "gives the change per parameter, the wanted label's probability there, why the target's\n"
    "player plays as it does there (as 'triad explain'), and the 'triad solve --set' command\n"
    "that confirms it. A target met nowhere in the box is reported unreachable, with the point\n"
    "where the wanted label was most probable.\n\n"
    "Examples:\n"
    "  triad reach scenarios/baseline.yaml --want russia.alignment=us --over wedge.rho=0:1 \\\n"
    "      --over russia.regime_fear=0:4\n"
    "  triad reach scenarios/baseline.yaml --want russia.alignment=us\n"
    "  triad reach scenarios/baseline.yaml --want russia.alignment!=china --over ambition.a.china.russia=0:4 --format json\n";

std::vector<Axis> ranges_of(const StageModel& model, const std::vector<std::string>& over) {
    if (over.empty()) {
        std::vector<Axis> axes = uncertainty_ranges(model);
        if (axes.empty())
            throw InputError({"--over", 0, 0}, "the scenario has no uncertainty: section to take ranges from",
                             "name the parameters to change: --over PATH=LO:HI");
        return axes;
    }
    std::vector<Axis> axes;
    for (const std::string& text : over) axes.push_back(parse_axis(text, {"--over", 0, 0}));
    return axes;
}

// The players the targets name ("russia.alignment" -> russia), once each.
std::vector<int> named_players(const Game& game, const std::vector<Expectation>& want) {
    std::vector<int> out;
    for (const Expectation& e : want) {
        const auto dot = e.target.find('.');
        if (dot == std::string::npos) continue;
        const auto found = std::find(game.players.begin(), game.players.end(), e.target.substr(0, dot));
        const int i = static_cast<int>(found - game.players.begin());
        if (found != game.players.end() && std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
    }
    return out;
}

}  // namespace

int run_reach(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, output;
    std::vector<std::string> wants, over;
    int threads = 0;
    long long seed = 1;
    std::size_t alternatives = 3;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml)")
        ("want,w", po::value(&wants)->composing()->value_name("TARGET=VALUE"), "the outcome wanted; repeatable (all must hold)")
        ("over", po::value(&over)->composing()->value_name("PATH=LO:HI"), "a parameter to change, within [LO, HI]; repeatable")
        ("alternatives", po::value(&alternatives)->default_value(3), "changes using other parameters to list besides the best")
        ("seed", po::value(&seed)->default_value(1), "seed of the Latin hypercube (4 or more parameters)")
        ("threads,j", po::value(&threads), "worker threads for the first sample (default: all cores; same answer for any)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table or json")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value before the search (the point changes are measured from)");
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "reach",
                                  "triad reach FILE --want TARGET=VALUE... [--over PATH=LO:HI]... [--set PATH=VALUE]... "
                                  "[--format table|json] [-o OUT]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "reach");
    if (format == Format::csv) throw UsageError("reach has table and json forms only", "reach");
    if (seed < 0) throw UsageError("--seed must be a whole number >= 0", "reach");
    if (is_nfg_path(file)) throw InputError({file, 0, 0}, "a .nfg game has no parameters to change", "give a scenario (.yaml)");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const StageModel& model = *loaded.model;
    ReachReport report{loaded, wants, parse_wants(model, wants, SweepAnalysis::stage), {}};
    ReachOptions reach_options;
    reach_options.threads = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    reach_options.seed = static_cast<std::uint64_t>(seed);
    reach_options.alternatives = alternatives;
    report.result = reach(model, ranges_of(model, over), report.want, SweepAnalysis::stage, reach_options);
    // Why, at the point found: the target's players, as explain shows them.
    StageModel at_best = model;
    if (report.result.found) {
        for (std::size_t i = 0; i < report.result.axes.size(); ++i) at_best.set(report.result.axes[i].path, report.result.best.values[i]);
        const Prediction p = predict(at_best.game(), read_selection_rule(at_best.scenario()));
        for (int i : named_players(at_best.game(), report.want)) report.why.push_back(split_payoff(at_best, i, outcome_of(p.distribution)));
        report.game_at_best = &at_best.game();
    }
    emit(format == Format::json ? render_reach_json(report) : render_reach_table(report), output);
    return 0;
}

}  // namespace triad::cli
