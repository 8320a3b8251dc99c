// Timelines (include/triad/dynamics/timeline.hpp, sim/dynamics/timeline.cpp): schedules and events driving the
// stage game's parameters, stance fixes, memory stocks, shifts in a run, determinism, the
// recorded critical discount factor, and the errors read_timeline reports. Shift detection
// itself is tested in test_shifts.cpp.
//
// The scenarios are small on purpose: three players (us, russia, china) with two named
// actions each (8 profiles), and a partnership driver under which Russia and China gain 2
// from full warmth with each other and nothing else pays. So, by hand (w = (s_ij + s_ji)/2,
// only w+ counts):
//   - the bloc profile (us court_russia, russia with_china, china with_russia) gives Russia
//     and China 2 each, and neither gains by leaving it (leaving makes w_rc = 0);
//   - the US earns 0 whatever happens, so under best_response it never moves (ties keep
//     the current action).
#include "triad/dynamics/timeline.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/scenario/scenario.hpp"
#include "triad/dynamics/sustain.hpp"

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace triad;
using triad::test::model_from;
using triad::test::require_input_error;

namespace {

const std::string kBase = R"(triad: 1
players:
  us:
    actions:
      court_russia: {russia: align, china: oppose}
      court_china: {china: align, russia: oppose}
  russia:
    actions:
      with_china: {china: align, us: oppose}
      with_us: {us: align, china: oppose}
  china:
    actions:
      with_russia: {russia: align, us: oppose}
      with_us: {us: align, russia: oppose}
drivers:
  partnership:
    g: {russia: {china: 2.0}, china: {russia: 2.0}}
)";

constexpr int kUs = 0, kRussia = 1, kChina = 2;

int lines_of(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// Line `k` (1-based) of text appended to kBase.
int line_after_base(int k) { return lines_of(kBase) + k; }

std::string absolute_gdp() { return std::string(TRIAD_SOURCE_DIR) + "/data/gdp_current_usd.csv"; }

double param(const StageModel& model, const PeriodRecord& r, const std::string& path) {
    return r.parameters.at(model.parameters().resolve_one(path));
}

int action_of(const PeriodRecord& r, int player) { return mode(r.play[static_cast<std::size_t>(player)]); }

Stance stance_of(const Game& game, const PeriodRecord& r, int player, int toward) {
    return game.stance(player, action_of(r, player), toward);
}

// GDP of `country` in `year` from data/gdp_current_usd.csv, read here independently of the
// schedule code (the file has no quoted cells: plain comma splitting suffices).
double gdp(const std::string& country, int year) {
    std::ifstream in(absolute_gdp());
    REQUIRE(in);
    std::string line;
    std::getline(in, line);
    REQUIRE(line == "country,code,year,gdp_current_usd");
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) cells.push_back(cell);
        REQUIRE(cells.size() == 4);
        if (cells[0] == country && std::stoi(cells[2]) == year) return std::stod(cells[3]);
    }
    FAIL("no row for " << country << " " << year);
    return 0.0;
}

RunResult run(const StageModel& model, std::uint64_t seed = 1) { return run_timeline(model, read_timeline(model), seed); }

