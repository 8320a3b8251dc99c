// An author's claims as checkable predictions, and their evaluation (docs/model.md section 7).
//
// A scenario lists its author's claims under `predictions:`. Each names a region of parameter
// space (`over`: a range per parameter path, evaluated on a grid of `points` values per axis),
// an analysis (the selection rule's prediction per point, or the timeline), and an expectation
// about the outcome at every point (`expect`). The verdict: `holds` when the expectation is met
// on at least the required share of the region (`holds_if: {share: 0.9}`), `fails` when it is
// met on at most 1 - that share, `partly` in between. Along each axis, the value where the
// expectation stops holding is found by bisection: the boundary of the claim.
//
//   predictions:
//     - id: katz-no-shift-without-intimidation
//       author: Katz
//       claim: Moscow will not side with Washington while Beijing does not intimidate it.
//       analysis: stage                     # or timeline
//       over: {ambition.a.china.russia: [0, 0.3], wedge.omega: [0, 2]}
//       points: 5                           # grid values per axis (default 5)
//       expect: {russia.alignment: {not: us}}
//       holds_if: {share: 0.9}
//       must_hold: true                     # compare --strict fails if it does not
//
// Expectation targets: `configuration`, `PLAYER.alignment`, `PLAYER.role`, `pure_count`, and in a
// crisis `PLAYER.backs` (a side's name or `abstain`) for each backer (stage);
// `final_configuration`, `first_shift_time`, `first_shift_to`, `first_shift_what`, `shifts`
// (timeline). Tests: a value (equal), {not: V}, {in: [V, ...]}, {min: X, max: Y} (numbers).
// Several targets must all hold.
//
// A dated claim about a run (the historical record: "a stable marriage in February 1950") says
// `at: 1950` (or a span, `at: [1960, 1963]`) and may allow `within: 2` years either side; its
// targets are then `configuration`, `PLAYER.alignment` or `PLAYER.role` of the timeline, and
// the expectation holds when some period in the window [at - within, end + within] shows it.
//
// Disagreements between claims (two authors' claims that contradict each other): disagreements.hpp.
#pragma once

#include "triad/scenario/model.hpp"
#include "triad/studies/region_sample.hpp"
#include "triad/studies/share_interval.hpp"
#include "triad/studies/sweep.hpp"

#include <optional>
#include <string>
#include <vector>

namespace triad {

struct Expectation {
    std::string target;  // as written: "russia.alignment"
    std::string column;  // the sweep column it reads: "russia_alignment"
    enum class Test { equal, not_equal, one_of, range } test = Test::equal;
    std::vector<std::string> values;
    std::optional<double> min, max;
    // A dated expectation reads a label path (sweep.hpp) and holds when a label shown at some
    // time in [window_from, window_to] passes the test.
    std::optional<double> window_from, window_to;
    SourceLocation where;

