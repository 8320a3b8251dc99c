// The shape every solver reports an equilibrium in, and the payoff tolerance (equilibrium.hpp).
#include "triad/solvers/equilibrium.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

double payoff_tolerance(const Game& game, double relative) {
    // Relative to the largest payoff, with no floor: rounding errors scale with the payoffs'
    // magnitude, so a game written in millionths ties where the same game in units ties.
    double scale = 0.0;
    for (const auto& u : game.payoffs)
        if (u.size() > 0) scale = std::max(scale, u.cwiseAbs().maxCoeff());
    return relative * (scale > 0.0 && std::isfinite(scale) ? scale : 1.0);
}

double payoff_range(const Game& game) {
    double range = 0.0;
    for (const auto& u : game.payoffs)
        if (u.size() > 0) range = std::max(range, u.maxCoeff() - u.minCoeff());
    return range > 0.0 && std::isfinite(range) ? range : 1.0;
}

Equilibrium make_pure_equilibrium(const Game& game, std::size_t profile, std::string method) {
    Equilibrium eq;
    eq.method = std::move(method);
    eq.strategy = pure_as_mixed(game, profile);
    eq.profile = profile;
    for (const auto& u : game.payoffs) eq.payoffs.push_back(u(static_cast<Eigen::Index>(profile)));
    eq.regret = pure_regret(game, profile);
    return eq;
}

void label_pareto(std::vector<Equilibrium>& equilibria, double tolerance) {
    for (auto& candidate : equilibria) {
        for (const auto& other : equilibria) {
            if (&other == &candidate) continue;
            bool weakly_better = true, strictly = false;
            for (std::size_t i = 0; i < candidate.payoffs.size(); ++i) {
                if (other.payoffs[i] < candidate.payoffs[i] - tolerance) weakly_better = false;
                if (other.payoffs[i] > candidate.payoffs[i] + tolerance) strictly = true;
            }
            if (weakly_better && strictly) {
                candidate.labels.push_back("pareto_dominated");
                break;
            }
        }
    }
}

}  // namespace triad
