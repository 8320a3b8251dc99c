// The points a claim (or a pair of claims) is evaluated at: its region, its cause present and
// absent, and draws of every value it does not fix (docs/model.md section 7).
//
// A region is a set of axes (`over`: a range per path) and, for a claim that names a cause,
// the cause's paths, each with the range where the cause is present and where it is absent.
// Every other value the scenario's `uncertainty:` section covers is drawn from its
// distribution. The sample is one Latin hypercube in the unit cube (one coordinate per axis,
// seeded) mapped to values axis by axis; the cause's arms reuse the SAME unit points, mapping
// only the cause's coordinates to a different range. So the difference between two arms is the
// cause's effect and nothing else (common random numbers): a cause that does not enter the
// payoffs gives two identical arms.
//
// Without uncertainty (none declared, or SamplingOptions::uncertainty false) the sample is the
// grid of `grid_points` values per varying axis instead: what is drawn is then nothing, and a
// grid is exact where a random sample would only estimate.
#pragma once

#include "triad/studies/design.hpp"
#include "triad/studies/sweep.hpp"
#include "triad/studies/uncertainty.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace triad {

// The parameters an author says produce an outcome, with where the cause is present and where
// it is absent; or (irrelevant) a range across which the author says the outcome does not
// change.
struct Cause {
    enum class Kind { contrast, irrelevant } kind = Kind::contrast;
    std::string path;
    double present_lower = 0.0, present_upper = 0.0;  // irrelevant: the range
    double absent_lower = 0.0, absent_upper = 0.0;
    SourceLocation where;
};

// How an irrelevant cause's range is split: into thirds, compared with each other.
inline constexpr std::size_t kIrrelevantSlices = 3;

struct SamplingOptions {
    bool uncertainty = true;    // draw the values the region does not fix
    std::size_t samples = 400;  // points per arm when drawing (95% Wilson half-width <= 5 points)
    std::uint64_t seed = 1;
};

struct RegionSample {
    // The region's axes (over, then the causes', spanning both arms), then one per uncertain
    // value; entries[a] are the parameter entries axis a sets.
    std::vector<Axis> axes;
    std::vector<std::vector<std::size_t>> entries;
    std::size_t region_axes = 0;  // how many leading axes are the region's (over + cause)
    std::size_t cause_axes = 0;   // of which the last cause_axes are the cause's
    bool drawn = false;           // Latin hypercube (true) or grid (false)
    std::size_t samples = 0;      // points per arm
    // "region" (no cause); "present", "absent"; or "low third", "middle third", "high third".
    std::vector<std::string> arms;
    std::vector<double> values;   // arm-major, then point, then axis

    [[nodiscard]] std::size_t size() const { return arms.size() * samples; }
    // Point `sample` of arm `arm`: one value per axis.
    [[nodiscard]] std::span<const double> point(std::size_t arm, std::size_t sample) const;
};

// The sample of a region: `over` (grid: `grid_points` values per varying axis), `causes` (all
// contrast, or all irrelevant), and the `uncertainty` values whose entries neither sets.
// `stream` separates the draws of different claims (a hash of the claim's id), so adding a
// claim never changes another's. Throws Error when the grid would exceed max_grid_points.
[[nodiscard]] RegionSample sample_region(const StageModel& model, const std::vector<Axis>& over, std::size_t grid_points,
                                         const std::vector<Cause>& causes, const std::vector<UncertainValue>& uncertainty,
                                         const SamplingOptions& options, std::uint64_t stream);

// The sweep that evaluates a sample: its axes and entries, the analysis and columns.
[[nodiscard]] SweepSpec sample_sweep(const StageModel& model, const RegionSample& sample, SweepAnalysis analysis,
                                     std::vector<std::string> columns);

// Evaluates every point of every arm on `threads` workers (the sweep machinery: the same
// results for any thread count) and hands each to `consume(arm, sample, cells)`, in order.
void evaluate_sample(const StageModel& model, const RegionSample& sample, const SweepSpec& spec, int threads,
                     const std::function<void(std::size_t arm, std::size_t sample, const std::vector<std::string>& cells)>& consume);

// FNV-1a of a text: a claim's stream.
[[nodiscard]] std::uint64_t text_stream(std::string_view text);

}  // namespace triad
