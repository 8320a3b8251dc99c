#include "triad/scenario/schedule.hpp"

#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
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

// Sorts `points` by time. If two share a time, leaves `points` as they were and returns
// their original indices, the earlier-written first.
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

// ---------------------------------------------------------------------------------------------
// Reading CSV

struct CsvRow {
    int line = 0;  // where the row starts in the file
    std::vector<std::string> cells;
};

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// Splits CSV text into rows of cells (RFC 4180: commas, quoted cells with "" for a quote,
// quoted cells may span lines). Blank lines are skipped; spaces around unquoted cells are
// dropped. Malformed quoting is reported at `where` naming `file:line`.
std::vector<CsvRow> split_csv(std::string_view text, const std::string& file, const SourceLocation& where) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte-order mark
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string cell;
    bool quoted = false;     // the current cell began with a quote
    bool in_quotes = false;  // inside that quote now
    int line = 1;
    auto end_cell = [&] {
        row.cells.push_back(quoted ? cell : trim(cell));
        cell.clear();
        quoted = false;
    };
    auto end_row = [&] {
        end_cell();
        const bool blank = row.cells.size() == 1 && row.cells.front().empty();
        if (!blank) rows.push_back(std::move(row));
        row = CsvRow{line + 1, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == ',') {
            end_cell();
        } else if (c == '\n') {
            end_row();
            ++line;
        } else if (c == '\r') {
            // Part of a Windows line end; a lone CR is not a line break we support.
        } else if (c == '"' && !quoted && trim(cell).empty()) {
            cell.clear();
            quoted = in_quotes = true;
        } else if (quoted && c != ' ' && c != '\t') {
            throw InputError(where, file + ":" + std::to_string(line) +
                                        ": unexpected text after a closing quote");
        } else if (!quoted) {
            cell += c;
        }
    }
    if (in_quotes)
        throw InputError(where, file + ":" + std::to_string(row.line) + ": a quoted cell is never closed");
    if (!cell.empty() || quoted || !row.cells.empty()) end_row();
    return rows;
}

// The index of column `name` (the text of `node`), or an InputError at `node` suggesting the
// closest header.
std::size_t column_index(const std::vector<std::string>& header, const std::string& name,
                         const SourceLocation& where, const std::string& file, const std::string& role) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end())
        throw InputError(where, file + " has no column '" + name + "' (" + role + ")",
                         suggest(name, header));
    return static_cast<std::size_t>(it - header.begin());
}

std::string resolve_file(const std::string& base_folder, const std::string& file) {
    const std::filesystem::path written(file);
    if (written.is_absolute() || base_folder.empty()) return file;
    return (std::filesystem::path(base_folder) / written).string();
}

double csv_number(const CsvRow& row, std::size_t column, const std::string& column_name,
                  const std::string& file, const SourceLocation& where) {
    const std::string& text = row.cells[column];
    const auto number = parse_number(text);
    if (!number || !std::isfinite(*number))
        throw InputError(where, file + ":" + std::to_string(row.line) + ": the " + column_name +
                                    " cell '" + text + "' is not a finite number");
    return *number;
}

struct RowFilter {
    std::size_t column = 0;
    std::string text;
    SourceLocation where;
    std::string column_name;
};