bool same_records(const RunResult& a, const RunResult& b) {
    if (a.periods.size() != b.periods.size()) return false;
    for (std::size_t k = 0; k < a.periods.size(); ++k) {
        const auto& x = a.periods[k];
        const auto& y = b.periods[k];
        if (x.payoffs != y.payoffs || x.profile != y.profile || x.time != y.time) return false;
        for (std::size_t i = 0; i < x.play.size(); ++i)
            if (x.play[i] != y.play[i]) return false;
    }
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Schedules and events

TEST_CASE("linear and step schedules and `set` events show in each period's parameters", "[timeline]") {
    const StageModel model = model_from(kBase + R"(timeline:
  start: 2000
  end: 2010
  initial: {us: court_russia, russia: with_china, china: with_russia}
  events:
    - name: split
      at: 2004
    - name: boost
      at: 2003
      set: {partnership.g.us.russia: 5}
  schedules:
    partnership.g.russia.us: {linear: {2000: 0.0, 2010: 2.0}}
    partnership.g.china.us: {steps: {split: 0.5, 2008: 3.0}, before: 1.0}
)");
    const Timeline tl = read_timeline(model);
    CHECK(tl.periods() == 11);  // 2000, 2001, ..., 2010
    // Events are kept sorted by date although written out of order.
    REQUIRE(tl.events.size() == 2);
    CHECK(tl.events[0].name == "boost");
    CHECK(tl.events[1].name == "split");
    const RunResult r = run_timeline(model, tl, 1);
    REQUIRE(r.periods.size() == 11);
    for (int k = 0; k < 11; ++k) {
        const PeriodRecord& p = r.periods[static_cast<std::size_t>(k)];
        const double t = 2000 + k;
        INFO("t = " << t);
        CHECK(p.time == t);
        // Linear from 0 at 2000 to 2 at 2010: 2 * (t - 2000) / 10.
        CHECK(param(model, p, "partnership.g.russia.us") == Approx(0.2 * k).margin(1e-12));
        // Steps: 1 before the first step; 0.5 from the `split` event (2004); 3 from 2008.
        const double expected_step = t < 2004 ? 1.0 : (t < 2008 ? 0.5 : 3.0);
        CHECK(param(model, p, "partnership.g.china.us") == expected_step);
        // `set` at 2003: the scenario's value (unset: the default 0) before, 5 from then on.
        CHECK(param(model, p, "partnership.g.us.russia") == (t < 2003 ? 0.0 : 5.0));
        // Untouched parameters keep the scenario's values.
        CHECK(param(model, p, "partnership.g.russia.china") == 2.0);
    }
    // The caller's model is not changed by the run.
    CHECK(model.parameters().value(model.parameters().resolve_one("partnership.g.us.russia")) == 0.0);
}

TEST_CASE("CSV schedules: absolute paths, and relative paths resolved against the scenario's folder",
          "[timeline]") {
    SECTION("an absolute path inside an inline scenario") {
        const StageModel model = model_from(kBase + "timeline:\n  start: 2000\n  end: 2005\n  schedules:\n"
                                                    "    players.power.china: {csv: \"" +
                                            absolute_gdp() + "\", value: gdp_current_usd, where: {country: China}, scale: 1e-12}\n");
        const RunResult r = run(model);
        REQUIRE(r.periods.size() == 6);
        for (int k = 0; k < 6; ++k) {
            INFO("year " << 2000 + k);
            // The row's value times the scale: China's GDP in trillions of US$.
            CHECK(param(model, r.periods[static_cast<std::size_t>(k)], "players.power.china") ==
                  Approx(gdp("China", 2000 + k) * 1e-12).epsilon(1e-12));
        }
    }
    SECTION("a relative path in a scenario file (tests/data/timeline_csv.yaml)") {
        // The fixture names ../../data/gdp_current_usd.csv: correct only relative to its own
        // folder, tests/data, and not to the test's working directory.
        const StageModel model(load_scenario(std::string(TRIAD_TEST_DATA) + "/timeline_csv.yaml"));
        const RunResult r = run(model);
        REQUIRE(r.periods.size() == 5);  // 2000, 2000.5, ..., 2002
        for (int k = 0; k < 5; ++k) {
            const double t = 2000 + 0.5 * k;
            INFO("t = " << t);
            const int year = 2000 + k / 2;
            // On a row's year the row's value; half-way, the mean of the two rows (linear
            // interpolation between yearly observations).
            for (const std::string country : {"China", "Russia"}) {
                const double expected = k % 2 == 0 ? gdp(country, year) * 1e-12
                                                   : 0.5 * (gdp(country, year) + gdp(country, year + 1)) * 1e-12;
                const std::string path = country == "China" ? "players.power.china" : "players.power.russia";
                CHECK(param(model, r.periods[static_cast<std::size_t>(k)], path) == Approx(expected).epsilon(1e-12));
            }
        }
    }
}

TEST_CASE("`fix` restricts a player to the fixed stance from its date; `release` lifts it", "[timeline]") {
    const StageModel model = model_from(kBase + R"(timeline:
  start: 2000
  end: 2009
  initial: {us: court_russia, russia: with_china, china: with_russia}
  events:
    - name: rupture
      at: 2003
      fix: {china: {russia: oppose}}
    - name: thaw
      at: 2006
      release: {china: [russia]}
)");
    const Game& game = model.game();
    const RunResult r = run(model);
    REQUIRE(r.periods.size() == 10);
    for (const PeriodRecord& p : r.periods) {
        INFO("t = " << p.time);
        // Before 2003 the bloc holds (China gains 2 from it). From 2003 China may only play
        // actions opposing Russia, i.e. with_us. After the release at 2006, China's best reply
        // to Russia (still with_china: its two actions both pay it 0 against a China that
        // opposes it, and ties keep the current action) is with_russia again (2 > 0).
        const Stance expected = p.time < 2003 || p.time >= 2006 ? Stance::align : Stance::oppose;
        CHECK(stance_of(game, p, kChina, kRussia) == expected);
        CHECK(action_of(p, kRussia) == game.action_index(kRussia, "with_china"));
        CHECK(action_of(p, kUs) == game.action_index(kUs, "court_russia"));
    }
}

TEST_CASE("a fix in force at the start that contradicts the initial action is an error", "[timeline]") {
    const std::string head = kBase + R"(timeline:
  start: 2000
  end: 2002
  initial: {us: court_russia, russia: with_china, china: with_russia}
  events:
)";
    // with_russia opposes the US; a fix to align from 2000 would silently override it.
    const StageModel contradicting = model_from(head + "    - {name: from_the_start, at: 2000, fix: {china: {us: align}}}\n");
    triad::test::require_input_error([&] { (void)read_timeline(contradicting); },
                                     static_cast<int>(std::count(head.begin(), head.end(), '\n')) + 1,
                                     {"event 'from_the_start' fixes china's stance toward us to align from the first period",
                                      "gives china with_russia, which is oppose toward us"});
    // A fix that agrees with the initial action, or one dated later, is fine.
    const StageModel agreeing = model_from(head + "    - {name: from_the_start, at: 2000, fix: {china: {us: oppose}}}\n");
    CHECK_NOTHROW(read_timeline(agreeing));
    const StageModel later = model_from(head + "    - {name: later, at: 2001, fix: {china: {us: align}}}\n");
    const RunResult r = run(later);
    CHECK(stance_of(later.game(), r.periods[2], kChina, kUs) == Stance::align);
}

