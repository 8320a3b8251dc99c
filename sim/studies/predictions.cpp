#include "triad/studies/predictions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

namespace triad {

namespace {

// The labels of a path shown at some time in [from, to]: segment k covers [from_k, from_{k+1}).
std::vector<std::string> labels_in_window(const std::string& path, double from, double to) {
    const std::vector<PathSegment> segments = read_label_path(path);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < segments.size(); ++k) {
        const double end = k + 1 < segments.size() ? segments[k + 1].from : std::numeric_limits<double>::infinity();
        if (segments[k].from <= to && end > from && std::find(out.begin(), out.end(), segments[k].label) == out.end())
            out.push_back(segments[k].label);
    }
    return out;
}

}  // namespace

std::string Expectation::seen(const std::string& cell) const {
    if (!window_from) return cell.empty() ? "none" : cell;
    std::string out;
    for (const auto& label : labels_in_window(cell, *window_from, *window_to)) out += (out.empty() ? "" : "/") + label;
    return out.empty() ? "none" : out;
}

bool Expectation::holds(const std::string& cell) const {
    if (!window_from) return passes(cell);
    for (const auto& label : labels_in_window(cell, *window_from, *window_to))
        if (passes(label)) return true;
    return false;
}

bool Expectation::passes(const std::string& value) const {
    switch (test) {
        case Test::equal: return value == values.front();
        case Test::not_equal: return value != values.front();
        case Test::one_of: return std::find(values.begin(), values.end(), value) != values.end();
        case Test::range: {
            const auto number = parse_number(value);
            if (!number) return false;  // e.g. no shift happened: no time to compare
            return (!min || *number >= *min) && (!max || *number <= *max);
        }
    }
    return false;
}

std::string Expectation::describe() const {
    std::string out;
    switch (test) {
        case Test::equal: out = target + " = " + values.front(); break;
        case Test::not_equal: out = target + " != " + values.front(); break;
        case Test::one_of:
            out = target + " in {";
            for (std::size_t k = 0; k < values.size(); ++k) out += (k ? ", " : "") + values[k];
            out += "}";
            break;
        case Test::range:
            out = target + " in [" + (min ? format_number(*min) : std::string("-inf")) + ", " +
                  (max ? format_number(*max) : std::string("inf")) + "]";
            break;
    }
    if (window_from) out += " within " + format_number(*window_from) + "-" + format_number(*window_to);
    return out;
}

namespace {

// The sweep column a target reads: "russia.alignment" -> "russia_alignment".
std::string column_of(const std::string& target) {
    std::string column = target;
    std::replace(column.begin(), column.end(), '.', '_');
    return column;
}

// `window`: a dated claim's [from, to], whose targets read label paths.
Expectation read_expectation(const TreeEntry& entry, std::vector<std::string> columns,
                             std::optional<std::pair<double, double>> window) {
    Expectation e;
    e.target = entry.key;
    e.column = column_of(entry.key);
    e.where = entry.key_where;
    std::erase_if(columns, [&](const std::string& c) { return c.ends_with("_path") != window.has_value(); });
    if (window) {
        for (auto& c : columns) c.erase(c.size() - 5);  // "_path"
        e.window_from = window->first;
        e.window_to = window->second;
    }
    if (std::find(columns.begin(), columns.end(), e.column) == columns.end()) {
        std::vector<std::string> targets;
        for (const auto& c : columns) {
            std::string t = c;
            const auto underscore = t.find('_');
            const bool per_player = t.ends_with("_alignment") || t.ends_with("_role") || t.ends_with("_alignment_probability");
            if (per_player && underscore != std::string::npos) t[underscore] = '.';
            targets.push_back(t);
        }
        throw InputError(entry.key_where,
                         "unknown expectation target '" + entry.key + "'" + (window ? " for a dated claim (at:)" : ""),
                         suggest(entry.key, targets));
    }
    if (window) e.column += "_path";
    const TreeNode& v = entry.value;
    if (v.is_scalar()) {
        e.test = Expectation::Test::equal;
        e.values = {v.scalar};
        return e;
    }
    v.expect_map("an expectation (a value, {not: V}, {in: [V, ...]} or {min: X, max: Y})");
    static const std::vector<std::string> keys = {"not", "in", "min", "max"};
    v.check_keys(keys, "an expectation");
    if (const TreeNode* n = v.find("not")) {
        e.test = Expectation::Test::not_equal;
        e.values = {n->as_string("the value that must not occur")};
    } else if (const TreeNode* in = v.find("in")) {
        in->expect_sequence("in (a list of values)");
        e.test = Expectation::Test::one_of;
        for (const auto& item : in->items) e.values.push_back(item.as_string("a value"));
    } else {
        e.test = Expectation::Test::range;
        if (const TreeNode* lo = v.find("min")) e.min = lo->as_number("min");
        if (const TreeNode* hi = v.find("max")) e.max = hi->as_number("max");
        if (!e.min && !e.max) throw InputError(v.where, "an expectation needs a value, not, in, min or max");
        if (window) throw InputError(v.where, "a dated claim (at:) tests labels: give a value, not or in, not min/max");
    }
    return e;
}

}  // namespace

