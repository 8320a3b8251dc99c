// Pure-strategy Nash equilibria of a stage game (docs/model.md section 3): the `pure` method.
#pragma once

#include "triad/core/game.hpp"
#include "triad/solvers/equilibrium.hpp"

#include <vector>

namespace triad {

// All pure Nash equilibria, in profile order. A profile is an equilibrium when, for every
// player, no other action gains more than `tolerance`. One pass per player over the payoff
// array marks the best replies to each opponents' profile: no per-profile copies, cost
// O(N * profiles). Each equilibrium is labelled "strict" when every deviation loses more
// than the tolerance.
[[nodiscard]] std::vector<Equilibrium> pure_equilibria(const Game& game, double tolerance);

// True when every unilateral deviation from the pure profile loses more than `tolerance`.
[[nodiscard]] bool is_strict(const Game& game, std::size_t profile, double tolerance);

}  // namespace triad
