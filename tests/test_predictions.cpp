// Predictions: claims read from scenarios, evaluated over regions, with boundaries.
#include "triad/predictions.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::require_input_error;

namespace {
StageModel claims_model(const std::string& claims) {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/baseline.yaml") + "\npredictions:\n" + claims,
                                     "claims.yaml"));
}
}  // namespace

TEST_CASE("expectations: equal, not, in, range", "[predictions]") {
    Expectation e;
    e.values = {"china"};
    CHECK(e.holds("china"));
    CHECK_FALSE(e.holds("us"));
    e.test = Expectation::Test::not_equal;
    CHECK(e.holds("us"));
    CHECK_FALSE(e.holds("china"));
    e.test = Expectation::Test::one_of;
    e.values = {"china", "balanced"};
    CHECK(e.holds("balanced"));
    CHECK_FALSE(e.holds("us"));
    e.test = Expectation::Test::range;
    e.min = 1960;
    e.max = 1975;
    CHECK(e.holds("1971"));
    CHECK_FALSE(e.holds("1956"));
    CHECK_FALSE(e.holds(""));  // no shift: no date to compare
}

TEST_CASE("a claim that holds everywhere, and one that stops holding at a boundary", "[predictions]") {
    const StageModel model = claims_model(R"(
  - id: aligned
    author: A
    claim: Russia aligns with China.
    over: {wedge.omega: [0, 2]}
    expect: {russia.alignment: china}
  - id: marriage
    author: B
    claim: The marriage survives Beijing's ambition.
    over: {ambition.a.china.russia: [0, 4]}
    points: 9
    expect: {configuration: stable_marriage}
)");
    const auto claims = read_claims(model);
    REQUIRE(claims.size() == 2);
    const ClaimResult aligned = evaluate_claim(model, claims[0], 2);
    CHECK(aligned.verdict == "holds");
    CHECK(aligned.share == 1.0);
    CHECK(aligned.points == 5);
    CHECK(aligned.boundaries.empty());

    const ClaimResult marriage = evaluate_claim(model, claims[1], 2);
    CHECK(marriage.points == 9);
    CHECK(marriage.verdict == "partly");
    REQUIRE(marriage.boundaries.size() == 1);
    const ClaimBoundary& b = marriage.boundaries.front();
    CHECK(b.holds_below);
    // The boundary lies between grid values where the sweep's own rows disagree.
    Design line;
    line.axes = {parse_axis("ambition.a.china.russia=0:4:401")};
    const SweepSpec spec = make_sweep(model, line, SweepAnalysis::stage, {"configuration"});
    run_sweep(model, spec, {.first = 0, .last = 401, .threads = 2}, [&](const std::vector<SweepRow>& rows) {
        for (const auto& row : rows) {
            if (row.point[0] < b.value - 0.011) CHECK(row.cells[0] == "stable_marriage");
            if (row.point[0] > b.value + 0.011) CHECK(row.cells[0] != "stable_marriage");
        }
    });
}

TEST_CASE("bad predictions are reported with their place and a suggestion", "[predictions]") {
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, claim: c, expect: {rusia.alignment: us}}\n")); },
                        3, {"unknown expectation target 'rusia.alignment'", "did you mean 'russia.alignment'?"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, expect: {configuration: unit_veto}}\n"
                                       "  - {id: x, author: B, claim: d, expect: {configuration: unit_veto}}\n"));
    }, 4, {"'x' is used twice"});
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, claim: c, over: {russia.regime_fer: [0, 1]}, expect: {configuration: unit_veto}}\n")); },
                        3, {"did you mean 'russia.regime_fear'?"});
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, claim: c, expect: {configuration: unit_veto}, holds_if: {share: 0.3}}\n")); },
                        3, {"share must be in (0.5, 1]"});
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, expect: {configuration: unit_veto}}\n")); }, 3,
                        {"needs 'claim'"});
}
