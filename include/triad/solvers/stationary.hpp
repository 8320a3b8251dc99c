// The long-run distribution of noisy best-response play (docs/model.md section 3).
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
// pi is computed by Gauss-Seidel sweeps on pi = pi P, which converge in a few dozen sweeps on
// the games triad builds (0.2-0.4 ms for the 729-profile baseline) because logit dynamics
// move probability quickly toward the basins that hold it; the answer is accepted only when
// the true residual ||pi P - pi||_1 is below the tolerance. If the sweeps stall (a slowly
// mixing chain), the exact sparse LU factorisation of (P^T - I), with one equation replaced by
// sum(pi) = 1, finishes the job: slower (about 50 ms at 729 profiles, from fill-in) but
// direct. The result says which method produced it.
#pragma once

#include "triad/core/game.hpp"

#include <Eigen/Sparse>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// Which solve produced a stationary distribution: the Gauss-Seidel sweeps, or the sparse LU
// factorisation they fall back to.
enum class StationaryMethod { gauss_seidel, sparse_lu };
// "gauss-seidel" or "sparse-lu" (as the reports print it), and back: nullopt for other text.
[[nodiscard]] std::string_view to_string(StationaryMethod method);
[[nodiscard]] std::optional<StationaryMethod> parse_stationary_method(std::string_view text);

// The row-stochastic transition matrix of asynchronous logit dynamics at `lambda`.
[[nodiscard]] Eigen::SparseMatrix<double, Eigen::RowMajor> logit_transition_matrix(const Game& game,
                                                                                   double lambda);

struct StationaryOptions {
    double tolerance = 1e-14;  // required || pi P - pi ||_1
    int max_sweeps = 2000;     // Gauss-Seidel sweeps before falling back to sparse LU
};

struct StationaryDistribution {
    double lambda = 0.0;
    Eigen::VectorXd probability;  // over pure profiles, sums to 1
    double residual = 0.0;        // || pi P - pi ||_1, a check on the solve
    StationaryMethod method = StationaryMethod::gauss_seidel;
    int sweeps = 0;               // Gauss-Seidel sweeps used
};

// Throws triad::NumericalError if the solve fails or yields non-finite values.
[[nodiscard]] StationaryDistribution stationary_distribution(const Game& game, double lambda,
                                                             const StationaryOptions& options = {});

// The distribution read as the triangle: probability of each configuration, of each player's
// alignment (a partner's name or "balanced") and role, and of each backer's choice in its crisis
// (a side's name or "abstain"). Requires a stance game; configurations and roles only for
// three players; backing only where a crisis is declared (empty maps for the others).
struct OutcomeDistribution {
    std::map<std::string, double> configuration;
    std::vector<std::map<std::string, double>> alignment;  // per player
    std::vector<std::map<std::string, double>> role;       // per player (three players)
    std::vector<std::map<std::string, double>> backs = {};  // per player; empty unless a backer
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
                                             double mass = 0.01, const StationaryOptions& options = {});

}  // namespace triad
