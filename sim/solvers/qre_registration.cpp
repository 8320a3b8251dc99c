// qre: the logit quantal-response branch from lambda = 0, and its limit (qre.hpp).
#include "builtin.hpp"

namespace triad::solvers {

SolverSpec qre() {
    const QreOptions defaults;
    SolverSpec spec{
        .name = "qre",
        .summary = "logit quantal-response equilibrium traced from lambda = 0; its limit selects a Nash equilibrium",
        .reference = "McKelvey and Palfrey, GEB 10 (1995); Turocy, GEB 51 (2005)",
        .options =
            {
                {.symbol = "max_lambda", .name = "max_lambda", .default_value = defaults.max_lambda, .lower = 1e-6,
                 .help = "trace the branch up to this lambda"},
                {.symbol = "initial_step", .name = "initial_step", .default_value = defaults.initial_step, .lower = 1e-12,
                 .help = "first arc-length step"},
                {.symbol = "max_step", .name = "max_step", .default_value = defaults.max_step, .lower = 1e-12,
                 .help = "largest arc-length step, as a multiple of max(1, lambda)"},
                {.symbol = "corrector_tolerance", .name = "corrector_tolerance", .default_value = defaults.tolerance,
                 .lower = 1e-16, .help = "Newton corrector convergence on the residual"},
            },
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        QreOptions q;
        q.max_lambda = options.at("max_lambda");
        q.initial_step = options.at("initial_step");
        q.max_step = options.at("max_step");
        q.tolerance = options.at("corrector_tolerance");
        QreResult result = trace_qre(game, q);
        report.status = result.status;
        report.turning_points = result.turning_points;
        if (!result.converged) report.notes.push_back("the branch stopped early: " + result.status);
        report.equilibria.push_back(std::move(result.limit));
        report.branch = std::move(result.branch);
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
