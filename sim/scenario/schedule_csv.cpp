// The CSV series schedule form: reading a `csv:` schedule's file, its time and value columns,
// `where` filters, `scale` and `outside` choice into the series' points.
#include "schedule_reading.hpp"

#include "triad/core/parameters.hpp"
#include "triad/scenario/input_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>
#include <string_view>
#include <utility>

namespace triad::schedule_detail {

// ---------------------------------------------------------------------------------------------
// Reading CSV

namespace {

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

// The column of the values: named by 'value', or the other of two columns.
std::size_t value_column_of(const TreeNode& node, const std::vector<std::string>& header, std::size_t time_column,
                            const std::string& file, const std::string& what) {
    if (const TreeNode* value_node = node.find("value"))
        return column_index(header, value_node->as_string("'value' of " + what), value_node->where, file, "the value column");
    if (header.size() == 2) return 1 - time_column;
    std::string columns;
    for (const auto& name : header) columns += (columns.empty() ? "" : ", ") + name;
    throw InputError(node.where, what + " needs 'value': " + file + " has " + std::to_string(header.size()) + " columns (" +
                                     columns + ")");
}

// The 'where' filters, each checked against the rows: a filter value that no row holds is most
// likely misspelt, so one that some row holds is suggested. Adds their texts to form.filter.
std::vector<RowFilter> read_filters(const TreeNode& node, const std::vector<CsvRow>& rows, CsvForm& form,
                                    const std::string& what) {
    const std::vector<std::string>& header = rows.front().cells;
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
    for (const auto& filter : filters) {
        const bool held = std::any_of(rows.begin() + 1, rows.end(),
                                      [&](const CsvRow& row) { return row.cells[filter.column] == filter.text; });
        if (held) continue;
        std::set<std::string> distinct;  // a set: a series may have many rows
        for (std::size_t r = 1; r < rows.size(); ++r) distinct.insert(rows[r].cells[filter.column]);
        const std::vector<std::string> present(distinct.begin(), distinct.end());
        throw InputError(filter.where, "no row of " + form.file + " has " + filter.column_name + " '" + filter.text + "'",
                         suggest(filter.text, present));
    }

    return filters;
}

}  // namespace

CsvForm parse_csv_schedule(const TreeNode& node, const TreeNode& body, const std::string& path,
                           const std::string& base_folder) {
    const std::string what = "the csv schedule for " + path;
    CsvForm form;
    form.file = body.as_string("the file of " + what);
    const std::string resolved = resolve_file(base_folder, form.file);
    check_readable_place(resolved, body.where, "the csv schedule");
    const std::vector<CsvRow> rows = split_csv(read_input_file(resolved, body.where), form.file, body.where);
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

    const std::size_t value_column = value_column_of(node, header, time_column, form.file, what);

    const std::vector<RowFilter> filters = read_filters(node, rows, form, what);

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

}  // namespace triad::schedule_detail
