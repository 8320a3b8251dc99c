// Merging the files of a sweep computed in shards (`triad sweep --shard K/N`) into the file the
// whole sweep would have written: the shard line of a sweep file's header, written by the sweep
// and read back here, and the checks that the shards form that one sweep (every file from the
// same sweep, every shard 1..N there once, each complete).
#pragma once

#include "triad/report/sweep_file.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triad {

// The slice of its sweep a shard holds: the K-th of N (K from 1), the points [first, last).
struct ShardSlice {
    int k = 0, n = 0;
    std::size_t first = 0, last = 0;
};

// The header line "shard: K/N (points FIRST to LAST of SIZE)" (without the leading "# ") of a
// sweep of `size` points.
[[nodiscard]] std::string shard_header_line(const ShardSlice& slice, std::size_t size);

// The slice a header's shard line names (its last shard line, if several); none when it has
// no shard line that reads as one.
[[nodiscard]] std::optional<ShardSlice> read_shard_slice(const SweepHeader& header);

// The shards of one sweep, added in any order and checked as each comes, then joined.
class ShardMerge {
public:
    // Adds the shard read from `path` (the name its errors give). Throws InputError when the
    // file has no shard line, comes from a different sweep than the first shard added (any
    // header line but the shard and command lines, or the columns, differs), is a shard of
    // another N, or holds fewer or more rows than its slice.
    void add(const std::string& path, SweepFile file);

    // The text the whole sweep would have written: the header of shard 1 without its shard
    // line and with `command` as its command line, the column row (CSV), then every shard's
    // rows in shard order. Throws InputError when some shard of 1..N is missing or given twice,
    // or when no shard was added.
    [[nodiscard]] std::string merged_text(const std::string& command) const;

private:
    struct Part {
        std::string path;
        SweepFile file;
        ShardSlice slice;
    };
    std::vector<Part> parts_;  // in the order added
};

}  // namespace triad
