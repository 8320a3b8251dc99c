// triad export: the stage game of a scenario as a Gambit .nfg file.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/scenario/nfg.hpp"

#include <sstream>

namespace triad::cli {

int run_export(const Args& args) {
    po::options_description options("Options");
    std::string file, to, output;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml) or game (.nfg)")
        ("to", po::value(&to)->default_value("nfg"), "target format: nfg")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options, "its value in the stage game that is written");
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(
        args, "export", "triad export FILE --to nfg [--set PATH=VALUE]... [-o OUT]",
        "Writes the stage game (after --set overrides) in Gambit's .nfg payoff format, with\n"
        "player and action names, so Gambit's own solvers can check triad's results, e.g.\n"
        "  triad export scenarios/baseline.yaml -o baseline.nfg && gambit-enumpure baseline.nfg\n"
        "Payoffs are written with the shortest decimal that reads back to the same double, so\n"
        "'triad solve baseline.nfg' finds the same equilibria as 'triad solve baseline.yaml'.\n",
        options, positional);
    if (!vm) return 0;
    if (to != "nfg") throw UsageError("unknown export format '" + to + "'; only 'nfg' is supported", "export");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    std::ostringstream out;
    write_nfg(loaded.game(), out);
    emit(out.str(), output);
    return 0;
}

}  // namespace triad::cli
