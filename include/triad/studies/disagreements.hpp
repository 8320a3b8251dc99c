// Disagreements between authors: two claims that contradict each other, evaluated on one
// shared parameter space (docs/model.md section 7).
//
// Two claims by different authors contradict each other when on some target they share no
// outcome can satisfy both ("russia.alignment = us" against "!= us"). A disagreement is such a
// pair evaluated on one shared parameter space: one model (in triad compare, the nearest
// scenario both authors' files build on) and one region (the union of both claims' regions),
// so that at every point exactly one of them, or neither, is right.
//
// Claims and their evaluation one by one: predictions.hpp (included here).
#pragma once

#include "triad/studies/predictions.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// Who is right at a point of a disagreement: the first claim, the second, or neither.
enum class Side { first, second, neither };
// "first", "second" or "neither" (as the JSON of triad compare writes it), and back: nullopt
// for any other text.
[[nodiscard]] std::string_view to_string(Side side);
[[nodiscard]] std::optional<Side> parse_side(std::string_view text);

// True when the authors differ and on some target column both claims test, no outcome can
// satisfy both expectations. A number test (min/max) and a label test on one column never
// clash; dated expectations clash only when both look at the same single instant (a window
// can show several labels, so two wider windows can both be satisfied).
[[nodiscard]] bool contradict(const Claim& a, const Claim& b);

// Where the truth of a disagreement changes along one axis of its region, through the
// region's centre: who is right just below and just above `value`.
struct DisagreementBoundary {
    std::string path;
    double value = 0.0;
    Side below = Side::neither, above = Side::neither;
};

struct Disagreement {
    Claim first, second;
    std::string shared_scenario;  // the model both were evaluated on (its file)
    // The joint region: the union of both claims' axes (`over`, and each cause where it is
    // present), a path in both spanning the hull of their ranges; count is the number of grid values per axis (1 for a fixed value).
    std::vector<Axis> region;
    std::size_t points = 0;
    double first_share = 0.0, second_share = 0.0, neither_share = 0.0;  // they add up to 1
    ShareInterval first_interval, second_interval, neither_interval;      // 95% Wilson
    bool drawn = false;  // values outside the region drawn from the shared model's `uncertainty:`
    std::size_t uncertain_values = 0;
    std::vector<DisagreementBoundary> boundaries;  // one per axis where the winner changes (the first change)
    std::string evidence;  // both claims' targets at the region's centre, e.g. "russia_alignment=china"
};

// Evaluate two contradicting claims (contradict(first, second) must hold; Error otherwise) on
// `shared`: at every point of the joint region, who is right. The region is sampled as a
// claim's is (region_sample.hpp): with the shared model's uncertain values drawn, a Latin
// hypercube of options.samples points; without, a grid. The grid has
// min(first.points, second.points) values per axis, or 4 per axis when 4 or more axes vary,
// which keeps the joint grid near the size of the claims' own (at most 4^n points, not 5^n).
// An empty region is the model's own point. Throws InputError when a claim's parameter path or
// target does not exist in `shared` (or a range lies outside a parameter's bounds).
[[nodiscard]] Disagreement evaluate_disagreement(const StageModel& shared, const Claim& first, const Claim& second,
                                                 int threads, const SamplingOptions& options = {});

}  // namespace triad
