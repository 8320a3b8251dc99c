// The shape every solver reports an equilibrium in, and the payoff tolerance (equilibrium.hpp).
#include "triad/solvers/equilibrium.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

double payoff_tolerance(const Game& game, double relative) {
    double scale = 1.0;
    for (const auto& u : game.payoffs)
        if (u.size() > 0) scale = std::max(scale, u.cwiseAbs().maxCoeff());
    return relative * scale;
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
