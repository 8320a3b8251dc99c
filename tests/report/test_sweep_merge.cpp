// Merging a sweep's shards (include/triad/report/sweep_merge.hpp), on small hand-written shard
// files: the merged text, and every refusal (no shard line, another sweep, another N, an
// incomplete shard, a missing shard, a shard given twice).
#include "triad/report/sweep_merge.hpp"

#include "triad/core/error.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace triad;

namespace {

// A grid of 4 points over `a` in 2 shards of 2 points; `seed` and `shard` vary per case.
std::string shard_file(const std::string& shard, const std::string& rows, const std::string& seed = "1") {
    return "# triad sweep\n"
           "# version: 9.9.9\n"
           "# scenario: s.yaml\n"
           "# content_hash: 0123abcd\n"
           "# design: grid a=0:3:4\n"
           "# seed: " + seed + "\n"
           "# analysis: stage\n"
           "# " + shard + "\n"
           "# command: triad sweep s.yaml --param a=0:3:4 --shard " + shard.substr(7, 3) + "\n"
           "index,a,configuration\n" + rows;
}

const std::string kFirstHalf = "shard: 1/2 (points 0 to 2 of 4)";
const std::string kSecondHalf = "shard: 2/2 (points 2 to 4 of 4)";
const std::string kFirstRows = "0,0,unit_veto\n1,1,unit_veto\n";
const std::string kSecondRows = "2,2,romantic\n3,3,romantic\n";

// The message of the InputError `add` or `merged_text` throws, or "" when none is thrown.
template <class Call>
std::string refusal(Call&& call) {
    try {
        call();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the shard line is written and read back", "[report][merge]") {
    CHECK(shard_header_line({2, 8, 25, 38}, 100) == "shard: 2/8 (points 25 to 38 of 100)");
    SweepHeader header;
    header.lines = {"triad sweep", "seed: 1", "shard: 2/8 (points 25 to 38 of 100)", "command: triad sweep"};
    const auto slice = read_shard_slice(header);
    REQUIRE(slice);
    CHECK(slice->k == 2);
    CHECK(slice->n == 8);
    CHECK(slice->first == 25);
    CHECK(slice->last == 38);
    header.lines = {"triad sweep", "seed: 1", "command: triad sweep"};
    CHECK_FALSE(read_shard_slice(header));
    header.lines = {"shard: two of eight"};
    CHECK_FALSE(read_shard_slice(header));
}

TEST_CASE("merging shards given in any order writes the whole sweep's file", "[report][merge]") {
    ShardMerge merge;
    merge.add("b.csv", read_sweep_text(shard_file(kSecondHalf, kSecondRows)));
    merge.add("a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows)));
    // Shard 1's header without its shard line, the merge's own command line, the column row,
    // then the rows in point order.
    CHECK(merge.merged_text("triad merge b.csv a.csv") ==
          "# triad sweep\n"
          "# version: 9.9.9\n"
          "# scenario: s.yaml\n"
          "# content_hash: 0123abcd\n"
          "# design: grid a=0:3:4\n"
          "# seed: 1\n"
          "# analysis: stage\n"
          "# command: triad merge b.csv a.csv\n"
          "index,a,configuration\n"
          "0,0,unit_veto\n"
          "1,1,unit_veto\n"
          "2,2,romantic\n"
          "3,3,romantic\n");
}

TEST_CASE("merging JSON Lines shards writes no column row", "[report][merge]") {
    const auto jsonl = [](const std::string& shard, const std::string& rows) {
        return "# triad sweep\n# seed: 1\n# " + shard + "\n# columns: index,a,configuration\n# command: triad sweep\n" + rows;
    };
    ShardMerge merge;
    merge.add("a.jsonl", read_sweep_text(jsonl("shard: 1/2 (points 0 to 1 of 2)", "{\"index\":0,\"a\":0,\"configuration\":\"x\"}\n")));
    merge.add("b.jsonl", read_sweep_text(jsonl("shard: 2/2 (points 1 to 2 of 2)", "{\"index\":1,\"a\":1,\"configuration\":\"y\"}\n")));
    CHECK(merge.merged_text("triad merge a.jsonl b.jsonl") ==
          "# triad sweep\n# seed: 1\n# columns: index,a,configuration\n# command: triad merge a.jsonl b.jsonl\n"
          "{\"index\":0,\"a\":0,\"configuration\":\"x\"}\n"
          "{\"index\":1,\"a\":1,\"configuration\":\"y\"}\n");
}

TEST_CASE("a missing shard is refused", "[report][merge]") {
    ShardMerge merge;
    merge.add("b.csv", read_sweep_text(shard_file(kSecondHalf, kSecondRows)));
    CHECK(refusal([&] { (void)merge.merged_text("triad merge b.csv"); }) == "shard 1/2 is missing");
}

TEST_CASE("a shard given twice is refused", "[report][merge]") {
    ShardMerge merge;
    merge.add("a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows)));
    merge.add("copy-of-a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows)));
    merge.add("b.csv", read_sweep_text(shard_file(kSecondHalf, kSecondRows)));
    CHECK(refusal([&] { (void)merge.merged_text("triad merge a.csv copy-of-a.csv b.csv"); }) == "shard 1/2 is given twice");
}

TEST_CASE("an incomplete shard is refused as it is added", "[report][merge]") {
    ShardMerge merge;
    // One row of two, and a partial last line (an interrupted write) that is not a row.
    const SweepFile interrupted = read_sweep_text(shard_file(kFirstHalf, "0,0,unit_veto\n1,1,unit_"));
    CHECK(interrupted.rows.size() == 1);
    CHECK(refusal([&] { merge.add("a.csv", interrupted); }) ==
          "a.csv: shard 1 is incomplete: 1 of 2 rows; finish it with the same command and --resume");
    // So is one with more rows than its slice.
    CHECK(refusal([&] { merge.add("a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows + "2,2,romantic\n"))); }) ==
          "a.csv: shard 1 is incomplete: 3 of 2 rows; finish it with the same command and --resume");
}

TEST_CASE("a shard of a different sweep is refused", "[report][merge]") {
    ShardMerge merge;
    merge.add("a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows)));
    CHECK(refusal([&] { merge.add("b.csv", read_sweep_text(shard_file(kSecondHalf, kSecondRows, "2"))); }) ==
          "b.csv: this shard comes from a different sweep than a.csv ('seed: 1' against 'seed: 2')");
    // Other columns are another sweep too.
    std::string other_columns = shard_file(kSecondHalf, kSecondRows);
    other_columns.replace(other_columns.find("index,a,configuration"), 21, "index,a,alignment");
    CHECK(refusal([&] { merge.add("b.csv", read_sweep_text(other_columns)); }) ==
          "b.csv: this shard comes from a different sweep than a.csv (columns 'index,a,configuration' against 'index,a,alignment')");
    // The command line may differ: it is not part of what the sweep computes.
    std::string other_command = shard_file(kSecondHalf, kSecondRows);
    other_command.replace(other_command.find("# command: "), 11, "# command: nice ");
    CHECK_NOTHROW(merge.add("b.csv", read_sweep_text(other_command)));
}

TEST_CASE("a shard of another N, or a file with no shard line, is refused", "[report][merge]") {
    ShardMerge merge;
    merge.add("a.csv", read_sweep_text(shard_file(kFirstHalf, kFirstRows)));
    CHECK(refusal([&] { merge.add("c.csv", read_sweep_text(shard_file("shard: 3/3 (points 2 to 4 of 4)", kSecondRows))); }) ==
          "c.csv: shard of 3, but a.csv is a shard of 2");
    std::string whole = shard_file(kFirstHalf, kFirstRows);
    whole.erase(whole.find("# shard:"), kFirstHalf.size() + 3);
    CHECK(refusal([&] { merge.add("whole.csv", read_sweep_text(whole)); }) ==
          "whole.csv: this file has no '# shard:' line: it is not a shard of a sweep");
    CHECK(refusal([] { (void)ShardMerge().merged_text("triad merge"); }) == "no shard to merge");
}
