// Learning rules (include/triad/dynamics/learning.hpp, sim/dynamics/learning/*.cpp), driven directly through the
// registry on games whose dynamics are known from the literature. Each test keeps one
// RuleState per player and plays T periods with its own small loop, so that what is tested is
// the rule itself, not the timeline around it (tests/dynamics/test_timeline.cpp covers that).
#include "triad/dynamics/learning.hpp"

#include "triad/core/game.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/scenario.hpp"

#include "learning_support.hpp"
#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace triad;
using triad::test::bimatrix;
using triad::test::ring_game;
using triad::test::two_by_two;

using namespace triad::test;

// ---------------------------------------------------------------------------------------------
// The registry

TEST_CASE("every registered rule is well formed", "[learning]") {
    const auto& registry = builtin_learning_rules();
    const std::vector<std::string> expected = {"best_response", "logit", "fictitious_play", "replicator",
                                               "equilibrium_tracking"};
    for (const auto& name : expected) {
        INFO(name);
        CHECK(registry.find(name) != nullptr);
    }
    CHECK(registry.find("no_such_rule") == nullptr);
    for (const auto& spec : registry.all()) {
        INFO("rule " << spec->name);
        CHECK_FALSE(spec->name.empty());
        CHECK_FALSE(spec->summary.empty());
        CHECK_FALSE(spec->reference.empty());
        // Per-player rules answer with `update`, joint rules with `update_joint`, never both:
        // the timeline calls exactly one of them.
        if (spec->joint) {
            CHECK(static_cast<bool>(spec->update_joint));
            CHECK_FALSE(static_cast<bool>(spec->update));
        } else {
            CHECK(static_cast<bool>(spec->update));
            CHECK_FALSE(static_cast<bool>(spec->update_joint));
        }
        std::set<std::string> keys;
        for (const auto& o : spec->options) {
            INFO("option " << o.symbol);
            CHECK_FALSE(o.symbol.empty());
            CHECK_FALSE(o.help.empty());
            CHECK(o.lower <= o.upper);
            // The default must pass the bounds read_timeline enforces on a written value.
            CHECK(o.default_value >= o.lower);
            CHECK(o.default_value <= o.upper);
            CHECK(std::isfinite(o.default_value));
            // Symbol and long name are both accepted keys, so no two options may share one.
            CHECK(keys.insert(o.symbol).second);
            if (o.name != o.symbol) CHECK(keys.insert(o.name).second);
            CHECK(keys.count("rule") == 0);  // `rule:` names the rule itself
        }
    }
    // The documented flags: only the rules that draw random numbers say so.
    CHECK(rule_named("logit").stochastic);
    CHECK(rule_named("best_response").stochastic);
    CHECK_FALSE(rule_named("fictitious_play").stochastic);
    CHECK_FALSE(rule_named("replicator").stochastic);
    CHECK(rule_named("equilibrium_tracking").joint);
}

// ---------------------------------------------------------------------------------------------
// best_response

TEST_CASE("best_response with q = 1 ends at a pure equilibrium of a potential game", "[learning]") {
    const auto& br = rule_named("best_response");
    for (std::uint64_t seed : {11u, 12u, 13u}) {
        const PotentialGame pg = potential_game({3, 4, 5}, seed);
        const Game& g = pg.game;
        // Sanity: the construction is an exact potential game.
        std::vector<int> a(3);
        for (std::size_t p = 0; p < g.space.size(); p += 7)
            for (int i = 0; i < 3; ++i)
                for (int b = 0; b < g.space.actions(i); ++b) {
                    const std::size_t q = g.space.with_action(p, i, b);
                    CHECK(g.payoffs[i](static_cast<Eigen::Index>(q)) - g.payoffs[i](static_cast<Eigen::Index>(p)) ==
                          Approx(pg.phi(static_cast<Eigen::Index>(q)) - pg.phi(static_cast<Eigen::Index>(p))).margin(1e-12));
                }
        for (std::size_t start = 0; start < g.space.size(); start += 5) {
            INFO("seed " << seed << ", start " << start);
            Dynamics d(g, br, options_of(br, {{"q", 1.0}}));
            g.space.decode(start, a);
            MixedProfile play = pure(g, a);
            // Each period with a change is a chain of strictly improving unilateral moves,
            // each raising Phi, so no profile repeats and the path stops within |A| = 60
            // periods (Monderer and Shapley's finite improvement property).
            int t = 0;
            for (; t <= static_cast<int>(g.space.size()); ++t) {
                const MixedProfile next = d.step(play, true);
                if (actions_of(next) == actions_of(play)) break;
                CHECK(pg.phi(static_cast<Eigen::Index>(profile_of(g, next))) >
                      pg.phi(static_cast<Eigen::Index>(profile_of(g, play))));
                play = next;
            }
            REQUIRE(t <= static_cast<int>(g.space.size()));
            const std::size_t end = profile_of(g, play);
            CHECK(pure_regret(g, end) == 0.0);
            // ... and stays put: the best reply to an equilibrium is the action played.
            for (int k = 0; k < 5; ++k) {
                play = d.step(play, true);
                CHECK(profile_of(g, play) == end);
            }
        }
    }
}