std::vector<Claim> read_claims(const StageModel& model) {
    std::vector<Claim> claims;
    const TreeNode* node = model.scenario().document.find("predictions");
    if (!node || node->is_null()) return claims;
    node->expect_sequence("predictions (a list of claims)");
    std::set<std::string> ids;
    for (const auto& item : node->items) {
        item.expect_map("a prediction (id, author, claim, analysis, over, points, expect, holds_if, must_hold)");
        static const std::vector<std::string> keys = {"id",       "author",   "claim",     "analysis", "over",
                                                      "points",   "expect",   "holds_if",  "must_hold", "note",
                                                      "passage",  "at",       "within"};
        item.check_keys(keys, "a prediction");
        Claim c;
        c.where = item.where;
        c.scenario = model.scenario().path;
        for (const char* required : {"id", "author", "claim", "expect"})
            if (!item.find(required)) throw InputError(item.where, std::string("a prediction needs '") + required + "'");
        c.id = item.find("id")->as_string("the prediction's id");
        if (!ids.insert(c.id).second) throw InputError(item.find("id")->where, "prediction id '" + c.id + "' is used twice");
        c.author = item.find("author")->as_string("the author");
        c.claim = item.find("claim")->as_string("the claim");
        if (const TreeNode* a = item.find("analysis")) {
            const std::string text = a->as_string("the analysis");
            const auto analysis = text == "equilibrium" ? std::optional<SweepAnalysis>(SweepAnalysis::stage) : parse_sweep_analysis(text);
            if (!analysis || *analysis == SweepAnalysis::pure)
                throw InputError(a->where, "unknown analysis '" + text + "'", suggest(text, std::vector<std::string>{"stage", "timeline"}));
            c.analysis = *analysis;
        }
        if (c.analysis == SweepAnalysis::timeline) (void)read_timeline(model);
        if (const TreeNode* over = item.find("over")) {
            over->expect_map("over (PATH: [LOW, HIGH])");
            for (const auto& entry : over->entries) {
                Axis axis;
                axis.path = entry.key;
                if (entry.value.is_sequence() && entry.value.items.size() == 2) {
                    axis.lower = entry.value.items[0].as_number("the low end");
                    axis.upper = entry.value.items[1].as_number("the high end");
                } else if (entry.value.is_scalar() && parse_number(entry.value.scalar)) {
                    axis.lower = axis.upper = entry.value.as_number("a value");
                } else {
                    throw InputError(entry.value.where, "a region axis is [LOW, HIGH] or a single value");
                }
                if (axis.lower > axis.upper) throw InputError(entry.value.where, "the low end is above the high end");
                for (std::size_t e : model.parameters().resolve(entry.key, entry.key_where)) {
                    model.parameters().check_value(e, axis.lower, entry.value.where);
                    model.parameters().check_value(e, axis.upper, entry.value.where);
                }
                c.over.push_back(axis);
            }
        }
        if (const TreeNode* p = item.find("points")) {
            const long long v = p->as_integer("points");
            if (v < 1 || v > 1000) throw InputError(p->where, "points must be between 1 and 1000 per axis");
            c.points = static_cast<std::size_t>(v);
        }
        std::optional<std::pair<double, double>> window;
        if (const TreeNode* at = item.find("at")) {
            if (c.analysis != SweepAnalysis::timeline)
                throw InputError(at->where, "'at' dates a claim about a run: it needs 'analysis: timeline'");
            if (at->is_sequence()) {
                if (at->items.size() != 2) throw InputError(at->where, "'at' is a date or a span [FROM, TO]");
                window = std::pair{at->items[0].as_number("the span's start"), at->items[1].as_number("the span's end")};
                if (window->first > window->second) throw InputError(at->where, "the span's start is after its end");
            } else {
                const double date = at->as_number("the date ('at')");
                window = std::pair{date, date};
            }
            if (const TreeNode* within = item.find("within")) {
                const double years = within->as_number("'within' (the tolerance either side of the date)");
                if (years < 0) throw InputError(within->where, "'within' cannot be negative");
                window->first -= years;
                window->second += years;
            }
        } else if (const TreeNode* within = item.find("within")) {
            throw InputError(within->where, "'within' widens a date: it needs 'at'");
        }
        const std::vector<std::string> columns = sweep_columns(model.game(), c.analysis);
        const TreeNode* expect = item.find("expect");
        expect->expect_map("expect (TARGET: VALUE, ...)");
        for (const auto& entry : expect->entries) c.expect.push_back(read_expectation(entry, columns, window));
        if (c.expect.empty()) throw InputError(expect->where, "expect names no target");
        if (const TreeNode* h = item.find("holds_if")) {
            h->expect_map("holds_if ({share: S})");
            static const std::vector<std::string> hkeys = {"share"};
            h->check_keys(hkeys, "holds_if");
            if (const TreeNode* s = h->find("share")) {
                c.share_required = s->as_number("share");
                if (c.share_required <= 0.5 || c.share_required > 1.0)
                    throw InputError(s->where, "share must be in (0.5, 1]: the share of the region where the claim must hold");
            }
        }
        if (const TreeNode* m = item.find("must_hold")) c.must_hold = m->as_bool("must_hold");
        claims.push_back(std::move(c));
    }
    return claims;
}

