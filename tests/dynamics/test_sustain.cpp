#include "triad/dynamics/sustain.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/scenario.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::two_by_two;

namespace {

// (A = cooperate, B = defect) with T = 5, R = 3, P = 1, S = 0. Profile index = row + 2 * col.
Game prisoners_dilemma() { return two_by_two(3, 3, 0, 5, 5, 0, 1, 1); }
constexpr std::size_t kCooperate = 0, kRowCooperatesColDefects = 2, kDefect = 3;

}  // namespace

TEST_CASE("prisoner's dilemma: delta* = (T - R) / (T - P) = 1/2 under Nash reversion", "[sustain]") {
    // Closed form: cooperating pays R for ever; deviating pays T once, then the unique stage
    // equilibrium (defect, defect) pays P for ever. R >= (1 - d) T + d P  <=>  d >= (T - R) / (T - P)
    // = (5 - 3) / (5 - 1) = 1/2.
    const Game game = prisoners_dilemma();
    const SustainResult r = sustain(game, kCooperate, Punishment::nash, payoff_tolerance(game));
    CHECK(r.punishment == Punishment::nash);
    CHECK(r.feasible);
    CHECK(r.cooperative == std::vector<double>{3, 3});
    CHECK(r.deviation == std::vector<double>{5, 5});
    CHECK(r.best_deviation == std::vector<int>{1, 1});
    CHECK(r.punished == std::vector<double>{1, 1});
    for (int i = 0; i < 2; ++i) {
        REQUIRE(r.critical[i]);
        CHECK(*r.critical[i] == Approx(0.5));
        CHECK(r.punishment_profile[i] == kDefect);
    }
    CHECK(r.required == Approx(0.5));
    CHECK(r.notes.empty());
}

TEST_CASE("prisoner's dilemma: the pure minmax is P = 1 too, so delta* = 1/2", "[sustain]") {
    // Whatever the row player does, the column player can defect; the row's best reply to
    // defection is defection, worth 1: the minmax equals the Nash payoff here.
    const Game game = prisoners_dilemma();
    const SustainResult r = sustain(game, kCooperate, Punishment::minmax, payoff_tolerance(game));
    CHECK(r.punishment == Punishment::minmax);
    CHECK(r.punished == std::vector<double>{1, 1});
    for (int i = 0; i < 2; ++i) {
        REQUIRE(r.critical[i]);
        CHECK(*r.critical[i] == Approx(0.5));
        CHECK(r.punishment_profile[i] == kDefect);
    }
    CHECK(r.required == Approx(0.5));
}

TEST_CASE("sustainable() in the prisoner's dilemma: yes at 0.6, no at 0.4, yes at exactly 1/2", "[sustain]") {
    const Game game = prisoners_dilemma();
    const SustainResult r = sustain(game, kCooperate, Punishment::nash, payoff_tolerance(game));
    CHECK(sustainable(r, {0.6, 0.6}));
    CHECK_FALSE(sustainable(r, {0.4, 0.4}));
    CHECK(sustainable(r, {0.5, 0.5}));  // indifferent: counts as held
    CHECK_FALSE(sustainable(r, {0.6, 0.4}));
    CHECK(holds(r, 0, 0.6));
    CHECK_FALSE(holds(r, 1, 0.4));
    CHECK_THROWS_AS(sustainable(r, {0.6}), Error);
    CHECK_THROWS_AS(sustainable(r, {0.6, 1.0}), Error);
    CHECK_THROWS_AS(sustainable(r, {-0.1, 0.6}), Error);
}

TEST_CASE("a stage equilibrium as the target: delta* = 0, sustainable at any discount", "[sustain]") {
    const Game game = prisoners_dilemma();
    for (const Punishment p : {Punishment::nash, Punishment::minmax}) {
        const SustainResult r = sustain(game, kDefect, p, payoff_tolerance(game));
        CHECK(r.feasible);
        CHECK(r.required == 0.0);
        CHECK(r.best_deviation == std::vector<int>{1, 1});  // the own action: no gain
        for (const auto& c : r.critical) CHECK(c == std::optional<double>(0.0));
        CHECK(sustainable(r, {0.0, 0.0}));
        CHECK(sustainable(r, {0.99, 0.3}));
    }
}

