// triad solve: the selected outcome and the equilibria of a stage game, as a table, JSON or CSV.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/core/parameters.hpp"
#include "triad/report/solve_report.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/solvers/solver.hpp"

#include <algorithm>

namespace triad::cli {

namespace {

std::string about_text() {
    std::string text =
        "Builds the stage game of a scenario (after any --set overrides) or reads a Gambit .nfg\n"
        "game. It prints first the SELECTED outcome: the scenario's selection rule (by default the\n"
        "long-run distribution of logit play at lambda 10, ties broken by the QRE limit) gives the\n"
        "most likely configuration, each player's alignment and role, and the probability of each.\n"
        "Then the equilibria found by --method, each with every player's action and payoff, its\n"
        "regret (the most any player could gain by deviating alone; 0 at an exact equilibrium),\n"
        "labels (strict, pareto_dominated, ...) and, for stance games, alignments, configuration\n"
        "and roles.\n\n"
        "The selected outcome is computed for scenarios and not for .nfg games, which declare no\n"
        "selection rule (the default rule is then used); --select and --no-select override that.\n"
        "Without it, --method pure costs one pass over the payoffs per player.\n\nMethods (options with --option NAME=VALUE; 'triad list solvers' for all):\n";
    for (const auto& spec : builtin_solvers().all()) {
        text += "  " + spec->name + std::string(12 - std::min<std::size_t>(11, spec->name.size()), ' ') + spec->summary + "\n";
    }
    // The triangle's scenarios have three players, so a method limited to other counts says so.
    for (const auto& spec : builtin_solvers().all())
        if (spec->players != 0)
            text += "'" + spec->name + "' takes only " + std::to_string(spec->players) +
                    "-player games (a .nfg file, a two-player scenario); the triangle's scenarios have 3.\n";
    text +=
        "\nExamples:\n"
        "  triad solve scenarios/baseline.yaml\n"
        "  triad solve scenarios/baseline.yaml --set russia.regime_fear=0.5 --format json\n"
        "  triad solve scenarios/baseline.yaml --method stable --option lambda=5\n"
        "  triad solve scenarios/baseline.yaml --method qre --format json -o qre.json\n"
        "  triad solve tests/data/nfg_pd_names.nfg --method support --format csv\n";
    return text;
}

}  // namespace

int run_solve(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, method, output;
    std::vector<std::string> method_options;
    bool select = false, no_select = false;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml) or Gambit game (.nfg)")
        ("method,m", po::value(&method)->default_value("pure"), "solution method (see above)")
        ("option,O", po::value(&method_options)->composing(), "NAME=VALUE: an option of the method; repeatable")
        ("select", po::bool_switch(&select), "compute and show the selected outcome (the default for scenarios)")
        ("no-select", po::bool_switch(&no_select), "skip the selected outcome (the default for .nfg games)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value in the stage game, before it is solved");
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "solve",
                                  "triad solve FILE [--method NAME] [--option NAME=VALUE]... [--set PATH=VALUE]... "
                                  "[--format table|json|csv]",
                                  about_text(), options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "solve");
    const SolverSpec* spec = builtin_solvers().find(method);
    if (!spec) throw UsageError("unknown method '" + method + "'; " + suggest(method, builtin_solvers().names()), "solve");

    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const Game& game = loaded.game();
    if (select && no_select) throw UsageError("give --select or --no-select, not both", "solve");
    const bool selecting = select || (!no_select && loaded.model);
    SolveResult solved{loaded, method, solver_options(*spec, method_options), {}, std::nullopt};
    if (selecting) {
        const SelectionRule rule = loaded.model ? read_selection_rule(loaded.model->scenario()) : SelectionRule{};
        solved.prediction = predict(game, rule);
    }
    solved.report = run_solver(game, method, solved.options);

    switch (format) {
        case Format::table: emit(render_solve_table(solved), output); break;
        case Format::json: emit(render_solve_json(solved), output); break;
        case Format::csv: emit(render_solve_csv(solved), output); break;
    }
    return 0;
}

}  // namespace triad::cli