namespace {

// The sweep columns a list of expectations reads, each once, in order of first use.
std::vector<std::string> columns_of(const std::vector<Expectation>& expectations) {
    std::vector<std::string> columns;
    for (const auto& e : expectations)
        if (std::find(columns.begin(), columns.end(), e.column) == columns.end()) columns.push_back(e.column);
    return columns;
}

std::size_t column_index(const std::vector<std::string>& columns, const std::string& column) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

// Do all of `expectations` hold for a row whose `cells` follow `columns`?
bool all_hold(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
              const std::vector<std::string>& cells) {
    for (const auto& e : expectations)
        if (!e.holds(cells[column_index(columns, e.column)])) return false;
    return true;
}

// "russia_alignment=china, configuration 1958-1965=unit_veto": what the expectations see in
// one row, each item once.
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

// A grid over `region` (each axis's count already set); with no axes, the model's own point
// as a one-point "region" (a grid needs an axis, so its first parameter at its own value).
Design grid_over(const StageModel& model, const std::vector<Axis>& region) {
    Design design;
    design.kind = DesignKind::grid;
    design.axes = region;
    if (design.axes.empty()) {
        const auto& first = model.parameters()[0];
        design.axes.push_back({first.path, first.value, first.value, 1});
    }
    return design;
}

std::vector<double> centre_of(const Design& design) {
    std::vector<double> centre;
    for (const auto& a : design.axes) centre.push_back(0.5 * (a.lower + a.upper));
    return centre;
}

struct Flip {
    double value = 0.0;
    int below = 0, above = 0;
};

// The first place along axis `a`, on the line through `centre`, where `classify` (a point ->
// a class) changes: the axis's grid values are scanned in order and the first change is
// narrowed by bisection to a thousandth of a grid step. Later changes are not sought: the
// first is the boundary a reader asks about ("up to where does it hold?").
template <class Classify>
std::optional<Flip> first_flip(const Axis& axis, std::size_t a, const std::vector<double>& centre, Classify&& classify) {
    if (axis.count < 2) return std::nullopt;
    std::vector<double> point = centre;
    auto class_at = [&](double x) {
        point[a] = x;
        return classify(point);
    };
    const double step = (axis.upper - axis.lower) / static_cast<double>(axis.count - 1);
    const int previous = class_at(axis.lower);
    for (std::size_t i = 1; i < axis.count; ++i) {
        double lo = axis.lower + step * static_cast<double>(i - 1), hi = axis.lower + step * static_cast<double>(i);
        if (i + 1 == axis.count) hi = axis.upper;
        int above = class_at(hi);
        if (above == previous) continue;
        const double tolerance = step * 1e-3;
        while (hi - lo > tolerance) {
            const double mid = 0.5 * (lo + hi);
            const int at_mid = class_at(mid);
            if (at_mid == previous) {
                lo = mid;
            } else {
                hi = mid;
                above = at_mid;
            }
        }
        return Flip{0.5 * (lo + hi), previous, above};
    }
    return std::nullopt;
}

}  // namespace

