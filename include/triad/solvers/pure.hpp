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

// The most pure equilibria made into Equilibrium records (each holds a mixed profile, payoffs
// and labels). A degenerate game may have a million pure equilibria (a constant game: every
// profile); they are counted in full, but only the first ones are listed.
inline constexpr std::size_t kMaxListedEquilibria = 1000;

// The first `limit` pure equilibria, in profile order; `total` (when given) receives how many
// there are in all.
[[nodiscard]] std::vector<Equilibrium> pure_equilibria(const Game& game, double tolerance, std::size_t limit,
                                                       std::size_t* total);

// The profiles of all pure equilibria, in profile order (8 bytes each: safe to hold for any
// game within the profile limit), with, per profile, whether it is strict.
struct PureProfiles {
    std::vector<std::size_t> profiles;
    std::vector<bool> strict;
};
[[nodiscard]] PureProfiles pure_equilibrium_profiles(const Game& game, double tolerance);

// True when every unilateral deviation from the pure profile loses more than `tolerance`.
[[nodiscard]] bool is_strict(const Game& game, std::size_t profile, double tolerance);

}  // namespace triad
