#include "triad/dynamics/learning.hpp"

namespace triad {

const LearningRuleRegistry& builtin_learning_rules() {
    static const LearningRuleRegistry registry = [] {
        LearningRuleRegistry r;
        register_builtin_learning_rules(r);
        return r;
    }();
    return registry;
}

Eigen::VectorXd one_hot(int size, int index) {
    Eigen::VectorXd v = Eigen::VectorXd::Zero(size);
    v(index) = 1.0;
    return v;
}

int mode(const Eigen::VectorXd& strategy) {
    Eigen::Index best = 0;
    strategy.maxCoeff(&best);
    return static_cast<int>(best);
}

Eigen::VectorXd values_against(const Game& game, const MixedProfile& previous, int player) {
    bool others_pure = true;
    for (int j = 0; j < game.player_count() && others_pure; ++j)
        if (j != player && previous[j].maxCoeff() < 1.0) others_pure = false;
    if (!others_pure) return action_values(game, previous, player);
    std::vector<int> actions(game.player_count());
    for (int j = 0; j < game.player_count(); ++j) actions[j] = mode(previous[j]);
    actions[player] = 0;
    const std::size_t base = game.space.index(actions);
    const std::size_t stride = game.space.stride(player);
    Eigen::VectorXd values(game.space.actions(player));
    for (int a = 0; a < values.size(); ++a)
        values(a) = game.payoffs[player](static_cast<Eigen::Index>(base + static_cast<std::size_t>(a) * stride));
    return values;
}

int best_allowed(const Eigen::VectorXd& values, const std::vector<char>& allowed, int current, double tolerance) {
    double best = -std::numeric_limits<double>::infinity();
    for (Eigen::Index a = 0; a < values.size(); ++a)
        if (allowed[a]) best = std::max(best, values(a));
    if (current >= 0 && allowed[current] && values(current) >= best - tolerance) return current;
    for (Eigen::Index a = 0; a < values.size(); ++a)
        if (allowed[a] && values(a) >= best - tolerance) return static_cast<int>(a);
    return current;
}

}  // namespace triad