    [[nodiscard]] bool holds(const std::string& cell) const;
    // The test alone on one value (a label or a number), whatever the window: what holds()
    // applies to a plain cell, or to each label a dated expectation sees.
    [[nodiscard]] bool passes(const std::string& value) const;
    // The labels a dated expectation sees in its window ("unit_veto/stable_marriage"), or the
    // cell itself for an undated one: the evidence behind the verdict.
    [[nodiscard]] std::string seen(const std::string& cell) const;
    [[nodiscard]] std::string describe() const;
};

struct Claim {
    std::string id, author, claim;
    std::string scenario;  // the file it comes from
    SweepAnalysis analysis = SweepAnalysis::stage;
    std::vector<Axis> over;
    std::size_t points = 5;
    std::vector<Expectation> expect;
    double share_required = 0.9;
    bool must_hold = false;
    // What the author says produces the outcome (`cause:`), and how much lower the share must
    // be without it for the claim to be supported (`min_effect:`); for an irrelevant cause, how
    // far the share may move across its range.
    std::vector<Cause> causes;
    double min_effect = 0.25;
    std::string note, passage;
    SourceLocation where;
};

// supported: holds where its cause is present, and the share is lower by at least min_effect
//            where it is absent (or, for an irrelevant cause, stays within min_effect);
// regardless: holds, but about as well without its cause: the outcome, not the reason;
// holds: holds, and the claim names no cause (its reason was not tested);
// partly, fails: the outcome is met on less than the required share (see claim_verdict).
enum class Verdict { supported, regardless, holds, partly, fails };
[[nodiscard]] std::string_view to_string(Verdict verdict);
// Did the claim's outcome hold (supported, regardless or holds)?
[[nodiscard]] bool outcome_holds(Verdict verdict);

// The predictions of a scenario, checked against its model (paths, players, targets).
[[nodiscard]] std::vector<Claim> read_claims(const StageModel& model);

// An `expect:` map (TARGET: VALUE, ...) of an undated claim, read against `analysis`'s columns.
[[nodiscard]] std::vector<Expectation> read_expect(const StageModel& model, const TreeNode& expect, SweepAnalysis analysis);

// Where the claim's truth flips along one axis of its region (a cause's axis spans both of its
// arms), sought by bisection from several base points: the centre and points of the sample.
struct ClaimBoundary {
    std::string path;
    std::size_t searches = 0, found = 0;  // base points searched from; searches that found a flip
    double lowest = 0.0, highest = 0.0;   // the range of the flips found
    bool holds_below = true;              // at the first flip found
};

// The share of one arm of the sample (the region; the cause present or absent; a third of an
// irrelevant cause's range).
struct ArmShare {
    std::string arm;
    std::size_t held = 0, points = 0;
    double share = 0.0;
    ShareInterval interval;
};

struct ClaimResult {
    Claim claim;
    Verdict verdict = Verdict::fails;
    std::string reason;  // why this verdict, in one line
    std::vector<ArmShare> arms;
    double share = 0.0;  // where the cause is present (no cause: the region; irrelevant: all thirds)
    ShareInterval share_interval;
    std::size_t points = 0;  // per arm
    std::optional<double> share_absent;  // contrast causes
    ShareInterval share_absent_interval;
    std::optional<double> effect;  // share - share_absent; irrelevant: the spread across thirds
    // Stage claims of stance games, over the arm `share` reads: the mean probability the
    // selection rule gives the expected outcome (the least likely target's, when several), and
    // the share of points where some equilibrium meets the expectation (a pure one; where the
    // game has none, the QRE limit's most likely outcome).
    std::optional<double> probability, equilibrium_share;
    bool drawn = false;  // values outside the region drawn from `uncertainty:` (else a grid)
    std::size_t uncertain_values = 0;
    std::vector<ClaimBoundary> boundaries;  // one per region axis
    std::string evidence;  // the outcome at the region's centre, e.g. "russia_alignment=china"
};

// How close a share must come to a threshold to count as reaching it. A share is a ratio of
// counts (k of n grid points) and the "fails" threshold 1 - required is computed in floating
// point (1.0 - 0.9 is 0.09999999999999998, below the share 1 of 10 = 0.1), so exact comparison
// would misjudge a share that lies exactly on a threshold. A ratio k/n that is not equal to a
// threshold written with d decimals differs from it by at least 1 / (n * 10^d): for regions of
// up to a million points and thresholds of up to 4 decimals that is 1e-10, far above rounding
// (about 1e-16) and above this tolerance. So a share within kShareTolerance of a threshold IS
// the threshold.
inline constexpr double kShareTolerance = 1e-12;

// The verdict on the outcome alone, met on `share` of its region when it needs `required`:
// holds when share >= required, fails when share <= 1 - required, partly in between; each
// comparison allows kShareTolerance.
[[nodiscard]] Verdict claim_verdict(double share, double required);

// The verdict of a claim with its cause: `share` where the cause is present, `effect` the share
// lost without it (contrast) or the spread across its range (irrelevant); no cause: the outcome
// alone. A contrast effect of at least min_effect supports the claim; an irrelevant cause's
// spread of at most min_effect does (each allowing kShareTolerance).
[[nodiscard]] Verdict cause_verdict(const Claim& claim, double share, std::optional<double> effect);

// Evaluates a claim on its region: every value it does not fix drawn from the model's
// `uncertainty:` section (unless options.uncertainty is false), its cause present and absent.
[[nodiscard]] ClaimResult evaluate_claim(const StageModel& model, const Claim& claim, int threads,
                                         const SamplingOptions& options = {});

}  // namespace triad
