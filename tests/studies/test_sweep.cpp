// Sweeps: identical rows for any thread count, chunking, shard or resumed tail; boundaries
// found by bisection where a fine grid puts them.
#include "triad/studies/sweep.hpp"

#include "support.hpp"

using namespace triad;

namespace {

const StageModel& baseline() {
    static const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    return model;
}

Design grid(std::size_t fear, std::size_t ambition) {
    Design d;
    d.kind = DesignKind::grid;
    d.axes = {parse_axis("russia.regime_fear=0:3:" + std::to_string(fear)),
              parse_axis("ambition.a.china.russia=0:4:" + std::to_string(ambition))};
    return d;
}

std::vector<SweepRow> collect(const SweepSpec& spec, std::size_t first, std::size_t last, int threads, std::size_t chunk) {
    std::vector<SweepRow> rows;
    const std::size_t reached = run_sweep(baseline(), spec, {.first = first, .last = last, .threads = threads, .chunk = chunk},
                                          [&](const std::vector<SweepRow>& part) { rows.insert(rows.end(), part.begin(), part.end()); });
    CHECK(reached == last);
    return rows;
}

void require_same(const std::vector<SweepRow>& a, const std::vector<SweepRow>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        INFO("row " << k);
        CHECK(a[k].index == b[k].index);
        CHECK(a[k].point == b[k].point);
        CHECK(a[k].cells == b[k].cells);
    }
}

}  // namespace

TEST_CASE("sweep rows do not depend on threads or chunk size", "[sweep]") {
    const SweepSpec spec = make_sweep(baseline(), grid(7, 9), SweepAnalysis::pure, {});
    const auto one = collect(spec, 0, spec.design.size(), 1, 5);
    REQUIRE(one.size() == 63);
    for (std::size_t k = 0; k < one.size(); ++k) CHECK(one[k].index == k);
    require_same(one, collect(spec, 0, spec.design.size(), 2, 5));
    require_same(one, collect(spec, 0, spec.design.size(), 3, 1));
    require_same(one, collect(spec, 0, spec.design.size(), 2, 64));
}

TEST_CASE("the stage analysis is thread-independent too", "[sweep]") {
    const SweepSpec spec = make_sweep(baseline(), grid(3, 4), SweepAnalysis::stage, {});
    require_same(collect(spec, 0, 12, 1, 2), collect(spec, 0, 12, 2, 3));
}

TEST_CASE("shards partition the design exactly, and their rows are the full sweep's", "[sweep]") {
    for (std::size_t size : {0u, 1u, 7u, 63u, 1000u})
        for (int n : {1, 2, 3, 8, 13}) {
            std::size_t expected = 0;
            for (int k = 0; k < n; ++k) {
                const auto [first, last] = shard_range(size, k, n);
                CHECK(first == expected);
                CHECK(last >= first);
                CHECK(last - first <= size / static_cast<std::size_t>(n) + 1);
                expected = last;
            }
            CHECK(expected == size);
        }
    const SweepSpec spec = make_sweep(baseline(), grid(5, 5), SweepAnalysis::pure, {});
    const auto whole = collect(spec, 0, 25, 2, 4);
    std::vector<SweepRow> joined;
    for (int k = 0; k < 3; ++k) {
        const auto [first, last] = shard_range(25, k, 3);
        const auto part = collect(spec, first, last, 1, 4);
        joined.insert(joined.end(), part.begin(), part.end());
    }
    require_same(whole, joined);
}

TEST_CASE("a resumed sweep ends with the rows of an uninterrupted one", "[sweep]") {
    const SweepSpec spec = make_sweep(baseline(), grid(4, 6), SweepAnalysis::pure, {});
    const auto whole = collect(spec, 0, 24, 1, 5);
    // Interrupted after 11 points (mid-chunk), then resumed from there with other threads.
    auto head = collect(spec, 0, 11, 2, 5);
    const auto tail = collect(spec, 11, 24, 2, 3);
    head.insert(head.end(), tail.begin(), tail.end());
    require_same(whole, head);
}

