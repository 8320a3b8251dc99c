// Shift detection in a sequence of labels (include/triad/dynamics/shifts.hpp). Shifts found in
// whole runs, with their causes, are tested in test_timeline.cpp.
#include "triad/dynamics/shifts.hpp"

#include "support.hpp"

#include "triad/dynamics/timeline.hpp"
#include "triad/scenario/scenario.hpp"

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

// ---------------------------------------------------------------------------------------------
// A shift's move and causes, on the lag scenario: China opens to the US in 1971.

namespace {

struct LagRun {
    StageModel model;
    Timeline timeline;
    RunResult run;
    int period = 0;  // China's turn to the US
    const ShiftEvent* turn = nullptr;
};

LagRun lag_run() {
    LagRun l{StageModel(load_scenario(triad::test::source_path("scenarios/lag.yaml"))), {}, {}};
    l.timeline = read_timeline(l.model);
    l.run = run_timeline(l.model, l.timeline, l.timeline.seed);
    return l;
}

// The mover's payoff at `profile` in the model of `period`, straight from the game's array.
double payoff_at(const LagRun& l, int period, int player, std::size_t profile) {
    return model_at(l.model, l.run.periods[period]).game().payoffs[player](static_cast<Eigen::Index>(profile));
}

}  // namespace

TEST_CASE("a shift's move: its parts sum to the gain read from the payoffs of that period", "[timeline][shifts]") {
    const LagRun l = lag_run();
    const ShiftEvent* turn = nullptr;
    for (const auto& s : l.run.shifts)
        if (to_string(s.what) == "china alignment" && s.to == "us") turn = &s;
    REQUIRE(turn != nullptr);
    REQUIRE(turn->moves.size() == 1);
    const ShiftMove& m = turn->moves.front();
    const Game& game = l.model.game();
    const int china = 2;
    CHECK(m.mover == china);
    CHECK(game.actions[china][m.split.chosen] == "open_us");
    CHECK(game.actions[china][m.from] == "alone");
    // Judged against the others' play of the year before, in the model in force at the shift.
    std::vector<int> before(3);
    for (int i = 0; i < 3; ++i) {
        Eigen::Index a = 0;
        l.run.periods[turn->period - 1].play[i].maxCoeff(&a);
        before[i] = static_cast<int>(a);
    }
    const std::size_t old_profile = game.space.index(before);
    const std::size_t new_profile = game.space.with_action(old_profile, china, m.split.chosen);
    const double gain = payoff_at(l, turn->period, china, new_profile) - payoff_at(l, turn->period, china, old_profile);
    double parts = 0.0;
    for (std::size_t c = 0; c < m.split.components.size(); ++c)
        parts += m.split.actions[m.split.chosen].contributions[c] - m.split.actions[m.from].contributions[c];
    CHECK(parts == Approx(gain).margin(1e-9));
    CHECK(gain > 0.0);  // a myopic best reply moves only to gain

    // The causes: what changed since China's previous alignment shift (1956), part by part. The
    // grievance against the US decays after the split, and its change is the largest.
    REQUIRE(!turn->causes.empty());
    CHECK(turn->causes.front().driver == "memory (china.grievance.us)");
    CHECK(turn->since == 1956);
    const int reference = *period_at(l.timeline, turn->since);
    const double gain_then = payoff_at(l, reference, china, new_profile) - payoff_at(l, reference, china, old_profile);
    double changes = 0.0;
    for (const auto& c : turn->causes) changes += c.change;
    // With fewer than three causes listed, they are every part that changed.
    if (turn->causes.size() < 3) CHECK(changes == Approx(gain - gain_then).margin(1e-9));
}
