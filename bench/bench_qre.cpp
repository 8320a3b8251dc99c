// bench_qre: speed of tracing the logit QRE branch from lambda = 0 to 1e4.
//
//   bench_qre [SCENARIO...]   (default: scenarios/baseline.yaml scenarios/examples/four_powers.yaml)
//
// Not part of the CMake build; compile by hand from the source root:
//   g++ -std=c++20 -O3 -DNDEBUG -I include -I build/release/include -I /usr/include/eigen3
//       bench/bench_qre.cpp sim/solvers/qre.cpp build/release/libtriad.a -lyaml-cpp -o /tmp/bench_qre
// For each scenario it prints the median time of trace_qre, the branch length (accepted
// points), the turning points, the status and the limit's regret.
#include "triad/scenario/model.hpp"
#include "triad/solvers/qre.hpp"
#include "triad/scenario/scenario.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Median milliseconds of `reps` runs of `work`, after one warm-up run.
template <class Work>
double median_ms(Work&& work, int reps) {
    work();
    std::vector<double> times;
    for (int r = 0; r < reps; ++r) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + reps / 2, times.end());
    return times[reps / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    if (paths.empty()) paths = {"scenarios/baseline.yaml", "scenarios/examples/four_powers.yaml"};
    for (const auto& path : paths) {
        const triad::StageModel model(triad::load_scenario(path));
        const triad::Game& game = model.game();
        triad::QreResult result;
        const double ms = median_ms([&] { result = triad::trace_qre(game); }, 51);
        std::printf("%s: %zu profiles, %d players\n", path.c_str(), game.space.size(), game.player_count());
        std::printf("  trace_qre to lambda 1e4: %.3f ms (median of 51)\n", ms);
        std::printf("  branch points: %zu, turning points: %d\n", result.branch.size(), result.turning_points);
        std::printf("  status: %s; limit regret %.3g%s\n", result.status.c_str(), result.limit.regret,
                    result.limit.profile ? " (pure)" : " (mixed)");
    }
    return 0;
}
