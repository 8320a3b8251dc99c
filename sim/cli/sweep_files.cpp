#include "sweep_files.hpp"

#include "cli.hpp"

namespace triad::cli {

std::string header_key(const std::string& line) { return line.substr(0, line.find(':')); }

// Everything but the command line (and, for merging, the shard) must agree.
bool same_sweep(const Header& a, const Header& b, bool ignore_shard, std::string& difference) {
    auto kept = [&](const Header& h) {
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


SweepFile read_sweep_file(const std::string& path) {
    const std::string text = read_text_file(path);
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

}  // namespace triad::cli
