// Evaluating a claim over its region (predictions.hpp): the share of the grid where it holds,
// its verdict, the evidence at the region's centre, and its boundary along each axis.
#include "triad/studies/predictions.hpp"

#include "claim_detail.hpp"

#include "triad/core/strings.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

namespace {

std::size_t column_index(const std::vector<std::string>& columns, const std::string& column) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

}  // namespace

namespace detail {

std::vector<std::string> columns_of(const std::vector<Expectation>& expectations) {
    std::vector<std::string> columns;
    for (const auto& e : expectations)
        if (std::find(columns.begin(), columns.end(), e.column) == columns.end()) columns.push_back(e.column);
    return columns;
}

bool all_hold(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
              const std::vector<std::string>& cells) {
    for (const auto& e : expectations)
        if (!e.holds(cells[column_index(columns, e.column)])) return false;
    return true;
}

std::string evidence_text(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
                          const std::vector<std::string>& cells) {
    std::string out;
    for (const auto& e : expectations) {
        std::string name = e.column;
        if (e.window_from) name = name.substr(0, name.size() - 5) + " " + format_number(*e.window_from) + "-" + format_number(*e.window_to);
        const std::string item = name + "=" + e.seen(cells[column_index(columns, e.column)]);
        if (out.find(item) == std::string::npos) out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

}  // namespace detail

using namespace detail;  // the helpers claim_detail.hpp shares between the two files

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::supported: return "supported";
        case Verdict::regardless: return "regardless";
        case Verdict::holds: return "holds";
        case Verdict::partly: return "partly";
        case Verdict::fails: return "fails";
    }
    return "fails";
}

bool outcome_holds(Verdict verdict) {
    return verdict == Verdict::supported || verdict == Verdict::regardless || verdict == Verdict::holds;
}

Verdict claim_verdict(double share, double required) {
    if (share >= required - kShareTolerance) return Verdict::holds;
    if (share <= 1.0 - required + kShareTolerance) return Verdict::fails;
    return Verdict::partly;
}

Verdict cause_verdict(const Claim& claim, double share, std::optional<double> effect) {
    const Verdict outcome = claim_verdict(share, claim.share_required);
    if (outcome != Verdict::holds || claim.causes.empty() || !effect) return outcome;
    if (claim.causes.front().kind == Cause::Kind::irrelevant)  // the author: it does not matter
        return *effect <= claim.min_effect + kShareTolerance ? Verdict::supported : Verdict::partly;
    return *effect >= claim.min_effect - kShareTolerance ? Verdict::supported : Verdict::regardless;
}

