// The smallest change of some parameters that gives a wanted outcome (docs/model.md,
// "What it would take"; command `triad reach`).
//
// Given parameters with ranges [LO_i, HI_i] around the model's own values x0 and a target (the
// expectations a prediction can state: `russia.alignment: us`, `configuration: ...`), find the
// point x in the box where the target holds with the least normalised distance
//     d(x) = sqrt(sum_i ((x_i - x0_i) / (HI_i - LO_i))^2).
// The method (no derivatives: outcomes are labels, and change in steps):
//   1. sample the box: a grid of 33, 17 or 9 values per axis for 1, 2 or 3 parameters, a
//      Latin hypercube of 512 points for more (seeded);
//   2. from the model's point, bisect along the ray to each holding sample (up to 8, in
//      different directions) for the first point where the target holds;
//   3. refine each by compass search over the ray's direction: perturb it along each axis,
//      re-bisect, keep what shortens the distance, halve the perturbation until it is below
//      the resolution;
//   4. also try each parameter alone, in both directions.
// The least distance found is the answer; the others that use different parameters (each
// parameter that moves by more than a tenth of the change counts as used) are alternatives.
// A target not met at any sample is reported unreachable, with the best probability of the
// wanted label seen. Deterministic for a given seed whatever the thread count.
#pragma once

#include "triad/scenario/model.hpp"
#include "triad/studies/design.hpp"
#include "triad/studies/predictions.hpp"
#include "triad/studies/sweep.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triad {

struct ReachOptions {
    int threads = 1;
    std::uint64_t seed = 1;          // of the Latin hypercube (4 or more parameters)
    std::size_t alternatives = 3;    // at most this many besides the best
    double resolution = 1e-4;        // of the distance, in normalised units
};

// A point of the box, and what the analysis says there.
struct ReachPoint {
    std::vector<double> values;       // one per parameter
    double distance = 0.0;            // d(x) above
    std::vector<std::string> cells;   // the target's columns at the point (ReachResult::columns)
    std::vector<double> probability;  // per expectation: the wanted label's probability, NaN if none
};

struct ReachResult {
    std::vector<Axis> axes;           // the parameters searched, with their ranges
    std::vector<double> start;        // the model's own values
    std::vector<std::string> columns; // what ReachPoint::cells hold
    bool found = false;
    ReachPoint best;                  // found: the least change; else the point of highest probability
    std::vector<ReachPoint> alternatives;  // found: other minimal changes using other parameters
    std::size_t evaluations = 0;
};

// The expectations of `--want` texts, each "TARGET=VALUE" or "TARGET!=VALUE" (all must hold),
// read like a prediction's expect: section of the given analysis. Errors are located at --want.
[[nodiscard]] std::vector<Expectation> parse_wants(const StageModel& model, const std::vector<std::string>& wants,
                                                   SweepAnalysis analysis);

// The uncertain values of the scenario (uncertainty: section) as search ranges: each its
// distribution's 2% to 98% quantiles, widened to include the model's own value.
[[nodiscard]] std::vector<Axis> uncertainty_ranges(const StageModel& model);

// Throws InputError (at --over) when a range is empty or excludes the model's own value.
[[nodiscard]] ReachResult reach(const StageModel& model, const std::vector<Axis>& over, const std::vector<Expectation>& want,
                                SweepAnalysis analysis, const ReachOptions& options = {});

}  // namespace triad
