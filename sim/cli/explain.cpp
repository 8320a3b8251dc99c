// triad explain: why each player plays what it plays, driver by driver.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/core/parameters.hpp"
#include "triad/core/profile_text.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/report/explain_report.hpp"
#include "triad/scenario/payoff_split.hpp"
#include "triad/solvers/selection.hpp"

#include <algorithm>

namespace triad::cli {

namespace {

const char* const kAbout =
    "Says why each player plays what it plays. For an outcome of the stage game, it takes each\n"
    "player in turn, holds the others' play as in the outcome, and for every action the player\n"
    "could take shows its payoff split by driver: one row per driver of the scenario (and, for\n"
    "memory, one per grievance or trust stock), the rows summing to the payoff. The played\n"
    "action comes first, then the alternatives by payoff; a sentence names the drivers that\n"
    "make the played action beat the best alternative, largest first, and those that pull the\n"
    "other way.\n\n"
    "The outcome is, by default, the scenario's selected outcome (its selection: rule, as in\n"
    "'triad solve'): a distribution over profiles, so the payoffs are expected values and each\n"
    "action's probability is shown. --profile explains one pure profile instead; --at TIME the\n"
    "play of one period of the scenario's timeline (one run with --seed), with the parameters\n"
    "and memory stocks in force in that period.\n\n"
    "Examples:\n"
    "  triad explain scenarios/baseline.yaml\n"
    "  triad explain scenarios/baseline.yaml --player russia\n"
    "  triad explain scenarios/baseline.yaml --profile us=-russia/-china,russia=-us/+china,china=-us/+russia\n"
    "  triad explain scenarios/baseline.yaml --set russia.regime_fear=0.5 --player russia --format json\n"
    "  triad explain scenarios/lag.yaml --at 1969 --player china\n"
    "  triad explain scenarios/history.yaml --at 1972 --format csv -o why-1972.csv\n";

// The outcome to explain, and how to name it.
struct Chosen {
    ProfileWeights outcome;
    std::string description;
    std::optional<double> time;
    std::optional<std::uint64_t> seed;
    std::optional<StageModel> model;  // the model in force (for --at)
};

Chosen at_period(const LoadedGame& loaded, double time, long long seed_option) {
    Timeline timeline = read_timeline(*loaded.model);
    for (const std::string& assignment : loaded.overrides)
        refuse_scheduled(timeline, loaded.model->parameters(), assignment.substr(0, assignment.find('=')), {"--set", 0, 0}, "--set");
    if (!timeline.initial) timeline.initial = default_initial_profile(*loaded.model, timeline);
    const auto period = period_at(timeline, time);
    if (!period)
        throw InputError({"--at", 0, 0}, "no period of the timeline starts at " + format_number(time),
                         "the timeline runs from " + format_number(timeline.start) + " to " + format_number(timeline.end) +
                             " in steps of " + format_number(timeline.step));
    Chosen c;
    c.seed = seed_option >= 0 ? static_cast<std::uint64_t>(seed_option) : timeline.seed;
    RunOptions options;
    options.explain_shifts = false;
    const RunResult run = run_timeline(*loaded.model, timeline, *c.seed, options);
    const PeriodRecord& record = run.periods[static_cast<std::size_t>(*period)];
    c.model = model_at(*loaded.model, record);
    c.outcome = outcome_of(c.model->game(), record.play);
    c.description = "the play of period " + format_number(time) + " of the timeline";
    c.time = time;
    return c;
}

Chosen selected(const LoadedGame& loaded) {
    const SelectionRule rule = read_selection_rule(loaded.model->scenario());
    const Prediction prediction = predict(loaded.game(), rule);
    return {outcome_of(prediction.distribution), "the selected outcome, by the rule " + prediction.rule, {}, {}, {}};
}

std::vector<int> players_to_explain(const Game& game, const std::string& name) {
    std::vector<int> out;
    if (name.empty()) {
        for (int i = 0; i < game.player_count(); ++i) out.push_back(i);
        return out;
    }
    const auto found = std::find(game.players.begin(), game.players.end(), name);
    if (found == game.players.end()) throw InputError({"--player", 0, 0}, "no player '" + name + "'", suggest(name, game.players));
    return {static_cast<int>(found - game.players.begin())};
}

}  // namespace

int run_explain(const Args& args) {
    po::options_description options("Options");
    std::string file, player, profile, format_text, output;
    double at = 0.0;
    long long seed = -1;
    std::size_t columns = 5;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml)")
        ("player", po::value(&player), "explain this player only (default: every player)")
        ("profile,p", po::value(&profile), "PLAYER=ACTION,...: explain this pure profile instead of the selected outcome")
        ("at", po::value(&at)->value_name("TIME"), "explain the play of this period of the timeline instead")
        ("seed", po::value(&seed), "with --at: seed of the run (default: the scenario's timeline.seed)")
        ("columns", po::value(&columns)->default_value(5), "actions shown per player in the table (the played one first)")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value in the stage game (with --at: when the timeline starts)");
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "explain",
                                  "triad explain FILE [--player P] [--profile PLAYER=ACTION,... | --at TIME [--seed S]] "
                                  "[--set PATH=VALUE]... [--format table|json|csv] [-o OUT]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "explain");
    if (vm->count("profile") && vm->count("at")) throw UsageError("give --profile or --at, not both", "explain");
    if (vm->count("seed") && !vm->count("at")) throw UsageError("--seed is for --at (a timeline run)", "explain");
    if (columns < 1) throw UsageError("--columns must be at least 1", "explain");
    if (is_nfg_path(file))
        throw InputError({file, 0, 0}, "a .nfg game has no drivers to split its payoffs by", "give a scenario (.yaml)");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    Chosen chosen;
    if (vm->count("at")) {
        chosen = at_period(loaded, at, seed);
    } else if (vm->count("profile")) {
        chosen.outcome = pure_outcome(parse_profile(loaded.game(), profile, {"--profile", 0, 0}));
        chosen.description = "the profile";
    } else {
        chosen = selected(loaded);
    }
    const StageModel& model = chosen.model ? *chosen.model : *loaded.model;
    Explanation explanation{loaded, chosen.description};
    explanation.modal_profile = std::max_element(chosen.outcome.begin(), chosen.outcome.end(), [](const auto& a, const auto& b) {
                                    return a.second < b.second;
                                })->first;
    explanation.pure = chosen.outcome.size() == 1;
    explanation.time = chosen.time;
    explanation.seed = chosen.seed;
    explanation.columns = columns;
    for (int i : players_to_explain(model.game(), player)) explanation.splits.push_back(split_payoff(model, i, chosen.outcome));
    switch (format) {
        case Format::table: emit(render_explain_table(explanation), output); break;
        case Format::json: emit(render_explain_json(explanation), output); break;
        case Format::csv: emit(render_explain_csv(explanation), output); break;
    }
    return 0;
}

}  // namespace triad::cli