// ---------------------------------------------------------------------------------------------
// Memory

TEST_CASE("memory stocks follow G <- (1 - decay) G + [s_ji = -1] and T likewise with +1", "[timeline]") {
    const StageModel model = model_from(kBase + R"(  memory:
    gamma: 0.3
    chi: 0.2
    decay: 0.25
    G: {us: {russia: 1.0}}
timeline:
  start: 2000
  end: 2003
  learning: {rule: best_response}
  initial: {us: court_russia, russia: with_china, china: with_russia}
)");
    const Game& game = model.game();
    const RunResult r = run(model);
    REQUIRE(r.periods.size() == 4);
    // Play stays at the bloc: Russia's and China's gain from it only grows with their mutual
    // trust (+chi T w+), and the US, earning 0 everywhere, keeps its action.
    for (const PeriodRecord& p : r.periods) {
        CHECK(action_of(p, kUs) == game.action_index(kUs, "court_russia"));
        CHECK(action_of(p, kRussia) == game.action_index(kRussia, "with_china"));
        CHECK(action_of(p, kChina) == game.action_index(kChina, "with_russia"));
    }
    // In the bloc, each period: Russia and China oppose the US, so G_us,russia and
    // G_us,china gain 1; the US aligns with Russia and opposes China, so T_russia,us and
    // G_china,us gain 1; Russia and China align with each other, so T_russia,china and
    // T_china,russia gain 1. Everything else stays 0.
    // With keep = 1 - 0.25 = 0.75, a stock fed 1 per period from 0 holds, at the START of
    // periods 0..3: 0, 1, 1.75, 2.3125 (= 0.75 * 1.75 + 1). G_us,russia starts at 1:
    // 1, 1.75, 2.3125, 2.734375 (= 0.75 * 2.3125 + 1). All exact in binary.
    const double fed[] = {0.0, 1.0, 1.75, 2.3125};
    const double from_one[] = {1.0, 1.75, 2.3125, 2.734375};
    for (std::size_t k = 0; k < 4; ++k) {
        const PeriodRecord& p = r.periods[k];
        INFO("period " << k);
        CHECK(p.grievance(kUs, kRussia) == from_one[k]);
        CHECK(p.grievance(kUs, kChina) == fed[k]);
        CHECK(p.grievance(kChina, kUs) == fed[k]);
        CHECK(p.trust(kRussia, kUs) == fed[k]);
        CHECK(p.trust(kRussia, kChina) == fed[k]);
        CHECK(p.trust(kChina, kRussia) == fed[k]);
        for (auto [i, j] : {std::pair{kRussia, kUs}, std::pair{kRussia, kChina}, std::pair{kChina, kRussia}})
            CHECK(p.grievance(i, j) == 0.0);
        for (auto [i, j] : {std::pair{kUs, kRussia}, std::pair{kUs, kChina}, std::pair{kChina, kUs}})
            CHECK(p.trust(i, j) == 0.0);
        // The stocks are parameters: the record's parameter values agree.
        CHECK(param(model, p, "memory.G.us.russia") == p.grievance(kUs, kRussia));
        CHECK(param(model, p, "memory.T.china.russia") == p.trust(kChina, kRussia));
    }
}

