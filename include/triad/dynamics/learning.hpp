// Learning rules: how players change their play from one period to the next (docs/model.md
// section 5). Registered by name like drivers and solvers: each rule is one file in
// sim/dynamics/learning/ and one line in sim/dynamics/learning/registry.cpp, and declares its options once.
//
// A rule sees the current stage game, last period's play (a mixed profile; one-hot for pure
// play), which of its actions are allowed (events may fix stances), its own state (beliefs)
// and a random stream, and returns the player's strategy for this period. A joint rule
// (equilibrium tracking) chooses the whole profile at once.
#pragma once

#include "triad/core/game.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/registry.hpp"

#include <Eigen/Dense>

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace triad {

using RuleOptions = std::map<std::string, double>;

// What a player's rule remembers between periods.
struct RuleState {
    std::vector<Eigen::VectorXd> beliefs;  // fictitious play: weight on each action of each player
};

struct RuleInput {
    const Game& game;
    int player;
    const MixedProfile& previous;     // last period's play of everyone
    const std::vector<char>& allowed; // allowed[a] for this player's actions
    const RuleOptions& options;
    RuleState& state;
    std::mt19937_64& random;
};

struct LearningRuleSpec {
    std::string name = {};
    std::string summary = {};
    std::string reference = {};
    std::vector<ParamSpec> options = {};
    bool stochastic = false;  // draws random numbers (needs a seed; --runs makes sense)
    bool joint = false;       // chooses the whole profile; then every player must use it
    // Starts from the uniform mix over its allowed actions rather than the initial profile
    // (a rule on mixed strategies that a pure start would never move).
    bool starts_mixed = false;
    // A stochastic rule whose options can make it deterministic (then it draws no random
    // numbers and one run says it all): true for those options. Empty: always stochastic.
    std::function<bool(const RuleOptions&)> deterministic_with = {};
    // Per-player rules: this period's strategy of input.player.
    std::function<Eigen::VectorXd(const RuleInput&)> update = {};
    // Joint rules: this period's profile.
    std::function<MixedProfile(const Game&, const MixedProfile& previous,
                               const std::vector<std::vector<char>>& allowed, const RuleOptions&)>
        update_joint = {};
};

using LearningRuleRegistry = Registry<LearningRuleSpec>;
void register_builtin_learning_rules(LearningRuleRegistry& registry);
[[nodiscard]] const LearningRuleRegistry& builtin_learning_rules();

// Helpers the rules share.
// v_i(a) against the others' play in `previous` (fast path when everyone else is pure).
[[nodiscard]] Eigen::VectorXd values_against(const Game& game, const MixedProfile& previous, int player);
// The best allowed action: highest value; ties keep `current` if it is among the best, else
// the lowest index (deterministic).
[[nodiscard]] int best_allowed(const Eigen::VectorXd& values, const std::vector<char>& allowed, int current,
                               double tolerance);
[[nodiscard]] Eigen::VectorXd one_hot(int size, int index);
// The index of the largest entry (the action a pure strategy plays).
[[nodiscard]] int mode(const Eigen::VectorXd& strategy);

}  // namespace triad
