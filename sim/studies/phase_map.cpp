// Phase maps of claims and disagreements (phase_map.hpp).
#include "triad/studies/phase_map.hpp"

#include "claim_detail.hpp"

#include "triad/studies/uncertainty.hpp"

#include <algorithm>
#include <map>

namespace triad {

using detail::all_hold;
using detail::columns_of;

namespace {

// An axis the map may span, with the entries it sets.
struct Candidate {
    Axis axis;
    std::vector<std::size_t> entries;
    enum class Kind { cause, region, uncertain } kind = Kind::region;  // where the axis comes from
};
using AxisKind = Candidate::Kind;

Candidate candidate(const std::string& path, double lower, double upper, std::vector<std::size_t> entries, AxisKind kind) {
    Candidate c;
    c.axis.path = path;
    c.axis.lower = lower;
    c.axis.upper = upper;
    c.entries = std::move(entries);
    c.kind = kind;
    return c;
}

// Per row of analysis cells: the verdict a map cell shows.
using Classify = std::function<CellVerdict(const std::vector<std::string>& cells)>;

SweepSpec spec_over(const std::vector<Candidate>& axes, SweepAnalysis analysis, std::vector<std::string> columns) {
    SweepSpec spec;
    spec.design.kind = DesignKind::grid;
    for (const Candidate& c : axes) {
        spec.design.axes.push_back(c.axis);
        spec.axis_entries.push_back(c.entries);
    }
    spec.analysis = analysis;
    spec.columns = std::move(columns);
    return spec;
}

// The uncertain values that move `classify` most, each tried at both ends of its range (2%
// and 98% quantiles) from the model's own point: the count of ends whose verdict differs from
// the centre's, then the count whose first column's label differs. Values already on the map
// (`taken`) are skipped; at most `wanted` are returned, best first.
std::vector<Candidate> most_moving(const StageModel& model, SweepAnalysis analysis, const std::vector<std::string>& columns,
                                   const Classify& classify, const std::vector<std::string>& taken, std::size_t wanted, int threads) {
    std::vector<Candidate> pool;
    for (const UncertainValue& v : read_uncertainty(model)) {
        if (std::find(taken.begin(), taken.end(), v.path) != taken.end()) continue;
        const double lower = v.distribution.quantile(0.02), upper = v.distribution.quantile(0.98);
        if (!(upper > lower)) continue;
        pool.push_back(candidate(v.path, lower, upper, v.entries, AxisKind::uncertain));
    }
    if (pool.empty() || wanted == 0) return {};
    const SweepSpec spec = spec_over(pool, analysis, columns);
    std::vector<double> own;
    for (const Candidate& c : pool) own.push_back(model.parameters().value(c.entries.front()));
    // Point 0 is the scenario's own; point 2k+1 puts value k at its lower end, 2k+2 at its upper.
    const PointSource point_of = [&](std::size_t index, std::span<double> out) {
        std::copy(own.begin(), own.end(), out.begin());
        if (index == 0) return;
        const std::size_t k = (index - 1) / 2;
        out[k] = index % 2 == 1 ? pool[k].axis.lower : pool[k].axis.upper;
    };
    std::vector<std::vector<std::string>> rows(2 * pool.size() + 1);
    SweepOptions options;
    options.last = rows.size();
    options.threads = threads;
    options.chunk = 8;
    run_sweep(model, spec, options, point_of, [&](const std::vector<SweepRow>& done) {
        for (const SweepRow& row : done) rows[row.index] = row.cells;
    });
    const CellVerdict centre_class = classify(rows[0]);
    std::vector<std::pair<int, std::size_t>> score(pool.size());  // (-(verdict changes * 8 + label changes), index)
    for (std::size_t k = 0; k < pool.size(); ++k) {
        int verdicts = 0, labels = 0;
        for (const std::vector<std::string>* cells : {&rows[2 * k + 1], &rows[2 * k + 2]}) {
            verdicts += classify(*cells) != centre_class;
            labels += cells->front() != rows[0].front();
        }
        score[k] = {-(verdicts * 8 + labels), k};
    }
    std::stable_sort(score.begin(), score.end());
    std::vector<Candidate> out;
    for (std::size_t k = 0; k < std::min(wanted, score.size()); ++k) out.push_back(pool[score[k].second]);
    return out;
}

// The grid of `axes` (x first) on `model`, every cell classified.
void fill_grid(PhaseMap& map, const StageModel& model, std::vector<Candidate> axes, SweepAnalysis analysis,
               const std::vector<std::string>& columns, const Classify& classify, std::size_t resolution, int threads) {
    for (Candidate& c : axes) {
        c.axis.count = c.axis.lower < c.axis.upper ? resolution : 1;
        map.axes.push_back(c.axis);
    }
    const std::size_t cells = axes.empty() ? 1 : axes.size() == 1 ? axes[0].axis.count : axes[0].axis.count * axes[1].axis.count;
    map.labels.assign(cells, "");
    map.verdicts.assign(cells, CellVerdict::neither);
    if (axes.empty()) {
        SweepEvaluator evaluator(model, spec_over({}, analysis, columns));
        const std::vector<std::string> row = evaluator.evaluate({});
        map.labels[0] = row.front();
        map.verdicts[0] = classify(row);
        return;
    }
    std::reverse(axes.begin(), axes.end());  // the design's first axis varies slowest: y, then x
    const SweepSpec spec = spec_over(axes, analysis, columns);
    SweepOptions options;
    options.last = cells;
    options.threads = threads;
    options.chunk = 16;  // maps are small: small chunks keep every worker busy
    run_sweep(model, spec, options, [&](const std::vector<SweepRow>& rows) {
        for (const SweepRow& row : rows) {
            map.labels[row.index] = row.cells.front();
            map.verdicts[row.index] = classify(row.cells);
        }
    });
}

double middle(double lower, double upper) { return 0.5 * (lower + upper); }

// The axes a claim's own map may span, in the order they are preferred: its causes over both
// their ranges, then its region's ranges (a fixed region value spans nothing).
std::vector<Candidate> claim_axes(const StageModel& model, const Claim& claim) {
    std::vector<Candidate> axes;
    for (const Cause& c : claim.causes) {
        const double lower = c.kind == Cause::Kind::irrelevant ? c.present_lower : std::min(c.present_lower, c.absent_lower);
        const double upper = c.kind == Cause::Kind::irrelevant ? c.present_upper : std::max(c.present_upper, c.absent_upper);
        axes.push_back(candidate(c.path, lower, upper, model.parameters().resolve(c.path, c.where), AxisKind::cause));
    }
    for (const Axis& a : claim.over)
        if (a.lower < a.upper) axes.push_back(candidate(a.path, a.lower, a.upper, model.parameters().resolve(a.path, claim.where), AxisKind::region));
    return axes;
}

// Where an axis the map does not span is held: a cause at the centre of its present range,
// a region axis at its middle.
double held_value(const Candidate& c, const Claim& claim) {
    double value = middle(c.axis.lower, c.axis.upper);
    if (c.kind == AxisKind::cause)
        for (const Cause& cause : claim.causes)
            if (cause.path == c.axis.path) value = middle(cause.present_lower, cause.present_upper);
    return value;
}

// Sets, in `held`, the claim's axes from `first_unspanned` on and its fixed region values,
// and records each in the map.
void hold_unspanned(StageModel& held, PhaseMap& map, const StageModel& model, const Claim& claim,
                    const std::vector<Candidate>& fixed, std::size_t first_unspanned) {
    for (std::size_t k = first_unspanned; k < fixed.size(); ++k) {
        const Candidate& c = fixed[k];
        const double value = held_value(c, claim);
        for (std::size_t e : c.entries) held.set(e, value);
        map.held.emplace_back(c.axis.path, value);
    }
    for (const Axis& a : claim.over)
        if (a.lower == a.upper) {
            for (std::size_t e : model.parameters().resolve(a.path, claim.where)) held.set(e, a.lower);
            map.held.emplace_back(a.path, a.lower);
        }
}

// Fills a map with fewer than two of the claim's own axes with the uncertain values that move
// its outcome most, and says so in `axes_chosen`.
void add_moving_axes(std::vector<Candidate>& axes, PhaseMap& map, const StageModel& held, const Claim& claim,
                     const std::vector<Candidate>& fixed, const std::vector<std::string>& columns, const Classify& classify, int threads) {
    if (axes.size() >= 2) return;
    std::vector<std::string> taken;
    for (const Candidate& c : fixed) taken.push_back(c.axis.path);
    const auto extra = most_moving(held, claim.analysis, columns, classify, taken, 2 - axes.size(), threads);
    if (!extra.empty())
        map.axes_chosen += std::string(map.axes_chosen.empty() ? "" : ", then ") +
                           (extra.size() == 1 ? "the uncertain value" : "the uncertain values") +
                           " that move its outcome most from the scenario's own point";
    axes.insert(axes.end(), extra.begin(), extra.end());
}

// One of the claim's boxes on the drawn axes: its region with its cause present or absent.
MapBox claim_box(const PhaseMap& map, const Claim& claim, const std::string& label, bool present) {
    MapBox b{label, 0, 0, 0, 0};
    for (std::size_t k = 0; k < map.axes.size(); ++k) {
        double lower = map.axes[k].lower, upper = map.axes[k].upper;
        for (const Cause& c : claim.causes)
            if (c.path == map.axes[k].path) {
                lower = present ? c.present_lower : c.absent_lower;
                upper = present ? c.present_upper : c.absent_upper;
            }
        for (const Axis& a : claim.over)
            if (a.path == map.axes[k].path) lower = a.lower, upper = a.upper;
        (k == 0 ? b.x_lower : b.y_lower) = lower;
        (k == 0 ? b.x_upper : b.y_upper) = upper;
    }
    return b;
}

// The claim's boxes: its cause present and absent when a contrast cause is drawn, else its
// region when one of its own axes is.
void add_claim_boxes(PhaseMap& map, const Claim& claim, const std::vector<Candidate>& axes) {
    const bool cause_drawn = std::any_of(axes.begin(), axes.end(), [](const Candidate& c) { return c.kind == AxisKind::cause; });
    const bool contrast = !claim.causes.empty() && claim.causes.front().kind == Cause::Kind::contrast;
    if (cause_drawn && contrast) {
        map.boxes.push_back(claim_box(map, claim, "cause present", true));
        map.boxes.push_back(claim_box(map, claim, "cause absent (placebo)", false));
    } else if (std::any_of(axes.begin(), axes.end(), [](const Candidate& c) { return c.kind != AxisKind::uncertain; })) {
        map.boxes.push_back(claim_box(map, claim, "the claim's region", true));
    }
}

}  // namespace

PhaseMap claim_phase_map(const StageModel& model, const Claim& claim, std::size_t resolution, int threads) {
    PhaseMap map;
    const std::vector<std::string> columns = columns_of(claim.expect);
    map.column = columns.front();
    const Classify classify = [&](const std::vector<std::string>& cells) { return all_hold(claim.expect, columns, cells) ? CellVerdict::first : CellVerdict::neither; };

    const std::vector<Candidate> fixed = claim_axes(model, claim);  // the claim's own axes, in the order they are preferred
    std::vector<Candidate> axes(fixed.begin(), fixed.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(2, fixed.size())));
    StageModel held = model;  // what the map does not span, at the claim's centre
    hold_unspanned(held, map, model, claim, fixed, axes.size());
    map.axes_chosen = fixed.empty() ? "" : fixed.size() == 1 ? "the claim's own axis" : "the claim's own axes";
    add_moving_axes(axes, map, held, claim, fixed, columns, classify, threads);
    fill_grid(map, held, axes, claim.analysis, columns, classify, resolution, threads);
    add_claim_boxes(map, claim, axes);
    return map;
}

