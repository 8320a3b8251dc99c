// triad sustain: can grim trigger hold a pure profile in the infinitely repeated game?
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/core/parameters.hpp"
#include "triad/core/profile_text.hpp"
#include "triad/dynamics/sustain.hpp"
#include "triad/report/sustain_report.hpp"
#include "triad/solvers/equilibrium.hpp"

namespace triad::cli {

namespace {

// Discount factor of every player of a .nfg game, which carries none.
constexpr double kDefaultDiscount = 0.9;

const char* const kAbout =
    "Asks whether a pure profile (the TARGET) can be kept up in the infinitely repeated stage\n"
    "game by grim trigger: everyone plays the target until someone deviates, after which that\n"
    "player is punished for ever. For each player it prints\n"
    "  keeping      C, what the target pays per period (cooperating),\n"
    "  deviating    D, the best one-shot deviation payoff, and (best deviation) the action\n"
    "               that earns it,\n"
    "  punished     P, what the punishment pays per period, and the profile played to punish,\n"
    "  needs delta  delta*, the critical discount factor (D - C) / (D - P): the patience needed\n"
    "               for the loss from punishment to outweigh the one-period gain,\n"
    "  has delta    the player's own discount factor delta (players.<p>.discount in the\n"
    "               scenario, 0.9 for .nfg games, or --discount for everyone),\n"
    "  holds        yes when delta >= delta*.\n"
    "The target is sustainable when every player holds. delta* is 0 for a player with no\n"
    "profitable deviation, and 'none' when cooperating pays less than the punishment (then no\n"
    "discount factor helps).\n\n"
    "Punishments (--punishment):\n"
    "  nash     Nash reversion (Friedman 1971, the default): play for ever the pure stage\n"
    "           equilibrium worst for the deviator. Credible: subgame perfect. Falls back to\n"
    "           minmax, with a note, when the stage game has no pure equilibrium.\n"
    "  minmax   the others hold the deviator to its pure minmax, min over their pure profiles\n"
    "           of its best-reply payoff. At least as harsh as any equilibrium, so delta* is no\n"
    "           higher, but punishing for ever may not pay the punishers (a note says when).\n"
    "           Pure only: mixed punishments can be harsher still in some games.\n\n"
    "The profile names every player once as PLAYER=ACTION, separated by commas ('triad solve\n"
    "FILE' or 'triad export FILE' shows the action names).\n\n"
    "Examples:\n"
    "  triad sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate\n"
    "  triad sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate \\\n"
    "      --punishment minmax --discount 0.4\n"
    "  triad sustain scenarios/baseline.yaml --profile us=-russia/-china,russia=-us/+china,china=-us/+russia\n"
    "  triad sustain scenarios/baseline.yaml --profile us=+russia/+china,russia=+us/+china,china=+us/+russia \\\n"
    "      --set us.discount=0.95 --format json\n"
    "  triad sustain tests/data/nfg_pd_names.nfg --profile Row=Cooperate,Column=Cooperate --format csv -o sustain.csv\n";

}  // namespace

int run_sustain(const Args& args) {
    po::options_description options("Options");
    std::string file, profile_text_arg, punishment_text, format_text, output;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml) or Gambit game (.nfg)")
        ("profile,p", po::value(&profile_text_arg)->required(), "PLAYER=ACTION,...: the target profile, every player once")
        ("punishment,P", po::value(&punishment_text)->default_value("nash"), "nash or minmax (see above)")
        ("discount,d", po::value<double>(),
         "discount factor in [0, 1) for every player, instead of the scenario's")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value in the stage game; PLAYER.discount sets a discount factor");
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "sustain",
                                  "triad sustain FILE --profile PLAYER=ACTION,... [--punishment nash|minmax] "
                                  "[--discount D] [--set PATH=VALUE]... [--format table|json|csv] [-o OUT]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "sustain");
    // One discount factor for everyone, when --discount is given.
    const bool discount_given = vm->count("discount") > 0;
    const double discount_all = discount_given ? (*vm)["discount"].as<double>() : 0.0;
    static const std::vector<std::string> punishments = {"nash", "minmax"};
    const auto requested = parse_punishment(punishment_text);
    if (!requested)
        throw UsageError("unknown punishment '" + punishment_text + "'; " + suggest(punishment_text, punishments), "sustain");
    if (discount_given && !(discount_all >= 0.0 && discount_all < 1.0))
        throw InputError({"--discount", 0, 0}, "the discount factor " + format_number(discount_all) +
                                                   " is outside [0, 1)",
                         "a discount factor weighs next period's payoff; 1 or more would never discount");

    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const Game& game = loaded.game();
    const std::size_t target = parse_profile(game, profile_text_arg, {"--profile", 0, 0});

    SustainReport report{loaded, *requested, sustain(game, target, *requested, payoff_tolerance(game)), {}, {}, false};
    for (int i = 0; i < game.player_count(); ++i) {
        const double delta = discount_given ? discount_all : loaded.model ? loaded.model->discount(i) : kDefaultDiscount;
        report.discount.push_back(delta);
        report.held.push_back(holds(report.result, i, delta));
    }
    report.sustainable = sustainable(report.result, report.discount);

    switch (format) {
        case Format::table: emit(render_sustain_table(report), output); break;
        case Format::json: emit(render_sustain_json(report), output); break;
        case Format::csv: emit(render_sustain_csv(report), output); break;
    }
    return 0;
}

}  // namespace triad::cli
