// pure: every pure-strategy Nash equilibrium, exactly (equilibria.hpp).
#include "builtin.hpp"

namespace triad::solvers {

SolverSpec pure() {
    SolverSpec spec{
        .name = "pure",
        .summary = "every pure-strategy Nash equilibrium, by checking each player's best replies over all profiles",
        .reference = "exhaustive best-reply check, O(N x profiles)",
        .options = {tolerance_option()},
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        report.equilibria = pure_equilibria(game, payoff_tolerance(game, options.at("tolerance")));
        if (report.equilibria.empty()) report.notes.push_back("no pure equilibrium: every profile leaves some player a profitable deviation");
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
