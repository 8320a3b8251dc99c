// support: every Nash equilibrium of a two-player game (support_enumeration.hpp).
#include "builtin.hpp"

#include "triad/support_enumeration.hpp"

namespace triad::solvers {

SolverSpec support() {
    SolverSpec spec{
        .name = "support",
        .summary = "all Nash equilibria of a two-player game (mixed included) by support enumeration",
        .reference = "von Stengel, Handbook of Game Theory vol. 3 (2002), ch. 45; Avis et al., Economic Theory 42 (2010)",
        .options = {tolerance_option()},
        .players = 2,
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        SupportEnumerationResult result = support_enumeration(game, {.tolerance = options.at("tolerance")});
        report.equilibria = std::move(result.equilibria);
        if (result.degenerate) report.notes.push_back("the game is degenerate: " + result.note);
        else if (report.equilibria.size() % 2 == 0)
            report.notes.push_back("an even number of equilibria in a nondegenerate game: check the tolerance");
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
