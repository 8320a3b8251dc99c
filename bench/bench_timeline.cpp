// triad_bench_timeline: speed of repeated play over a timeline.
//
//   triad_bench_timeline [BASELINE]   (default scenarios/baseline.yaml)
//
// Runs the baseline triangle for 75 periods (1950-2024) with Beijing's ambition toward Moscow
// rising linearly, first with a deterministic rule (best response, q = 1; also equilibrium
// tracking and fictitious play), then 1,000 seeded runs of a stochastic rule (logit, lambda 5),
// then the historical scenario next to the baseline (history.yaml), whose power follows GDP.
// Figures are medians; they go to docs/performance.md.
#include "triad/scenario/model.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/core/version.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double median_seconds(const std::function<void()>& work, int samples) {
    std::vector<double> times;
    for (int s = 0; s < samples; ++s) {
        const auto start = Clock::now();
        work();
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + samples / 2, times.end());
    return times[samples / 2];
}

triad::StageModel scenario_with(const std::string& baseline, const std::string& learning) {
    const std::string text = "extends: " + std::filesystem::absolute(baseline).string() +
                             "\ntimeline:\n  start: 1950\n  end: 2024\n  learning: " + learning +
                             "\n  schedules:\n    ambition.a.china.russia: {linear: {1950: 0.3, 2024: 4}}\n";
    return triad::StageModel(triad::parse_scenario(text, "bench_timeline.yaml"));
}

}  // namespace

int main(int argc, char** argv) {
    const std::string baseline = argc > 1 ? argv[1] : "scenarios/baseline.yaml";
    std::printf("triad %s timeline benchmark (one core)\n\n", triad::kVersion);
    try {
        for (const char* rule : {"{rule: best_response}", "{rule: equilibrium_tracking}", "{rule: fictitious_play}"}) {
            const triad::StageModel model = scenario_with(baseline, rule);
            triad::Timeline timeline = triad::read_timeline(model);
            timeline.initial = triad::default_initial_profile(model, timeline);
            std::size_t shifts = 0;
            const double t = median_seconds([&] { shifts = triad::run_timeline(model, timeline, 1).shifts.size(); }, 21);
            std::printf("  75 periods, %-30s %8.3f ms   (%zu shifts)\n", rule, t * 1e3, shifts);
        }
        const triad::StageModel model = scenario_with(baseline, "{rule: logit, lambda: 5}");
        triad::Timeline timeline = triad::read_timeline(model);
        timeline.initial = triad::default_initial_profile(model, timeline);
        const auto start = Clock::now();
        std::size_t shifts = 0;
        for (int r = 0; r < 1000; ++r) shifts += triad::run_timeline(model, timeline, triad::run_seed(7, r)).shifts.size();
        const double total = std::chrono::duration<double>(Clock::now() - start).count();
        std::printf("  1000 runs x 75 periods, logit lambda 5: %.3f s   (%.3f ms per run, %zu shifts in all)\n", total,
                    total, shifts);

        // The historical run: three GDP schedules change every player's power every period,
        // which rebuilds the drivers that read power (junior_partner, threat), plus 26 events.
        const auto history_path = std::filesystem::path(baseline).parent_path() / "history.yaml";
        if (std::filesystem::exists(history_path)) {
            const triad::StageModel history(triad::load_scenario(history_path.string()));
            const triad::Timeline history_timeline = triad::read_timeline(history);
            const double explained = median_seconds([&] { (void)triad::run_timeline(history, history_timeline, 1); }, 21);
            const double plain = median_seconds(
                [&] { (void)triad::run_timeline(history, history_timeline, 1, {.explain_shifts = false, .record_parameters = false}); },
                21);
            std::printf("\n  scenarios/history.yaml, 75 periods with GDP schedules: %.3f ms (%.3f ms without explaining shifts)\n",
                        explained * 1e3, plain * 1e3);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "triad_bench_timeline: %s\n", e.what());
        return 1;
    }
    return 0;
}