namespace {

// The probability a "label:p;label:p" cell gives the labels that pass `e`.
double passing_probability(const Expectation& e, const std::string& cell) {
    double total = 0.0;
    for (const std::string& item : split(cell, ';')) {
        const auto colon = item.rfind(':');
        if (colon != std::string::npos && e.passes(item.substr(0, colon))) total += parse_number(item.substr(colon + 1)).value_or(0.0);
    }
    return total;
}

// Does some entry of an `equilibria` cell ("column=label,...|...") meet every expectation?
// A column an entry does not describe (pure_count) is read from the row itself.
bool some_equilibrium_meets(const std::vector<Expectation>& expect, const std::vector<std::string>& columns,
                            const std::vector<std::string>& cells, const std::string& equilibria) {
    for (const std::string& labels : split(equilibria, '|')) {
        const std::string entry = "," + labels + ",";
        bool all = true;
        for (const auto& e : expect) {
            const auto at = entry.find("," + e.column + "=");
            std::string value;
            if (at == std::string::npos) {
                value = cells[column_index(columns, e.column)];
            } else {
                const std::size_t from = at + e.column.size() + 2;
                value = entry.substr(from, entry.find(',', from) - from);
            }
            if (!e.passes(value)) {
                all = false;
                break;
            }
        }
        if (all) return true;
    }
    return false;
}

// The columns a claim reads: its targets, then (stage claims of stance games) the selection's
// distributions of those targets and every equilibrium's labels.
std::vector<std::string> claim_columns(const StageModel& model, const Claim& claim, std::vector<std::string>& distributions) {
    std::vector<std::string> columns = columns_of(claim.expect);
    if (claim.analysis != SweepAnalysis::stage || !model.game().has_stances()) return columns;
    const std::vector<std::string> available = sweep_columns(model.game(), claim.analysis);
    const std::size_t targets = columns.size();
    for (std::size_t k = 0; k < targets; ++k) {
        const std::string d = columns[k] + "_distribution";
        const bool offered = std::find(available.begin(), available.end(), d) != available.end();
        distributions.push_back(offered ? d : "");
        if (offered) columns.push_back(d);
    }
    columns.push_back("equilibria");
    return columns;
}

// The point the evidence is read at: the region's centre (a cause at the centre of its
// present range) and every drawn value at the scenario's own.
std::vector<double> evidence_point(const StageModel& model, const RegionSample& sample, const std::vector<Cause>& causes) {
    std::vector<double> point;
    for (std::size_t a = 0; a < sample.axes.size(); ++a) {
        const std::size_t first_cause = sample.region_axes - sample.cause_axes;
        if (a < first_cause) {
            point.push_back(0.5 * (sample.axes[a].lower + sample.axes[a].upper));
        } else if (a < sample.region_axes) {
            const Cause& c = causes[a - first_cause];
            point.push_back(0.5 * (c.present_lower + c.present_upper));
        } else {
            point.push_back(model.parameters().value(sample.entries[a].front()));
        }
    }
    return point;
}

// The base points boundaries are sought from: the evidence point, then the first points of
// the arm the share reads (a Latin hypercube's first points are spread over the whole cube).
constexpr std::size_t kBoundarySearches = 5;

// The arm the probability and the equilibria are read on (present, or the region).
constexpr std::size_t kReadingArm = 0;

// An irrelevant cause is read over all its arms (the thirds of its range), not one.
bool cause_is_irrelevant(const Claim& claim) {
    return !claim.causes.empty() && claim.causes.front().kind == Cause::Kind::irrelevant;
}

// The sample of the claim's region: a fixed axis is one value, a range `points` values.
RegionSample sample_claim_region(const StageModel& model, const Claim& claim, const SamplingOptions& options) {
    const std::vector<UncertainValue> uncertainty = read_uncertainty(model);
    std::vector<Axis> region = claim.over;
    for (Axis& axis : region) axis.count = axis.lower == axis.upper ? 1 : claim.points;
    return sample_region(model, region, claim.points, claim.causes, uncertainty, options, text_stream(claim.id));
}

// The probability the selection rule gives the expected outcome in one row: the least over the
// targets that have a distribution column (each the least over its expectations); none when no
// target has one.
std::optional<double> outcome_probability(const Claim& claim, const std::vector<std::string>& columns,
                                          const std::vector<std::string>& distributions, const std::vector<std::string>& cells) {
    double probability = 1.0;
    bool any = false;
    for (std::size_t k = 0; k < distributions.size(); ++k) {
        if (distributions[k].empty()) continue;
        const std::size_t at = column_index(columns, distributions[k]);
        double p = 1.0;  // every expectation on this column
        for (const auto& x : claim.expect)
            if (x.column == columns[k]) p = std::min(p, passing_probability(x, cells[at]));
        probability = std::min(probability, p);
        any = true;
    }
    if (!any) return std::nullopt;
    return probability;
}

// What the sample's rows add up to: per arm, the points where the claim holds; and over the
// arm(s) the stage readings come from, the sum of the outcome's probability and the points
// where some equilibrium meets the expectation.
struct SampleTallies {
    std::vector<std::size_t> held;  // per arm
    double probability_sum = 0.0;
    std::size_t reachable = 0, read_points = 0;
};

SampleTallies tally_sample(const StageModel& model, const Claim& claim, const RegionSample& sample, const SweepSpec& spec,
                           const std::vector<std::string>& columns, const std::vector<std::string>& distributions, int threads) {
    SampleTallies tallies;
    tallies.held.assign(sample.arms.size(), 0);
    const bool stage_extras = !distributions.empty();
    const bool read_all_arms = cause_is_irrelevant(claim);
    evaluate_sample(model, sample, spec, threads, [&](std::size_t arm, std::size_t, const std::vector<std::string>& cells) {
        tallies.held[arm] += all_hold(claim.expect, columns, cells) ? 1 : 0;
        if (!stage_extras || (arm != kReadingArm && !read_all_arms)) return;
        ++tallies.read_points;
        if (const auto probability = outcome_probability(claim, columns, distributions, cells)) tallies.probability_sum += *probability;
        tallies.reachable += some_equilibrium_meets(claim.expect, columns, cells, cells.back()) ? 1 : 0;
    });
    return tallies;
}

// Each arm's share of points where the claim holds, with its Wilson interval.
std::vector<ArmShare> arm_shares(const RegionSample& sample, const std::vector<std::size_t>& held) {
    std::vector<ArmShare> arms;
    for (std::size_t arm = 0; arm < sample.arms.size(); ++arm) {
        const double share = static_cast<double>(held[arm]) / static_cast<double>(sample.samples);
        arms.push_back({sample.arms[arm], held[arm], sample.samples, share, wilson_interval(held[arm], sample.samples)});
    }
    return arms;
}

// An irrelevant cause: the share over its whole range, and as effect the spread across its thirds.
void set_share_over_all_arms(ClaimResult& result, std::size_t total) {
    std::size_t all = 0;
    double lowest = 1.0, highest = 0.0;
    for (const ArmShare& a : result.arms) {
        all += a.held;
        lowest = std::min(lowest, a.share);
        highest = std::max(highest, a.share);
    }
    result.share = static_cast<double>(all) / static_cast<double>(total);
    result.share_interval = wilson_interval(all, total);
    result.effect = highest - lowest;
}

// No cause, or a contrast: the share where the cause is present and, for a contrast, the
// share without it and the difference.
void set_share_present_and_absent(ClaimResult& result) {
    result.share = result.arms.front().share;
    result.share_interval = result.arms.front().interval;
    if (result.arms.size() == 2) {
        result.share_absent = result.arms[1].share;
        result.share_absent_interval = result.arms[1].interval;
        result.effect = result.share - *result.share_absent;
    }
}

// The stage readings (probability, equilibrium share) as means over the points read; only
// stage claims of stance games read any.
void set_stage_readings(ClaimResult& result, const SampleTallies& tallies) {
    if (tallies.read_points == 0) return;
    result.probability = tallies.probability_sum / static_cast<double>(tallies.read_points);
    result.equilibrium_share = static_cast<double>(tallies.reachable) / static_cast<double>(tallies.read_points);
}

// A grid is the region itself, not a sample of it: its shares are exact.
void make_intervals_exact(ClaimResult& result) {
    for (ArmShare& a : result.arms) a.interval = {a.share, a.share};
    result.share_interval = {result.share, result.share};
    if (result.share_absent) result.share_absent_interval = {*result.share_absent, *result.share_absent};
}

// The centre, then (drawn samples) the first points of the reading arm, up to kBoundarySearches.
std::vector<std::vector<double>> boundary_bases(const RegionSample& sample, const std::vector<double>& centre) {
    std::vector<std::vector<double>> bases = {centre};
    // On a grid every base point lies on the centre's lines: searching from more finds nothing new.
    for (std::size_t s = 0; sample.drawn && s < sample.samples && bases.size() < kBoundarySearches; ++s) {
        const auto p = sample.point(0, s);
        bases.emplace_back(p.begin(), p.end());
    }
    return bases;
}

// Where the claim stops holding along region axis `a`, sought from every base point.
ClaimBoundary boundary_along(const Claim& claim, const Axis& axis, std::size_t a, const std::vector<std::vector<double>>& bases,
                             const std::vector<std::string>& columns, SweepEvaluator& evaluator) {
    ClaimBoundary boundary{axis.path, 0, 0, 0.0, 0.0, true};
    for (const auto& base : bases) {
        ++boundary.searches;
        const auto flip = first_flip(axis, a, base, [&](const std::vector<double>& point) {
            return all_hold(claim.expect, columns, evaluator.evaluate(point)) ? 1 : 0;
        });
        if (!flip) continue;
        if (boundary.found == 0) {
            boundary.lowest = boundary.highest = flip->value;
            boundary.holds_below = flip->below == 1;
        }
        boundary.lowest = std::min(boundary.lowest, flip->value);
        boundary.highest = std::max(boundary.highest, flip->value);
        ++boundary.found;
    }
    return boundary;
}

// One boundary per region axis that varies, on a grid of at least two values.
std::vector<ClaimBoundary> claim_boundaries(const Claim& claim, const RegionSample& sample, const std::vector<std::vector<double>>& bases,
                                            const std::vector<std::string>& columns, SweepEvaluator& evaluator) {
    std::vector<ClaimBoundary> boundaries;
    for (std::size_t a = 0; a < sample.region_axes; ++a) {
        Axis axis = sample.axes[a];
        axis.count = std::max<std::size_t>(claim.points, 2);
        if (axis.lower == axis.upper) continue;
        boundaries.push_back(boundary_along(claim, axis, a, bases, columns, evaluator));
    }
    return boundaries;
}

}  // namespace

