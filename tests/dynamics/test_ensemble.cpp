// Aggregating many runs of one timeline (include/triad/dynamics/ensemble.hpp), on runs built by
// hand so that every share, count and mean below is counted by hand.
#include "triad/dynamics/ensemble.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using namespace triad;

namespace {

PeriodRecord period(double time, std::optional<Configuration> configuration) {
    PeriodRecord r;
    r.time = time;
    if (configuration) {
        TriadReading t;
        t.players = {0, 1, 2};
        t.configuration = *configuration;
        r.triangle = t;
    }
    return r;
}

ShiftEvent shift(double time, ShiftSubject what, std::string from, std::string to, std::string driver = "") {
    ShiftEvent s;
    s.time = time;
    s.what = std::move(what);
    s.from = std::move(from);
    s.to = std::move(to);
    if (!driver.empty()) s.causes.push_back({"russia", driver, 1.0});
    return s;
}

}  // namespace

TEST_CASE("summarize_runs: configuration shares per period and the spread of each shift", "[ensemble]") {
    Timeline timeline;
    timeline.start = 2000;
    timeline.end = 2002;  // three periods
    const auto M = Configuration::stable_marriage;
    const auto V = Configuration::unit_veto;
    // Four runs. Period 0: all marriage. Period 1: marriage, veto, veto, marriage. Period 2:
    // veto in three runs, and no triangle ("-") in the last.
    std::vector<RunResult> runs(4);
    runs[0].periods = {period(2000, M), period(2001, M), period(2002, V)};
    runs[1].periods = {period(2000, M), period(2001, V), period(2002, V)};
    runs[2].periods = {period(2000, M), period(2001, V), period(2002, V)};
    runs[3].periods = {period(2000, M), period(2001, M), period(2002, std::nullopt)};
    runs[0].shifts = {shift(2002, ShiftSubject::configuration(), "stable_marriage", "unit_veto", "threat")};
    runs[1].shifts = {shift(2001, ShiftSubject::configuration(), "stable_marriage", "unit_veto", "ambition")};
    runs[2].shifts = {shift(2001, ShiftSubject::configuration(), "stable_marriage", "unit_veto"),
                      shift(2001, ShiftSubject::alignment(1, "russia"), "china", "balanced")};
    const Ensemble e = summarize_runs(timeline, runs);

    CHECK(e.runs == 4);
    REQUIRE(e.configuration_share.size() == 3);
    CHECK(e.configuration_share[0].size() == 1);
    CHECK(e.configuration_share[0].at("stable_marriage") == Approx(1.0));
    CHECK(e.configuration_share[1].at("stable_marriage") == Approx(0.5));
    CHECK(e.configuration_share[1].at("unit_veto") == Approx(0.5));
    CHECK(e.configuration_share[2].at("unit_veto") == Approx(0.75));
    CHECK(e.configuration_share[2].at("-") == Approx(0.25));

    // Ordered by (what, from, to): "configuration" before "russia alignment".
    REQUIRE(e.shifts.size() == 2);
    const ShiftSpread& c = e.shifts[0];
    CHECK(to_string(c.what) == "configuration");
    CHECK(c.from == "stable_marriage");
    CHECK(c.to == "unit_veto");
    CHECK(c.count == 3);
    CHECK(c.share == Approx(0.75));
    CHECK(c.dates.at(2001) == 2);
    CHECK(c.dates.at(2002) == 1);
    CHECK(c.mean_time == Approx((2001.0 * 2 + 2002.0) / 3));
    // The causes are those of the first run that made the shift (run 0), not of a later one.
    REQUIRE(c.causes.size() == 1);
    CHECK(c.causes[0].driver == "threat");
    const ShiftSpread& r = e.shifts[1];
    CHECK(to_string(r.what) == "russia alignment");
    CHECK(r.what.player == 1);
    CHECK(r.count == 1);
    CHECK(r.share == Approx(0.25));
    CHECK(r.mean_time == Approx(2001.0));
    CHECK(r.causes.empty());
}

TEST_CASE("summarize_runs: a run that makes a shift twice counts once in its share", "[ensemble]") {
    // Issue 15: a run that swings china -> balanced -> china -> balanced made the shift twice,
    // and the share of runs came out above 100%.
    Timeline timeline;
    timeline.start = 2000;
    timeline.end = 2004;
    std::vector<RunResult> runs(2);
    for (auto& run : runs)
        for (int t = 2000; t <= 2004; ++t) run.periods.push_back(period(t, std::nullopt));
    const auto away = [](double t) { return shift(t, ShiftSubject::alignment(1, "russia"), "china", "balanced"); };
    const auto back = [](double t) { return shift(t, ShiftSubject::alignment(1, "russia"), "balanced", "china"); };
    runs[0].shifts = {away(2001), back(2002), away(2003)};
    runs[1].shifts = {away(2004)};
    const Ensemble e = summarize_runs(timeline, runs);
    REQUIRE(e.shifts.size() == 2);
    const ShiftSpread& to_balanced = e.shifts[1].from == "china" ? e.shifts[1] : e.shifts[0];
    CHECK(to_balanced.count == 2);  // both runs, once each
    CHECK(to_balanced.occurrences == 3);
    CHECK(to_balanced.share == Approx(1.0));
    CHECK(to_balanced.mean_time == Approx((2001.0 + 2003.0 + 2004.0) / 3));
    for (const auto& s : e.shifts) CHECK(s.share <= 1.0);
}
