// Predictions: claims read from scenarios, evaluated over regions, with boundaries
// (disagreements between claims: test_disagreements.cpp).
#include "triad/studies/predictions.hpp"

#include "support.hpp"

#include <cmath>
#include <optional>

using namespace triad;
using triad::test::require_input_error;

using triad::test::claims_model;
using triad::test::timeline_claims_model;

namespace {

// The scenario's values held (a grid over the region, exact shares), or drawn from the
// baseline's uncertainty section (a small sample, enough for these tests).
const SamplingOptions kGrid{.uncertainty = false};
const SamplingOptions kDrawn{.uncertainty = true, .samples = 120, .seed = 5};

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

TEST_CASE("dated expectations look for their label anywhere in the window", "[predictions]") {
    const std::string path = "1950:stable_marriage;1956:unit_veto;1971:romantic_triangle";
    Expectation e;
    e.target = "configuration";
    e.values = {"romantic_triangle"};
    e.window_from = 1969;
    e.window_to = 1973;
    CHECK(e.holds(path));
    CHECK(e.seen(path) == "unit_veto/romantic_triangle");
    e.window_from = 1966;
    e.window_to = 1970;
    CHECK_FALSE(e.holds(path));
    // A segment covers [its start, the next start): the marriage ends before 1956.
    e.values = {"stable_marriage"};
    e.window_from = e.window_to = 1956;
    CHECK_FALSE(e.holds(path));
    CHECK(e.seen(path) == "unit_veto");
    e.window_from = 1955.5;
    CHECK(e.holds(path));
    // The last label runs on past the last entry.
    e.values = {"romantic_triangle"};
    e.window_from = e.window_to = 2000;
    CHECK(e.holds(path));
    e.test = Expectation::Test::not_equal;
    CHECK_FALSE(e.holds(path));
    e.test = Expectation::Test::one_of;
    e.values = {"menage_a_trois", "romantic_triangle"};
    CHECK(e.holds(path));
    CHECK(e.describe() == "configuration in {menage_a_trois, romantic_triangle} within 2000-2000");
}

TEST_CASE("dated claims check a run against a record (the 1956-1971 lag)", "[predictions]") {
    // scenarios/lag.yaml: marriage to 1955, unit veto 1956-1970, China with the US from 1971.
    const StageModel model(parse_scenario("extends: " + triad::test::source_path("scenarios/lag.yaml") + R"(
predictions:
  - {id: treaty, author: R, claim: c, analysis: timeline, at: 1950, expect: {configuration: stable_marriage}}
  - {id: split, author: R, claim: c, analysis: timeline, at: [1960, 1963], within: 2, expect: {configuration: unit_veto, china.role: foe}}
  - {id: opening-late, author: R, claim: c, analysis: timeline, at: 1966, within: 2, expect: {china.alignment: us}}
  - {id: opening, author: R, claim: c, analysis: timeline, at: 1972, within: 1, expect: {china.alignment: us}}
  - id: opening-by-decay
    author: R
    claim: the opening comes in the early 1970s whatever the decay between 0.06 and 0.1
    analysis: timeline
    at: 1973
    within: 3
    over: {memory.decay.china: [0.06, 0.1]}
    expect: {china.alignment: us}
)",
                                          "dated.yaml"));
    const auto claims = read_claims(model);
    REQUIRE(claims.size() == 5);
    CHECK(claims[1].expect[0].window_from == 1958);
    CHECK(claims[1].expect[0].window_to == 1965);
    CHECK(claims[1].expect[1].column == "china_role_path");
    CHECK(evaluate_claim(model, claims[0], 1, kGrid).verdict == Verdict::holds);
    const ClaimResult split = evaluate_claim(model, claims[1], 1, kGrid);
    CHECK(split.verdict == Verdict::holds);
    CHECK(split.evidence == "configuration 1958-1965=unit_veto, china_role 1958-1965=foe");
    const ClaimResult late = evaluate_claim(model, claims[2], 1, kGrid);
    CHECK(late.verdict == Verdict::fails);
    CHECK(late.evidence == "china_alignment 1964-1968=balanced");
    CHECK(evaluate_claim(model, claims[3], 1, kGrid).verdict == Verdict::holds);
    // The lag shrinks as the grievance decays faster (decay 0.15 opens in 1961, lag.yaml's
    // comment); over [0.06, 0.1] the opening moves, and the bisection finds where it leaves the
    // window 1970-1976.
    const ClaimResult by_decay = evaluate_claim(model, claims[4], 1, kGrid);
    CHECK(by_decay.points == 5);
    CHECK(by_decay.share < 1.0);
    REQUIRE(by_decay.boundaries.size() == 1);
    CHECK(by_decay.boundaries[0].path == "memory.decay.china");
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
    const ClaimResult aligned = evaluate_claim(model, claims[0], 2, kGrid);
    CHECK(aligned.verdict == Verdict::holds);
    CHECK(aligned.share == 1.0);
    CHECK(aligned.points == 5);
    REQUIRE(aligned.boundaries.size() == 1);  // the one axis, searched without finding a flip
    CHECK(aligned.boundaries[0].found == 0);
    CHECK(aligned.boundaries[0].searches >= 1);

