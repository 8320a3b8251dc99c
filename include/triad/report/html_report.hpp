// `triad report`: the comparison as one self-contained HTML page (inline CSS and SVG, no
// scripts, nothing fetched from the network; readable offline and printable).
//
// The page opens with the verdicts counted by author and a table of every claim (each row
// links to its section), then one section per claim: the author's words and passage, the
// verdict with its figures, and its figure (a phase map, or for a dated claim its scenario's
// timeline against the record); then every disagreement with its map; then the timelines; and
// at the foot the scenarios' hashes, the seed, the sample count and the program's version.
#pragma once

#include "triad/studies/comparison.hpp"
#include "triad/studies/report_figures.hpp"

#include <string>

namespace triad {

struct ReportMeta {
    std::string command;  // the command line, as run
};

[[nodiscard]] std::string render_html_report(const Comparison& comparison, const ReportFigures& figures, const ReportMeta& meta);

// A few lines for the terminal: verdicts counted, the claims the model supports, those whose
// outcome it contradicts (fails).
[[nodiscard]] std::string render_report_summary(const Comparison& comparison);

}  // namespace triad
