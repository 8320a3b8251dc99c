// What `triad reach` prints: the least change that gives the wanted outcome (reach.hpp), the
// change per parameter, the wanted label's probability there, alternatives that use other
// parameters, and why the target's player plays as it does at that point; as a table or JSON.
#pragma once

#include "triad/scenario/loaded_game.hpp"
#include "triad/scenario/payoff_split.hpp"
#include "triad/studies/predictions.hpp"
#include "triad/studies/reach.hpp"

#include <string>
#include <vector>

namespace triad {

struct ReachReport {
    const LoadedGame& loaded;
    std::vector<std::string> wants;      // as given
    std::vector<Expectation> want;
    ReachResult result;
    std::vector<PayoffSplit> why = {};   // at the best point: the players the targets name
    const Game* game_at_best = nullptr;  // the game those splits are of
};

[[nodiscard]] std::string render_reach_table(const ReachReport& report);
[[nodiscard]] std::string render_reach_json(const ReachReport& report);

}  // namespace triad
