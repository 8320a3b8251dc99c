// triad_bench_sweep: sweep throughput, in points per second, per analysis and thread count.
//
//   triad_bench_sweep
//
// Grids over (russia.regime_fear, ambition.a.china.russia) on the baseline triangle (3 players
// x 9 actions) with the pure and stage analyses at 1 and 2 threads; the timeline analysis on
// the baseline with a 75-period timeline; the 4-player example for how time per point grows
// with the profile count; and the peak resident memory after each, to show it stays flat as
// the number of points grows (rows are streamed, nothing per point is kept).
#include "triad/studies/sweep.hpp"
#include "triad/core/version.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

long peak_memory_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

void measure(const char* label, const triad::StageModel& model, triad::Design design, triad::SweepAnalysis analysis, int threads) {
    const triad::SweepSpec spec = triad::make_sweep(model, std::move(design), analysis, {});
    const std::size_t size = spec.design.size();
    std::size_t rows = 0;
    const auto start = std::chrono::steady_clock::now();
    triad::run_sweep(model, spec, {.first = 0, .last = size, .threads = threads, .chunk = 256},
                     [&](const std::vector<triad::SweepRow>& part) { rows += part.size(); });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("  %-44s %2d thread%s %9zu points %8.3f s %10.0f points/s %9.0f per core   peak %ld MB\n", label, threads,
                threads == 1 ? " " : "s", rows, seconds, rows / seconds, rows / seconds / threads, peak_memory_kb() / 1024);
}

triad::Design grid(const std::string& a, const std::string& b) {
    triad::Design d;
    d.axes = {triad::parse_axis(a), triad::parse_axis(b)};
    return d;
}

}  // namespace

int main() {
    std::printf("triad %s sweep benchmark\n\n", triad::kVersion);
    try {
        const triad::StageModel baseline(triad::load_scenario("scenarios/baseline.yaml"));
        for (int threads : {1, 2})
            measure("pure, baseline, 300 x 300 grid", baseline,
                    grid("russia.regime_fear=0:3:300", "ambition.a.china.russia=0:4:300"), triad::SweepAnalysis::pure, threads);
        measure("pure, baseline, 1000 x 1000 grid", baseline,
                grid("russia.regime_fear=0:3:1000", "ambition.a.china.russia=0:4:1000"), triad::SweepAnalysis::pure, 2);
        for (int threads : {1, 2})
            measure("stage, baseline, 40 x 50 grid", baseline,
                    grid("russia.regime_fear=0:3:40", "ambition.a.china.russia=0:4:50"), triad::SweepAnalysis::stage, threads);
        const std::string timeline_text = "extends: " + std::filesystem::absolute("scenarios/baseline.yaml").string() +
                                          "\ntimeline: {start: 1950, end: 2024}\n";
        const triad::StageModel with_timeline(triad::parse_scenario(timeline_text, "bench_sweep.yaml"));
        for (int threads : {1, 2})
            measure("timeline (75 periods), baseline, 30 x 30 grid", with_timeline,
                    grid("russia.regime_fear=0:3:30", "ambition.a.china.russia=0:4:30"), triad::SweepAnalysis::timeline, threads);
        const triad::StageModel four(triad::load_scenario("scenarios/examples/four_powers.yaml"));
        measure("pure, four_powers (750 profiles), 300 x 300", four,
                grid("russia.regime_fear=0:3:300", "ambition.a.china.russia=0:4:300"), triad::SweepAnalysis::pure, 1);
        measure("stage, four_powers (750 profiles), 40 x 50", four,
                grid("russia.regime_fear=0:3:40", "ambition.a.china.russia=0:4:50"), triad::SweepAnalysis::stage, 1);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "triad_bench_sweep: %s\n", e.what());
        return 1;
    }
    return 0;
}