    const ClaimResult marriage = evaluate_claim(model, claims[1], 2, kGrid);
    CHECK(marriage.points == 9);
    CHECK(marriage.verdict == Verdict::partly);
    REQUIRE(marriage.boundaries.size() == 1);
    const ClaimBoundary& b = marriage.boundaries.front();
    CHECK(b.holds_below);
    CHECK(b.found >= 1);
    // The boundary lies between grid values where the sweep's own rows disagree.
    Design line;
    line.axes = {parse_axis("ambition.a.china.russia=0:4:401")};
    const SweepSpec spec = make_sweep(model, line, SweepAnalysis::stage, {"configuration"});
    run_sweep(model, spec, {.first = 0, .last = 401, .threads = 2}, [&](const std::vector<SweepRow>& rows) {
        for (const auto& row : rows) {
            if (row.point[0] < b.lowest - 0.011) CHECK(row.cells[0] == "stable_marriage");
            if (row.point[0] > b.highest + 0.011) CHECK(row.cells[0] != "stable_marriage");
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
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, claim: c, at: 1950, expect: {configuration: unit_veto}}\n")); },
                        3, {"'at' dates a claim about a run", "analysis: timeline"});
    require_input_error([] { (void)read_claims(claims_model("  - {id: x, author: A, claim: c, within: 2, expect: {configuration: unit_veto}}\n")); },
                        3, {"'within' widens a date: it needs 'at'"});
    require_input_error([] { (void)read_claims(timeline_claims_model("  - {id: x, author: A, claim: c, analysis: timeline, at: [1970, 1960], expect: {configuration: unit_veto}}\n")); },
                        4, {"start is after its end"});
    require_input_error([] { (void)read_claims(timeline_claims_model("  - {id: x, author: A, claim: c, analysis: timeline, at: 1960, expect: {final_configuration: unit_veto}}\n")); },
                        4, {"unknown expectation target 'final_configuration' for a dated claim", "did you mean 'configuration'?"});
    require_input_error([] { (void)read_claims(timeline_claims_model("  - {id: x, author: A, claim: c, analysis: timeline, at: 1960, expect: {shifts: {min: 1}}}\n")); },
                        4, {"unknown expectation target 'shifts' for a dated claim"});
}

TEST_CASE("verdicts at the thresholds: holds at share S, fails at 1 - S, partly strictly between", "[predictions]") {
    // A share is k of n points. With S = 0.9 and n = 10: 9/10 = 0.9 = S holds, 1/10 = 0.1 =
    // 1 - S fails, 2/10 ... 8/10 are partly. In floating point 1.0 - 0.9 is 0.09999999999999998,
    // below 0.1, which an exact comparison would call partly.
    CHECK(claim_verdict(9.0 / 10.0, 0.9) == Verdict::holds);
    CHECK(claim_verdict(1.0 / 10.0, 0.9) == Verdict::fails);
    for (int k = 2; k <= 8; ++k) CHECK(claim_verdict(k / 10.0, 0.9) == Verdict::partly);
    CHECK(claim_verdict(1.0, 0.9) == Verdict::holds);
    CHECK(claim_verdict(0.0, 0.9) == Verdict::fails);
    // S = 0.8 and n = 5: 4/5 holds, 1/5 = 0.2 = 1 - S fails (1.0 - 0.8 is 0.19999999999999996),
    // 2/5 and 3/5 partly.
    CHECK(claim_verdict(4.0 / 5.0, 0.8) == Verdict::holds);
    CHECK(claim_verdict(1.0 / 5.0, 0.8) == Verdict::fails);
    CHECK(claim_verdict(2.0 / 5.0, 0.8) == Verdict::partly);
    CHECK(claim_verdict(3.0 / 5.0, 0.8) == Verdict::partly);
    // S = 0.75 and n = 4: 3/4 holds, 1/4 fails, 2/4 partly (all exact in binary).
    CHECK(claim_verdict(0.75, 0.75) == Verdict::holds);
    CHECK(claim_verdict(0.25, 0.75) == Verdict::fails);
    CHECK(claim_verdict(0.5, 0.75) == Verdict::partly);
    // S = 1: only the whole region holds, only none of it fails.
    CHECK(claim_verdict(1.0, 1.0) == Verdict::holds);
    CHECK(claim_verdict(0.0, 1.0) == Verdict::fails);
    CHECK(claim_verdict(0.999, 1.0) == Verdict::partly);
    CHECK(claim_verdict(0.001, 1.0) == Verdict::partly);
    // Just inside the band, by far more than the tolerance: partly.
    CHECK(claim_verdict(0.9 - 1e-9, 0.9) == Verdict::partly);
    CHECK(claim_verdict(0.1 + 1e-9, 0.9) == Verdict::partly);
    // The tolerance is inclusive: a share kShareTolerance from a threshold is the threshold.
    CHECK(claim_verdict(0.9 - kShareTolerance, 0.9) == Verdict::holds);
    CHECK(claim_verdict((1.0 - 0.9) + kShareTolerance, 0.9) == Verdict::fails);
}

TEST_CASE("a claim met at 1 of 10 points fails, and its negation met at 9 of 10 holds", "[predictions]") {
    // The prisoner's dilemma with its table scaled by table.weight = 0, 1, ..., 9 (10 grid
    // points over [0, 9]). At weight 0 every payoff is 0, nobody gains by deviating and all 4
    // profiles are pure equilibria; at any weight w > 0 the game is the dilemma scaled by w
    // and mutual defection is its only (strict) equilibrium. So pure_count is 4 at 1 point of
    // 10 and 1 at the other 9: share 1/10 = 1 - 0.9 (fails) and 9/10 = 0.9 (holds) under the
    // default holds_if share 0.9. Over [0, 4] with 5 points and share 0.8: 1/5 = 1 - 0.8 fails,
    // 4/5 = 0.8 holds.
    const StageModel model(parse_scenario("extends: " + triad::test::source_path("scenarios/examples/prisoners_dilemma.yaml") + R"(
predictions:
  - {id: many, author: A, claim: c, over: {table.weight: [0, 9]}, points: 10, expect: {pure_count: {min: 2}}}
  - {id: one, author: A, claim: c, over: {table.weight: [0, 9]}, points: 10, expect: {pure_count: 1}}
  - {id: many-5, author: A, claim: c, over: {table.weight: [0, 4]}, points: 5, holds_if: {share: 0.8}, expect: {pure_count: {min: 2}}}
  - {id: one-5, author: A, claim: c, over: {table.weight: [0, 4]}, points: 5, holds_if: {share: 0.8}, expect: {pure_count: 1}}
)",
                                          "pd_claims.yaml"));
    const auto claims = read_claims(model);
    REQUIRE(claims.size() == 4);
    const ClaimResult many = evaluate_claim(model, claims[0], 1, kGrid);
    CHECK(many.points == 10);
    CHECK(many.share == 1.0 / 10.0);
    CHECK(many.verdict == Verdict::fails);
    const ClaimResult one = evaluate_claim(model, claims[1], 2, kGrid);
    CHECK(one.points == 10);
    CHECK(one.share == 9.0 / 10.0);
    CHECK(one.verdict == Verdict::holds);
    const ClaimResult many5 = evaluate_claim(model, claims[2], 1, kGrid);
    CHECK(many5.points == 5);
    CHECK(many5.share == 1.0 / 5.0);
    CHECK(many5.verdict == Verdict::fails);
    const ClaimResult one5 = evaluate_claim(model, claims[3], 1, kGrid);
    CHECK(one5.share == 4.0 / 5.0);
    CHECK(one5.verdict == Verdict::holds);
}


