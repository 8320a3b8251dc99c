// triad merge: join the files of a sweep computed in shards.
#include "cli.hpp"
#include "triad/report/sweep_file.hpp"

#include <algorithm>
#include <cstdio>

namespace triad::cli {

namespace {

std::string join_words(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : " ") + i;
    return out;
}

}  // namespace

int run_merge(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> files;
    std::string output;
    options.add_options()
        ("files", po::value(&files)->value_name("SHARD.csv")->multitoken()->required(), "the shards' output files, in any order")
        ("output,o", po::value(&output), "the merged file (written atomically); default standard output");
    po::positional_options_description positional;
    positional.add("files", -1);
    const auto vm = parse_command(
        args, "merge", "triad merge SHARD.csv... -o OUT.csv",
        "Joins the files of a sweep computed in shards (triad sweep --shard K/N) into the file\n"
        "the whole sweep would have written. It checks that every file comes from the same\n"
        "sweep (version, scenario hash, design, seed, analysis, columns), that every shard 1..N\n"
        "is there once, and that each is complete; otherwise it names the problem and writes\n"
        "nothing.\n\nExample:\n  triad merge part-*.csv -o all.csv\n",
        options, positional);
    if (!vm) return 0;
    struct Part {
        std::string path;
        SweepFile file;
        int k = 0, n = 0;
        std::size_t first = 0, last = 0;
    };
    std::vector<Part> parts;
    for (const auto& path : files) {
        Part p{path, read_sweep_file(path)};
        bool found = false;
        for (const auto& l : p.file.header.lines)
            if (header_key(l) == "shard") {
                found = std::sscanf(l.c_str(), "shard: %d/%d (points %zu to %zu", &p.k, &p.n, &p.first, &p.last) == 4;
            }
        if (!found) throw InputError({path, 0, 0}, "this file has no '# shard:' line: it is not a shard of a sweep");
        if (!parts.empty()) {
            std::string difference;
            if (!same_sweep(parts.front().file.header, p.file.header, true, difference))
                throw InputError({path, 0, 0}, "this shard comes from a different sweep than " + parts.front().path + " (" + difference + ")");
            if (p.n != parts.front().n)
                throw InputError({path, 0, 0}, "shard of " + std::to_string(p.n) + ", but " + parts.front().path + " is a shard of " +
                                                   std::to_string(parts.front().n));
        }
        if (p.file.rows.size() != p.last - p.first)
            throw InputError({path, 0, 0}, "shard " + std::to_string(p.k) + " is incomplete: " + std::to_string(p.file.rows.size()) +
                                               " of " + std::to_string(p.last - p.first) + " rows",
                             "finish it with the same command and --resume");
        parts.push_back(std::move(p));
    }
    std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.k < b.k; });
    for (int k = 1; k <= parts.front().n; ++k) {
        const auto count = std::count_if(parts.begin(), parts.end(), [&](const Part& p) { return p.k == k; });
        if (count != 1)
            throw InputError({}, "shard " + std::to_string(k) + "/" + std::to_string(parts.front().n) + (count ? " is given twice" : " is missing"));
    }
    std::string text;
    for (const auto& l : parts.front().file.header.lines) {
        const std::string key = header_key(l);
        if (key == "shard") continue;
        if (key == "command") {
            text += "# command: triad merge " + join_words(files) + "\n";
            continue;
        }
        text += "# " + l + "\n";
    }
    if (!parts.front().file.jsonl) text += parts.front().file.header.columns + "\n";
    for (const auto& p : parts)
        for (const auto& row : p.file.rows) text += row + "\n";
    emit(text, output);
    return 0;
}

}  // namespace triad::cli
