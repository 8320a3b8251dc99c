// Merging a sweep's shards (sweep_merge.hpp).
#include "triad/report/sweep_merge.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <cstdio>

namespace triad {

std::string shard_header_line(const ShardSlice& slice, std::size_t size) {
    return "shard: " + std::to_string(slice.k) + "/" + std::to_string(slice.n) + " (points " + std::to_string(slice.first) + " to " +
           std::to_string(slice.last) + " of " + std::to_string(size) + ")";
}

std::optional<ShardSlice> read_shard_slice(const SweepHeader& header) {
    std::optional<ShardSlice> found;
    for (const auto& line : header.lines) {
        if (header_key(line) != "shard") continue;
        ShardSlice slice;
        const bool read = std::sscanf(line.c_str(), "shard: %d/%d (points %zu to %zu", &slice.k, &slice.n, &slice.first, &slice.last) == 4;
        found = read ? std::optional<ShardSlice>(slice) : std::nullopt;
    }
    return found;
}

void ShardMerge::add(const std::string& path, SweepFile file) {
    const auto slice = read_shard_slice(file.header);
    if (!slice) throw InputError({path, 0, 0}, "this file has no '# shard:' line: it is not a shard of a sweep");
    if (!parts_.empty()) {
        const Part& front = parts_.front();
        std::string difference;
        if (!same_sweep(front.file.header, file.header, true, difference))
            throw InputError({path, 0, 0}, "this shard comes from a different sweep than " + front.path + " (" + difference + ")");
        if (slice->n != front.slice.n)
            throw InputError({path, 0, 0}, "shard of " + std::to_string(slice->n) + ", but " + front.path + " is a shard of " +
                                               std::to_string(front.slice.n));
    }
    if (file.rows.size() != slice->last - slice->first)
        throw InputError({path, 0, 0}, "shard " + std::to_string(slice->k) + " is incomplete: " + std::to_string(file.rows.size()) +
                                           " of " + std::to_string(slice->last - slice->first) + " rows",
                         "finish it with the same command and --resume");
    parts_.push_back({path, std::move(file), *slice});
}

std::string ShardMerge::merged_text(const std::string& command) const {
    if (parts_.empty()) throw InputError({}, "no shard to merge");
    std::vector<const Part*> ordered;
    for (const Part& p : parts_) ordered.push_back(&p);
    std::sort(ordered.begin(), ordered.end(), [](const Part* a, const Part* b) { return a->slice.k < b->slice.k; });
    const int n = ordered.front()->slice.n;
    for (int k = 1; k <= n; ++k) {
        const auto count = std::count_if(ordered.begin(), ordered.end(), [&](const Part* p) { return p->slice.k == k; });
        if (count != 1) throw InputError({}, "shard " + std::to_string(k) + "/" + std::to_string(n) + (count ? " is given twice" : " is missing"));
    }
    const SweepFile& first = ordered.front()->file;
    std::string text;
    for (const auto& line : first.header.lines) {
        const std::string key = header_key(line);
        if (key == "shard") continue;
        text += key == "command" ? "# command: " + command + "\n" : "# " + line + "\n";
    }
    if (!first.jsonl) text += first.header.columns + "\n";
    for (const Part* p : ordered)
        for (const auto& row : p->file.rows) text += row + "\n";
    return text;
}

}  // namespace triad
