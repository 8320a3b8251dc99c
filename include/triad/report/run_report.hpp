// What `triad run` prints: the scenario, the timeline and each player's learning rule, then
// every period (play, configuration, alignments, payoffs, memory stocks, critical discount)
// and every shift with its causes; or, for --runs N, the share of runs in each configuration
// per period and the spread of each shift's date.
#pragma once

#include "triad/dynamics/ensemble.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/scenario/loaded_game.hpp"

#include <cstdint>
#include <string>

namespace triad {

[[nodiscard]] std::string render_run_table(const LoadedGame& loaded, const Timeline& timeline, const RunResult& run);
[[nodiscard]] std::string render_run_json(const LoadedGame& loaded, const Timeline& timeline, const RunResult& run);
[[nodiscard]] std::string render_run_csv(const LoadedGame& loaded, const Timeline& timeline, const RunResult& run);

[[nodiscard]] std::string render_runs_table(const LoadedGame& loaded, const Timeline& timeline, const Ensemble& ensemble,
                                            std::uint64_t seed);
[[nodiscard]] std::string render_runs_json(const LoadedGame& loaded, const Timeline& timeline, const Ensemble& ensemble,
                                           std::uint64_t seed);

}  // namespace triad
