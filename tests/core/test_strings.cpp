// String helpers (include/triad/core/strings.hpp).
#include "triad/core/strings.hpp"

#include <catch2/catch.hpp>

using namespace triad;

TEST_CASE("join and trim", "[strings]") {
    CHECK(join({}, ", ").empty());
    CHECK(join({"a"}, ", ") == "a");
    CHECK(join({"a", "", "c"}, "|") == "a||c");
    CHECK(trim("  \tx y \t") == "x y");
    CHECK(trim(" \t ").empty());
    CHECK(trim("x") == "x");
}
