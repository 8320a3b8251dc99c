// A player's payoff split by where it comes from (docs/model.md, "Why this outcome").
//
// A StageModel's payoff u_i is a sum of driver terms (model.hpp). For one player and an outcome
// (a pure profile, a mixed profile, or any distribution over pure profiles, such as a selection
// rule's), this gives for each action the player could take, the others' play held as in the
// outcome, its expected payoff and that payoff's part from each component: a driver instance,
// or, for a driver whose spec names `split_by` parameters (memory), each entry of those (the
// grievance of Russia against China apart from its trust in the US). The parts sum to the
// payoff; comparing the chosen action's parts with an alternative's says which drivers make it
// best and which pull the other way.
//
// One function serves `triad explain`, the causes of a timeline's shifts and `triad reach`'s
// report, so that they cannot disagree.
#pragma once

#include "triad/core/game.hpp"
#include "triad/scenario/model.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace triad {

// A distribution over pure profiles: (profile, probability) pairs, probabilities summing to 1.
using ProfileWeights = std::vector<std::pair<std::size_t, double>>;

// The outcome that plays `profile` for sure.
[[nodiscard]] ProfileWeights pure_outcome(std::size_t profile);
// A distribution over every profile (a selection rule's), without its zero entries. Throws
// triad::Error when it is not a distribution (negative, non-finite, or not summing to 1).
[[nodiscard]] ProfileWeights outcome_of(const Eigen::VectorXd& distribution);
// Independent mixed strategies: their product over the profiles they reach.
[[nodiscard]] ProfileWeights outcome_of(const Game& game, const MixedProfile& play);

struct ActionSplit {
    int action = 0;
    double probability = 0.0;           // how likely the outcome has the player take it
    double payoff = 0.0;                // expected, the others playing as in the outcome
    std::vector<double> contributions;  // per component of PayoffSplit, summing to payoff
};

struct PayoffSplit {
    int player = 0;
    std::vector<std::string> components;  // "wedge", "memory (russia.grievance.china)", ...
    std::vector<ActionSplit> actions;     // every action of the player, in the game's order
    int chosen = 0;                       // the player's most probable action in the outcome

    // The action with the highest payoff other than the chosen one (-1 with one action).
    [[nodiscard]] int best_alternative() const;
    // contributions[chosen] - contributions[other], per component.
    [[nodiscard]] std::vector<double> advantage_over(int other) const;
};

// Player `player`'s payoff split, for every action, against the others' play in `outcome`.
[[nodiscard]] PayoffSplit split_payoff(const StageModel& model, int player, const ProfileWeights& outcome);

}  // namespace triad