ClaimResult evaluate_claim(const StageModel& model, const Claim& claim, int threads, const SamplingOptions& options) {
    ClaimResult result;
    result.claim = claim;
    const RegionSample sample = sample_claim_region(model, claim, options);
    result.drawn = sample.drawn;
    result.uncertain_values = sample.axes.size() - sample.region_axes;
    result.points = sample.samples;
    std::vector<std::string> distributions;  // per target column: its distribution column, or ""
    const std::vector<std::string> columns = claim_columns(model, claim, distributions);
    const SweepSpec spec = sample_sweep(model, sample, claim.analysis, columns);

    const SampleTallies tallies = tally_sample(model, claim, sample, spec, columns, distributions, threads);
    result.arms = arm_shares(sample, tallies.held);
    if (cause_is_irrelevant(claim))
        set_share_over_all_arms(result, sample.size());
    else
        set_share_present_and_absent(result);
    set_stage_readings(result, tallies);
    if (!sample.drawn) make_intervals_exact(result);
    result.verdict = cause_verdict(claim, result.share, result.effect);

    // The evidence, and boundaries along every region axis from several base points.
    SweepEvaluator evaluator(model, spec);
    const std::vector<double> centre = evidence_point(model, sample, claim.causes);
    result.evidence = evidence_text(claim.expect, columns, evaluator.evaluate(centre));
    result.boundaries = claim_boundaries(claim, sample, boundary_bases(sample, centre), columns, evaluator);
    return result;
}

}  // namespace triad
