// equilibrium_tracking: each period the players move to the Nash equilibrium of the current
// stage game nearest to last period's play. Among allowed pure profiles it takes those with
// the least regret (exact equilibria when the stage game has any), and among them the one
// that changes the fewest players' actions (ties: lowest profile index). When the game has no
// pure equilibrium this tracks the most nearly stable profile; the regret is reported.
#include "builtin.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"

namespace triad::learning {

LearningRuleSpec equilibrium_tracking() {
    LearningRuleSpec spec{
        .name = "equilibrium_tracking",
        .summary = "each period, the (least-regret) pure equilibrium nearest to last period's play",
        .reference = "equilibrium selection by continuity along a parameter path",
        .joint = true,
    };
    spec.update_joint = [](const Game& game, const MixedProfile& previous, const std::vector<std::vector<char>>& allowed,
                           const RuleOptions&) {
        const int n = game.player_count();
        std::vector<int> last(n);
        for (int i = 0; i < n; ++i) last[i] = mode(previous[i]);
        const double tolerance = payoff_tolerance(game);
        const std::size_t size = game.space.size();
        // best[i][p]: player i's best allowed payoff against the others' actions in p, found in
        // one pass per player (as in pure_equilibria), so that the regret of every profile is
        // max_i (best[i][p] - u_i(p)) at O(N x profiles) in all.
        std::vector<double> regret(size, 0.0);
        for (int i = 0; i < n; ++i) {
            const std::size_t stride = game.space.stride(i);
            const int m = game.space.actions(i);
            const std::size_t block = stride * static_cast<std::size_t>(m);
            const Eigen::VectorXd& u = game.payoffs[i];
            for (std::size_t high = 0; high < size; high += block)
                for (std::size_t low = 0; low < stride; ++low) {
                    double top = -std::numeric_limits<double>::infinity();
                    for (int a = 0; a < m; ++a)
                        if (allowed[i][a]) top = std::max(top, u(static_cast<Eigen::Index>(high + low + a * stride)));
                    for (int a = 0; a < m; ++a) {
                        const std::size_t p = high + low + a * stride;
                        regret[p] = std::max(regret[p], top - u(static_cast<Eigen::Index>(p)));
                    }
                }
        }
        std::vector<int> actions(n, 0);
        double best_regret = std::numeric_limits<double>::infinity();
        int best_distance = n + 1;
        std::size_t best = 0;
        for (std::size_t p = 0; p < size; ++p) {
            game.space.decode(p, actions);
            bool ok = true;
            int distance = 0;
            for (int i = 0; i < n && ok; ++i) {
                ok = allowed[i][actions[i]] != 0;
                distance += actions[i] != last[i];
            }
            if (!ok) continue;
            const bool better = regret[p] < best_regret - tolerance;
            const bool same = std::abs(regret[p] - best_regret) <= tolerance;
            if (better || (same && distance < best_distance)) {
                if (better) best_regret = regret[p];
                best_distance = distance;
                best = p;
            }
        }
        return pure_as_mixed(game, best);
    };
    return spec;
}

}  // namespace triad::learning
