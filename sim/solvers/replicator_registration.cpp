// replicator: the equilibria found by the exact methods, each labelled by its stability under
// the replicator dynamics (replicator.hpp).
#include "builtin.hpp"

#include "triad/solvers/replicator.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/solvers/support_enumeration.hpp"

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
            report.equilibria = pure_equilibria(game, tolerance);
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