CsvForm parse_csv_schedule(const TreeNode& node, const TreeNode& body, const std::string& path,
                           const std::string& base_folder) {
    const std::string what = "the csv schedule for " + path;
    CsvForm form;
    form.file = body.as_string("the file of " + what);
    const std::string resolved = resolve_file(base_folder, form.file);

    std::ifstream in(resolved, std::ios::binary);
    if (!in) throw InputError(body.where, "cannot read the CSV file '" + resolved + "' (does it exist?)");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::vector<CsvRow> rows = split_csv(bytes.str(), form.file, body.where);
    if (rows.empty())
        throw InputError(body.where, form.file + " is empty; it needs a header row naming its columns");
    const std::vector<std::string>& header = rows.front().cells;
    for (const auto& row : rows)
        if (row.cells.size() != header.size())
            throw InputError(body.where, form.file + ":" + std::to_string(row.line) + ": " +
                                             std::to_string(row.cells.size()) + " cells, but the header has " +
                                             std::to_string(header.size()));

    const TreeNode* time_node = node.find("time");
    const std::string time_name = time_node ? time_node->as_string("'time' of " + what) : "year";
    const std::size_t time_column = column_index(header, time_name, time_node ? time_node->where : node.where,
                                                 form.file, "the time column");

    const TreeNode* value_node = node.find("value");
    std::size_t value_column = 0;
    if (value_node) {
        value_column = column_index(header, value_node->as_string("'value' of " + what), value_node->where,
                                    form.file, "the value column");
    } else if (header.size() == 2) {
        value_column = 1 - time_column;
    } else {
        std::string columns;
        for (const auto& name : header) columns += (columns.empty() ? "" : ", ") + name;
        throw InputError(node.where, what + " needs 'value': " + form.file + " has " +
                                         std::to_string(header.size()) + " columns (" + columns + ")");
    }

    std::vector<RowFilter> filters;
    if (const TreeNode* where_node = node.find("where")) {
        where_node->expect_map("'where' of " + what);
        where_node->check_unique_keys("'where' of " + what);
        for (const auto& entry : where_node->entries) {
            const std::size_t column = column_index(header, entry.key, entry.key_where, form.file, "in 'where'");
            filters.push_back({column, entry.value.as_string("'" + entry.key + "' in 'where' of " + what),
                               entry.value.where, entry.key});
            form.filter += (form.filter.empty() ? "" : ", ") + filters.back().text;
        }
    }
    // A filter value that no row holds is most likely misspelt: suggest one that some row holds.
    for (const auto& filter : filters) {
        std::vector<std::string> present;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            const std::string& text = rows[r].cells[filter.column];
            if (std::find(present.begin(), present.end(), text) == present.end()) present.push_back(text);
        }
        if (std::find(present.begin(), present.end(), filter.text) == present.end())
            throw InputError(filter.where, "no row of " + form.file + " has " + filter.column_name +
                                               " '" + filter.text + "'",
                             suggest(filter.text, present));
    }

    double scale = 1.0;
    if (const TreeNode* scale_node = node.find("scale")) scale = scale_node->as_number("'scale' of " + what);
    if (const TreeNode* outside = node.find("outside")) {
        const std::string choice = outside->as_string("'outside' of " + what);
        static const std::vector<std::string> choices = {"error", "hold"};
        if (std::find(choices.begin(), choices.end(), choice) == choices.end())
            throw InputError(outside->where, "'outside' of " + what + " is 'error' or 'hold', not '" + choice + "'",
                             suggest(choice, choices));
        form.hold_outside = choice == "hold";
    }

    std::vector<int> lines;  // each point's CSV line, for the duplicate-time message
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        const bool kept = std::all_of(filters.begin(), filters.end(),
                                      [&](const RowFilter& f) { return row.cells[f.column] == f.text; });
        if (!kept) continue;
        const double time = csv_number(row, time_column, "'" + header[time_column] + "'", form.file, body.where);
        const double value =
            csv_number(row, value_column, "'" + header[value_column] + "'", form.file, body.where) * scale;
        if (!std::isfinite(value))
            throw InputError(body.where, form.file + ":" + std::to_string(row.line) +
                                             ": the value times the scale is not a finite number");
        form.points.push_back({time, value});
        lines.push_back(row.line);
    }
    if (form.points.empty())
        throw InputError(body.where, "no row of " + form.file + " matches every 'where' filter (" +
                                         form.filter + ")");
    if (const auto twice = sort_by_time(form.points))
        throw InputError(body.where, form.file + ":" + std::to_string(lines[twice->second]) + ": time " +
                                         format_number(form.points[twice->second].time) +
                                         " appears twice in the series (first at line " +
                                         std::to_string(lines[twice->first]) + ")");
    return form;
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
