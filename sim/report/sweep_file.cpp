// Sweep files: header, rows, reading back, and the boundary CSV (sweep_file.hpp).
#include "triad/report/sweep_file.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/strings.hpp"
#include "triad/core/version.hpp"
#include "triad/scenario/input_file.hpp"
#include "triad/scenario/tree.hpp"

#include <sstream>

namespace triad {

std::string header_key(const std::string& line) { return line.substr(0, line.find(':')); }

// Everything but the command line (and, for merging, the shard) must agree.
bool same_sweep(const SweepHeader& a, const SweepHeader& b, bool ignore_shard, std::string& difference) {
    auto kept = [&](const SweepHeader& h) {
        std::vector<std::string> out;
        for (const auto& l : h.lines) {
            const std::string key = header_key(l);
            if (key == "command" || (ignore_shard && key == "shard")) continue;
            out.push_back(l);
        }
        return out;
    };
    const auto x = kept(a), y = kept(b);
    for (std::size_t k = 0; k < std::max(x.size(), y.size()); ++k) {
        const std::string l = k < x.size() ? x[k] : "(missing)", r = k < y.size() ? y[k] : "(missing)";
        if (l != r) {
            difference = "'" + l + "' against '" + r + "'";
            return false;
        }
    }
    if (a.columns != b.columns) {
        difference = "columns '" + a.columns + "' against '" + b.columns + "'";
        return false;
    }
    return true;
}


SweepFile read_sweep_file(const std::string& path) { return read_sweep_text(read_input_file(path)); }

SweepFile read_sweep_text(const std::string& text) {
    SweepFile f;
    std::size_t pos = 0;
    bool columns_seen = false;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) break;  // a partial last line: not complete
        const std::string line = text.substr(pos, end - pos);
        if (line.rfind("# ", 0) == 0) {
            f.header.lines.push_back(line.substr(2));
        } else if (!columns_seen && line.rfind("{", 0) != 0) {
            f.header.columns = line;
            columns_seen = true;
        } else {
            if (line.rfind("{", 0) == 0) f.jsonl = true;
            f.rows.push_back(line);
        }
        pos = end + 1;
        f.complete_bytes = pos;
    }
    if (f.jsonl)
        for (const auto& l : f.header.lines)
            if (header_key(l) == "columns") f.header.columns = l;
    return f;
}

std::size_t row_index(const std::string& row, bool jsonl) {
    if (jsonl) {
        const auto p = row.find("\"index\":");
        return std::stoull(row.substr(p + 8));
    }
    return std::stoull(row.substr(0, row.find(',')));
}

std::string format_sweep_row(const SweepRow& row, const SweepSpec& spec, bool jsonl) {
    std::string out;
    if (jsonl) {
        std::ostringstream buffer;
        JsonWriter json(buffer, false);
        json.begin_object().field("index", row.index);
        for (std::size_t a = 0; a < row.point.size(); ++a) json.field(spec.design.axes[a].path, row.point[a]);
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto number = parse_number(row.cells[c]);
            if (number && !row.cells[c].empty()) json.field(spec.columns[c], *number);
            else json.field(spec.columns[c], row.cells[c]);
        }
        json.end_object();
        return buffer.str() + "\n";
    }
    out = std::to_string(row.index);
    for (double v : row.point) out += "," + format_number(v);
    for (const auto& c : row.cells) out += "," + csv_cell(c);
    return out + "\n";
}

SweepHeader make_sweep_header(const LoadedGame& loaded, const SweepSpec& spec, const std::string& shard,
                              const std::string& command, bool jsonl) {
    SweepHeader header;
    header.lines = {"triad sweep", "version: " + std::string(kVersion), "scenario: " + loaded.path,
                    "content_hash: " + loaded.content_hash};
    if (!loaded.overrides.empty()) header.lines.push_back("overrides: --set " + join(loaded.overrides, " --set "));
    header.lines.push_back("design: " + spec.design.describe());
    header.lines.push_back("seed: " + std::to_string(spec.design.seed));
    header.lines.push_back("analysis: " + std::string(to_string(spec.analysis)));
    if (!shard.empty()) header.lines.push_back(shard);
    std::vector<std::string> column_names = {"index"};
    for (const auto& a : spec.design.axes) column_names.push_back(a.path);
    for (const auto& c : spec.columns) column_names.push_back(c);
    if (jsonl) header.lines.push_back("columns: " + join(column_names, ","));
    header.columns = jsonl ? "columns: " + join(column_names, ",") : join(column_names, ",");
    header.lines.push_back("command: " + command);
    return header;
}

std::string header_text(const SweepHeader& header, bool jsonl) {
    std::string text;
    for (const auto& l : header.lines) text += "# " + l + "\n";
    if (!jsonl) text += header.columns + "\n";
    return text;
}

std::string render_boundaries_csv(const LoadedGame& loaded, const SweepSpec& spec, std::size_t along,
                                  const std::string& of_column, double tolerance, const std::string& command,
                                  const std::vector<Boundary>& boundaries) {
    const Design& design = spec.design;
    const Axis& axis = design.axes[along];
    std::ostringstream out;
    out << "# triad sweep --boundary\n# version: " << kVersion << "\n# scenario: " << loaded.path
        << "\n# content_hash: " << loaded.content_hash << "\n# design: " << design.describe() << "\n# boundary: "
        << axis.path << " of " << of_column << ", tolerance " << format_number(tolerance) << "\n# command: " << command << "\n";
    for (std::size_t a = 0; a < design.axes.size(); ++a)
        if (a != along) out << design.axes[a].path << ",";
    out << "from,to,lower,upper,boundary\n";
    for (const auto& b : boundaries) {
        for (double v : b.others) out << format_number(v) << ",";
        out << csv_cell(b.from) << "," << csv_cell(b.to) << "," << format_number(b.lower) << "," << format_number(b.upper) << ","
            << format_number(0.5 * (b.lower + b.upper)) << "\n";
    }
    return out.str();
}

}  // namespace triad
