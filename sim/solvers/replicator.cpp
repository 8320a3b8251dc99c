#include "triad/solvers/replicator.hpp"

#include "builtin.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/solvers/support_enumeration.hpp"

#include <Eigen/Eigenvalues>

#include <numeric>

namespace triad {

std::vector<Eigen::MatrixXd> payoff_derivatives(const Game& game, const MixedProfile& strategy) {
    const auto& space = game.space;
    const int n = space.players();
    std::vector<Eigen::Index> offset(n + 1, 0);
    for (int j = 0; j < n; ++j) offset[j + 1] = offset[j] + space.actions(j);
    std::vector<Eigen::MatrixXd> out(n);
    for (int i = 0; i < n; ++i) out[i] = Eigen::MatrixXd::Zero(space.actions(i), offset[n]);
    std::vector<int> actions(n, 0);
    std::vector<double> prob(n);
    for (std::size_t p = 0; p < space.size(); ++p) {
        for (int k = 0; k < n; ++k) prob[k] = strategy[k](actions[k]);
        for (int i = 0; i < n; ++i) {
            const double u = game.payoffs[i](static_cast<Eigen::Index>(p));
            if (u == 0.0) continue;
            for (int j = 0; j < n; ++j) {
                if (j == i) continue;
                double weight = u;
                for (int k = 0; k < n && weight != 0.0; ++k)
                    if (k != i && k != j) weight *= prob[k];
                if (weight != 0.0) out[i](actions[i], offset[j] + actions[j]) += weight;
            }
        }
        for (int k = 0; k < n; ++k) {  // odometer, player 0 fastest
            if (++actions[k] < space.actions(k)) break;
            actions[k] = 0;
        }
    }
    return out;
}

ReplicatorStability replicator_stability(const Game& game, const MixedProfile& strategy, double tolerance) {
    const int n = game.player_count();
    std::vector<Eigen::Index> offset(n + 1, 0);
    for (int j = 0; j < n; ++j) offset[j + 1] = offset[j] + game.space.actions(j);
    const Eigen::Index total = offset[n];
    const std::vector<Eigen::MatrixXd> W = payoff_derivatives(game, strategy);

    Eigen::MatrixXd J = Eigen::MatrixXd::Zero(total, total);
    for (int i = 0; i < n; ++i) {
        const Eigen::VectorXd& x = strategy[i];
        const Eigen::VectorXd v = action_values(game, strategy, i);
        const double mean = x.dot(v);
        // Same player: d f_ia / d x_ib = [a = b] (v_ia - vbar_i) - x_ia v_ib.
        for (Eigen::Index a = 0; a < x.size(); ++a)
            for (Eigen::Index b = 0; b < x.size(); ++b)
                J(offset[i] + a, offset[i] + b) = (a == b ? v(a) - mean : 0.0) - x(a) * v(b);
        // Other players: d f_ia / d x_jb = x_ia (W_i[a, (j,b)] - sum_c x_ic W_i[c, (j,b)]).
        const Eigen::RowVectorXd averaged = x.transpose() * W[i];
        for (int j = 0; j < n; ++j) {
            if (j == i) continue;
            for (Eigen::Index a = 0; a < x.size(); ++a)
                for (Eigen::Index b = 0; b < game.space.actions(j); ++b)
                    J(offset[i] + a, offset[j] + b) = x(a) * (W[i](a, offset[j] + b) - averaged(offset[j] + b));
        }
    }
    // Orthonormal basis of the tangent space: per player, the complement of (1, ..., 1).
    Eigen::MatrixXd basis = Eigen::MatrixXd::Zero(total, total - n);
    Eigen::Index column = 0;
    for (int i = 0; i < n; ++i) {
        const Eigen::Index m = offset[i + 1] - offset[i];
        if (m < 2) continue;
        Eigen::MatrixXd block(m, m);
        block.col(0) = Eigen::VectorXd::Ones(m);
        block.rightCols(m - 1) = Eigen::MatrixXd::Identity(m, m).rightCols(m - 1);
        const Eigen::HouseholderQR<Eigen::MatrixXd> qr(block);
        const Eigen::MatrixXd q = qr.householderQ();
        basis.block(offset[i], column, m, m - 1) = q.rightCols(m - 1);
        column += m - 1;
    }
    ReplicatorStability out;
    if (column == 0) {
        out.asymptotically_stable = true;  // nothing can move
        out.max_real_part = -std::numeric_limits<double>::infinity();
        return out;
    }
    const Eigen::MatrixXd reduced = basis.leftCols(column).transpose() * J * basis.leftCols(column);
    const Eigen::EigenSolver<Eigen::MatrixXd> solver(reduced, false);
    const Eigen::VectorXcd values = solver.eigenvalues();
    out.max_real_part = -std::numeric_limits<double>::infinity();
    for (Eigen::Index k = 0; k < values.size(); ++k) {
        out.eigenvalues.push_back(values(k));
        out.max_real_part = std::max(out.max_real_part, values(k).real());
    }
    std::sort(out.eigenvalues.begin(), out.eigenvalues.end(), [](const auto& a, const auto& b) {
        return a.real() != b.real() ? a.real() > b.real() : a.imag() > b.imag();
    });
    out.asymptotically_stable = out.max_real_part < -tolerance;
    return out;
}

}  // namespace triad

// ---------------------------------------------------------------------------------------------
// Registration: `triad solve --method replicator` (one line in registry.cpp).
// replicator: the equilibria found by the exact methods, each labelled by its stability under
// the replicator dynamics (replicator.hpp).

namespace triad::solvers {

SolverSpec replicator() {
    SolverSpec spec{
        .name = "replicator",
        .summary = "equilibria (support for 2 players, else pure and the QRE limit) labelled by replicator stability",
        .reference = "Taylor and Jonker (1978); Weibull, Evolutionary Game Theory (1995), ch. 5",
        .options = {tolerance_option()},
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        const double tolerance = payoff_tolerance(game, options.at("tolerance"));
        if (game.player_count() == 2) {
            report.equilibria = support_enumeration(game, {.tolerance = options.at("tolerance")}).equilibria;
        } else {
            std::size_t total = 0;
            report.equilibria = pure_equilibria(game, tolerance, kMaxListedEquilibria, &total);
            if (total > report.equilibria.size())
                report.notes.push_back(std::to_string(total) + " pure equilibria: only the first " +
                                       std::to_string(report.equilibria.size()) + " are examined");
            QreResult q = trace_qre(game);
            const bool duplicate = q.limit.profile &&
                                   std::any_of(report.equilibria.begin(), report.equilibria.end(),
                                               [&](const Equilibrium& e) { return e.profile == q.limit.profile; });
            if (!duplicate && q.limit.regret <= 1e-6 * (1.0 + tolerance / 1e-9)) report.equilibria.push_back(std::move(q.limit));
        }
        for (auto& e : report.equilibria) {
            const ReplicatorStability s = replicator_stability(game, e.strategy, tolerance);
            e.eigenvalues = s.eigenvalues;
            e.labels.push_back(s.asymptotically_stable ? "asymptotically_stable" : "not_asymptotically_stable");
        }
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
