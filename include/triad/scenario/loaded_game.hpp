// A game loaded from a file: a scenario (with its stage model) or a Gambit .nfg game, with
// the --set assignments applied to it and the content hash that every output records.
#pragma once

#include "triad/core/game.hpp"
#include "triad/scenario/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace triad {

struct LoadedGame {
    std::string path;
    std::optional<StageModel> model;  // set for scenarios
    Game nfg_game;                    // used when model is empty
    std::string content_hash;
    std::vector<std::string> overrides;  // --set assignments applied, in order

    [[nodiscard]] const Game& game() const { return model ? model->game() : nfg_game; }
};

// True when the path names a Gambit .nfg file (by its extension).
[[nodiscard]] bool is_nfg_path(const std::string& path);

// Load FILE and apply "PATH=VALUE" assignments, located at "--set" in messages. An .nfg game
// has no parameters: assignments to one are an InputError.
[[nodiscard]] LoadedGame load_game(const std::string& path, const std::vector<std::string>& sets);

}  // namespace triad