TEST_CASE("best_response with inertia (q = 0.3) converges too, more slowly, reproducibly", "[learning]") {
    const auto& br = rule_named("best_response");
    const PotentialGame pg = potential_game({3, 4, 5}, 21);
    const Game& g = pg.game;
    // Expected periods to equilibrium scale like 1/q (a revision happens in a period only
    // with probability q per player), so summed over many starts q = 0.3 takes longer.
    long total_fast = 0;
    long total_slow = 0;
    std::vector<int> a(3);
    for (std::size_t start = 0; start < g.space.size(); ++start) {
        INFO("start " << start);
        g.space.decode(start, a);
        Dynamics fast(g, br, options_of(br, {{"q", 1.0}}));
        const int t_fast = periods_to_equilibrium(fast, pure(g, a), 100);
        REQUIRE(t_fast >= 0);
        Dynamics slow(g, br, options_of(br, {{"q", 0.3}}), 1000 + start);
        MixedProfile end;
        std::vector<std::size_t> path;
        // With probability 1 a revision eventually happens; 2000 periods leave the chance of
        // failing far below 1e-100 (each period revises someone with probability 1 - 0.7^3).
        const int t_slow = periods_to_equilibrium(slow, pure(g, a), 2000, &path, &end);
        REQUIRE(t_slow >= 0);
        total_fast += t_fast;
        total_slow += t_slow;
        // Once there, inertia or not, nobody moves.
        for (int k = 0; k < 20; ++k) {
            end = slow.step(end, true);
            CHECK(pure_regret(g, profile_of(g, end)) == 0.0);
            CHECK(profile_of(g, end) == path.back());
        }
        // The same seed gives the same path.
        Dynamics again(g, br, options_of(br, {{"q", 0.3}}), 1000 + start);
        std::vector<std::size_t> path_again;
        CHECK(periods_to_equilibrium(again, pure(g, a), 2000, &path_again) == t_slow);
        CHECK(path_again == path);
    }
    CHECK(total_slow > total_fast);
}

TEST_CASE("best_response keeps its action when it does not revise, even if it is no best reply", "[learning]") {
    // Prisoners' dilemma: (A = cooperate, B = defect); defect is dominant. With q = 0 no
    // player ever revises, so cooperation persists; with q = 1 both defect at once.
    const Game pd = two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    const auto& br = rule_named("best_response");
    Dynamics never(pd, br, options_of(br, {{"q", 0.0}}), 5);
    MixedProfile play = pure(pd, {0, 0});
    for (int t = 0; t < 50; ++t) play = never.step(play, false);
    CHECK(actions_of(play) == std::vector<int>{0, 0});
    Dynamics always(pd, br, options_of(br, {{"q", 1.0}}));
    CHECK(actions_of(always.step(pure(pd, {0, 0}), false)) == std::vector<int>{1, 1});
    // A disallowed current action is left even without a revision draw (q = 0).
    never.allowed[0] = {0, 1};
    CHECK(actions_of(never.step(pure(pd, {0, 0}), false))[0] == 1);
}

// ---------------------------------------------------------------------------------------------
// logit

