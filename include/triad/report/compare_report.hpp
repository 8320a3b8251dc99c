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

// The pieces of a claim's and a pair's text, shared with the HTML report: the verdict with its
// figures in one line, how the region was sampled, the region, the expectations; a pair's
// shared model and region, its shares, and where it flips.
[[nodiscard]] std::string claim_verdict_text(const ClaimResult& result);
[[nodiscard]] std::string claim_sample_text(const ClaimResult& result);
[[nodiscard]] std::string claim_region_text(const Claim& claim);
[[nodiscard]] std::string claim_expectations_text(const Claim& claim);
[[nodiscard]] std::string claim_boundary_text(const ClaimResult& result);
[[nodiscard]] std::string pair_region_text(const ComparedPair& pair);
[[nodiscard]] std::string pair_shares_text(const Disagreement& disagreement);
[[nodiscard]] std::string pair_flips_text(const Disagreement& disagreement);

}  // namespace triad
