// The files `triad sweep` writes: a '#' header (version, scenario and its content hash,
// design, seed, analysis, shard, command), then one row per point in CSV or JSON Lines; and
// the same files read back, for --resume and for `triad merge`. Also the CSV of boundaries
// that `triad sweep --boundary` writes.
#pragma once

#include "triad/scenario/loaded_game.hpp"
#include "triad/studies/sweep.hpp"

#include <string>
#include <vector>

namespace triad {

struct SweepHeader {
    std::vector<std::string> lines;  // without the leading "# "
    std::string columns;             // the CSV header row (or the JSONL field list)
};

// The key of a header line: "design" for "design: grid ...".
[[nodiscard]] std::string header_key(const std::string& line);

// Two headers describe the same sweep when all lines but the command line (and, for merging,
// the shard) agree, and so do the columns; otherwise `difference` says what differs.
[[nodiscard]] bool same_sweep(const SweepHeader& a, const SweepHeader& b, bool ignore_shard, std::string& difference);

struct SweepFile {
    SweepHeader header;
    std::vector<std::string> rows;   // complete data lines
    std::size_t complete_bytes = 0;  // bytes up to the end of the last complete line
    bool jsonl = false;
};

// Reads a sweep file, leaving out a partial last line (an interrupted write).
[[nodiscard]] SweepFile read_sweep_file(const std::string& path);
// The same from the file's text.
[[nodiscard]] SweepFile read_sweep_text(const std::string& text);

// The point index a data row starts with.
[[nodiscard]] std::size_t row_index(const std::string& row, bool jsonl);

// The header of a sweep of `loaded` by `spec`: `shard` is the "shard: K/N (...)" line or empty,
// `command` the command line as typed.
[[nodiscard]] SweepHeader make_sweep_header(const LoadedGame& loaded, const SweepSpec& spec, const std::string& shard,
                                            const std::string& command, bool jsonl);

// The header as the file starts: its lines with "# ", then the CSV column row (none in JSONL).
[[nodiscard]] std::string header_text(const SweepHeader& header, bool jsonl);

// One data row: "index,axis values...,cells..." (CSV, cells quoted as needed) or a JSON object
// whose numeric cells are numbers, with a newline.
[[nodiscard]] std::string format_sweep_row(const SweepRow& row, const SweepSpec& spec, bool jsonl);

// What `triad sweep --boundary` writes: its own '#' header, then one row per boundary found
// along axis `along`: the other axes' values, the labels either side, the bracket and its middle.
[[nodiscard]] std::string render_boundaries_csv(const LoadedGame& loaded, const SweepSpec& spec, std::size_t along,
                                                const std::string& of_column, double tolerance, const std::string& command,
                                                const std::vector<Boundary>& boundaries);

}  // namespace triad