TEST_CASE("memory uses stance probabilities under mixed play", "[timeline]") {
    // Under the replicator every player starts from the uniform mix over its two actions. So
    // in period 0 P(s_us,russia = +1) = P(court_russia) = 1/2 and P(s_us,russia = -1) =
    // P(court_china) = 1/2: after one period T_russia,us = G_russia,us = 1/2 (from 0).
    const StageModel model = model_from(kBase + R"(  memory:
    decay: 0.5
timeline:
  start: 2000
  end: 2001
  learning: {rule: replicator}
)");
    const RunResult r = run(model);
    REQUIRE(r.periods.size() == 2);
    const PeriodRecord& p0 = r.periods[0];
    for (int i = 0; i < 3; ++i) CHECK(p0.play[static_cast<std::size_t>(i)].isApprox(Eigen::Vector2d(0.5, 0.5)));
    CHECK(r.periods[1].trust(kRussia, kUs) == Approx(0.5));
    CHECK(r.periods[1].grievance(kRussia, kUs) == Approx(0.5));
    // China never hedges toward Russia: it aligns (with_russia) or opposes (with_us), 1/2 each.
    CHECK(r.periods[1].trust(kRussia, kChina) + r.periods[1].grievance(kRussia, kChina) == Approx(1.0));
}

// ---------------------------------------------------------------------------------------------
// Shifts

TEST_CASE("run_timeline records the fix-driven shifts with their time", "[timeline]") {
    const StageModel model = model_from(kBase + R"(timeline:
  start: 2000
  end: 2009
  min_hold: 2
  initial: {us: court_russia, russia: with_china, china: with_russia}
  events:
    - {name: rupture, at: 2003, fix: {china: {russia: oppose}}}
    - {name: thaw, at: 2006, release: {china: russia}}
)");
    const RunResult r = run(model);
    // China's alignment: russia (2000-2002), then, opposing Russia and met with opposition by
    // the US (court_russia opposes China), balanced or not-russia for 2003-2005, then russia.
    std::vector<ShiftEvent> china;
    for (const auto& s : r.shifts)
        if (to_string(s.what) == "china alignment") china.push_back(s);
    REQUIRE(china.size() == 2);
    CHECK(china[0].time == 2003);
    CHECK(china[0].from == "russia");
    CHECK(china[1].time == 2006);
    CHECK(china[1].to == "russia");
    CHECK(china[1].to_end);
    CHECK(china[1].held == 4);  // 2006..2009
}

TEST_CASE("the lag scenario: China turns to the US at least ten years after 1956", "[timeline]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/lag.yaml")));
    const Timeline tl = read_timeline(model);
    bool has_1956 = false;
    for (const auto& e : tl.events) has_1956 = has_1956 || e.at == 1956;
    REQUIRE(has_1956);
    const RunResult r = run_timeline(model, tl, tl.seed);
    const ShiftEvent* turn = nullptr;
    for (const auto& s : r.shifts)
        if (to_string(s.what) == "china alignment" && s.to == "us") {
            turn = &s;
            break;
        }
    REQUIRE(turn != nullptr);
    INFO("China aligns with the US from " << turn->time);
    CHECK(turn->time >= 1956 + 10);
}

