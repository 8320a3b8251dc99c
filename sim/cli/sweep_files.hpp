// The files `triad sweep` writes: their '#' header and rows, read back for --resume and for
// `triad merge`. Private to the command-line program.
#pragma once

#include <string>
#include <vector>

namespace triad::cli {

struct Header {
    std::vector<std::string> lines;  // without the leading "# "
    std::string columns;             // the CSV header row (or the JSONL field list)
};

// The key of a header line: "design" for "design: grid ...".
[[nodiscard]] std::string header_key(const std::string& line);

// Two headers describe the same sweep when all lines but the command line (and, for merging,
// the shard) agree, and so do the columns; otherwise `difference` says what differs.
[[nodiscard]] bool same_sweep(const Header& a, const Header& b, bool ignore_shard, std::string& difference);

struct SweepFile {
    Header header;
    std::vector<std::string> rows;   // complete data lines
    std::size_t complete_bytes = 0;  // bytes up to the end of the last complete line
    bool jsonl = false;
};

// Reads a sweep file, leaving out a partial last line (an interrupted write).
[[nodiscard]] SweepFile read_sweep_file(const std::string& path);

// The point index a data row starts with.
[[nodiscard]] std::size_t row_index(const std::string& row, bool jsonl);

}  // namespace triad::cli
