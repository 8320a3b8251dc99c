#include "triad/stationary.hpp"

#include "triad/error.hpp"
#include "triad/triangle.hpp"

#include <Eigen/SparseLU>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace triad {

Eigen::SparseMatrix<double, Eigen::RowMajor> logit_transition_matrix(const Game& game, double lambda) {
    const auto& space = game.space;
    const int n = space.players();
    const auto size = static_cast<Eigen::Index>(space.size());
    std::vector<Eigen::Triplet<double>> entries;
    std::size_t per_row = 0;
    for (int i = 0; i < n; ++i) per_row += static_cast<std::size_t>(space.actions(i));
    entries.reserve(space.size() * per_row);
    std::vector<double> weight;
    for (std::size_t p = 0; p < space.size(); ++p) {
        for (int i = 0; i < n; ++i) {
            const int m = space.actions(i);
            const std::size_t base = space.with_action(p, i, 0);
            const std::size_t stride = space.stride(i);
            const Eigen::VectorXd& u = game.payoffs[i];
            double best = -std::numeric_limits<double>::infinity();
            for (int a = 0; a < m; ++a) best = std::max(best, u(static_cast<Eigen::Index>(base + a * stride)));
            weight.assign(m, 0.0);
            double total = 0.0;
            for (int a = 0; a < m; ++a) {
                // Shift by the best payoff so exp never overflows (log-sum-exp).
                weight[a] = std::exp(lambda * (u(static_cast<Eigen::Index>(base + a * stride)) - best));
                total += weight[a];
            }
            for (int a = 0; a < m; ++a)
                entries.emplace_back(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(base + a * stride),
                                     weight[a] / (total * n));
        }
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor> P(size, size);
    P.setFromTriplets(entries.begin(), entries.end());  // duplicates (staying put) are summed
    return P;
}

namespace {

using ColumnStochastic = Eigen::SparseMatrix<double, Eigen::RowMajor>;  // P^T: row k = moves into k

// Solve (P^T - I) pi = 0, sum(pi) = 1 directly.
Eigen::VectorXd solve_by_lu(const ColumnStochastic& incoming) {
    const Eigen::Index size = incoming.rows();
    Eigen::SparseMatrix<double> A(incoming);
    for (Eigen::Index k = 0; k < size; ++k) A.coeffRef(k, k) -= 1.0;
    A.prune([&](Eigen::Index row, Eigen::Index, double) { return row != size - 1; });
    for (Eigen::Index c = 0; c < size; ++c) A.coeffRef(size - 1, c) = 1.0;
    A.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(A);
    if (lu.info() != Eigen::Success) throw NumericalError("the stationary distribution could not be factorised");
    Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
    b(size - 1) = 1.0;
    Eigen::VectorXd x = lu.solve(b);
    if (lu.info() != Eigen::Success) throw NumericalError("the stationary distribution solve failed");
    return x;
}

double residual_of(const ColumnStochastic& incoming, const Eigen::VectorXd& x) {
    return (incoming * x - x).lpNorm<1>();
}

}  // namespace

StationaryDistribution stationary_distribution(const Game& game, double lambda, const StationaryOptions& options) {
    if (!(lambda >= 0.0) || !std::isfinite(lambda)) throw InputError({}, "lambda must be a finite number >= 0");
    const ColumnStochastic incoming = ColumnStochastic(logit_transition_matrix(game, lambda).transpose());
    const Eigen::Index size = incoming.rows();
    StationaryDistribution out;
    out.lambda = lambda;
    Eigen::VectorXd x = Eigen::VectorXd::Constant(size, 1.0 / static_cast<double>(size));
    // Gauss-Seidel: x_k <- sum_{j != k} P_jk x_j / (1 - P_kk), in place, then renormalise.
    for (out.sweeps = 1; out.sweeps <= options.max_sweeps; ++out.sweeps) {
        double change = 0.0;
        for (Eigen::Index k = 0; k < size; ++k) {
            double inflow = 0.0, stay = 0.0;
            for (ColumnStochastic::InnerIterator e(incoming, k); e; ++e) {
                if (e.col() == k) stay = e.value();
                else inflow += e.value() * x(e.col());
            }
            // stay < 1 always: every player has another action with positive probability
            // unless it has a single action; then nothing flows and x_k keeps its value.
            const double updated = stay < 1.0 ? inflow / (1.0 - stay) : x(k);
            change += std::abs(updated - x(k));
            x(k) = updated;
        }
        x /= x.sum();
        if (change < 0.1 * options.tolerance || out.sweeps % 25 == 0) {
            if (residual_of(incoming, x) < options.tolerance) break;
        }
    }
    out.method = "gauss-seidel";
    if (out.sweeps > options.max_sweeps || !x.allFinite()) {
        x = solve_by_lu(incoming);
        out.method = "sparse-lu";
    }
    if (!x.allFinite()) throw NumericalError("the stationary distribution is not finite at lambda = " + std::to_string(lambda));
    // Rounding can leave tiny negatives; clip and renormalise.
    out.probability = x.cwiseMax(0.0);
    out.probability /= out.probability.sum();
    out.residual = residual_of(incoming, out.probability);
    return out;
}

OutcomeDistribution outcome_distribution(const Game& game, const Eigen::VectorXd& probability) {
    const int n = game.player_count();
    OutcomeDistribution out;
    out.alignment.resize(n);
    if (n == 3) out.role.resize(n);
    if (!game.has_stances()) return out;
    for (std::size_t p = 0; p < game.space.size(); ++p) {
        const double mass = probability(static_cast<Eigen::Index>(p));
        if (mass == 0.0) continue;
        const Structure s = read_structure(warmth_matrix(game, p));
        for (int i = 0; i < n; ++i)
            out.alignment[i][s.alignment[i] < 0 ? std::string("balanced") : game.players[s.alignment[i]]] += mass;
        if (n == 3) {
            const TriadReading& t = s.triads.front();
            out.configuration[std::string(to_string(t.configuration))] += mass;
            for (int a = 0; a < 3; ++a) out.role[t.players[a]][std::string(to_string(t.roles[a]))] += mass;
        }
    }
    return out;
}

StabilityTrace trace_stability(const Game& game, const std::vector<double>& lambdas, double mass,
                               const StationaryOptions& options) {
    StabilityTrace trace;
    for (double lambda : lambdas) trace.by_lambda.push_back(stationary_distribution(game, lambda, options));
    if (trace.by_lambda.empty()) return trace;
    const Eigen::VectorXd& last = trace.by_lambda.back().probability;
    std::vector<std::size_t> order(static_cast<std::size_t>(last.size()));
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return last(static_cast<Eigen::Index>(a)) > last(static_cast<Eigen::Index>(b));
    });
    for (std::size_t p : order) {
        if (last(static_cast<Eigen::Index>(p)) < mass) break;
        trace.stable_profiles.push_back(p);
    }
    return trace;
}

}  // namespace triad