// ---------------------------------------------------------------------------------------------
// Determinism

TEST_CASE("runs are determined by scenario and seed", "[timeline]") {
    const StageModel model = model_from(kBase + R"(timeline:
  start: 2000
  end: 2060
  learning: {rule: logit, lambda: 0.5}
)");
    const Timeline tl = read_timeline(model);
    CHECK(tl.stochastic());
    const RunResult a = run_timeline(model, tl, 42);
    const RunResult b = run_timeline(model, tl, 42);
    CHECK(a.seed == 42);
    CHECK(same_records(a, b));
    // With lambda = 0.5 and payoff gaps of at most 2, every action keeps a probability of at
    // least 1 / (1 + e) = 0.27 each period, so two seeds agree on all 60 x 3 draws after the
    // first period with probability below 0.73^180: they differ.
    CHECK_FALSE(same_records(a, run_timeline(model, tl, 43)));
    CHECK_FALSE(same_records(run_timeline(model, tl, run_seed(42, 0)), run_timeline(model, tl, run_seed(42, 1))));

    // run_seed: a fixed function of (seed, run), different across runs and seeds.
    std::set<std::uint64_t> seeds;
    for (int k = 0; k < 100; ++k) {
        CHECK(run_seed(42, k) == run_seed(42, k));
        seeds.insert(run_seed(42, k));
        seeds.insert(run_seed(43, k));
    }
    CHECK(seeds.size() == 200);

    // best_response with q = 1 draws nothing: not stochastic, and any seed gives the same run.
    const StageModel det = model_from(kBase + "timeline:\n  start: 2000\n  end: 2010\n");
    const Timeline dt = read_timeline(det);
    CHECK_FALSE(dt.stochastic());
    CHECK(same_records(run_timeline(det, dt, 1), run_timeline(det, dt, 999)));
    const StageModel inert = model_from(kBase + "timeline:\n  start: 2000\n  end: 2010\n"
                                                "  learning: {rule: best_response, q: 0.5}\n");
    CHECK(read_timeline(inert).stochastic());
}

// ---------------------------------------------------------------------------------------------
// Critical discount factor

