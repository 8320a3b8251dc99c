// pure: every pure-strategy Nash equilibrium, exactly (pure.hpp), and its registration.
#include "triad/solvers/pure.hpp"

#include "builtin.hpp"

#include <cstdint>
#include <limits>

namespace triad {

bool is_strict(const Game& game, std::size_t profile, double tolerance) {
    for (int i = 0; i < game.player_count(); ++i) {
        const double current = game.payoffs[i](static_cast<Eigen::Index>(profile));
        for (int a = 0; a < game.space.actions(i); ++a) {
            if (a == game.space.action_of(profile, i)) continue;
            if (game.payoffs[i](static_cast<Eigen::Index>(game.space.with_action(profile, i, a))) > current - tolerance)
                return false;
        }
    }
    return true;
}

PureProfiles pure_equilibrium_profiles(const Game& game, double tolerance) {
    const auto& space = game.space;
    const std::size_t size = space.size();
    const int n = space.players();
    // best_count[p]: for how many players the action in p is a best reply to the others.
    // strict[p]: whether every such best reply is also strict (all deviations lose > tol).
    std::vector<std::uint8_t> best_count(size, 0);
    std::vector<std::uint8_t> strict(size, 1);
    for (int i = 0; i < n; ++i) {
        const std::size_t stride = space.stride(i);
        const int m = space.actions(i);
        const std::size_t block = stride * static_cast<std::size_t>(m);
        const Eigen::VectorXd& u = game.payoffs[i];
        // Each opponents' profile is (low, high): low < stride, high counts blocks.
        for (std::size_t high = 0; high < size; high += block) {
            for (std::size_t low = 0; low < stride; ++low) {
                const std::size_t first = high + low;
                double best = -std::numeric_limits<double>::infinity();
                double second = -std::numeric_limits<double>::infinity();
                for (int a = 0; a < m; ++a) {
                    const double v = u(static_cast<Eigen::Index>(first + a * stride));
                    if (v > best) {
                        second = best;
                        best = v;
                    } else if (v > second) {
                        second = v;
                    }
                }
                for (int a = 0; a < m; ++a) {
                    const std::size_t p = first + a * stride;
                    const double v = u(static_cast<Eigen::Index>(p));
                    if (v >= best - tolerance) {
                        ++best_count[p];
                        // Strict: this action is the unique best and beats the runner-up.
                        if (!(v == best && best - second > tolerance)) strict[p] = 0;
                    }
                }
            }
        }
    }
    PureProfiles out;
    for (std::size_t p = 0; p < size; ++p) {
        if (best_count[p] != n) continue;
        out.profiles.push_back(p);
        out.strict.push_back(strict[p] != 0);
    }
    return out;
}

std::vector<Equilibrium> pure_equilibria(const Game& game, double tolerance, std::size_t limit, std::size_t* total) {
    const PureProfiles found = pure_equilibrium_profiles(game, tolerance);
    if (total) *total = found.profiles.size();
    std::vector<Equilibrium> out;
    for (std::size_t k = 0; k < found.profiles.size() && k < limit; ++k) {
        Equilibrium eq = make_pure_equilibrium(game, found.profiles[k], "pure");
        if (found.strict[k]) eq.labels.push_back("strict");
        out.push_back(std::move(eq));
    }
    return out;
}

std::vector<Equilibrium> pure_equilibria(const Game& game, double tolerance) {
    return pure_equilibria(game, tolerance, std::numeric_limits<std::size_t>::max(), nullptr);
}

}  // namespace triad

// ---------------------------------------------------------------------------------------------
// Registration: `triad solve --method pure` (one line in registry.cpp).

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
        std::size_t total = 0;
        report.equilibria = pure_equilibria(game, payoff_tolerance(game, options.at("tolerance")), kMaxListedEquilibria, &total);
        if (report.equilibria.empty()) report.notes.push_back("no pure equilibrium: every profile leaves some player a profitable deviation");
        if (total > report.equilibria.size())
            report.notes.push_back(std::to_string(total) + " pure equilibria: only the first " +
                                   std::to_string(report.equilibria.size()) +
                                   " (in profile order) are listed, and their labels compare them among themselves");
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