TEST_CASE("logit: lambda = 0 draws uniformly over the allowed actions; large lambda best-replies", "[learning]") {
    // Row values against column action c0: (3, 5, 1, 2); against c1: (0, 0, 4, 0).
    Eigen::MatrixXd A(4, 2), B(4, 2);
    A << 3, 0, 5, 0, 1, 4, 2, 0;
    B << 1, 0, 0, 1, 1, 0, 0, 1;
    const Game g = bimatrix(A, B);
    const auto& logit = rule_named("logit");
    const MixedProfile previous = pure(g, {0, 0});
    std::mt19937_64 random(99);
    RuleState state;

    const std::vector<char> mask = {1, 0, 1, 1};  // action 1 (the best) not allowed
    const RuleOptions zero = options_of(logit, {{"lambda", 0.0}});
    const int draws = 20000;
    Eigen::Vector4d counts = Eigen::Vector4d::Zero();
    for (int k = 0; k < draws; ++k) {
        const Eigen::VectorXd s = logit.update(RuleInput{g, 0, previous, mask, zero, state, random});
        REQUIRE(s.sum() == 1.0);
        counts(mode(s)) += 1.0;
    }
    // Three allowed actions: each frequency near 1/3 (the standard error is
    // sqrt(2/9 / 20000) = 0.0033, so 0.03 is a nine-sigma margin).
    CHECK(counts(1) == 0.0);
    for (int a : {0, 2, 3}) {
        INFO("action " << a << ": " << counts(a) / draws);
        CHECK(std::abs(counts(a) / draws - 1.0 / 3) < 0.03);
    }

    // lambda = 1000: the runner-up's weight is exp(-1000 * gap) with gap >= 1, i.e. 0.
    const RuleOptions sharp = options_of(logit, {{"lambda", 1000.0}});
    const std::vector<char> all = {1, 1, 1, 1};
    for (int k = 0; k < 200; ++k) {
        CHECK(mode(logit.update(RuleInput{g, 0, previous, all, sharp, state, random})) == 1);
        CHECK(mode(logit.update(RuleInput{g, 0, previous, mask, sharp, state, random})) == 0);  // best allowed
        CHECK(mode(logit.update(RuleInput{g, 0, pure(g, {0, 1}), all, sharp, state, random})) == 2);
    }
}

// ---------------------------------------------------------------------------------------------
// equilibrium_tracking

TEST_CASE("equilibrium_tracking stays at the equilibrium nearest last play and respects masks", "[learning]") {
    // Three players on a ring; each wants to match the next player's action, and matching on
    // 0 pays 2, on 1 pays 1. The pure equilibria are exactly (0,0,0) and (1,1,1): in any
    // other profile someone differs from the next player and gains by switching.
    const Game g = ring_game([](int, int own, int next) { return own == next ? (own == 0 ? 2.0 : 1.0) : 0.0; });
    const auto& track = rule_named("equilibrium_tracking");
    const RuleOptions none = options_of(track);
    const std::vector<std::vector<char>> all(3, std::vector<char>{1, 1});
    auto next = [&](const std::vector<int>& last, const std::vector<std::vector<char>>& allowed) {
        const MixedProfile out = track.update_joint(g, pure(g, last), allowed, none);
        for (const auto& s : out) CHECK(s.maxCoeff() == 1.0);  // pure play
        return actions_of(out);
    };
    // At an equilibrium it stays, even at the worse one (continuity, not payoff, selects).
    CHECK(next({0, 0, 0}, all) == std::vector<int>{0, 0, 0});
    CHECK(next({1, 1, 1}, all) == std::vector<int>{1, 1, 1});
    // Off equilibrium it moves to the nearer one: (1,1,0) is one change from (1,1,1) and two
    // from (0,0,0).
    CHECK(next({1, 1, 0}, all) == std::vector<int>{1, 1, 1});
    CHECK(next({0, 1, 0}, all) == std::vector<int>{0, 0, 0});
    // Repeated, it never leaves.
    std::vector<int> play = {1, 0, 1};
    for (int t = 0; t < 5; ++t) play = next(play, all);
    CHECK(play == std::vector<int>{1, 1, 1});

    // Player 0's stance fixed to action 1: (0,0,0) is no longer available; within the allowed
    // profiles (1,1,1) has zero regret (players 1 and 2 match, player 0 cannot move).
    std::vector<std::vector<char>> fixed = all;
    fixed[0] = {0, 1};
    CHECK(next({0, 0, 0}, fixed) == std::vector<int>{1, 1, 1});
    // Player 2 fixed to 0 and player 0 to 1: no equilibrium is left; every answer respects
    // the masks.
    fixed[2] = {1, 0};
    for (const auto& last : {std::vector<int>{0, 0, 0}, std::vector<int>{1, 1, 1}, std::vector<int>{1, 0, 1}}) {
        const std::vector<int> out = next(last, fixed);
        CHECK(out[0] == 1);
        CHECK(out[2] == 0);
    }
}
