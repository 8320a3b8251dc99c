// triad validate: load every file given and report each problem with its place.
#include "cli.hpp"

#include "triad/studies/predictions.hpp"
#include "triad/studies/uncertainty.hpp"

#include "triad/scenario/nfg.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/dynamics/timeline.hpp"

#include <iostream>

namespace triad::cli {

int run_validate(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> files;
    bool quiet = false;
    options.add_options()
        ("files", po::value(&files)->value_name("FILE")->multitoken()->required(), "scenario (.yaml) or game (.nfg) files")
        ("quiet,q", po::bool_switch(&quiet), "print only problems");
    po::positional_options_description positional;
    positional.add("files", -1);
    const auto vm = parse_command(
        args, "validate", "triad validate FILE...",
        "Loads each scenario exactly as 'triad solve' would: the YAML, its keys and types, the\n"
        "players and their actions, every driver and its parameters (names, bounds, finite\n"
        "values), and builds the stage game; then the sections later commands read (selection,\n"
        "timeline, uncertainty, predictions). Checking a file stops at its first problem, which is\n"
        "reported as FILE:LINE:COLUMN with what was expected and, for a misspelt name, the closest\n"
        "valid one; every file given is checked, so one run reports one problem per bad file. The\n"
        "exit code is 1 if any file has a problem. Nothing is written.\n\n"
        "Examples:\n  triad validate scenarios/*.yaml\n  triad validate scenarios/baseline.yaml tests/data/nfg_pd_names.nfg\n",
        options, positional);
    if (!vm) return 0;
    int failures = 0;
    for (const auto& file : files) {
        try {
            const LoadedGame loaded = load_game(file, {});
            // The sections later commands read are checked now too.
            if (loaded.model) {
                (void)read_selection_rule(loaded.model->scenario());
                if (loaded.model->scenario().document.find("timeline")) (void)read_timeline(*loaded.model);
                (void)read_uncertainty(*loaded.model);
                (void)read_claims(*loaded.model);
            }
            if (!quiet) {
                const Game& game = loaded.game();
                std::cout << file << ": ok (" << game.player_count() << " players, " << game.space.size()
                          << " profiles";
                if (loaded.model)
                    std::cout << ", " << loaded.model->drivers().size()
                              << (loaded.model->drivers().size() == 1 ? " driver, " : " drivers, ")
                              << loaded.model->parameters().size() << " parameters";
                std::cout << ")\n";
            }
        } catch (const Error& e) {
            ++failures;
            std::cerr << "triad: error: " << e.what() << "\n";
        }
    }
    return failures == 0 ? 0 : 1;
}

}  // namespace triad::cli
