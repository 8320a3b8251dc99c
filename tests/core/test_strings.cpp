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

TEST_CASE("split cuts at every separator, without an empty last piece", "[strings]") {
    CHECK(split("", ';').empty());
    CHECK(split("a", ';') == std::vector<std::string>{"a"});
    CHECK(split("a;b;;c", ';') == std::vector<std::string>{"a", "b", "", "c"});
    CHECK(split("a|b|", '|') == std::vector<std::string>{"a", "b"});
    CHECK(join(split("x, y, z", ','), ",") == "x, y, z");
}
