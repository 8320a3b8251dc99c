// Phase maps: where a claim holds, and who is right in a disagreement, over two parameters
// (docs/model.md section 7.9). What the HTML report draws (report/html_report.hpp).
//
// A claim's map spans two axes: its causes first (each over the hull of its present and absent
// ranges, so that the placebo region lies beside the region the author names), then its
// region's axes, then, where the claim fixes fewer than two, the uncertain values that move its
// outcome most (each tried at both ends of its range from the scenario's own point). Every
// other value is held at the claim's centre: region axes at their midpoints, causes at the
// middle of their present range, everything else at the scenario's own value. Each cell is
// one analysis, the same the claim's evaluation runs; its colour is the first target's label
// and a mark says whether every expectation holds.
#pragma once

#include "triad/studies/disagreements.hpp"

#include <string>
#include <vector>

namespace triad {

// A rectangle in axis units, drawn on the map: the claim's region, its cause present, absent.
struct MapBox {
    std::string label;
    double x_lower = 0.0, x_upper = 0.0, y_lower = 0.0, y_upper = 0.0;
};

// What a map cell shows. On a claim's map, `first` is "every expectation holds"; on a
// disagreement's, `first` and `second` say whose claim is right there.
enum class CellVerdict : unsigned char { neither = 0, first = 1, second = 2 };

struct PhaseMap {
    std::vector<Axis> axes;             // 0, 1 or 2 axes (x first); count = cells along the axis
    std::string column;                 // the column the colours show ("russia_alignment")
    std::vector<std::string> labels;    // per cell, x varying fastest
    std::vector<CellVerdict> verdicts;  // per cell, as labels
    std::vector<MapBox> boxes;
    std::vector<std::pair<std::string, double>> held;  // what the map holds fixed, and where
    std::string axes_chosen;            // how the axes were chosen, for the caption
};

// The map of a claim on its scenario's model, `resolution` cells per axis (at least 2).
[[nodiscard]] PhaseMap claim_phase_map(const StageModel& model, const Claim& claim, std::size_t resolution, int threads);

// The map of a disagreement on its shared model: the first two axes of its joint region (or
// the uncertain values that move either claim's outcome most), coloured by who is right.
[[nodiscard]] PhaseMap disagreement_phase_map(const StageModel& shared, const Disagreement& disagreement,
                                              std::size_t resolution, int threads);

}  // namespace triad