PhaseMap disagreement_phase_map(const StageModel& shared, const Disagreement& d, std::size_t resolution, int threads) {
    PhaseMap map;
    std::vector<Expectation> both = d.first.expect;
    both.insert(both.end(), d.second.expect.begin(), d.second.expect.end());
    const std::vector<std::string> columns = columns_of(both);
    map.column = columns.front();
    const Classify classify = [&](const std::vector<std::string>& cells) {
        if (all_hold(d.first.expect, columns, cells)) return CellVerdict::first;
        return all_hold(d.second.expect, columns, cells) ? CellVerdict::second : CellVerdict::neither;
    };
    StageModel held = shared;
    std::vector<Candidate> axes;
    for (const Axis& a : d.region) {
        const std::vector<std::size_t> entries = shared.parameters().resolve(a.path, d.first.where);
        if (a.lower < a.upper && axes.size() < 2) {
            axes.push_back(candidate(a.path, a.lower, a.upper, entries, AxisKind::region));
            continue;
        }
        const double value = middle(a.lower, a.upper);
        for (std::size_t e : entries) held.set(e, value);
        map.held.emplace_back(a.path, value);
    }
    map.axes_chosen = axes.empty() ? "" : "the joint region's axes";
    if (axes.size() < 2) {
        std::vector<std::string> taken;
        for (const Axis& a : d.region) taken.push_back(a.path);
        const auto extra = most_moving(held, d.first.analysis, columns, classify, taken, 2 - axes.size(), threads);
        if (!extra.empty()) map.axes_chosen += std::string(map.axes_chosen.empty() ? "" : ", then ") + "the uncertain values that move the verdict most";
        axes.insert(axes.end(), extra.begin(), extra.end());
    }
    fill_grid(map, held, axes, d.first.analysis, columns, classify, resolution, threads);
    if (std::any_of(axes.begin(), axes.end(), [](const Candidate& c) { return c.kind == AxisKind::region; })) {
        MapBox b{"the joint region", 0, 0, 0, 0};
        for (std::size_t k = 0; k < map.axes.size(); ++k) {
            (k == 0 ? b.x_lower : b.y_lower) = map.axes[k].lower;
            (k == 0 ? b.x_upper : b.y_upper) = map.axes[k].upper;
        }
        map.boxes.push_back(b);
    }
    return map;
}

}  // namespace triad
