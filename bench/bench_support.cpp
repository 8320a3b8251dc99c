// bench_support: speed of support enumeration on seeded random bimatrix games.
//
//   bench_support
//
// For square games of 5, 9 and 12 actions per player, with payoffs drawn uniformly from
// [0, 1) (nondegenerate with probability 1), it prints the median time of one full
// support_enumeration call over several seeded games and many repetitions each, and the
// number of equilibria found. Figures are medians, so one slow repetition does not move them.
#include "triad/solvers/support_enumeration.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

triad::Game random_game(int size, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> payoff(0.0, 1.0);
    triad::Game g;
    g.players = {"row", "column"};
    g.actions.assign(2, {});
    for (int a = 0; a < size; ++a) {
        g.actions[0].push_back(std::string("r").append(std::to_string(a)));
        g.actions[1].push_back(std::string("c").append(std::to_string(a)));
    }
    g.space = triad::ProfileSpace({size, size});
    g.payoffs.assign(2, Eigen::VectorXd(static_cast<Eigen::Index>(g.space.size())));
    for (auto& u : g.payoffs)
        for (Eigen::Index p = 0; p < u.size(); ++p) u(p) = payoff(rng);
    return g;
}

// Median seconds per call of `work`, timing batches so each sample lasts about a millisecond.
double median_seconds(const std::function<void()>& work, int samples = 21) {
    int batch = 1;
    for (;;) {
        const auto start = Clock::now();
        for (int i = 0; i < batch; ++i) work();
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed > 1e-3 || batch >= (1 << 20)) break;
        batch *= 2;
    }
    std::vector<double> times;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        for (int i = 0; i < batch; ++i) work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count() / batch);
    }
    std::nth_element(times.begin(), times.begin() + samples / 2, times.end());
    return times[samples / 2];
}

}  // namespace

int main() {
    std::printf("support enumeration, random games with uniform payoffs, one core\n");
    std::printf("%8s %6s %12s %12s %12s %10s\n", "size", "games", "median ms", "min ms",
                "max ms", "equilibria");
    for (const int size : {5, 9, 12}) {
        const int games = size <= 9 ? 10 : 5;
        std::vector<double> per_game;
        std::size_t equilibria = 0;
        for (int seed = 0; seed < games; ++seed) {
            const triad::Game g = random_game(size, 1000 + static_cast<std::uint64_t>(seed));
            equilibria += triad::support_enumeration(g).equilibria.size();
            per_game.push_back(median_seconds([&] {
                const auto result = triad::support_enumeration(g);
                if (result.equilibria.empty()) std::printf("no equilibrium?\n");
            }, size <= 9 ? 21 : 7));
        }
        std::sort(per_game.begin(), per_game.end());
        std::printf("%5dx%-2d %6d %12.3f %12.3f %12.3f %10.1f\n", size, size, games,
                    1e3 * per_game[per_game.size() / 2], 1e3 * per_game.front(),
                    1e3 * per_game.back(), static_cast<double>(equilibria) / games);
    }
    return 0;
}
