// The Wilson score interval against published values: Newcombe (1998), "Two-sided confidence
// intervals for the single proportion: comparison of seven methods", Statistics in Medicine
// 17, Table I (method 3, the score interval without continuity correction).
#include "triad/studies/share_interval.hpp"

#include <catch2/catch.hpp>

using namespace triad;

TEST_CASE("Wilson intervals match Newcombe's table", "[share_interval]") {
    struct Case {
        std::size_t k, n;
        double lower, upper;
    };
    for (const Case& c : {Case{81, 263, 0.2553, 0.3662}, Case{15, 148, 0.0624, 0.1605}, Case{0, 20, 0.0, 0.1611},
                          Case{1, 29, 0.0061, 0.1718}, Case{29, 29, 0.8830, 1.0}}) {
        INFO(c.k << " of " << c.n);
        const ShareInterval i = wilson_interval(c.k, c.n);
        CHECK(i.lower == Approx(c.lower).margin(5e-5));
        CHECK(i.upper == Approx(c.upper).margin(5e-5));
    }
}

TEST_CASE("Wilson intervals: exact ends at 0 and n, symmetry, and 400 draws within 5 points", "[share_interval]") {
    CHECK(wilson_interval(0, 50).lower == 0.0);
    CHECK(wilson_interval(50, 50).upper == 1.0);
    const ShareInterval none = wilson_interval(0, 0);
    CHECK(none.lower == 0.0);
    CHECK(none.upper == 1.0);
    for (std::size_t k = 0; k <= 40; ++k) {  // k of n and n - k of n mirror each other
        const ShareInterval a = wilson_interval(k, 40), b = wilson_interval(40 - k, 40);
        CHECK(a.lower == Approx(1.0 - b.upper).margin(1e-12));
        CHECK(a.lower <= static_cast<double>(k) / 40.0);
        CHECK(a.upper >= static_cast<double>(k) / 40.0);
    }
    // The default sample count of triad compare: the widest interval (at a share of 1/2) is
    // within +-5 points; 300 draws would not be.
    const ShareInterval half = wilson_interval(200, 400);
    CHECK(half.upper - 0.5 <= 0.05);
    CHECK(wilson_interval(150, 300).upper - 0.5 > 0.05);
}