TEST_CASE("a stop request ends the sweep after whole chunks", "[sweep]") {
    const SweepSpec spec = make_sweep(baseline(), grid(6, 6), SweepAnalysis::pure, {});
    std::atomic<bool> stop{false};
    std::vector<SweepRow> rows;
    const std::size_t reached = run_sweep(baseline(), spec, {.first = 0, .last = 36, .threads = 2, .chunk = 4, .stop = &stop},
                                          [&](const std::vector<SweepRow>& part) {
                                              rows.insert(rows.end(), part.begin(), part.end());
                                              stop = true;  // as if Ctrl-C arrived during the first write
                                          });
    CHECK(reached == rows.size());
    CHECK(reached % 4 == 0);
    CHECK(reached < 36);
    for (std::size_t k = 0; k < rows.size(); ++k) CHECK(rows[k].index == k);
}

TEST_CASE("a stage sweep computes only the parts its columns show, with the same cells", "[sweep]") {
    // Issue 17: pure_count alone skips the selection rule, the prediction alone skips the pure
    // equilibria; each column's cells are those of the sweep that computes everything, and
    // the pure count is the pure analysis's.
    const auto column = [](const SweepSpec& spec, const std::vector<SweepRow>& rows, const std::string& name) {
        const auto at = std::find(spec.columns.begin(), spec.columns.end(), name) - spec.columns.begin();
        std::vector<std::string> cells;
        for (const auto& row : rows) cells.push_back(row.cells.at(static_cast<std::size_t>(at)));
        return cells;
    };
    const SweepSpec all = make_sweep(baseline(), grid(4, 5), SweepAnalysis::stage, {"configuration", "russia_alignment", "pure_count"});
    const SweepSpec count = make_sweep(baseline(), grid(4, 5), SweepAnalysis::stage, {"pure_count"});
    const SweepSpec chosen = make_sweep(baseline(), grid(4, 5), SweepAnalysis::stage, {"configuration", "russia_alignment"});
    const SweepSpec pure = make_sweep(baseline(), grid(4, 5), SweepAnalysis::pure, {"pure_count"});
    const auto everything = collect(all, 0, 20, 1, 7);
    CHECK(column(count, collect(count, 0, 20, 1, 7), "pure_count") == column(all, everything, "pure_count"));
    CHECK(column(pure, collect(pure, 0, 20, 1, 7), "pure_count") == column(all, everything, "pure_count"));
    const auto selected = collect(chosen, 0, 20, 1, 7);
    CHECK(column(chosen, selected, "configuration") == column(all, everything, "configuration"));
    CHECK(column(chosen, selected, "russia_alignment") == column(all, everything, "russia_alignment"));
}

TEST_CASE("a failing writer stops the sweep and its error leaves run_sweep", "[sweep]") {
    // As when the disk fills: the second chunk cannot be written. The workers must be
    // stopped and joined (not left running), and the writer's own error must come out.
    const SweepSpec spec = make_sweep(baseline(), grid(6, 6), SweepAnalysis::pure, {});
    std::size_t calls = 0;
    const auto write = [&](const std::vector<SweepRow>&) {
        if (++calls == 2) throw triad::Error("disk full");
    };
    CHECK_THROWS_WITH(run_sweep(baseline(), spec, {.first = 0, .last = 36, .threads = 2, .chunk = 4}, write), "disk full");
    CHECK(calls == 2);
}

