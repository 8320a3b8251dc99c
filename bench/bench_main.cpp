// triad_bench: speed of the stage-game engine, as medians over many repetitions.
//
//   triad_bench [SCENARIO...]      (default: scenarios/baseline.yaml scenarios/examples/four_powers.yaml)
//
// For each scenario it prints: the time to build the stage game from a loaded scenario (all
// drivers' basis terms and the payoff sums), the time to update the game after one linear
// weight changes (one multiply-add per profile per term it multiplies), and the time to
// enumerate all pure Nash equilibria, and the time to solve the stationary distribution of
// logit dynamics at lambda = 10. Figures go to docs/performance.md with the machine.
#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/scenario/model.hpp"
#include "triad/solvers/stationary.hpp"
#include "triad/core/version.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Median seconds per call of `work`, timing batches so each sample lasts about a millisecond.
double median_seconds(const std::function<void()>& work, int samples = 31) {
    int batch = 1;
    for (;;) {
        const auto start = Clock::now();
        for (int k = 0; k < batch; ++k) work();
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        if (elapsed > 1e-3 || batch > (1 << 20)) break;
        batch *= 2;
    }
    std::vector<double> times;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        for (int k = 0; k < batch; ++k) work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count() / batch);
    }
    std::nth_element(times.begin(), times.begin() + samples / 2, times.end());
    return times[samples / 2];
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

std::string human(double seconds) {
    char buffer[32];
    if (seconds < 1e-6) std::snprintf(buffer, sizeof buffer, "%.0f ns", seconds * 1e9);
    else if (seconds < 1e-3) std::snprintf(buffer, sizeof buffer, "%.2f us", seconds * 1e6);
    else std::snprintf(buffer, sizeof buffer, "%.3f ms", seconds * 1e3);
    return buffer;
}

void bench(const std::string& path) {
    const triad::Scenario scenario = triad::load_scenario(path);
    triad::StageModel model(scenario);
    const triad::Game& game = model.game();
    std::printf("%s: %d players, %zu profiles, %zu drivers, %zu basis terms, %zu parameters\n", path.c_str(),
                game.player_count(), game.space.size(), model.drivers().size(), model.term_count(),
                model.parameters().size());

    const double build = median_seconds([&] { triad::StageModel fresh(scenario); }, 15);
    // The linear weight with the most terms is the slowest one to update.
    std::size_t entry = 0, most = 0;
    for (std::size_t e = 0; e < model.parameters().size(); ++e) {
        if (!model.parameters()[e].spec->linear) continue;
        std::size_t count = 0;
        for (const auto& group : model.terms())
            for (const auto& t : group)
                count += static_cast<std::size_t>(std::count(t.factors.begin(), t.factors.end(), e));
        if (count > most) most = count, entry = e;
    }
    const double base = model.parameters().value(entry);
    bool flip = false;
    const double update = median_seconds([&] {
        flip = !flip;
        model.set(entry, flip ? base + 0.25 : base);
    });
    const double tolerance = triad::payoff_tolerance(game);
    std::size_t found = 0;
    const double enumerate = median_seconds([&] { found = triad::pure_equilibria(game, tolerance).size(); });
    std::printf("  build stage game           %12s\n", human(build).c_str());
    std::printf("  update one weight          %12s   (%s: %zu terms)\n", human(update).c_str(),
                model.parameters()[entry].path.c_str(), most);
    std::printf("  enumerate pure equilibria  %12s   (%zu found)\n", human(enumerate).c_str(), found);
    double top = 0.0;
    const double stationary = median_seconds([&] { top = triad::stationary_distribution(game, 10.0).probability.maxCoeff(); }, 11);
    std::printf("  stationary distribution    %12s   (lambda 10, largest mass %.3f)\n\n", human(stationary).c_str(), top);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> paths(argv + 1, argv + argc);
    if (paths.empty()) paths = {"scenarios/baseline.yaml", "scenarios/examples/four_powers.yaml"};
    std::printf("triad %s benchmark on %s\n\n", triad::kVersion, cpu_model().c_str());
    try {
        for (const auto& p : paths) bench(p);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "triad_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
