// Contradictions between claims, and a disagreement evaluated on one shared model and region:
// who is right where, and where that changes (disagreements.hpp).
#include "triad/studies/disagreements.hpp"

#include "claim_detail.hpp"

#include <algorithm>

namespace triad {

namespace {

// Can some value pass both tests (their windows aside)? The labels either side mentions, plus one that
// neither mentions, stand for every label, so trying them decides it for value tests.
bool tests_compatible(const Expectation& a, const Expectation& b) {
    if (a.test == Expectation::Test::range || b.test == Expectation::Test::range) {
        if (a.test != b.test) return true;  // a number and a label test: no conflict to speak of
        const double lo = std::max(a.min.value_or(-1e300), b.min.value_or(-1e300));
        const double hi = std::min(a.max.value_or(1e300), b.max.value_or(1e300));
        return lo <= hi;
    }
    std::vector<std::string> candidates = a.values;
    candidates.insert(candidates.end(), b.values.begin(), b.values.end());
    candidates.push_back("\x01 none of these");
    for (const auto& c : candidates)
        if (a.passes(c) && b.passes(c)) return true;
    return false;
}

bool is_instant(const Expectation& e) { return e.window_from && *e.window_from == *e.window_to; }

// Can some outcome satisfy both expectations on one column? A dated expectation is met when
// SOME label shown in its window passes, so dated ones can clash only at one shared instant,
// where the run shows a single label.
bool compatible(const Expectation& a, const Expectation& b) {
    if (!a.window_from && !b.window_from) return tests_compatible(a, b);
    if (!is_instant(a) || !is_instant(b) || *a.window_from != *b.window_from) return true;
    return tests_compatible(a, b);  // at one instant, a dated test is its plain test
}

// Where a claim asserts its outcome: its `over` and its cause present (an irrelevant cause's
// whole range).
std::vector<Axis> asserted_region(const Claim& claim) {
    std::vector<Axis> region = claim.over;
    for (const Cause& c : claim.causes) region.push_back({c.path, c.present_lower, c.present_upper, 0});
    return region;
}

// The union of both claims' regions: a path in both spans the hull of its two ranges.
std::vector<Axis> joint_region(const Claim& first, const Claim& second) {
    std::vector<Axis> region = asserted_region(first);
    for (const Axis& axis : asserted_region(second)) {
        const auto same = std::find_if(region.begin(), region.end(), [&](const Axis& a) { return a.path == axis.path; });
        if (same == region.end()) {
            region.push_back(axis);
        } else {
            same->lower = std::min(same->lower, axis.lower);
            same->upper = std::max(same->upper, axis.upper);
        }
    }
    // Grid values per varying axis: the coarser claim's, but only 4 when 4 or more axes vary,
    // so that the joint grid (the product) stays near the size of the claims' own (4^4 = 256
    // points rather than 625: `triad compare scenarios/` is the README's main job).
    const auto varying = static_cast<std::size_t>(std::count_if(region.begin(), region.end(), [](const Axis& a) { return a.lower < a.upper; }));
    std::size_t points = std::min(first.points, second.points);
    if (varying >= 4) points = std::min<std::size_t>(points, 4);
    for (Axis& axis : region) axis.count = axis.lower == axis.upper ? 1 : points;
    return region;
}

}  // namespace

std::string_view to_string(Side side) {
    switch (side) {
        case Side::first: return "first";
        case Side::second: return "second";
        case Side::neither: return "neither";
    }
    return "neither";
}

std::optional<Side> parse_side(std::string_view text) {
    for (Side side : {Side::first, Side::second, Side::neither})
        if (to_string(side) == text) return side;
    return std::nullopt;
}

using namespace detail;  // the helpers claim_detail.hpp shares between the two files

bool contradict(const Claim& a, const Claim& b) {
    if (a.author == b.author) return false;
    for (const auto& e : a.expect)
        for (const auto& f : b.expect)
            if (e.column == f.column && !compatible(e, f)) return true;
    return false;
}

namespace {

// Each side's share of the points, with its interval (exact on a grid, which is the region itself).
void set_shares(Disagreement& result, std::size_t first, std::size_t second, std::size_t neither, bool drawn) {
    result.points = first + second + neither;
    const double total = static_cast<double>(std::max<std::size_t>(result.points, 1));
    result.first_share = static_cast<double>(first) / total;
    result.second_share = static_cast<double>(second) / total;
    result.neither_share = static_cast<double>(neither) / total;
    result.first_interval = wilson_interval(first, result.points);
    result.second_interval = wilson_interval(second, result.points);
    result.neither_interval = wilson_interval(neither, result.points);
    if (!drawn)
        for (auto [interval, share] : {std::pair{&result.first_interval, result.first_share},
                                       std::pair{&result.second_interval, result.second_share},
                                       std::pair{&result.neither_interval, result.neither_share}})
            *interval = {share, share};
}

}  // namespace

Disagreement evaluate_disagreement(const StageModel& shared, const Claim& first, const Claim& second, int threads,
                                   const SamplingOptions& options) {
    if (!contradict(first, second))
        throw Error("claims '" + first.id + "' and '" + second.id +
                    "' do not contradict each other (same author, or some outcome satisfies both): nothing to compare");
    if (first.analysis != second.analysis)  // cannot happen: the analyses' columns are disjoint
        throw Error("claims '" + first.id + "' and '" + second.id + "' use different analyses and cannot share a sweep");
    Disagreement result;
    result.first = first;
    result.second = second;
    result.shared_scenario = shared.scenario().path;
    result.region = joint_region(first, second);
    std::vector<Expectation> both = first.expect;
    both.insert(both.end(), second.expect.begin(), second.expect.end());
    const std::vector<std::string> columns = columns_of(both);
    // Contradicting claims cannot both hold at one point; if they ever did, contradict() would
    // be wrong, and reporting the point as anyone's win would hide that.
    auto winner = [&](const std::vector<std::string>& cells) {
        const bool a = all_hold(first.expect, columns, cells), b = all_hold(second.expect, columns, cells);
        if (a && b)
            throw Error("claims '" + first.id + "' and '" + second.id + "' both hold at one point although they contradict (" +
                        evidence_text(both, columns, cells) + "): a bug in contradict()");
        return a ? Side::first : b ? Side::second : Side::neither;
    };
    auto index = [](Side side) { return static_cast<std::size_t>(side); };
    std::size_t grid_points = 1;  // joint_region gives every varying axis the same count
    for (const Axis& axis : result.region) grid_points = std::max(grid_points, axis.count);
    const RegionSample sample = sample_region(shared, result.region, grid_points, {},
                                              read_uncertainty(shared), options, text_stream(first.id + "|" + second.id));
    result.drawn = sample.drawn;
    result.uncertain_values = sample.axes.size() - sample.region_axes;
    const SweepSpec spec = sample_sweep(shared, sample, first.analysis, columns);
    std::size_t counts[3] = {0, 0, 0};
    evaluate_sample(shared, sample, spec, threads,
                    [&](std::size_t, std::size_t, const std::vector<std::string>& cells) { ++counts[index(winner(cells))]; });
    set_shares(result, counts[index(Side::first)], counts[index(Side::second)], counts[index(Side::neither)], sample.drawn);
    // Boundaries through the region's centre, every drawn value at the shared model's own.
    SweepEvaluator evaluator(shared, spec);
    std::vector<double> centre;
    for (std::size_t a = 0; a < sample.axes.size(); ++a)
        centre.push_back(a < sample.region_axes ? 0.5 * (sample.axes[a].lower + sample.axes[a].upper)
                                                : shared.parameters().value(sample.entries[a].front()));
    result.evidence = evidence_text(both, columns, evaluator.evaluate(centre));
    for (std::size_t a = 0; a < sample.region_axes; ++a) {
        const auto flip = first_flip(result.region[a], a, centre,
                                     [&](const std::vector<double>& point) { return static_cast<int>(winner(evaluator.evaluate(point))); });
        if (flip)
            result.boundaries.push_back({result.region[a].path, flip->value, static_cast<Side>(flip->below), static_cast<Side>(flip->above)});
    }
    return result;
}

}  // namespace triad
