// What `triad explain` prints: for each player explained, every action it could take against
// the others' play in an outcome, that action's payoff split by driver (payoff_split.hpp), and
// one sentence saying why the chosen action beats the best alternative; as a table, JSON or CSV.
#pragma once

#include "triad/scenario/loaded_game.hpp"
#include "triad/scenario/payoff_split.hpp"

#include <optional>
#include <string>
#include <vector>

namespace triad {

struct Explanation {
    const LoadedGame& loaded;
    std::string outcome;           // what is explained: "the selected outcome (stable, lambda 10)"
    std::size_t modal_profile = 0;  // the outcome's most likely pure profile
    bool pure = true;              // the outcome is one profile for sure
    std::optional<double> time = {};         // --at: the period's time
    std::optional<std::uint64_t> seed = {};  // --at: the run's seed
    std::vector<PayoffSplit> splits = {};    // one per player explained
    std::size_t columns = 5;       // actions shown per player in the table (JSON and CSV: all)
};

// "russia plays -us/+china over +us/+china (2.41 against 1.98): partnership +1.00, threat
// +0.97; against it: junior anxiety -1.10": the components that favour the chosen action over
// the best alternative, largest first, then those that favour the alternative.
[[nodiscard]] std::string explain_sentence(const Game& game, const PayoffSplit& split);
// The same against a given action of the player (a shift's old action) instead.
[[nodiscard]] std::string explain_sentence(const Game& game, const PayoffSplit& split, int against);

[[nodiscard]] std::string render_explain_table(const Explanation& explanation);
[[nodiscard]] std::string render_explain_json(const Explanation& explanation);
// Long form, one row per player, action and component: player, action, chosen, probability,
// payoff, component, contribution.
[[nodiscard]] std::string render_explain_csv(const Explanation& explanation);

}  // namespace triad
