// What `triad compare` prints: a summary of verdicts per author, every claim with its verdict,
// share, boundary and the outcome at its region's centre, then every disagreement between
// authors on its shared model. Text and Markdown for people, JSON for programs (the
// notebooks read it), CSV for the claims alone.
#pragma once

#include "triad/studies/comparison.hpp"

#include <string>

namespace triad {

[[nodiscard]] std::string render_compare_text(const Comparison& comparison, bool markdown);
[[nodiscard]] std::string render_compare_json(const Comparison& comparison);
[[nodiscard]] std::string render_compare_csv(const Comparison& comparison);

// A share as a whole percentage ("81%"), as the comparison prints it.
[[nodiscard]] std::string percent_whole(double share);

}  // namespace triad