ClaimResult evaluate_claim(const StageModel& model, const Claim& claim, int threads) {
    ClaimResult result;
    result.claim = claim;
    const std::vector<std::string> columns = columns_of(claim.expect);
    std::vector<Axis> region = claim.over;
    for (Axis& axis : region) axis.count = axis.lower == axis.upper ? 1 : claim.points;
    const SweepSpec spec = make_sweep(model, grid_over(model, region), claim.analysis, columns);
    std::size_t held = 0, total = 0;
    std::vector<std::string> only_row;  // a one-point region's cells: its centre, not evaluated twice
    run_sweep(model, spec, {.first = 0, .last = spec.design.size(), .threads = threads, .chunk = 16},
              [&](const std::vector<SweepRow>& rows) {
                  for (const auto& row : rows) {
                      held += all_hold(claim.expect, columns, row.cells) ? 1 : 0;
                      ++total;
                  }
                  if (spec.design.size() == 1) only_row = rows.front().cells;
              });
    result.points = total;
    result.share = total ? static_cast<double>(held) / static_cast<double>(total) : 0.0;
    result.verdict = result.share >= claim.share_required         ? "holds"
                     : result.share <= 1.0 - claim.share_required ? "fails"
                                                                  : "partly";
    // The centre of the region: the evidence, and the line along which boundaries are sought.
    const std::vector<double> centre = centre_of(spec.design);
    if (spec.design.size() == 1) {  // the region is its centre, and no axis can flip
        result.evidence = evidence_text(claim.expect, columns, only_row);
        return result;
    }
    SweepEvaluator evaluator(model, spec);
    result.evidence = evidence_text(claim.expect, columns, evaluator.evaluate(centre));
    for (std::size_t a = 0; a < spec.design.axes.size(); ++a) {
        const auto flip = first_flip(spec.design.axes[a], a, centre, [&](const std::vector<double>& point) {
            return all_hold(claim.expect, columns, evaluator.evaluate(point)) ? 1 : 0;
        });
        if (flip) result.boundaries.push_back({spec.design.axes[a].path, flip->value, flip->below == 1});
    }
    return result;
}

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

// The union of both claims' regions: a path in both spans the hull of its two ranges.
std::vector<Axis> joint_region(const Claim& first, const Claim& second) {
    std::vector<Axis> region = first.over;
    for (const Axis& axis : second.over) {
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

enum Winner : int { first_right = 0, second_right = 1, neither_right = 2 };

const char* winner_name(int winner) {
    return winner == first_right ? "first" : winner == second_right ? "second" : "neither";
}

}  // namespace

bool contradict(const Claim& a, const Claim& b) {
    if (a.author == b.author) return false;
    for (const auto& e : a.expect)
        for (const auto& f : b.expect)
            if (e.column == f.column && !compatible(e, f)) return true;
    return false;
}

Disagreement evaluate_disagreement(const StageModel& shared, const Claim& first, const Claim& second, int threads) {
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
        return a ? first_right : b ? second_right : neither_right;
    };
    const SweepSpec spec = make_sweep(shared, grid_over(shared, result.region), first.analysis, columns);
    std::size_t counts[3] = {0, 0, 0};
    run_sweep(shared, spec, {.first = 0, .last = spec.design.size(), .threads = threads, .chunk = 16},
              [&](const std::vector<SweepRow>& rows) {
                  for (const auto& row : rows) ++counts[winner(row.cells)];
              });
    result.points = counts[0] + counts[1] + counts[2];
    const double total = static_cast<double>(std::max<std::size_t>(result.points, 1));
    result.first_share = static_cast<double>(counts[first_right]) / total;
    result.second_share = static_cast<double>(counts[second_right]) / total;
    result.neither_share = static_cast<double>(counts[neither_right]) / total;
    SweepEvaluator evaluator(shared, spec);
    const std::vector<double> centre = centre_of(spec.design);
    result.evidence = evidence_text(both, columns, evaluator.evaluate(centre));
    for (std::size_t a = 0; a < spec.design.axes.size(); ++a) {
        const auto flip = first_flip(spec.design.axes[a], a, centre,
                                     [&](const std::vector<double>& point) { return winner(evaluator.evaluate(point)); });
        if (flip) result.boundaries.push_back({spec.design.axes[a].path, flip->value, winner_name(flip->below), winner_name(flip->above)});
    }
    return result;
}

}  // namespace triad
