// Equilibria of the stage game (docs/model.md section 3).
//
// Every solver reports its equilibria in one shape, Equilibrium, so that `triad solve` prints
// them alike and later methods (support enumeration, QRE, stationary distributions) slot in.
// Every reported equilibrium carries its regret (the largest gain from a unilateral
// deviation), so that any result can be checked on its own.
#pragma once

#include "triad/core/game.hpp"

#include <complex>
#include <optional>
#include <string>
#include <vector>

namespace triad {

struct Equilibrium {
    std::string method;                  // the solver that found it: "pure", ...
    MixedProfile strategy;               // one distribution over actions per player
    std::optional<std::size_t> profile;  // the pure profile, when every strategy is pure
    std::vector<double> payoffs;         // expected payoff of each player
    double regret = 0.0;                 // max_i (best reply value - current value)
    double relative_regret = 0.0;        // regret / payoff_range(game): comparable across games
    std::vector<std::string> labels;     // "strict", "pareto_dominated", "asymptotically_stable", ...
    // Eigenvalues of the replicator dynamics' Jacobian on the tangent space, when computed.
    std::vector<std::complex<double>> eigenvalues = {};
};

// The tolerance below which a payoff gain counts as none: relative to the game's payoff scale,
//     tolerance = relative * max_i,p |u_i(p)|   (relative itself when every payoff is 0),
// so that sums of drivers that tie exactly in theory but differ in the last bits tie here.
[[nodiscard]] double payoff_tolerance(const Game& game, double relative = 1e-9);

// The game's payoff range, max_i (max_p u_i(p) - min_p u_i(p)); 1 when every payoff is equal.
// The unit of scale-free quantities: a relative regret, the QRE's normalised lambda.
[[nodiscard]] double payoff_range(const Game& game);

// Adds "pareto_dominated" to every equilibrium that another one in the list weakly improves
// for every player and strictly (by more than `tolerance`) for at least one.
void label_pareto(std::vector<Equilibrium>& equilibria, double tolerance);

// An Equilibrium record for a pure profile (payoffs, regret filled in).
[[nodiscard]] Equilibrium make_pure_equilibrium(const Game& game, std::size_t profile,
                                                std::string method);

}  // namespace triad
