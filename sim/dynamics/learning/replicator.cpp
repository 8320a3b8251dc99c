// replicator: discrete-time replicator dynamics on mixed strategies,
//     x_a <- x_a + eta * x_a * (v(a) - vbar),   vbar = sum_c x_c v(c),
// the Euler step of the continuous replicator equation (Taylor and Jonker 1978). The step
// keeps sum(x) = 1 exactly; eta is capped each period so that no share turns negative
// (eta * (vbar - v(a)) < 1). Nash equilibria are rest points: every used action earns vbar.
// Play starts from the uniform mix over allowed actions, since a pure start never moves.
#include "builtin.hpp"

namespace triad::learning {

LearningRuleSpec replicator() {
    LearningRuleSpec spec{
        .name = "replicator",
        .summary = "discrete-time replicator dynamics on mixed strategies (step eta)",
        .reference = "Taylor and Jonker, Math. Biosciences 40 (1978); Weibull (1995)",
        .options = {{.symbol = "eta", .name = "step", .default_value = 0.1, .lower = 1e-9,
                     .help = "step size of each period's replicator update"}},
        .starts_mixed = true,
    };
    spec.update = [](const RuleInput& in) {
        Eigen::VectorXd x = in.previous[in.player];
        for (Eigen::Index a = 0; a < x.size(); ++a)
            if (!in.allowed[a]) x(a) = 0.0;
        if (x.sum() <= 0.0) {
            for (Eigen::Index a = 0; a < x.size(); ++a) x(a) = in.allowed[a] ? 1.0 : 0.0;
        }
        x /= x.sum();
        const Eigen::VectorXd v = values_against(in.game, in.previous, in.player);
        const double mean = x.dot(v);
        double eta = in.options.at("eta");
        const double worst_gap = (mean - v.array()).maxCoeff();
        if (worst_gap > 0.0) eta = std::min(eta, 0.5 / worst_gap);
        Eigen::VectorXd next = x.array() + eta * x.array() * (v.array() - mean);
        next = next.cwiseMax(0.0);
        return Eigen::VectorXd(next / next.sum());
    };
    return spec;
}

}  // namespace triad::learning
