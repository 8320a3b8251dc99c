// The comparison of scenarios (include/triad/studies/comparison.hpp): which files are read,
// which model a pair of claims shares, and the must_hold check.
#include "triad/studies/comparison.hpp"

#include "support.hpp"

#include <filesystem>

using namespace triad;
using triad::test::source_path;

namespace {

bool same_file(const std::string& a, const std::string& b) {
    return std::filesystem::weakly_canonical(a) == std::filesystem::weakly_canonical(b);
}

}  // namespace

TEST_CASE("scenario_files: files as given, folders searched for .yaml files in sorted order", "[comparison]") {
    const std::string folder = source_path("tests/data/scenarios");
    const auto files = scenario_files({folder, source_path("scenarios/baseline.yaml")});
    REQUIRE(files.size() >= 3);
    CHECK(std::is_sorted(files.begin(), files.end() - 1));
    for (std::size_t k = 0; k + 1 < files.size(); ++k) {
        CHECK(std::filesystem::path(files[k]).extension() == ".yaml");
        CHECK(files[k].rfind(folder, 0) == 0);
    }
    CHECK(files.back() == source_path("scenarios/baseline.yaml"));
}

TEST_CASE("nearest_common_file: the last file of one extends chain that the other also lists", "[comparison]") {
    const Scenario katz = load_scenario(source_path("scenarios/essays/katz.yaml"));
    const Scenario lumbers = load_scenario(source_path("scenarios/essays/lumbers.yaml"));
    const Scenario baseline = load_scenario(source_path("scenarios/baseline.yaml"));
    const Scenario history = load_scenario(source_path("scenarios/history.yaml"));
    // Two essays share the baseline they both extend.
    const auto common = nearest_common_file(katz, lumbers);
    REQUIRE(common);
    CHECK(same_file(*common, source_path("scenarios/baseline.yaml")));
    // A file and itself: the file, not its base.
    const auto itself = nearest_common_file(katz, katz);
    REQUIRE(itself);
    CHECK(same_file(*itself, source_path("scenarios/essays/katz.yaml")));
    // A file and its base: the base.
    const auto base = nearest_common_file(katz, baseline);
    REQUIRE(base);
    CHECK(same_file(*base, source_path("scenarios/baseline.yaml")));
    // The history builds on nothing the essays build on.
    CHECK_FALSE(nearest_common_file(katz, history));
}

TEST_CASE("first_failed_must_hold finds the must_hold claim that does not hold", "[comparison]") {
    const Comparison c = compare_scenarios({source_path("tests/data/scenarios/claims_strict.yaml")}, 1, false, {.uncertainty = false});
    REQUIRE(c.claims.size() == 4);
    CHECK(c.disagreements.empty());  // not asked for
    const EvaluatedClaim* failed = first_failed_must_hold(c);
    REQUIRE(failed != nullptr);
    // "marriage-at-baseline" holds (the baseline's selected outcome is the Russia-China
    // marriage); "wrongly-required" asks for Russia with the US there, which it is not.
    CHECK(failed->result.claim.id == "wrongly-required");
    CHECK(failed->result.verdict == Verdict::fails);
}
