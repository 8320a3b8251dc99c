// Schedules (schedule.hpp): evaluating and describing every form, and parse_schedule, which
// finds a schedule map's kind and hands it to that form's reader (the YAML-written forms are read
// in schedule_points.cpp, CSV series in schedule_csv.cpp, sequences here).
#include "triad/scenario/schedule.hpp"

#include "schedule_reading.hpp"

#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <optional>
#include <utility>

namespace triad {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// ---------------------------------------------------------------------------------------------
// Evaluation

// Linear interpolation inside [first.time, last.time]; `points` sorted, non-empty, and `time`
// already known to lie in range or to be clamped by the caller.
double interpolate(const std::vector<SchedulePoint>& points, double time) {
    if (time <= points.front().time) return points.front().value;
    if (time >= points.back().time) return points.back().value;
    // The first point after `time`; its predecessor is at or before it. Taking the segment
    // that starts at `time` makes the value at a point exactly that point's value.
    const auto after = std::upper_bound(points.begin(), points.end(), time,
                                        [](double t, const SchedulePoint& p) { return t < p.time; });
    const SchedulePoint& a = *(after - 1);
    const SchedulePoint& b = *after;
    return a.value + (b.value - a.value) * (time - a.time) / (b.time - a.time);
}

double step_value(const StepsForm& form, double time) {
    const auto after =
        std::upper_bound(form.steps.begin(), form.steps.end(), time,
                         [](double t, const SchedulePoint& p) { return t < p.time; });
    return after == form.steps.begin() ? form.before : (after - 1)->value;
}

std::string csv_label(const CsvForm& form) {
    return "csv " + form.file + (form.filter.empty() ? "" : " (" + form.filter + ")");
}

std::string csv_range(const CsvForm& form) {
    return format_number(form.points.front().time) + "-" + format_number(form.points.back().time);
}

// ---------------------------------------------------------------------------------------------
// Reading YAML

// Keys a schedule map may have besides its kind, per kind.
const std::vector<std::string>& options_of(const std::string& kind) {
    static const std::vector<std::string> none;
    static const std::vector<std::string> steps = {"before"};
    static const std::vector<std::string> csv = {"time", "value", "where", "scale", "outside"};
    if (kind == "steps") return steps;
    if (kind == "csv") return csv;
    return none;
}

// ".inf", "-Infinity", ".NaN": numbers, but not finite ones, which as_number reports as such.
bool names_infinity_or_nan(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text.find("inf") != std::string::npos || text.find("nan") != std::string::npos;
}

bool is_option(const std::string& key) {
    if (key == "until") return true;  // a sequence piece's end
    for (const auto& kind : schedule_kinds()) {
        const auto& options = options_of(kind);
        if (std::find(options.begin(), options.end(), key) != options.end()) return true;
    }
    return false;
}

std::string kinds_list() {
    std::string out;
    for (const auto& kind : schedule_kinds()) out += (out.empty() ? "" : ", ") + kind;
    return out;
}

// The kind key of a schedule map: exactly one of schedule_kinds().
const TreeEntry& kind_entry(const TreeNode& node, const std::string& path) {
    const TreeEntry* found = nullptr;
    for (const auto& entry : node.entries) {
        const auto& kinds = schedule_kinds();
        if (std::find(kinds.begin(), kinds.end(), entry.key) == kinds.end()) continue;
        if (found)
            throw InputError(entry.key_where, "the schedule for " + path + " has two kinds, '" +
                                                  found->key + "' and '" + entry.key +
                                                  "'; give exactly one");
        found = &entry;
    }
    if (found) return *found;
    if (node.entries.empty())
        throw InputError(node.where, "the schedule for " + path + " is an empty map",
                         "expected one of: " + kinds_list());
    // Name the first key that is no kind's option: most likely a misspelt kind.
    for (const auto& entry : node.entries)
        if (!is_option(entry.key))
            throw InputError(entry.key_where, "unknown schedule kind '" + entry.key + "' for " + path,
                             suggest(entry.key, schedule_kinds()));
    throw InputError(node.where, "the schedule for " + path + " names no kind",
                     "expected one of: " + kinds_list());
}

}  // namespace

// ---------------------------------------------------------------------------------------------

Schedule::Schedule(std::string path, SourceLocation where, ScheduleForm form)
    : path_(std::move(path)), where_(std::move(where)), form_(std::move(form)) {}

double Schedule::value_at(double time) const {
    if (!std::isfinite(time))
        throw InputError(where_, "the schedule for " + path_ + " was asked for a non-finite time");
    return std::visit(
        Overloaded{
            [](const ConstantForm& f) { return f.value; },
            [&](const LinearForm& f) { return interpolate(f.points, time); },
            [&](const ExponentialForm& f) {
                const double value = f.value * std::exp(f.rate * (time - f.start));
                if (!std::isfinite(value))
                    throw InputError(where_, "the exponential schedule for " + path_ +
                                                 " overflows at time " + format_number(time));
                return value;
            },
            [&](const StepsForm& f) { return step_value(f, time); },
            [&](const CsvForm& f) {
                if (!f.hold_outside && (time < f.points.front().time || time > f.points.back().time))
                    throw InputError(where_, "time " + format_number(time) + " is outside the " +
                                                 csv_label(f) + " series for " + path_ + ", which covers " +
                                                 csv_range(f));
                return interpolate(f.points, time);
            },
            [&](const SequenceForm& f) {
                const auto piece = std::upper_bound(f.until.begin(), f.until.end(), time) - f.until.begin();
                return f.pieces[static_cast<std::size_t>(piece)]->value_at(time);
            },
        },
        form_);
}