TEST_CASE("the recorded critical discount factor is sustain(...).required of the period's profile",
          "[timeline]") {
    // China is held off Russia until 2005 (not a best reply), then released. Russia's gain
    // from China grows along a linear schedule, so the stage game changes every period.
    const StageModel model = model_from(kBase + R"(  hostility:
    h: {us: 0.5, china: {us: 0.3}}
timeline:
  start: 2000
  end: 2010
  initial: {us: court_russia, russia: with_china, china: with_us}
  events:
    - {name: hold, at: 2000, fix: {china: {russia: oppose}}}
    - {name: free, at: 2005, release: {china: [russia]}}
  schedules:
    partnership.g.russia.china: {linear: {2000: 2.0, 2010: 4.0}}
)");
    const RunResult r = run(model);
    REQUIRE(r.periods.size() == 11);
    StageModel at_period = model;  // the period's stage game, rebuilt from its parameters
    for (const PeriodRecord& p : r.periods) {
        INFO("t = " << p.time);
        REQUIRE(p.profile.has_value());
        for (std::size_t e = 0; e < p.parameters.size(); ++e) at_period.set(e, p.parameters[e]);
        const Game& g = at_period.game();
        const SustainResult s = sustain(g, *p.profile, Punishment::nash, payoff_tolerance(g));
        REQUIRE(s.feasible);
        REQUIRE(p.critical_discount.has_value());
        CHECK(*p.critical_discount == s.required);
        // By hand: while held, China's cooperative payoff is 0 (it opposes Russia; the US
        // opposes it) while with_russia would earn 2 (full warmth with Russia, who stays
        // with_china): D - C = 2 > 0, so delta* > 0. Once free, everyone plays a best reply
        // with no strict gain available and delta* = 0.
        if (p.time < 2005) {
            CHECK(s.required > 0.0);
        } else {
            CHECK(s.required == 0.0);
        }
        // The payoffs recorded are those of the period's game.
        for (int i = 0; i < 3; ++i)
            CHECK(p.payoffs[static_cast<std::size_t>(i)] ==
                  g.payoffs[static_cast<std::size_t>(i)](static_cast<Eigen::Index>(*p.profile)));
    }
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST_CASE("read_timeline reports bad timelines with their line", "[timeline]") {
    auto fails = [](const std::string& timeline, int line_in_timeline, std::initializer_list<std::string> fragments) {
        const StageModel model = model_from(kBase + timeline);
        require_input_error([&] { (void)read_timeline(model); }, line_after_base(line_in_timeline), fragments);
    };
    SECTION("no timeline at all") {
        const StageModel model = model_from(kBase);
        CHECK_THROWS_AS(read_timeline(model), InputError);
    }
    SECTION("end before start") {
        fails("timeline:\n  start: 2000\n  end: 1990\n", 3, {"ends (1990) before it starts (2000)"});
    }
    SECTION("a step <= 0") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  step: 0\n", 4, {"step must be positive"});
        fails("timeline:\n  start: 2000\n  end: 2010\n  step: -1\n", 4, {"step must be positive"});
    }
    SECTION("an unknown parameter path in a schedule") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  schedules:\n    partnership.g.rusia.china: 1.0\n", 5,
              {"unknown parameter path 'partnership.g.rusia.china'", "did you mean 'partnership.g.russia.china'"});
    }
    SECTION("an unknown learning rule") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  learning: {rule: best_reponse}\n", 4,
              {"unknown learning rule 'best_reponse'", "did you mean 'best_response'"});
    }
    SECTION("an unknown option of a rule, and an option out of bounds") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  learning: {rule: logit, lamda: 2}\n", 4,
              {"unknown key 'lamda'", "logit", "did you mean 'lambda'"});
        fails("timeline:\n  start: 2000\n  end: 2010\n  learning:\n    default: {rule: best_response}\n"
              "    china: {rule: best_response, q: 1.5}\n",
              6, {"q = 1.5", "outside [0, 1]"});
    }
    SECTION("a CSV series out of range names its range") {
        // China's rows cover 1960-2023; the timeline starts in 1955.
        fails("timeline:\n  start: 1955\n  end: 1965\n  schedules:\n    players.power.china: {csv: \"" + absolute_gdp() +
                  "\", value: gdp_current_usd, where: {country: China}, scale: 1e-12}\n",
              5, {"1955", "outside", "1960-2023"});
    }
    SECTION("an event that sets a scheduled parameter") {
        // The schedule would overwrite the event's value the next period: refused, pointing at
        // the event's key, with the schedule's step as the fix.
        fails("timeline:\n  start: 2000\n  end: 2010\n  schedules:\n    partnership.g.russia.china: {linear: {2000: 1, 2010: 2}}\n"
              "  events:\n    - name: treaty\n      at: 2005\n      set: {partnership.g.russia.china: 3}\n",
              9, {"event 'treaty' sets partnership.g.russia.china", "schedule for partnership.g.russia.china (line",
                  "{steps: {treaty: VALUE}}"});
    }
    SECTION("an event outside the timeline") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  events:\n    - name: late\n      at: 2050\n", 6,
              {"event 'late' at 2050", "outside the timeline 2000-2010"});
        fails("timeline:\n  start: 2000\n  end: 2010\n  events:\n    - name: early\n      at: 1999\n", 6,
              {"outside the timeline"});
    }
    SECTION("a fix that leaves a player no action") {
        // China's actions align with one of Russia and the US and oppose the other: none
        // aligns with both. The error is placed at the event (its first line).
        fails("timeline:\n  start: 2000\n  end: 2010\n  events:\n    - name: squeeze\n      at: 2005\n"
              "      fix: {china: {russia: align, us: align}}\n",
              5, {"china", "no action"});
        // Two events that together leave none.
        fails("timeline:\n  start: 2000\n  end: 2010\n  events:\n    - {name: one, at: 2002, fix: {china: {russia: align}}}\n"
              "    - {name: two, at: 2004, fix: {china: {us: align}}}\n",
              6, {"china", "no action"});
    }
    SECTION("a joint rule given to only some players") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  learning:\n    default: {rule: best_response}\n"
              "    china: {rule: equilibrium_tracking}\n",
              5, {"joint rule", "every player"});
    }
    SECTION("min_hold: 0") {
        fails("timeline:\n  start: 2000\n  end: 2010\n  min_hold: 0\n", 4, {"min_hold must be at least 1"});
    }
}
