// The Wilson score interval (share_interval.hpp).
#include "triad/studies/share_interval.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

ShareInterval wilson_interval(std::size_t successes, std::size_t trials, double z) {
    if (trials == 0) return {0.0, 1.0};
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(std::min(successes, trials)) / n;
    const double z2 = z * z;
    const double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    const double half = z / (1.0 + z2 / n) * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    // At k = 0 (or n) the lower (upper) end is 0 (1) exactly; rounding may miss it slightly.
    return {successes == 0 ? 0.0 : std::max(0.0, centre - half), successes >= trials ? 1.0 : std::min(1.0, centre + half)};
}

}  // namespace triad
