// triad merge: join the files of a sweep computed in shards.
#include "cli.hpp"
#include "triad/report/sweep_file.hpp"
#include "triad/report/sweep_merge.hpp"

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
    ShardMerge merge;  // checks each shard as it is read: the first problem is the one reported
    for (const auto& path : files) merge.add(path, read_sweep_file(path));
    emit(merge.merged_text("triad merge " + join_words(files)), output);
    return 0;
}

}  // namespace triad::cli
