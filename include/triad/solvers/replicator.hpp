// Stability of an equilibrium under the (asymmetric, multi-population) replicator dynamics.
//
//     dx_ia/dt = x_ia * (v_ia(x) - vbar_i(x)),   vbar_i = sum_c x_ic v_ic
//
// (Taylor and Jonker, Math. Biosciences 40, 1978; Weibull, "Evolutionary Game Theory", 1995,
// ch. 5). At a rest point the linearisation restricted to the tangent space of the product of
// simplices (directions whose components sum to zero for each player) decides local stability:
// all eigenvalues with negative real part means asymptotically stable. Strict pure equilibria
// are asymptotically stable; completely mixed equilibria of two-player games never are (the
// dynamics preserve volume there; Hofbauer and Sigmund 1998), which the tests check.
#pragma once

#include "triad/core/game.hpp"

#include <complex>
#include <vector>

namespace triad {

// d v_i(a) / d x_j(b): the expected payoff to i of action a when j plays b and every other
// player mixes as in `strategy`. Returned per player i as a matrix with rows a (i's actions)
// and columns (j, b) stacked in player order (i's own block is zero). One pass over profiles.
[[nodiscard]] std::vector<Eigen::MatrixXd> payoff_derivatives(const Game& game, const MixedProfile& strategy);

struct ReplicatorStability {
    std::vector<std::complex<double>> eigenvalues;  // of the Jacobian on the tangent space
    double max_real_part = 0.0;
    bool asymptotically_stable = false;  // max_real_part < -tolerance
};

[[nodiscard]] ReplicatorStability replicator_stability(const Game& game, const MixedProfile& strategy,
                                                       double tolerance);

}  // namespace triad
