// How sure a share is: the Wilson score interval (Wilson 1927, "Probable inference, the law of
// succession, and statistical inference", JASA 22).
//
// A claim's share is k points of n where the expectation holds. The Wilson interval keeps to
// [0, 1] and stays informative at k = 0 or k = n, where the textbook normal interval collapses
// to a point; Agresti and Coull (1998) recommend it for exactly this use.
#pragma once

#include <cstddef>

namespace triad {

struct ShareInterval {
    double lower = 0.0, upper = 1.0;
};

// The 95% quantile of the standard normal, two-sided: z such that P(|Z| <= z) = 0.95.
inline constexpr double kWilsonZ95 = 1.959963984540054;

// The interval for `successes` of `trials` at normal quantile z; [0, 1] when trials is 0.
[[nodiscard]] ShareInterval wilson_interval(std::size_t successes, std::size_t trials, double z = kWilsonZ95);

}  // namespace triad
