#include "triad/core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace triad;

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[error]") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "abc") == 0);
    CHECK(edit_distance("regime_securty", "regime_security") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("titel", "title") == 1);  // adjacent swap
    CHECK(edit_distance("ca", "abc") == 3);        // no edits inside a swapped pair
}

TEST_CASE("suggestions pick the closest plausible name", "[error]") {
    const std::vector<std::string> names = {"partnership", "hostility", "regime_security", "pivot"};
    CHECK(closest_name("regime_securty", names) == std::optional<std::string>("regime_security"));
    CHECK(closest_name("pivit", names) == std::optional<std::string>("pivot"));
    CHECK_FALSE(closest_name("zzzzzzzz", names).has_value());
    CHECK(closest_name("host", names) == std::optional<std::string>("hostility"));  // unique prefix
    CHECK(suggest("pivit", names) == "did you mean 'pivot'?");
    CHECK_THAT(suggest("zzzzzzzz", names), Catch::StartsWith("expected one of: partnership"));
}

TEST_CASE("input errors carry file, line and column", "[error]") {
    const InputError e({"a.yaml", 3, 7}, "unknown key 'x'", "did you mean 'y'?");
    CHECK(std::string(e.what()) == "a.yaml:3:7: unknown key 'x'; did you mean 'y'?");
    CHECK(e.where().line == 3);
    CHECK_THROWS_AS(require_finite(std::nan(""), "payoff"), NumericalError);
    CHECK(require_finite(1.5, "payoff") == 1.5);
}