std::string Schedule::describe() const {
    return std::visit(
        Overloaded{
            [](const ConstantForm& f) { return "constant " + format_number(f.value); },
            [](const LinearForm& f) {
                return "linear through " + std::to_string(f.points.size()) +
                       (f.points.size() == 1 ? " point" : " points");
            },
            [](const ExponentialForm& f) {
                return "exponential from " + format_number(f.value) + " at " + format_number(f.start) +
                       ", rate " + format_number(f.rate);
            },
            [](const StepsForm& f) {
                return "steps at " + std::to_string(f.steps.size()) + (f.steps.size() == 1 ? " date" : " dates");
            },
            [](const CsvForm& f) {
                return csv_label(f) + ", " + csv_range(f) + (f.hold_outside ? ", held outside" : "");
            },
            [](const SequenceForm& f) {
                std::string out = "sequence: ";
                for (std::size_t k = 0; k < f.pieces.size(); ++k) {
                    out += f.pieces[k]->describe();
                    out += k < f.until.size() ? " until " + format_number(f.until[k]) + "; " : std::string();
                }
                return out;
            },
        },
        form_);
}

const std::vector<std::string>& schedule_kinds() {
    static const std::vector<std::string> kinds = {"constant", "linear", "exponential", "steps", "csv", "sequence"};
    return kinds;
}

namespace {

using schedule_detail::parse_csv_schedule;
using schedule_detail::parse_exponential;
using schedule_detail::parse_linear;
using schedule_detail::parse_steps;

Schedule parse_any(const std::string& path, const TreeNode& node, const std::string& base_folder,
                   const std::map<std::string, double>& event_dates, bool piece);

SequenceForm parse_sequence(const TreeNode& body, const std::string& path, const std::string& base_folder,
                            const std::map<std::string, double>& event_dates) {
    const std::string what = "the sequence schedule for " + path;
    body.expect_sequence(what + " (a list of schedules, each but the last with 'until: DATE')");
    if (body.items.size() < 2)
        throw InputError(body.where, what + " needs at least two pieces", "a single schedule needs no sequence");
    SequenceForm form;
    for (std::size_t k = 0; k < body.items.size(); ++k) {
        const TreeNode& item = body.items[k];
        if (!item.is_map())
            throw InputError(item.where, "piece " + std::to_string(k + 1) + " of " + what + " must be a schedule map",
                             "write a constant as {constant: VALUE}");
        const TreeNode* until = item.find("until");
        const bool last = k + 1 == body.items.size();
        if (!last && !until)
            throw InputError(item.where, "piece " + std::to_string(k + 1) + " of " + what + " needs 'until: DATE'",
                             "every piece but the last says when it ends");
        if (last && until)
            throw InputError(until->where, "the last piece of " + what + " runs on and takes no 'until'");
        if (until) {
            const double date = until->as_number("'until' of " + what);
            if (!form.until.empty() && date <= form.until.back())
                throw InputError(until->where, "the 'until' dates of " + what + " must increase (" + format_number(date) +
                                                   " follows " + format_number(form.until.back()) + ")");
            form.until.push_back(date);
        }
        form.pieces.push_back(std::make_shared<const Schedule>(parse_any(path, item, base_folder, event_dates, true)));
    }
    return form;
}

Schedule parse_any(const std::string& path, const TreeNode& node, const std::string& base_folder,
                   const std::map<std::string, double>& event_dates, bool piece) {
    if (node.is_scalar() && !piece) {
        if (!parse_number(node.scalar) && !names_infinity_or_nan(node.scalar))
            throw InputError(node.where, "expected a number or a schedule map for " + path + ", found " +
                                             node.describe(),
                             "a schedule is a number or one of: " + kinds_list());
        return {path, node.where, ConstantForm{node.as_number("the value of " + path)}};
    }
    if (!node.is_map())
        throw InputError(node.where, "expected a number or a schedule map for " + path + ", found " +
                                         node.describe(),
                         "a schedule is a number or one of: " + kinds_list());

    const TreeEntry& kind = kind_entry(node, path);
    if (piece && kind.key == "sequence")
        throw InputError(kind.key_where, "a sequence's piece cannot itself be a sequence", "list its pieces in one sequence");
    std::vector<std::string> allowed = {kind.key};
    for (const auto& option : options_of(kind.key)) allowed.push_back(option);
    if (piece) allowed.push_back("until");
    node.check_keys(allowed, "the " + (kind.key == "steps" ? std::string("step") : kind.key) +
                                 " schedule for " + path);

    const TreeNode& body = kind.value;
    ScheduleForm form;
    if (kind.key == "constant") form = ConstantForm{body.as_number("the constant value of " + path)};
    else if (kind.key == "linear") form = parse_linear(body, path);
    else if (kind.key == "exponential") form = parse_exponential(body, path);
    else if (kind.key == "steps") form = parse_steps(node, body, path, event_dates);
    else if (kind.key == "sequence") form = parse_sequence(body, path, base_folder, event_dates);
    else form = parse_csv_schedule(node, body, path, base_folder);
    return {path, node.where, std::move(form)};
}

}  // namespace

Schedule parse_schedule(const std::string& path, const TreeNode& node, const std::string& base_folder,
                        const std::map<std::string, double>& event_dates) {
    return parse_any(path, node, base_folder, event_dates, false);
}

}  // namespace triad
