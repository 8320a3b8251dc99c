// best_response: myopic best reply to last period's play, with inertia.
// Each period the player revises with probability q (the revision rate) and otherwise keeps
// its action; a revising player picks its best allowed reply to what the others did last
// period (ties keep the current action). With q = 1 the rule is deterministic and draws no
// random numbers. Inertia is one source of lag between a cause and the shift it brings
// (Katz's 1956-1971 lag); in potential games best-reply paths end at a pure equilibrium
// (Monderer and Shapley, GEB 14, 1996).
#include "builtin.hpp"

namespace triad::learning {

LearningRuleSpec best_response() {
    LearningRuleSpec spec{
        .name = "best_response",
        .summary = "best reply to last period's play, revising with probability q (inertia)",
        .reference = "Monderer and Shapley, GEB 14 (1996); Young, Individual Strategy and Social Structure (1998)",
        .options = {{.symbol = "q", .name = "revision", .default_value = 1.0, .upper = 1.0,
                     .help = "probability of revising each period (1: every period, deterministic)"}},
        .stochastic = true,
        .deterministic_with = [](const RuleOptions& options) { return options.at("q") >= 1.0; },
    };
    spec.update = [](const RuleInput& in) {
        const int current = mode(in.previous[in.player]);
        const double q = in.options.at("q");
        if (q < 1.0) {
            std::uniform_real_distribution<double> unit(0.0, 1.0);
            if (unit(in.random) >= q && in.allowed[current]) return one_hot(in.game.space.actions(in.player), current);
        }
        const Eigen::VectorXd values = values_against(in.game, in.previous, in.player);
        const double tolerance = 1e-9 * std::max(1.0, values.cwiseAbs().maxCoeff());
        return one_hot(in.game.space.actions(in.player), best_allowed(values, in.allowed, current, tolerance));
    };
    return spec;
}

}  // namespace triad::learning
