// Reading an author's claims (`predictions:`) and the expectations they test (predictions.hpp).
#include "triad/studies/predictions.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <tuple>

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
    std::erase_if(columns, [&](const std::string& c) {
        return c.ends_with("_distribution") || c == "equilibria" || c.ends_with("_path") != window.has_value();
    });
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
            const bool per_player = t.ends_with("_alignment") || t.ends_with("_role") || t.ends_with("_alignment_probability") ||
                                    t.ends_with("_backs") || t.ends_with("_backs_probability");
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

// [LO, HI] within the bounds of every entry `path` addresses.
std::pair<double, double> read_range(const StageModel& model, const std::string& path, const SourceLocation& path_where,
                                     const TreeNode& node, const std::string& what) {
    if (!node.is_sequence() || node.items.size() != 2) throw InputError(node.where, what + " is a range [LOW, HIGH]");
    const double lower = node.items[0].as_number("the low end"), upper = node.items[1].as_number("the high end");
    if (lower > upper) throw InputError(node.where, "the low end is above the high end");
    for (std::size_t e : model.parameters().resolve(path, path_where)) {
        model.parameters().check_value(e, lower, node.where);
        model.parameters().check_value(e, upper, node.where);
    }
    return {lower, upper};
}

// `cause: {PATH: {present: [LO, HI], absent: [LO, HI]}}` or `{PATH: {irrelevant: [LO, HI]}}`.
std::vector<Cause> read_causes(const StageModel& model, const TreeNode& node, const std::vector<Axis>& over) {
    node.expect_map("cause (PATH: {present: [LO, HI], absent: [LO, HI]} or PATH: {irrelevant: [LO, HI]})");
    std::vector<Cause> causes;
    for (const auto& entry : node.entries) {
        Cause c;
        c.path = entry.key;
        c.where = entry.key_where;
        for (const Axis& axis : over)
            if (axis.path == entry.key)
                throw InputError(entry.key_where, "'" + entry.key + "' is both in 'over' and a cause",
                                 "a cause varies between its present and absent ranges: take it out of 'over'");
        const TreeNode& v = entry.value;
        v.expect_map("a cause ({present: [LO, HI], absent: [LO, HI]} or {irrelevant: [LO, HI]})");
        static const std::vector<std::string> keys = {"present", "absent", "irrelevant"};
        v.check_keys(keys, "a cause");
        if (const TreeNode* irrelevant = v.find("irrelevant")) {
            if (v.find("present") || v.find("absent"))
                throw InputError(v.where, "a cause is either irrelevant or has present and absent ranges, not both");
            c.kind = Cause::Kind::irrelevant;
            std::tie(c.present_lower, c.present_upper) = read_range(model, c.path, c.where, *irrelevant, "'irrelevant'");
            if (c.present_lower == c.present_upper)
                throw InputError(irrelevant->where, "an irrelevant cause needs a range with LOW < HIGH to vary across");
        } else {
            const TreeNode* present = v.find("present");
            const TreeNode* absent = v.find("absent");
            if (!present || !absent) throw InputError(v.where, "a cause needs both 'present' and 'absent' ranges (or 'irrelevant')");
            std::tie(c.present_lower, c.present_upper) = read_range(model, c.path, c.where, *present, "'present'");
            std::tie(c.absent_lower, c.absent_upper) = read_range(model, c.path, c.where, *absent, "'absent'");
        }
        causes.push_back(c);
    }
    if (causes.empty()) throw InputError(node.where, "cause names no parameter");
    for (const Cause& c : causes)
        if (c.kind != causes.front().kind)
            throw InputError(c.where, "a claim's causes are all present/absent or all irrelevant, not a mix");
    return causes;
}

// `analysis: stage | timeline` ("equilibrium" is another name for stage; pure is not a claim's).
SweepAnalysis read_claim_analysis(const TreeNode& node) {
    const std::string text = node.as_string("the analysis");
    const auto analysis = text == "equilibrium" ? std::optional<SweepAnalysis>(SweepAnalysis::stage) : parse_sweep_analysis(text);
    if (!analysis || *analysis == SweepAnalysis::pure)
        throw InputError(node.where, "unknown analysis '" + text + "'", suggest(text, std::vector<std::string>{"stage", "timeline"}));
    return *analysis;
}

// One axis of `over`: PATH: [LOW, HIGH] or PATH: VALUE, within the bounds of what PATH addresses.
Axis read_region_axis(const StageModel& model, const TreeEntry& entry) {
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
    return axis;
}

// `over: {PATH: [LOW, HIGH], ...}`: the claim's region.
std::vector<Axis> read_region(const StageModel& model, const TreeNode& over) {
    over.expect_map("over (PATH: [LOW, HIGH])");
    std::vector<Axis> region;
    for (const auto& entry : over.entries) region.push_back(read_region_axis(model, entry));
    return region;
}

// `points: N`, the grid values per region axis.
std::size_t read_points(const TreeNode& node) {
    const long long v = node.as_integer("points");
    if (v < 1 || v > 1000) throw InputError(node.where, "points must be between 1 and 1000 per axis");
    return static_cast<std::size_t>(v);
}

