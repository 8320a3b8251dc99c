// Loading a scenario or an .nfg game, with --set assignments (loaded_game.hpp).
#include "triad/scenario/loaded_game.hpp"

#include "triad/core/error.hpp"
#include "triad/scenario/input_file.hpp"
#include "triad/scenario/nfg.hpp"
#include "triad/scenario/scenario.hpp"

namespace triad {

bool is_nfg_path(const std::string& path) {
    return path.size() >= 4 && path.compare(path.size() - 4, 4, ".nfg") == 0;
}

LoadedGame load_game(const std::string& path, const std::vector<std::string>& sets) {
    LoadedGame loaded;
    loaded.path = path;
    if (is_nfg_path(path)) {
        if (!sets.empty())
            throw InputError({path, 0, 0}, "a .nfg game has no parameters to --set",
                             "use a scenario file to vary parameters");
        const std::string text = read_input_file(path);
        loaded.content_hash = hex16(fnv1a64(text));
        loaded.nfg_game = parse_nfg(text, path);
        return loaded;
    }
    Scenario scenario = load_scenario(path);
    loaded.content_hash = scenario.content_hash;
    loaded.model.emplace(std::move(scenario));
    const SourceLocation command_line{"--set", 0, 0};
    for (const auto& assignment : sets) {
        loaded.model->apply_assignment(assignment, command_line);
        loaded.overrides.push_back(assignment);
    }
    return loaded;
}

}  // namespace triad
