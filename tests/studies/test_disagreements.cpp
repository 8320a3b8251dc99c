// Disagreements: claims of different authors that contradict each other, judged on one shared
// region (include/triad/studies/disagreements.hpp).
#include "triad/studies/disagreements.hpp"

#include "support.hpp"

#include <cmath>

using namespace triad;
using triad::test::claims_model;
using triad::test::timeline_claims_model;

TEST_CASE("contradicting claims: different authors, and no outcome satisfies both", "[predictions]") {
    const auto claims = read_claims(claims_model(R"(
  - {id: not-us, author: A, claim: c, expect: {russia.alignment: {not: us}}}
  - {id: china, author: B, claim: c, expect: {russia.alignment: china}}
  - {id: us, author: B, claim: c, expect: {russia.alignment: us}}
  - {id: us-too, author: A, claim: c, expect: {russia.alignment: us, configuration: unit_veto}}
  - {id: china-or-us, author: C, claim: c, expect: {russia.alignment: {in: [china, us]}}}
  - {id: balanced, author: C, claim: c, expect: {russia.alignment: balanced}}
)"));
    REQUIRE(claims.size() == 6);
    CHECK_FALSE(contradict(claims[0], claims[1]));  // != us and = china: china satisfies both
    CHECK(contradict(claims[0], claims[2]));        // != us and = us
    CHECK(contradict(claims[2], claims[0]));
    CHECK_FALSE(contradict(claims[0], claims[3]));  // the same author does not disagree with herself
    CHECK(contradict(claims[1], claims[3]));        // = china and (= us, = unit_veto): one clashing target is enough
    CHECK_FALSE(contradict(claims[1], claims[4]));  // china is in {china, us}
    CHECK(contradict(claims[1], claims[5]));
    CHECK_FALSE(contradict(claims[2], claims[4]));  // us is in {china, us}

    // Number tests clash when their ranges do not meet; dated tests only at one shared instant.
    const auto runs = read_claims(timeline_claims_model(R"(
  - {id: early, author: A, claim: c, analysis: timeline, expect: {first_shift_time: {max: 2021}}}
  - {id: late, author: B, claim: c, analysis: timeline, expect: {first_shift_time: {min: 2021.5}}}
  - {id: not-early, author: B, claim: c, analysis: timeline, expect: {first_shift_time: {min: 2021}}}
  - {id: marriage-2021, author: A, claim: c, analysis: timeline, at: 2021, expect: {configuration: stable_marriage}}
  - {id: veto-2021, author: B, claim: c, analysis: timeline, at: 2021, expect: {configuration: unit_veto}}
  - {id: veto-around-2021, author: B, claim: c, analysis: timeline, at: 2021, within: 1, expect: {configuration: unit_veto}}
)"));
    REQUIRE(runs.size() == 6);
    CHECK(contradict(runs[0], runs[1]));
    CHECK_FALSE(contradict(runs[0], runs[2]));  // both hold for a shift in 2021
    CHECK(contradict(runs[3], runs[4]));        // one instant shows one label
    CHECK_FALSE(contradict(runs[3], runs[5]));  // a marriage in 2021 and a veto by 2022 can both happen
}

TEST_CASE("a disagreement on one shared region: who is right where, and where it flips", "[predictions]") {
    const StageModel model = claims_model(R"(
  - id: marriage
    author: A
    claim: The marriage survives Beijing's ambition.
    over: {ambition.a.china.russia: [0, 4]}
    points: 9
    expect: {configuration: stable_marriage}
  - id: veto
    author: B
    claim: Beijing's ambition ends in a unit veto.
    over: {ambition.a.china.russia: [0, 4]}
    points: 9
    expect: {configuration: unit_veto}
)");
    const auto claims = read_claims(model);
    REQUIRE(claims.size() == 2);
    REQUIRE(contradict(claims[0], claims[1]));
    const Disagreement d = evaluate_disagreement(model, claims[0], claims[1], 2, {.uncertainty = false});
    CHECK(d.shared_scenario == "claims.yaml");
    CHECK(d.points == 9);
    CHECK(d.first_share + d.second_share + d.neither_share == Approx(1.0));
    // On the same grid, each claim's share is its own evaluation's.
    CHECK(d.first_share == Approx(evaluate_claim(model, claims[0], 1, {.uncertainty = false}).share));
    CHECK(d.second_share == Approx(evaluate_claim(model, claims[1], 1, {.uncertainty = false}).share));
    CHECK(d.first_share > 0.0);
    CHECK(d.second_share > 0.0);
    CHECK_THAT(d.evidence, Catch::StartsWith("configuration="));
    REQUIRE(d.boundaries.size() == 1);
    const DisagreementBoundary& b = d.boundaries.front();
    CHECK(b.path == "ambition.a.china.russia");
    CHECK(b.below == Side::first);
    // The flip agrees with a fine sweep of the same axis: the first point that is no longer a
    // marriage lies within a fine step (0.01) of it, and shows what `above` says.
    Design line;
    line.axes = {parse_axis("ambition.a.china.russia=0:4:401")};
    const SweepSpec spec = make_sweep(model, line, SweepAnalysis::stage, {"configuration"});
    std::optional<double> first_change;
    std::string after;
    run_sweep(model, spec, {.first = 0, .last = 401, .threads = 2}, [&](const std::vector<SweepRow>& rows) {
        for (const auto& row : rows)
            if (!first_change && row.cells[0] != "stable_marriage") {
                first_change = row.point[0];
                after = row.cells[0];
            }
    });
    REQUIRE(first_change);
    CHECK(std::abs(*first_change - b.value) <= 0.011);
    CHECK(b.above == (after == "unit_veto" ? Side::second : Side::neither));
}

TEST_CASE("a disagreement's region: the union of both claims' axes, the hull of a shared one", "[predictions]") {
    const StageModel model = claims_model(R"(
  - {id: low, author: A, claim: c, over: {ambition.a.china.russia: [0, 1]}, points: 5, expect: {configuration: stable_marriage}}
  - {id: high, author: B, claim: c, over: {ambition.a.china.russia: [3, 4], wedge.omega: [0, 2], wedge.rho: 0.5}, points: 3,
     expect: {configuration: {not: stable_marriage}}}
  - {id: many, author: B, claim: c, over: {russia.regime_fear: [2, 3], wedge.omega: [0, 2], wedge.pi: [1, 2], regime_security.d.us: [0, 1]},
     expect: {configuration: unit_veto}}
)");
    const auto claims = read_claims(model);
    REQUIRE(claims.size() == 3);
    const Disagreement d = evaluate_disagreement(model, claims[0], claims[1], 1, {.uncertainty = false});
    REQUIRE(d.region.size() == 3);
    CHECK(d.region[0].path == "ambition.a.china.russia");
    CHECK(d.region[0].lower == 0.0);
    CHECK(d.region[0].upper == 4.0);
    CHECK(d.region[0].count == 3);  // the coarser claim's points
    CHECK(d.region[1].path == "wedge.omega");
    CHECK(d.region[2].count == 1);  // a fixed value stays fixed
    CHECK(d.points == 9);
    // Five varying axes: 4 values each rather than 5, 1024 points rather than 3125.
    const Disagreement wide = evaluate_disagreement(model, claims[0], claims[2], 2, {.uncertainty = false});
    REQUIRE(wide.region.size() == 5);
    for (const auto& axis : wide.region) CHECK(axis.count == 4);
    CHECK(wide.points == 1024);
    CHECK(wide.first_share + wide.second_share + wide.neither_share == Approx(1.0));
    // With the baseline's uncertainty drawn: a sample of the joint region, with intervals.
    const Disagreement drawn = evaluate_disagreement(model, claims[0], claims[1], 2, {.uncertainty = true, .samples = 60, .seed = 2});
    CHECK(drawn.drawn);
    CHECK(drawn.points == 60);
    CHECK(drawn.uncertain_values > 10);
    CHECK(drawn.first_share + drawn.second_share + drawn.neither_share == Approx(1.0));
    CHECK(drawn.first_interval.lower <= drawn.first_share);
    CHECK(drawn.first_interval.upper >= drawn.first_share);
    // Claims that do not contradict each other are not a disagreement.
    CHECK_THROWS_AS(evaluate_disagreement(model, claims[1], claims[2], 1), Error);
}
