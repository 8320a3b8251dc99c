// The fictitious_play rule (sim/dynamics/learning/fictitious_play.cpp) on games whose play is
// known from the literature.
#include "triad/dynamics/learning.hpp"

#include "../learning_support.hpp"
#include "support.hpp"

#include <cmath>
#include <random>
#include <set>

using namespace triad;
using namespace triad::test;

TEST_CASE("fictitious_play: empirical frequencies converge in matching pennies (Robinson 1951)", "[learning]") {
    // Matching pennies: the row player wins 1 when the actions match, the column player when
    // they differ. Zero-sum, unique equilibrium (1/2, 1/2) for both. Robinson (Annals of
    // Mathematics 54, 1951) proved that fictitious play's empirical frequencies converge to
    // the equilibrium in every two-player zero-sum game, while play itself keeps cycling
    // (there is no pure equilibrium to settle on).
    const Game mp = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    const auto& fp = rule_named("fictitious_play");
    Dynamics d(mp, fp, options_of(fp, {{"discount", 1.0}}));
    MixedProfile play = pure(mp, {0, 0});
    Frequencies f(mp);
    f.add(play);
    int changes_late = 0;
    const int T = 2000;
    for (int t = 1; t < T; ++t) {
        const MixedProfile next = d.step(play, false);
        // With discount 1 the beliefs are the plain counts of everything seen so far
        // (periods 0 .. t-1): exactly what this loop has counted.
        CHECK(d.states[0].beliefs[1].isApprox(f.counts[1]));
        CHECK(d.states[1].beliefs[0].isApprox(f.counts[0]));
        if (t > T / 2 && actions_of(next) != actions_of(play)) ++changes_late;
        play = next;
        f.add(play);
        for (int i = 0; i < 2; ++i) CHECK(play[static_cast<std::size_t>(i)].maxCoeff() == 1.0);  // pure play
    }
    for (int i = 0; i < 2; ++i) {
        INFO("player " << i << " frequencies " << f.of(i).transpose());
        CHECK(std::abs(f.of(i)(0) - 0.5) < 0.05);
        CHECK(std::abs(f.of(i)(1) - 0.5) < 0.05);
    }
    // Play does not converge: it still changes in the second half of the run.
    CHECK(changes_late > 2);
}

TEST_CASE("fictitious_play with discount 0 is the best reply to last period's play", "[learning]") {
    // discount 0 keeps only the newest observation: beliefs = last period's play, so the rule
    // must agree with best_response (q = 1) period by period, here in simultaneous play.
    const PotentialGame pg = potential_game({3, 3, 4}, 31);
    const Game& g = pg.game;
    const auto& fp = rule_named("fictitious_play");
    const auto& br = rule_named("best_response");
    Dynamics a(g, fp, options_of(fp, {{"discount", 0.0}}));
    Dynamics b(g, br, options_of(br, {{"q", 1.0}}));
    MixedProfile pa = pure(g, {2, 0, 3});
    MixedProfile pb = pa;
    for (int t = 0; t < 30; ++t) {
        pa = a.step(pa, false);
        pb = b.step(pb, false);
        CHECK(actions_of(pa) == actions_of(pb));
    }
}

TEST_CASE("fictitious_play cycles in Shapley's game: run lengths grow, frequencies do not converge",
          "[learning]") {
    // Shapley ("Some topics in two-person games", Advances in Game Theory, 1964): in this 3x3
    // bimatrix game the unique equilibrium is uniform (1/3, 1/3, 1/3) for both players, yet
    // fictitious play cycles through the six off-diagonal profiles with runs of constant
    // play whose lengths grow geometrically, and the empirical frequencies approach a
    // triangle (the "Shapley triangle") that keeps away from the equilibrium. Contrast
    // Robinson (1951): in zero-sum games (matching pennies above) they do converge.
    Eigen::MatrixXd A(3, 3), B(3, 3);
    A << 0, 1, 0, 0, 0, 1, 1, 0, 0;
    B << 0, 0, 1, 1, 0, 0, 0, 1, 0;
    const Game shapley = bimatrix(A, B);
    // The uniform profile is an equilibrium: each action earns 1/3 against it.
    MixedProfile uniform = {Eigen::VectorXd::Constant(3, 1.0 / 3), Eigen::VectorXd::Constant(3, 1.0 / 3)};
    CHECK(regret(shapley, uniform) == Approx(0.0).margin(1e-12));

    const auto& fp = rule_named("fictitious_play");
    Dynamics d(shapley, fp, options_of(fp, {{"discount", 1.0}}));
    // Start off the diagonal. (A diagonal start is a knife-edge: there the row's best reply
    // to column action c equals the column's best reply to row action c, so simultaneous
    // play stays on the diagonal, which pays both players 0, with symmetric beliefs, and the
    // frequencies do go to uniform. Shapley's cycle is the generic behaviour.)
    MixedProfile play = pure(shapley, {0, 1});
    Frequencies f(shapley);
    f.add(play);
    const int T = 5000;
    std::vector<int> runs;  // lengths of maximal stretches of constant (joint) play
    int current = 1;
    double late_deviation = 0.0;  // max over t >= T/2 of max_{i,a} |freq - 1/3|
    int diagonal_visits = 0;
    for (int t = 1; t < T; ++t) {
        const MixedProfile next = d.step(play, false);
        if (actions_of(next) == actions_of(play)) {
            ++current;
        } else {
            runs.push_back(current);
            current = 1;
        }
        play = next;
        f.add(play);
        if (mode(play[0]) == mode(play[1])) ++diagonal_visits;
        if (t >= T / 2)
            for (int i = 0; i < 2; ++i)
                late_deviation = std::max(late_deviation, (f.of(i).array() - 1.0 / 3).abs().maxCoeff());
    }
    INFO("completed runs: " << runs.size() << ", last run " << (runs.empty() ? 0 : runs.back()));
    // Geometric growth means few runs in all, on the order of log T (runs growing only
    // linearly would already number about sqrt(2T) = 100) ...
    REQUIRE(runs.size() >= 8);
    CHECK(runs.size() < 100);
    // ... each longer than the one before ...
    for (std::size_t k = 1; k < runs.size(); ++k) {
        INFO("run " << k << ": " << runs[k - 1] << " -> " << runs[k]);
        CHECK(runs[k] > runs[k - 1]);
    }
    // ... by a factor that compounds: a full cycle (six runs) later a run is several times
    // longer. Play goes round the six off-diagonal profiles, each paying one player 1, and
    // never visits the diagonal.
    CHECK(runs.back() > 4 * runs[runs.size() - 7]);
    CHECK(diagonal_visits == 0);
    // Frequencies stay away from uniform however long the run.
    CHECK(late_deviation > 0.1);
}
