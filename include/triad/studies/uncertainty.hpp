// How uncertain a scenario's values are: the `uncertainty:` section (docs/model.md section 7).
//
// Most numbers of a scenario are readings of an essay, not measurements, and a claim's verdict
// should not rest on one guess of each. A scenario says, per parameter path, which values are
// plausible:
//
//   uncertainty:
//     russia.regime_fear: [2, 4]                           # uniform on [LO, HI]
//     ambition.a.us.russia: {triangular: [0.75, 1.5, 2.5]} # [LO, MODE, HI]
//     players.power.china: {normal: [17.8, 0.9]}           # [MEAN, SD], truncated to the bounds
//
// A path that addresses several entries (no player index) gives them one shared draw; a path
// addressing fewer entries overrides a broader one for those entries (ties: the later key).
// The scenario's own value must lie in its range, so an essay that changes a value the
// baseline gives a range to restates the range (maps merge key by key through `extends:`).
// `triad compare` draws every value a claim does not fix from these distributions.
#pragma once

#include "triad/core/error.hpp"
#include "triad/scenario/model.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace triad {

// A distribution on the real line, truncated to [lower, upper] (the support draws lie in).
struct Distribution {
    enum class Kind { uniform, triangular, normal } kind = Kind::uniform;
    double lower = 0.0, upper = 0.0;  // support: uniform/triangular ends, or the truncation
    double mode = 0.0;                // triangular
    double mean = 0.0, sd = 1.0;      // normal (before truncation)

    // The value at cumulative probability u in [0, 1] (the inverse CDF): a uniform u gives a
    // draw. Monotone in u, with quantile(0) = lower and quantile(1) = upper.
    [[nodiscard]] double quantile(double u) const;
    // "uniform [2, 4]", "triangular [0.75, 1.5, 2.5]", "normal (17.8, 0.9) on [1e-09, inf]".
    [[nodiscard]] std::string describe() const;
};

// One key of the section: the entries it draws (after more specific keys took theirs) and
// their distribution.
struct UncertainValue {
    std::string path;                  // as written
    std::vector<std::size_t> entries;  // parameter entries that share this draw
    Distribution distribution;
    SourceLocation where;               // the key
    SourceLocation distribution_where;  // its value
};

// The scenario's `uncertainty:` section, checked against its parameters: unknown paths (with
// a suggestion), LO > HI, a mode outside [LO, HI], SD <= 0, a range outside the parameter's
// bounds, an unknown distribution, and a scenario value outside its own range are InputErrors
// naming the place. Keys whose entries were all taken by more specific keys are dropped. An
// absent section gives an empty list.
[[nodiscard]] std::vector<UncertainValue> read_uncertainty(const StageModel& model);

}  // namespace triad
