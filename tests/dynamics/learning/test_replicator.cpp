// The replicator rule (sim/dynamics/learning/replicator.cpp): the simplex is kept and Nash
// equilibria are rest points.
#include "triad/dynamics/learning.hpp"

#include "../learning_support.hpp"
#include "support.hpp"

#include <cmath>
#include <random>
#include <set>

using namespace triad;
using namespace triad::test;

TEST_CASE("replicator keeps every strategy on the simplex (baseline game)", "[learning]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Game& g = model.game();
    REQUIRE(g.player_count() == 3);
    for (int i = 0; i < 3; ++i) REQUIRE(g.space.actions(i) == 9);
    const auto& rep = rule_named("replicator");
    std::mt19937_64 random(7);
    // eta = 50 is far above the cap (0.5 / largest payoff gap): the cap must hold shares >= 0.
    for (double eta : {0.1, 1.0, 50.0}) {
        for (int trial = 0; trial < 4; ++trial) {
            INFO("eta " << eta << ", trial " << trial);
            Dynamics d(g, rep, options_of(rep, {{"eta", eta}}));
            if (trial == 3) d.allowed[1] = {1, 0, 1, 0, 1, 0, 1, 0, 1};  // a fixed stance's mask
            MixedProfile play;
            for (int i = 0; i < 3; ++i) play.push_back(random_interior(9, random));
            for (int t = 0; t < 60; ++t) {
                play = d.step(play, t % 2 == 0);
                for (int i = 0; i < 3; ++i) {
                    INFO("period " << t << ", player " << i << ": " << play[static_cast<std::size_t>(i)].transpose());
                    CHECK(on_simplex(play[static_cast<std::size_t>(i)]));
                    for (int a = 0; a < 9; ++a)
                        if (!d.allowed[static_cast<std::size_t>(i)][static_cast<std::size_t>(a)])
                            CHECK(play[static_cast<std::size_t>(i)](a) == 0.0);
                }
            }
        }
    }
}

TEST_CASE("replicator: Nash equilibria are rest points", "[learning]") {
    const auto& rep = rule_named("replicator");
    auto stays = [&](const Game& g, const MixedProfile& eq, double eta) {
        Dynamics d(g, rep, options_of(rep, {{"eta", eta}}));
        MixedProfile play = eq;
        for (int t = 0; t < 20; ++t) {
            play = d.step(play, false);
            for (std::size_t i = 0; i < eq.size(); ++i) {
                INFO("eta " << eta << ", player " << i << ": " << play[i].transpose());
                CHECK((play[i] - eq[i]).cwiseAbs().maxCoeff() <= 1e-12);
            }
        }
    };
    // Matching pennies: against (1/2, 1/2) both actions earn 0 = the mean, so nothing moves.
    const Game mp = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    const MixedProfile half = {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)};
    // Battle of the sexes: (A,A) pays (2,1), (B,B) pays (1,2), miscoordination 0. The column
    // player is indifferent when the row plays A with p: 1 p = 2 (1 - p), p = 2/3; the row is
    // indifferent when the column plays A with q: 2 q = 1 (1 - q), q = 1/3.
    const Game bos = two_by_two(2, 1, 0, 0, 0, 0, 1, 2);
    const MixedProfile mixed = {Eigen::Vector2d(2.0 / 3, 1.0 / 3), Eigen::Vector2d(1.0 / 3, 2.0 / 3)};
    REQUIRE(regret(bos, mixed) == Approx(0.0).margin(1e-12));
    for (double eta : {0.1, 1.0, 10.0}) {
        stays(mp, half, eta);
        stays(bos, mixed, eta);
        stays(bos, pure(bos, {0, 0}), eta);  // a pure equilibrium
        stays(bos, pure(bos, {1, 1}), eta);
    }
    // Off equilibrium it does move: the row's share of A grows against a column leaning to A.
    Dynamics d(bos, rep, options_of(rep));
    const MixedProfile off = {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)};
    CHECK(d.step(off, false)[0](0) > 0.5);
}
