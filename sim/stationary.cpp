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

StationaryDistribution stationary_distribution(const Game& game, double lambda) {
    if (!(lambda >= 0.0) || !std::isfinite(lambda)) throw InputError({}, "lambda must be a finite number >= 0");
    const auto P = logit_transition_matrix(game, lambda);
    const Eigen::Index size = P.rows();
    // pi (P - I) = 0  <=>  (P^T - I) pi^T = 0; the last equation becomes sum(pi) = 1.
    Eigen::SparseMatrix<double> A = Eigen::SparseMatrix<double>(P.transpose());
    for (Eigen::Index k = 0; k < size; ++k) A.coeffRef(k, k) -= 1.0;
    A.prune([&](Eigen::Index row, Eigen::Index, double) { return row != size - 1; });
    {
        std::vector<Eigen::Triplet<double>> ones;
        for (Eigen::Index c = 0; c < size; ++c) ones.emplace_back(size - 1, c, 1.0);
        Eigen::SparseMatrix<double> last(size, size);
        last.setFromTriplets(ones.begin(), ones.end());
        A += last;
    }
    A.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(A);
    if (lu.info() != Eigen::Success)
        throw NumericalError("the stationary distribution could not be factorised at lambda = " + std::to_string(lambda));
    Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
    b(size - 1) = 1.0;
    StationaryDistribution out;
    out.lambda = lambda;
    out.probability = lu.solve(b);
    if (lu.info() != Eigen::Success || !out.probability.allFinite())
        throw NumericalError("the stationary distribution solve failed at lambda = " + std::to_string(lambda));
    // Rounding can leave tiny negatives; clip and renormalise.
    out.probability = out.probability.cwiseMax(0.0);
    out.probability /= out.probability.sum();
    const Eigen::RowVectorXd moved = out.probability.transpose() * P;
    out.residual = (moved - out.probability.transpose()).lpNorm<1>();
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

StabilityTrace trace_stability(const Game& game, const std::vector<double>& lambdas, double mass) {
    StabilityTrace trace;
    for (double lambda : lambdas) trace.by_lambda.push_back(stationary_distribution(game, lambda));
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