TEST_CASE("a boundary found by bisection lies where a fine grid puts it", "[sweep]") {
    // Along Beijing's ambition toward Moscow the baseline's pure equilibrium turns from a
    // stable marriage into a unit veto; find it on a coarse grid and check it on a fine one.
    Design coarse;
    coarse.axes = {parse_axis("ambition.a.china.russia=0:4:5")};
    const SweepSpec spec = make_sweep(baseline(), coarse, SweepAnalysis::pure, {"configurations"});
    const auto boundaries = find_boundaries(baseline(), spec, 0, "configurations", 1e-6);
    REQUIRE(boundaries.size() == 1);
    const Boundary& b = boundaries.front();
    CHECK(b.from == "stable_marriage");
    CHECK(b.to == "unit_veto");
    CHECK(b.upper - b.lower <= 1e-6);

    Design fine;
    fine.axes = {parse_axis("ambition.a.china.russia=0:4:4001")};
    const SweepSpec fine_spec = make_sweep(baseline(), fine, SweepAnalysis::pure, {"configurations"});
    const auto rows = collect(fine_spec, 0, 4001, 2, 256);
    for (const auto& row : rows) {
        const double x = row.point[0];
        if (x < b.lower) CHECK(row.cells[0] == "stable_marriage");
        if (x > b.upper) CHECK(row.cells[0] == "unit_veto");
    }
}

TEST_CASE("a boundary search follows the outcome's configuration by default", "[sweep]") {
    Design coarse;
    coarse.axes = {parse_axis("ambition.a.china.russia=0:4:5")};
    // pure_count comes first in the pure analysis but is 1 all along this axis, where the
    // configuration of the one equilibrium flips (the test above): the default must see that.
    const SweepSpec pure = make_sweep(baseline(), coarse, SweepAnalysis::pure, {});
    REQUIRE(pure.columns.front() == "pure_count");
    CHECK(default_boundary_column(pure) == "configurations");
    CHECK(find_boundaries(baseline(), pure, 0, "pure_count", 1e-3).empty());
    CHECK(find_boundaries(baseline(), pure, 0, default_boundary_column(pure), 1e-3).size() == 1);
    CHECK(default_boundary_column(make_sweep(baseline(), coarse, SweepAnalysis::stage, {})) == "configuration");
    // Without a configuration among the chosen columns, the first one.
    CHECK(default_boundary_column(make_sweep(baseline(), coarse, SweepAnalysis::pure, {"russia_alignments", "pure_count"})) ==
          "russia_alignments");
}

TEST_CASE("sweep specifications are checked", "[sweep]") {
    Design d = grid(2, 2);
    d.axes[0].path = "russia.regime_fer";
    triad::test::require_input_error([&] { (void)make_sweep(baseline(), d, SweepAnalysis::pure, {}); }, 0,
                                     {"unknown parameter path", "did you mean 'russia.regime_fear'?"});
    triad::test::require_input_error([&] { (void)make_sweep(baseline(), grid(2, 2), SweepAnalysis::pure, {"pure_cont"}); }, 0,
                                     {"no column 'pure_cont'", "did you mean 'pure_count'?"});
    Design negative = grid(2, 2);
    negative.axes[0].lower = -1;
    triad::test::require_input_error([&] { (void)make_sweep(baseline(), negative, SweepAnalysis::pure, {}); }, 0,
                                     {"outside its range"});
    triad::test::require_input_error([&] { (void)make_sweep(baseline(), grid(2, 2), SweepAnalysis::timeline, {}); }, 15,
                                     {"no 'timeline:' section"});
}

TEST_CASE("label paths record when each label begins, and read back", "[sweep]") {
    const std::vector<double> times = {1950, 1951, 1952, 1953, 1954};
    const std::vector<std::string> labels = {"a", "a", "b", "b", "a"};
    const std::string path = label_path(times, labels);
    CHECK(path == "1950:a;1952:b;1954:a");
    const auto segments = read_label_path(path);
    REQUIRE(segments.size() == 3);
    CHECK(segments[1].from == 1952);
    CHECK(segments[1].label == "b");
    CHECK(read_label_path("").empty());
    CHECK_THROWS_WITH(read_label_path("1950:a;oops"), Catch::Contains("malformed label path entry 'oops'"));
}