// `at: DATE` or `at: [FROM, TO]`, widened by `within: YEARS`: the span a dated claim's labels
// are read in; none for a claim without `at`.
std::optional<std::pair<double, double>> read_window(const TreeNode& item, SweepAnalysis analysis) {
    const TreeNode* at = item.find("at");
    if (!at) {
        if (const TreeNode* within = item.find("within")) throw InputError(within->where, "'within' widens a date: it needs 'at'");
        return std::nullopt;
    }
    if (analysis != SweepAnalysis::timeline)
        throw InputError(at->where, "'at' dates a claim about a run: it needs 'analysis: timeline'");
    std::pair<double, double> window;
    if (at->is_sequence()) {
        if (at->items.size() != 2) throw InputError(at->where, "'at' is a date or a span [FROM, TO]");
        window = std::pair{at->items[0].as_number("the span's start"), at->items[1].as_number("the span's end")};
        if (window.first > window.second) throw InputError(at->where, "the span's start is after its end");
    } else {
        const double date = at->as_number("the date ('at')");
        window = std::pair{date, date};
    }
    if (const TreeNode* within = item.find("within")) {
        const double years = within->as_number("'within' (the tolerance either side of the date)");
        if (years < 0) throw InputError(within->where, "'within' cannot be negative");
        window.first -= years;
        window.second += years;
    }
    return window;
}

// `expect: {TARGET: VALUE, ...}`: the targets are read against the analysis's columns.
std::vector<Expectation> read_expectations(const StageModel& model, const TreeNode& expect, SweepAnalysis analysis,
                                           std::optional<std::pair<double, double>> window) {
    const std::vector<std::string> columns = sweep_columns(model.game(), analysis);
    expect.expect_map("expect (TARGET: VALUE, ...)");
    std::vector<Expectation> expectations;
    for (const auto& entry : expect.entries) expectations.push_back(read_expectation(entry, columns, window));
    if (expectations.empty()) throw InputError(expect.where, "expect names no target");
    return expectations;
}

// `holds_if: {share: S}`: the share of the region where the claim must hold, if given.
std::optional<double> read_required_share(const TreeNode& holds_if) {
    holds_if.expect_map("holds_if ({share: S})");
    static const std::vector<std::string> keys = {"share"};
    holds_if.check_keys(keys, "holds_if");
    const TreeNode* s = holds_if.find("share");
    if (!s) return std::nullopt;
    const double share = s->as_number("share");
    if (share <= 0.5 || share > 1.0)
        throw InputError(s->where, "share must be in (0.5, 1]: the share of the region where the claim must hold");
    return share;
}

// `min_effect: E`: the share a claim's cause must move.
double read_min_effect(const TreeNode& node, const Claim& claim) {
    if (claim.causes.empty()) throw InputError(node.where, "'min_effect' measures a cause's effect: it needs 'cause'");
    const double effect = node.as_number("min_effect");
    if (effect <= 0.0 || effect >= 1.0) throw InputError(node.where, "min_effect must be in (0, 1): the share a cause must move");
    return effect;
}

// A prediction's keys, and the ones it cannot do without.
void check_prediction_keys(const TreeNode& item) {
    item.expect_map("a prediction (id, author, claim, analysis, over, points, expect, holds_if, must_hold)");
    static const std::vector<std::string> keys = {"id",       "author",   "claim",     "analysis", "over",
                                                  "points",   "expect",   "holds_if",  "must_hold", "note",
                                                  "passage",  "at",       "within",    "cause",    "min_effect"};
    item.check_keys(keys, "a prediction");
    for (const char* required : {"id", "author", "claim", "expect"})
        if (!item.find(required)) throw InputError(item.where, std::string("a prediction needs '") + required + "'");
}

// One item of `predictions:`; `ids` holds the ids read so far (an id is used once).
Claim read_claim(const StageModel& model, const TreeNode& item, std::set<std::string>& ids) {
    check_prediction_keys(item);
    Claim c;
    c.where = item.where;
    c.scenario = model.scenario().path;
    c.id = item.find("id")->as_string("the prediction's id");
    if (!ids.insert(c.id).second) throw InputError(item.find("id")->where, "prediction id '" + c.id + "' is used twice");
    c.author = item.find("author")->as_string("the author");
    c.claim = item.find("claim")->as_string("the claim");
    if (const TreeNode* a = item.find("analysis")) c.analysis = read_claim_analysis(*a);
    if (c.analysis == SweepAnalysis::timeline) (void)read_timeline(model);  // a timeline claim needs a valid timeline
    if (const TreeNode* over = item.find("over")) c.over = read_region(model, *over);
    if (const TreeNode* p = item.find("points")) c.points = read_points(*p);
    const auto window = read_window(item, c.analysis);
    c.expect = read_expectations(model, *item.find("expect"), c.analysis, window);
    if (const TreeNode* h = item.find("holds_if"))
        if (const auto share = read_required_share(*h)) c.share_required = *share;
    if (const TreeNode* m = item.find("must_hold")) c.must_hold = m->as_bool("must_hold");
    if (const TreeNode* cause = item.find("cause")) c.causes = read_causes(model, *cause, c.over);
    if (const TreeNode* m = item.find("min_effect")) c.min_effect = read_min_effect(*m, c);
    if (const TreeNode* n = item.find("note")) c.note = n->as_string("the note");
    if (const TreeNode* p = item.find("passage")) c.passage = p->as_string("the passage");
    return c;
}

}  // namespace

std::vector<Claim> read_claims(const StageModel& model) {
    std::vector<Claim> claims;
    const TreeNode* node = model.scenario().document.find("predictions");
    if (!node || node->is_null()) return claims;
    node->expect_sequence("predictions (a list of claims)");
    std::set<std::string> ids;
    for (const auto& item : node->items) claims.push_back(read_claim(model, item, ids));
    return claims;
}

std::vector<Expectation> read_expect(const StageModel& model, const TreeNode& expect, SweepAnalysis analysis) {
    return read_expectations(model, expect, analysis, std::nullopt);
}

}  // namespace triad
