// The schedule forms written out in YAML: linear and step schedules (a map from time, or for
// steps an event name, to value) and exponential growth; and the sorting of points by time.
#include "schedule_reading.hpp"

#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <utility>

namespace triad::schedule_detail {

std::optional<std::pair<std::size_t, std::size_t>> sort_by_time(std::vector<SchedulePoint>& points) {
    std::vector<std::size_t> order(points.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return points[a].time < points[b].time; });
    for (std::size_t k = 1; k < order.size(); ++k)
        if (points[order[k - 1]].time == points[order[k]].time)
            return std::pair{std::min(order[k - 1], order[k]), std::max(order[k - 1], order[k])};
    std::vector<SchedulePoint> sorted;
    sorted.reserve(points.size());
    for (std::size_t i : order) sorted.push_back(points[i]);
    points = std::move(sorted);
    return std::nullopt;
}

namespace {

// A time written as a map key.
double key_time(const TreeEntry& entry, const std::string& what) {
    const auto time = parse_number(entry.key);
    if (!time)
        throw InputError(entry.key_where, "expected a time (a number) as a key of " + what +
                                              ", found '" + entry.key + "'");
    if (!std::isfinite(*time))
        throw InputError(entry.key_where, "a time in " + what + " must be finite, not '" + entry.key + "'");
    return *time;
}

// Sorts points written as YAML keys at `wheres`, rejecting two at the same time.
void sort_written_points(std::vector<SchedulePoint>& points, const std::vector<SourceLocation>& wheres,
                         const std::string& what) {
    if (const auto twice = sort_by_time(points))
        throw InputError(wheres[twice->second], what + " has two points at time " +
                                                    format_number(points[twice->second].time) +
                                                    " (the other at line " +
                                                    std::to_string(wheres[twice->first].line) + ")");
}

// The points of a linear or step schedule: a map from a time (read by `key_time_of`) to a
// value, at least one, sorted, no time twice.
std::vector<SchedulePoint> read_points(const TreeNode& body, const std::string& what, const std::string& needs,
                                       const std::function<double(const TreeEntry&)>& key_time_of) {
    body.expect_map(what);
    body.check_unique_keys(what);
    if (body.entries.empty()) throw InputError(body.where, what + " needs at least one " + needs);
    std::vector<SchedulePoint> points;
    std::vector<SourceLocation> wheres;
    for (const auto& entry : body.entries) {
        points.push_back({key_time_of(entry), entry.value.as_number("the value at " + entry.key + " in " + what)});
        wheres.push_back(entry.key_where);
    }
    sort_written_points(points, wheres, what);
    return points;
}

// An event name as a step key: its date.
double event_date(const TreeEntry& entry, const std::map<std::string, double>& event_dates,
                  const std::string& what) {
    const auto it = event_dates.find(entry.key);
    if (it == event_dates.end()) {
        std::vector<std::string> names;
        for (const auto& [name, date] : event_dates) names.push_back(name);
        throw InputError(entry.key_where,
                         "'" + entry.key + "' in " + what + " is neither a date nor an event",
                         names.empty() ? "the scenario defines no events; key steps by date"
                                       : suggest(entry.key, names));
    }
    if (!std::isfinite(it->second))
        throw InputError(entry.key_where, "the date of event '" + entry.key + "' is not finite");
    return it->second;
}

}  // namespace

LinearForm parse_linear(const TreeNode& body, const std::string& path) {
    const std::string what = "the linear schedule for " + path;
    return {read_points(body, what, "point (time: value)", [&](const TreeEntry& entry) { return key_time(entry, what); })};
}

ExponentialForm parse_exponential(const TreeNode& body, const std::string& path) {
    const std::string what = "the exponential schedule for " + path;
    body.expect_map(what);
    static const std::vector<std::string> keys = {"start", "value", "rate"};
    body.check_keys(keys, what);
    auto required = [&](const std::string& key) {
        const TreeNode* node = body.find(key);
        if (!node)
            throw InputError(body.where, what + " needs '" + key + "'",
                             "write {start: YEAR, value: VALUE_AT_START, rate: GROWTH_PER_YEAR}");
        return node->as_number("'" + key + "' of " + what);
    };
    ExponentialForm form;
    form.start = required("start");
    form.value = required("value");
    form.rate = required("rate");
    return form;
}

StepsForm parse_steps(const TreeNode& node, const TreeNode& body, const std::string& path,
                      const std::map<std::string, double>& event_dates) {
    const std::string what = "the step schedule for " + path;
    StepsForm form;
    form.steps = read_points(body, what, "step (date or event: value)", [&](const TreeEntry& entry) {
        return parse_number(entry.key) ? key_time(entry, what) : event_date(entry, event_dates, what);
    });
    const TreeNode* before = node.find("before");
    form.before = before ? before->as_number("'before' of " + what) : form.steps.front().value;
    return form;
}

}  // namespace triad::schedule_detail