TEST_CASE("cooperating below the punishment payoff: infeasible, delta* none", "[sustain]") {
    // Target (cooperate, defect): the row player gets the sucker's payoff S = 0 < P = 1.
    const Game game = prisoners_dilemma();
    const SustainResult r = sustain(game, kRowCooperatesColDefects, Punishment::nash, payoff_tolerance(game));
    CHECK_FALSE(r.feasible);
    CHECK_FALSE(r.critical[0].has_value());
    REQUIRE(r.critical[1]);
    CHECK(*r.critical[1] == 0.0);  // the column player already plays its best reply
    CHECK(r.required == 1.0);
    CHECK_FALSE(sustainable(r, {0.99, 0.99}));
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Catch::Contains("row cannot be held"));
}

TEST_CASE("cooperating exactly at the punishment payoff with a gain: delta* = 1, never held", "[sustain]") {
    // Row: C = 1 at (A, A), D = 2 by B, and the only equilibrium (B, B) pays it 1 as well.
    const Game game = two_by_two(1, 1, 0, 0, 2, 0, 1, 1);
    const SustainResult r = sustain(game, 0, Punishment::nash, payoff_tolerance(game));
    CHECK(r.feasible);
    REQUIRE(r.critical[0]);
    CHECK(*r.critical[0] == 1.0);
    CHECK(r.required == 1.0);
    CHECK_FALSE(sustainable(r, {0.999999, 0.999999}));
}

TEST_CASE("Nash reversion picks each player's worst pure equilibrium", "[sustain]") {
    // Battle of the sexes: (A, A) pays (3, 1), (B, B) pays (1, 3), miscoordination (0, 0).
    // Row's worst equilibrium is (B, B) (profile 3), col's is (A, A) (profile 0). The target
    // (A, B) (profile 2) pays each 0 < 1: neither can be held.
    const Game game = two_by_two(3, 1, 0, 0, 0, 0, 1, 3);
    const SustainResult r = sustain(game, 2, Punishment::nash, payoff_tolerance(game));
    CHECK(r.punishment_profile[0] == std::optional<std::size_t>(3));
    CHECK(r.punishment_profile[1] == std::optional<std::size_t>(0));
    CHECK(r.punished == std::vector<double>{1, 1});
    CHECK_FALSE(r.feasible);
    CHECK_FALSE(r.critical[0]);
    CHECK_FALSE(r.critical[1]);
}

TEST_CASE("matching pennies has no pure equilibrium: Nash reversion falls back to minmax", "[sustain]") {
    // The row player wins on a match. Target (H, H) = (A, A): row C = 1 = D, col C = -1, D = 1.
    // Pure minmax of each player is 1 (whatever the other does purely, one can win), so the
    // column player, at -1 < 1, cannot be held.
    const Game game = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    const SustainResult r = sustain(game, 0, Punishment::nash, payoff_tolerance(game));
    CHECK(r.punishment == Punishment::minmax);
    REQUIRE_FALSE(r.notes.empty());
    CHECK_THAT(r.notes[0], Catch::Contains("no pure equilibrium"));
    CHECK(r.punished == std::vector<double>{1, 1});
    REQUIRE(r.critical[0]);
    CHECK(*r.critical[0] == 0.0);
    CHECK_FALSE(r.critical[1]);
    CHECK_FALSE(r.feasible);
    CHECK(r.required == 1.0);
    bool warns_credibility = false;
    for (const auto& n : r.notes) warns_credibility |= n.find("not a stage equilibrium") != std::string::npos;
    CHECK(warns_credibility);
}

TEST_CASE("bad arguments throw", "[sustain]") {
    const Game game = prisoners_dilemma();
    CHECK_THROWS_AS(sustain(game, 4, Punishment::nash, 1e-9), Error);
    CHECK_THROWS_AS(sustain(game, 0, Punishment::nash, -1.0), Error);
    CHECK(parse_punishment("minmax") == Punishment::minmax);
    CHECK_FALSE(parse_punishment("grim"));
    CHECK(to_string(Punishment::nash) == "nash");
}

