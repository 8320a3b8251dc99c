// logit: a noisy best reply. The player draws its action with probability proportional to
// exp(lambda * v(a)) over its allowed actions, against last period's play (Blume, GEB 5,
// 1993; McFadden's logit choice). lambda = 0 is uniform noise; large lambda approaches the
// best reply.
#include "builtin.hpp"

#include <cmath>

namespace triad::learning {

LearningRuleSpec logit() {
    LearningRuleSpec spec{
        .name = "logit",
        .summary = "draws an action with probability proportional to exp(lambda * payoff)",
        .reference = "Blume, GEB 5 (1993)",
        .options = {{.symbol = "lambda", .name = "lambda", .default_value = 5.0,
                     .help = "rationality: 0 uniform noise, large values approach the best reply"}},
        .stochastic = true,
    };
    spec.update = [](const RuleInput& in) {
        const Eigen::VectorXd values = values_against(in.game, in.previous, in.player);
        const double lambda = in.options.at("lambda");
        double best = -std::numeric_limits<double>::infinity();
        for (Eigen::Index a = 0; a < values.size(); ++a)
            if (in.allowed[a]) best = std::max(best, values(a));
        std::vector<double> weights(static_cast<std::size_t>(values.size()), 0.0);
        for (Eigen::Index a = 0; a < values.size(); ++a)
            if (in.allowed[a]) weights[a] = std::exp(lambda * (values(a) - best));
        std::discrete_distribution<int> draw(weights.begin(), weights.end());
        return one_hot(static_cast<int>(values.size()), draw(in.random));
    };
    return spec;
}

}  // namespace triad::learning