TEST_CASE("a cause that does not enter the payoffs gives 'regardless', with effect exactly 0", "[predictions][causes]") {
    // The discount factors weigh futures in repeated play, not the stage game's payoffs: with
    // common random numbers the two arms are the same games, point for point.
    const StageModel model = claims_model(R"(
  - id: inert
    author: A
    claim: Patience keeps Moscow away from Washington.
    cause: {players.discount.russia: {present: [0.8, 0.95], absent: [0, 0.1]}}
    expect: {russia.alignment: {not: us}}
)");
    const Claim claim = read_claims(model).front();
    for (const SamplingOptions& options : {kGrid, kDrawn}) {
        const ClaimResult r = evaluate_claim(model, claim, 2, options);
        INFO("drawn " << options.uncertainty);
        REQUIRE(r.arms.size() == 2);
        CHECK(r.arms[0].held == r.arms[1].held);
        REQUIRE(r.effect);
        CHECK(*r.effect == 0.0);
        CHECK(r.share >= 0.9);  // the outcome itself holds on the baseline
        CHECK(r.verdict == Verdict::regardless);
    }
}

TEST_CASE("a cause that decides the outcome gives 'supported'", "[predictions][causes]") {
    // Beijing's claims on Moscow: near 0 the marriage holds, far above the baseline's range
    // it does not (test_predictions' boundary case above puts the flip near 2.5).
    const StageModel model = claims_model(R"(
  - id: decisive
    author: A
    claim: Beijing's restraint keeps Moscow beside it.
    cause: {ambition.a.china.russia: {present: [0, 0.5], absent: [6, 8]}}
    expect: {russia.alignment: china}
  - id: reversed
    author: A
    claim: Beijing's pressure keeps Moscow beside it.
    cause: {ambition.a.china.russia: {present: [6, 8], absent: [0, 0.5]}}
    expect: {russia.alignment: china}
)");
    const auto claims = read_claims(model);
    const ClaimResult grid = evaluate_claim(model, claims[0], 2, kGrid);
    CHECK(grid.share == 1.0);
    CHECK(*grid.share_absent == 0.0);
    CHECK(grid.verdict == Verdict::supported);
    const ClaimResult drawn = evaluate_claim(model, claims[0], 2, kDrawn);
    CHECK(drawn.verdict == Verdict::supported);
    CHECK(*drawn.effect >= 0.5);
    CHECK(drawn.share_interval.lower <= drawn.share);
    CHECK(drawn.share_interval.upper >= drawn.share);
    // The same cause asserted the wrong way round: the outcome fails where it is "present".
    const ClaimResult reversed = evaluate_claim(model, claims[1], 2, kGrid);
    CHECK(reversed.verdict == Verdict::fails);
    CHECK(*reversed.effect < 0.0);
}

