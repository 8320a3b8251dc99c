// stable: the long-run distribution of logit best-response play and its limit as noise
// vanishes (stationary.hpp).
#include "builtin.hpp"

#include <cmath>

namespace triad::solvers {

SolverSpec stable() {
    SolverSpec spec{
        .name = "stable",
        .summary = "stationary distribution of asynchronous logit dynamics; stochastically stable profiles as noise vanishes",
        .reference = "Blume, GEB 5 (1993); Young, Econometrica 61 (1993); Kandori, Mailath and Rob, Econometrica 61 (1993)",
        .options =
            {
                {.symbol = "lambda", .name = "lambda", .default_value = 10.0,
                 .help = "logit rationality: higher means less noise"},
                {.symbol = "doublings", .name = "doublings", .default_value = 4.0, .upper = 12.0,
                 .help = "to show the limit, also solve at lambda x 2, x 4, ... this many times"},
                {.symbol = "mass", .name = "mass", .default_value = 0.01, .upper = 1.0,
                 .help = "stable profiles: those holding at least this share at the largest lambda"},
            },
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        const double lambda = options.at("lambda");
        std::vector<double> schedule = {lambda};
        const int doublings = static_cast<int>(std::lround(options.at("doublings")));
        for (int k = 1; k <= doublings; ++k) schedule.push_back(lambda * std::pow(2.0, k));
        StabilityTrace trace = trace_stability(game, schedule, options.at("mass"));
        report.stationary = trace.by_lambda.front();
        report.outcome = outcome_distribution(game, trace.by_lambda.front().probability);
        report.stable_profiles = std::move(trace.stable_profiles);
        report.concentration = std::move(trace.by_lambda);
        for (std::size_t p : report.stable_profiles) {
            Equilibrium e = make_pure_equilibrium(game, p, "stable");
            if (e.regret > payoff_tolerance(game)) e.labels.push_back("not_an_equilibrium");
            report.equilibria.push_back(std::move(e));
        }
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
