// The long-run distribution of noisy best-response play (MODEL.md section 3).
//
// Asynchronous logit dynamics over pure profiles: each period one player, drawn uniformly,
// revises; it picks action a with probability proportional to exp(lambda * u_i(a, a_-i))
// (Blume, "The Statistical Mechanics of Strategic Interaction", GEB 5, 1993). The chain is
// irreducible for any finite lambda, so it has a unique stationary distribution pi with
// pi P = pi. As lambda grows (noise vanishes), pi concentrates on the stochastically stable
// profiles (Young, "The Evolution of Conventions", Econometrica 61, 1993; Kandori, Mailath and
// Rob, Econometrica 61, 1993). In an exact potential game with potential Phi,
// pi(p) is proportional to exp(lambda * Phi(p)) (Blume 1993), which the tests check.
//
// pi is computed exactly (to rounding) by a sparse LU factorisation of (P^T - I) with one
// equation replaced by sum(pi) = 1: P has N * m nonzeros per row (m actions), so the
// factorisation is cheap for the games triad builds and, unlike power iteration, its cost
// does not blow up when lambda is large and the chain mixes slowly.
#pragma once

#include "triad/game.hpp"

#include <Eigen/Sparse>

#include <map>
#include <string>
#include <vector>

namespace triad {

// The row-stochastic transition matrix of asynchronous logit dynamics at `lambda`.
[[nodiscard]] Eigen::SparseMatrix<double, Eigen::RowMajor> logit_transition_matrix(const Game& game,
                                                                                   double lambda);

struct StationaryDistribution {
    double lambda = 0.0;
    Eigen::VectorXd probability;  // over pure profiles, sums to 1
    double residual = 0.0;        // || pi P - pi ||_1, a check on the solve
};

// Throws triad::NumericalError if the solve fails or yields non-finite values.
[[nodiscard]] StationaryDistribution stationary_distribution(const Game& game, double lambda);

// The distribution read as the triangle: probability of each configuration, of each player's
// alignment (a partner's name or "balanced") and role. Requires a stance game; configurations
// and roles only for three players.
struct OutcomeDistribution {
    std::map<std::string, double> configuration;
    std::vector<std::map<std::string, double>> alignment;  // per player
    std::vector<std::map<std::string, double>> role;       // per player (three players)
};
[[nodiscard]] OutcomeDistribution outcome_distribution(const Game& game, const Eigen::VectorXd& probability);

// How pi concentrates as noise vanishes: the distribution at each lambda of the schedule, and
// the profiles holding at least `mass` of the probability at the largest lambda, most likely
// first (the numerically stochastically stable set).
struct StabilityTrace {
    std::vector<StationaryDistribution> by_lambda;
    std::vector<std::size_t> stable_profiles;
};
[[nodiscard]] StabilityTrace trace_stability(const Game& game, const std::vector<double>& lambdas,
                                             double mass = 0.01);

}  // namespace triad
