// Shift detection in a sequence of labels (include/triad/dynamics/shifts.hpp). Shifts found in
// whole runs, with their causes, are tested in test_timeline.cpp.
#include "triad/dynamics/shifts.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace triad;

TEST_CASE("detect_shifts: a blip shorter than min_hold is no shift; a change at the end counts", "[timeline]") {
    // The rule (sim/dynamics/shifts.cpp): the first label is established at once. Scanning on, a
    // label different from the established one starts a run of equal labels; the run is a
    // shift when it lasts at least min_hold periods OR reaches the end of the sequence
    // (then to_end = true, even if it also lasted min_hold). A shift's `from` is the
    // established label (blips in between are skipped), `held` the run's length, `period`
    // its first index. A run that is no shift leaves the established label unchanged.
    using V = std::vector<std::string>;
    const V seq = {"a", "a", "b", "a", "a", "b", "b", "b"};
    for (int min_hold : {2, 3}) {
        INFO("min_hold " << min_hold);
        // The b at index 2 lasts 1 < min_hold; the b from index 5 runs to the end (3 long).
        const auto s = detect_shifts(seq, min_hold, ShiftSubject::alignment(0, "x"));
        REQUIRE(s.size() == 1);
        CHECK(s[0].period == 5);
        CHECK(s[0].from == "a");
        CHECK(s[0].to == "b");
        CHECK(s[0].held == 3);
        CHECK(s[0].to_end);
        CHECK(s[0].what == ShiftSubject::alignment(0, "x"));
    }
    {
        // min_hold 4: the final run (3 periods) has not yet held 4 but reaches the end.
        const auto s = detect_shifts(seq, 4, ShiftSubject::alignment(0, "x"));
        REQUIRE(s.size() == 1);
        CHECK(s[0].period == 5);
        CHECK(s[0].held == 3);
        CHECK(s[0].to_end);
    }
    {
        // A run that holds min_hold and then gives way is a shift without to_end; the last
        // label (1 period, at the end) counts too.
        const auto s = detect_shifts(V{"a", "a", "b", "b", "b", "a"}, 2, ShiftSubject::alignment(0, "x"));
        REQUIRE(s.size() == 2);
        CHECK(s[0].period == 2);
        CHECK(s[0].held == 3);
        CHECK_FALSE(s[0].to_end);
        CHECK(s[1].period == 5);
        CHECK(s[1].from == "b");
        CHECK(s[1].to == "a");
        CHECK(s[1].held == 1);
        CHECK(s[1].to_end);
    }
    {
        // Too short and not at the end: nothing, and a return to the established label is no
        // shift either.
        CHECK(detect_shifts(V{"a", "a", "a", "b", "b", "b", "a"}, 4, ShiftSubject::alignment(0, "x")).empty());
        // A blip of c between a and b: the shift goes from a (established), not from c.
        const auto s = detect_shifts(V{"a", "c", "b", "b", "b"}, 2, ShiftSubject::alignment(0, "x"));
        REQUIRE(s.size() == 1);
        CHECK(s[0].from == "a");
        CHECK(s[0].to == "b");
        CHECK(s[0].period == 2);
    }
    CHECK(detect_shifts(V{}, 2, ShiftSubject::alignment(0, "x")).empty());
    CHECK(detect_shifts(V{"a"}, 2, ShiftSubject::alignment(0, "x")).empty());
    CHECK(detect_shifts(V{"a", "a", "a"}, 1, ShiftSubject::alignment(0, "x")).empty());
    // min_hold 1: every change is a shift.
    CHECK(detect_shifts(V{"a", "b", "a", "b"}, 1, ShiftSubject::alignment(0, "x")).size() == 3);
}
