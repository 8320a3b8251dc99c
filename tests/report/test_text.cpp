// Text helpers of the renderers (include/triad/report/text.hpp).
#include "triad/report/text.hpp"

#include <catch2/catch.hpp>

using namespace triad;

TEST_CASE("percent, printf_number and describe_distribution", "[report]") {
    CHECK(percent(0.8125) == "81.2%");
    CHECK(percent(0.8125, 0) == "81%");
    CHECK(percent(1.0, 0) == "100%");
    CHECK(printf_number(0.123456, "%.3f") == "0.123");
    // No fixed buffer: the largest double in fixed notation is 309 digits and ".000".
    CHECK(printf_number(1e308, "%.3f").size() == 313);
    // Most likely first; ties keep the map's (alphabetical) order; below 0.05% is dropped.
    CHECK(describe_distribution({{"a", 0.2}, {"b", 0.6}, {"c", 0.2}, {"d", 0.0004}}) == "b 60.0%, a 20.0%, c 20.0%");
    CHECK(describe_distribution({}).empty());
}