TEST_CASE("irrelevant causes: supported when the share does not move, not when it does", "[predictions][causes]") {
    const StageModel model = claims_model(R"(
  - id: patience-irrelevant
    author: A
    claim: However patient Moscow is, it stays away from Washington.
    cause: {players.discount.russia: {irrelevant: [0, 0.95]}}
    expect: {russia.alignment: {not: us}}
  - id: ambition-irrelevant
    author: A
    claim: Whatever Beijing's claims on Moscow, Moscow stays beside it.
    cause: {ambition.a.china.russia: {irrelevant: [0, 8]}}
    holds_if: {share: 0.6}
    expect: {russia.alignment: china}
)");
    const auto claims = read_claims(model);
    const ClaimResult patience = evaluate_claim(model, claims[0], 2, kDrawn);
    CHECK(patience.arms.size() == kIrrelevantSlices);
    CHECK(*patience.effect == 0.0);
    CHECK(patience.verdict == Verdict::supported);
    const ClaimResult ambition = evaluate_claim(model, claims[1], 2, kGrid);
    CHECK(*ambition.effect > 0.25);  // the first third holds, the last does not
    CHECK(ambition.verdict != Verdict::supported);
}

TEST_CASE("cause verdicts on hand-set figures", "[predictions][causes]") {
    Claim c;
    c.share_required = 0.9;
    CHECK(cause_verdict(c, 0.95, std::nullopt) == Verdict::holds);  // no cause named
    c.causes.push_back(Cause{});
    CHECK(cause_verdict(c, 0.95, 0.25) == Verdict::supported);  // exactly min_effect
    CHECK(cause_verdict(c, 0.95, 0.2499) == Verdict::regardless);
    CHECK(cause_verdict(c, 0.95, -0.3) == Verdict::regardless);
    CHECK(cause_verdict(c, 0.5, 0.5) == Verdict::partly);  // the outcome itself falls short
    CHECK(cause_verdict(c, 0.05, 0.0) == Verdict::fails);
    c.causes.front().kind = Cause::Kind::irrelevant;
    CHECK(cause_verdict(c, 0.95, 0.1) == Verdict::supported);
    CHECK(cause_verdict(c, 0.95, 0.3) == Verdict::partly);
    CHECK(outcome_holds(Verdict::regardless));
    CHECK_FALSE(outcome_holds(Verdict::partly));
}

