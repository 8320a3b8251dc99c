// fictitious_play: best reply to the empirical frequency of the others' past actions
// (Brown 1951; Robinson, Annals of Mathematics 54, 1951), optionally discounting old
// observations: each period every belief is multiplied by `discount` before the newest
// observation is added (discount 1: plain frequencies; < 1: recent play weighs more).
// Beliefs start from the first period's play. In two-player zero-sum games the empirical
// frequencies converge to equilibrium (Robinson); in Shapley's 3x3 game they cycle (Shapley
// 1964), which the tests check.
#include "builtin.hpp"

namespace triad::learning {

LearningRuleSpec fictitious_play() {
    LearningRuleSpec spec{
        .name = "fictitious_play",
        .summary = "best reply to the (optionally discounted) frequencies of the others' past actions",
        .reference = "Brown (1951); Robinson, Annals of Mathematics 54 (1951); Shapley (1964)",
        .options = {{.symbol = "discount", .name = "discount", .default_value = 1.0, .upper = 1.0,
                     .help = "weight kept by old observations each period (1: none forgotten)"}},
    };
    spec.update = [](const RuleInput& in) {
        const Game& game = in.game;
        const int n = game.player_count();
        auto& beliefs = in.state.beliefs;
        const double discount = in.options.at("discount");
        if (beliefs.empty()) {
            beliefs.resize(n);
            for (int j = 0; j < n; ++j) beliefs[j] = Eigen::VectorXd::Zero(game.space.actions(j));
        }
        for (int j = 0; j < n; ++j) beliefs[j] = discount * beliefs[j] + in.previous[j];
        MixedProfile believed(n);
        for (int j = 0; j < n; ++j) believed[j] = beliefs[j] / beliefs[j].sum();
        believed[in.player] = in.previous[in.player];
        const Eigen::VectorXd values = values_against(game, believed, in.player);
        const double tolerance = 1e-9 * std::max(1.0, values.cwiseAbs().maxCoeff());
        return one_hot(game.space.actions(in.player),
                       best_allowed(values, in.allowed, mode(in.previous[in.player]), tolerance));
    };
    return spec;
}

}  // namespace triad::learning