TEST_CASE("baseline scenario: its unique strict pure equilibrium needs no patience", "[sustain]") {
    triad::StageModel model(triad::load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Game& game = model.game();
    const double tolerance = payoff_tolerance(game);
    const auto equilibria = pure_equilibria(game, tolerance);
    REQUIRE(equilibria.size() == 1);
    const std::size_t target = *equilibria.front().profile;
    for (const Punishment p : {Punishment::nash, Punishment::minmax}) {
        const SustainResult r = sustain(game, target, p, tolerance);
        CHECK(r.punishment == p);
        CHECK(r.feasible);
        CHECK(r.required == 0.0);
        REQUIRE(r.critical.size() == 3);
        for (int i = 0; i < 3; ++i) {
            CHECK(r.critical[i] == std::optional<double>(0.0));
            CHECK(r.best_deviation[i] == game.space.action_of(target, i));
            CHECK(r.punished[i] <= r.cooperative[i] + tolerance);
            if (p == Punishment::nash) CHECK(r.punishment_profile[i] == target);
        }
        std::vector<double> discount;
        for (int i = 0; i < 3; ++i) discount.push_back(model.discount(i));
        CHECK(sustainable(r, discount));
        CHECK(sustainable(r, {0.0, 0.0, 0.0}));
    }
}

// The games above have T - R = R - P (5 - 3 = 3 - 1), where delta* = (D - C) / (D - P) and its
// complement (C - P) / (D - P) coincide. The games below tell them apart.

TEST_CASE("prisoner's dilemma with T - R != R - P: delta* = (T - R) / (T - P), both punishments", "[sustain]") {
    // T = 7, R = 3, P = 1, S = 0: (A, A) = (3, 3), (A, B) = (0, 7), (B, A) = (7, 0), (B, B) = (1, 1).
    // Defecting is dominant (7 > 3, 1 > 0), so (B, B) is the only stage equilibrium: Nash
    // reversion pays P = 1. The pure minmax is 1 too: against A the best reply pays max(3, 7)
    // = 7, against B max(0, 1) = 1, and min(7, 1) = 1, reached at (B, B).
    //     delta* = (D - C) / (D - P) = (7 - 3) / (7 - 1) = 4/6 = 2/3
    // (the complement (C - P) / (D - P) = 2/6 = 1/3 would be wrong).
    const Game game = two_by_two(3, 3, 0, 7, 7, 0, 1, 1);
    for (const Punishment p : {Punishment::nash, Punishment::minmax}) {
        INFO(to_string(p));
        const SustainResult r = sustain(game, kCooperate, p, payoff_tolerance(game));
        CHECK(r.punishment == p);
        CHECK(r.feasible);
        CHECK(r.cooperative == std::vector<double>{3, 3});
        CHECK(r.deviation == std::vector<double>{7, 7});
        CHECK(r.punished == std::vector<double>{1, 1});
        for (int i = 0; i < 2; ++i) {
            REQUIRE(r.critical[i]);
            CHECK(*r.critical[i] == Approx(2.0 / 3.0));
            CHECK(r.punishment_profile[i] == kDefect);
        }
        CHECK(r.required == Approx(2.0 / 3.0));
        // 0.6 < 2/3 <= 0.7.
        CHECK_FALSE(sustainable(r, {0.6, 0.6}));
        CHECK(sustainable(r, {0.7, 0.7}));
    }
}

TEST_CASE("prisoner's dilemma with a small temptation: delta* = (T - R) / (T - P) = 1/4", "[sustain]") {
    // T = 4, R = 3, P = 0, S = -1: (A, A) = (3, 3), (A, B) = (-1, 4), (B, A) = (4, -1), (B, B) = (0, 0).
    // Defecting is dominant (4 > 3, 0 > -1); Nash reversion and the pure minmax (min(4, 0))
    // both pay P = 0. delta* = (4 - 3) / (4 - 0) = 1/4 (the complement would be 3/4).
    const Game game = two_by_two(3, 3, -1, 4, 4, -1, 0, 0);
    for (const Punishment p : {Punishment::nash, Punishment::minmax}) {
        INFO(to_string(p));
        const SustainResult r = sustain(game, kCooperate, p, payoff_tolerance(game));
        CHECK(r.punished == std::vector<double>{0, 0});
        for (int i = 0; i < 2; ++i) {
            REQUIRE(r.critical[i]);
            CHECK(*r.critical[i] == Approx(0.25));
        }
        CHECK(r.required == Approx(0.25));
        CHECK(sustainable(r, {0.3, 0.3}));
        CHECK_FALSE(sustainable(r, {0.2, 0.2}));
    }
}

TEST_CASE("a costly punishment: the pure minmax is below Nash reversion, so it needs less patience", "[sustain]") {
    // Row payoffs A and column payoffs B; the column player's c2 punishes the row at a cost.
    //          c0      c1      c2
    //   r0   (4, 4)  (1, 5)  (0, -1)
    //   r1   (7, 0)  (2, 1)  (0, -1)
    // c1 is strictly dominant for the column (5 > 4 > -1, 1 > 0 > -1); the row's best reply to
    // c1 is r1 (2 > 1), so (r1, c1) is the only pure equilibrium: it pays (2, 1).
    // Profile index = row + 2 * col: (r0, c0) = 0, (r1, c1) = 3, (r0, c2) = 4.
    // Target (r0, c0): row C = 4, D = 7 (r1); column C = 4, D = 5 (c1).
    Eigen::MatrixXd A(2, 3), B(2, 3);
    A << 4, 1, 0,
         7, 2, 0;
    B << 4, 5, -1,
         0, 1, -1;
    const Game game = triad::test::bimatrix(A, B);
    const double tolerance = payoff_tolerance(game);

    SECTION("Nash reversion to (r1, c1)") {
        // row:    delta* = (7 - 4) / (7 - 2) = 3/5      (complement 2/5)
        // column: delta* = (5 - 4) / (5 - 1) = 1/4      (complement 3/4)
        // required = max(3/5, 1/4) = 3/5.
        const SustainResult r = sustain(game, 0, Punishment::nash, tolerance);
        CHECK(r.punishment == Punishment::nash);
        CHECK(r.feasible);
        CHECK(r.cooperative == std::vector<double>{4, 4});
        CHECK(r.deviation == std::vector<double>{7, 5});
        CHECK(r.best_deviation == std::vector<int>{1, 1});
        CHECK(r.punished == std::vector<double>{2, 1});
        CHECK(r.punishment_profile[0] == std::optional<std::size_t>(3));
        CHECK(r.punishment_profile[1] == std::optional<std::size_t>(3));
        REQUIRE(r.critical[0]);
        REQUIRE(r.critical[1]);
        CHECK(*r.critical[0] == Approx(3.0 / 5.0));
        CHECK(*r.critical[1] == Approx(1.0 / 4.0));
        CHECK(r.required == Approx(3.0 / 5.0));
        CHECK(r.notes.empty());
        CHECK_FALSE(sustainable(r, {0.5, 0.5}));  // the row needs 0.6
        CHECK(sustainable(r, {0.6, 0.25}));      // exactly at delta*: held
    }
    SECTION("pure minmax: c2 holds the row to 0") {
        // Row: against c0 its best reply pays max(4, 7) = 7, against c1 max(1, 2) = 2, against
        // c2 max(0, 0) = 0 (a tie, so the first action r0 stands for it): P = 0 at (r0, c2),
        // below the 2 that Nash reversion gives.
        //     delta* = (7 - 4) / (7 - 0) = 3/7     (complement 4/7)
        // Column: against r0 its best reply pays max(4, 5, -1) = 5, against r1 max(0, 1, -1) = 1:
        // P = 1 at (r1, c1), the same as Nash reversion, so delta* = 1/4 again.
        // required = max(3/7, 1/4) = 3/7.
        const SustainResult r = sustain(game, 0, Punishment::minmax, tolerance);
        CHECK(r.punishment == Punishment::minmax);
        CHECK(r.feasible);
        CHECK(r.punished == std::vector<double>{0, 1});
        CHECK(r.punishment_profile[0] == std::optional<std::size_t>(4));
        CHECK(r.punishment_profile[1] == std::optional<std::size_t>(3));
        REQUIRE(r.critical[0]);
        REQUIRE(r.critical[1]);
        CHECK(*r.critical[0] == Approx(3.0 / 7.0));
        CHECK(*r.critical[1] == Approx(1.0 / 4.0));
        CHECK(r.required == Approx(3.0 / 7.0));
        // 3/7 = 0.43 <= 0.5 < 3/5: the harsher threat holds the row where Nash reversion does not.
        CHECK(sustainable(r, {0.5, 0.5}));
        CHECK_FALSE(sustainable(r, {0.4, 0.5}));
        // (r0, c2) is no stage equilibrium: the column gets -1 there and 5 by playing c1.
        bool warns_credibility = false;
        for (const auto& n : r.notes)
            warns_credibility |= n.find("the punishment of row is not a stage equilibrium") != std::string::npos;
        CHECK(warns_credibility);
    }
}