TEST_CASE("claims give the same figures on any number of threads and run after run", "[predictions][causes]") {
    const StageModel model = claims_model(R"(
  - id: decisive
    author: A
    claim: Beijing's restraint keeps Moscow beside it.
    over: {wedge.omega: [0, 3]}
    cause: {ambition.a.china.russia: {present: [0, 2], absent: [2, 5]}}
    expect: {russia.alignment: china}
)");
    const Claim claim = read_claims(model).front();
    const ClaimResult one = evaluate_claim(model, claim, 1, kDrawn), two = evaluate_claim(model, claim, 2, kDrawn),
                      again = evaluate_claim(model, claim, 2, kDrawn);
    for (const ClaimResult* r : {&two, &again}) {
        CHECK(r->arms[0].held == one.arms[0].held);
        CHECK(r->arms[1].held == one.arms[1].held);
        CHECK(r->probability == one.probability);
        CHECK(r->equilibrium_share == one.equilibrium_share);
        REQUIRE(r->boundaries.size() == one.boundaries.size());
        for (std::size_t b = 0; b < one.boundaries.size(); ++b) CHECK(r->boundaries[b].lowest == one.boundaries[b].lowest);
        CHECK(r->evidence == one.evidence);
    }
    // Another seed draws other points: the figures may differ, the sample size does not.
    const ClaimResult other = evaluate_claim(model, claim, 2, {.uncertainty = true, .samples = 120, .seed = 6});
    CHECK(other.points == one.points);
}

TEST_CASE("stage claims report how likely the selection makes them and whether an equilibrium reaches them", "[predictions][causes]") {
    const StageModel model = claims_model(R"(
  - id: china
    author: A
    claim: Russia aligns with China.
    expect: {russia.alignment: china}
  - id: never
    author: A
    claim: Russia aligns with the US and is the pivot.
    expect: {russia.alignment: us, configuration: romantic_triangle}
)");
    const auto claims = read_claims(model);
    const ClaimResult china = evaluate_claim(model, claims[0], 2, kGrid);
    REQUIRE(china.probability);
    CHECK(*china.probability > 0.5);
    CHECK(*china.probability <= 1.0);
    CHECK(*china.equilibrium_share == 1.0);
    const ClaimResult never = evaluate_claim(model, claims[1], 2, kGrid);
    CHECK(*never.probability < 0.5);
    CHECK(never.verdict == Verdict::fails);
}

TEST_CASE("bad causes are reported with their place", "[predictions][causes]") {
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, over: {wedge.rho: [0, 1]}, cause: {wedge.rho: {present: [0, 1], absent: [0, 0]}}, expect: {configuration: unit_veto}}\n"));
    }, 3, {"'wedge.rho' is both in 'over' and a cause"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, cause: {wedge.rho: {present: [0, 1]}}, expect: {configuration: unit_veto}}\n"));
    }, 3, {"needs both 'present' and 'absent'"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, cause: {wedge.rho: {presnt: [0, 1], absent: [0, 0]}}, expect: {configuration: unit_veto}}\n"));
    }, 3, {"did you mean 'present'?"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, cause: {wedge.rho: {present: [0, 2], absent: [0, 0]}}, expect: {configuration: unit_veto}}\n"));
    }, 3, {"2"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, cause: {wedge.rho: {present: [0.5, 1], absent: [0, 0.1]}, wedge.pi: {irrelevant: [0, 2]}}, expect: {configuration: unit_veto}}\n"));
    }, 3, {"not a mix"});
    require_input_error([] {
        (void)read_claims(claims_model("  - {id: x, author: A, claim: c, min_effect: 0.3, expect: {configuration: unit_veto}}\n"));
    }, 3, {"it needs 'cause'"});
}
