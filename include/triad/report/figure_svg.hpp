// The report's figures as inline SVG: a phase map (studies/phase_map.hpp) and a timeline
// against the record (studies/report_figures.hpp).
//
// A claim's map colours each cell by the first target's label (numbers on a ramp) and hatches
// the cells where the claim does not hold; a thick line follows the boundary between the two;
// the cause-present region is outlined solid, the placebo (cause absent) dashed. A
// disagreement's map colours each cell by who is right. Axes carry the parameter's path and
// long name.
#pragma once

#include "triad/studies/report_figures.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace triad {

struct MapLabels {
    std::string id;           // the figure's anchor, also its data-figure attribute
    std::string aria;         // what the figure shows, for screen readers
    std::vector<std::string> sides;  // disagreements: the two authors; empty for a claim
};

[[nodiscard]] std::string phase_map_svg(const PhaseMap& map, const std::map<std::string, std::string>& long_names,
                                        const MapLabels& labels);

// A dated claim on the timeline: its window, the expected label, whether it held.
struct DatedMark {
    std::string id;
    double from = 0.0, to = 0.0;
    std::string expected;
    bool held = false;
};

// The configuration over time (stacked shares of runs), events as dashed lines, the dated
// claims as marks below (filled circle: held; cross: not held); `highlight` outlines one mark's window.
[[nodiscard]] std::string timeline_svg(const TimelineFigure& figure, const std::vector<DatedMark>& marks,
                                       const std::optional<std::size_t>& highlight, const MapLabels& labels);

}  // namespace triad
