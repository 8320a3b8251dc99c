// Learning rules (include/triad/dynamics/learning.hpp, sim/dynamics/learning/*.cpp), driven directly through the
// registry on games whose dynamics are known from the literature. Each test keeps one
// RuleState per player and plays T periods with its own small loop, so that what is tested is
// the rule itself, not the timeline around it (tests/dynamics/test_timeline.cpp covers that).
#include "triad/dynamics/learning.hpp"

#include "triad/core/game.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/scenario.hpp"

#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace triad;
using triad::test::bimatrix;
using triad::test::ring_game;
using triad::test::two_by_two;

namespace {

const LearningRuleSpec& rule_named(std::string_view name) {
    const LearningRuleSpec* spec = builtin_learning_rules().find(name);
    REQUIRE(spec != nullptr);
    return *spec;
}

// The rule's declared defaults, with some replaced.
RuleOptions options_of(const LearningRuleSpec& spec, const RuleOptions& overrides = {}) {
    RuleOptions options;
    for (const auto& o : spec.options) options[o.symbol] = o.default_value;
    for (const auto& [key, value] : overrides) {
        REQUIRE(options.count(key) == 1);
        options[key] = value;
    }
    return options;
}

MixedProfile pure(const Game& game, const std::vector<int>& actions) {
    MixedProfile p(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) p[i] = one_hot(game.space.actions(i), actions[i]);
    return p;
}

std::vector<int> actions_of(const MixedProfile& play) {
    std::vector<int> a;
    for (const auto& s : play) a.push_back(mode(s));
    return a;
}

std::size_t profile_of(const Game& game, const MixedProfile& play) { return game.space.index(actions_of(play)); }

// Repeated play of one per-player rule: every player uses `spec` with the same options and
// keeps its own state; `random` is shared, as in run_timeline.
struct Dynamics {
    const Game& game;
    const LearningRuleSpec& spec;
    RuleOptions options;
    std::vector<std::vector<char>> allowed;
    std::vector<RuleState> states;
    std::mt19937_64 random;

    Dynamics(const Game& g, const LearningRuleSpec& s, RuleOptions o, std::uint64_t seed = 1)
        : game(g), spec(s), options(std::move(o)), states(static_cast<std::size_t>(g.player_count())), random(seed) {
        for (int i = 0; i < g.player_count(); ++i) allowed.emplace_back(static_cast<std::size_t>(g.space.actions(i)), 1);
    }

    // One period. Sequential: player i sees the moves players 0..i-1 made this period;
    // simultaneous: everyone answers `play`.
    MixedProfile step(const MixedProfile& play, bool sequential) {
        MixedProfile next = play;
        for (int i = 0; i < game.player_count(); ++i) {
            const RuleInput input{game, i, sequential ? next : play, allowed[static_cast<std::size_t>(i)], options,
                                  states[static_cast<std::size_t>(i)], random};
            Eigen::VectorXd s = spec.update(input);
            next[static_cast<std::size_t>(i)] = std::move(s);
        }
        return next;
    }
};

// An exact potential game (Monderer and Shapley, GEB 14, 1996): u_i(a) = Phi(a) + c_i(a_-i).
// A unilateral change of a_i changes u_i and Phi by the same amount, because c_i does not
// depend on a_i. Phi and c_i are drawn at random from `seed` (continuous draws: no ties).
struct PotentialGame {
    Game game;
    Eigen::VectorXd phi;
};

PotentialGame potential_game(const std::vector<int>& counts, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    PotentialGame out;
    Game& g = out.game;
    const int n = static_cast<int>(counts.size());
    for (int i = 0; i < n; ++i) {
        g.players.push_back("p" + std::to_string(i));
        g.actions.emplace_back();
        for (int a = 0; a < counts[static_cast<std::size_t>(i)]; ++a) g.actions.back().push_back("a" + std::to_string(a));
    }
    g.space = ProfileSpace(counts);
    const auto size = static_cast<Eigen::Index>(g.space.size());
    out.phi = Eigen::VectorXd(size);
    for (Eigen::Index p = 0; p < size; ++p) out.phi(p) = unit(random);
    g.payoffs.assign(static_cast<std::size_t>(n), Eigen::VectorXd(size));
    for (int i = 0; i < n; ++i) {
        // c_i indexed by the profile with a_i set to 0: the same for every a_i.
        Eigen::VectorXd c(size);
        for (Eigen::Index p = 0; p < size; ++p) c(p) = 3.0 * unit(random);
        for (Eigen::Index p = 0; p < size; ++p) {
            const auto base = static_cast<Eigen::Index>(g.space.with_action(static_cast<std::size_t>(p), i, 0));
            g.payoffs[static_cast<std::size_t>(i)](p) = out.phi(p) + c(base);
        }
    }
    g.check();
    return out;
}

// Periods of sequential play until a pure Nash equilibrium is reached (-1 if not within
// `limit`); `path` receives the profile of every period.
int periods_to_equilibrium(Dynamics& d, MixedProfile play, int limit, std::vector<std::size_t>* path = nullptr,
                           MixedProfile* end = nullptr) {
    for (int t = 0; t <= limit; ++t) {
        const std::size_t p = profile_of(d.game, play);
        if (path) path->push_back(p);
        if (pure_regret(d.game, p) == 0.0) {
            if (end) *end = play;
            return t;
        }
        play = d.step(play, true);
    }
    return -1;
}

// Empirical frequency of each player's actions over periods [0, t] (counts / (t + 1)).
struct Frequencies {
    std::vector<Eigen::VectorXd> counts;
    int periods = 0;
    explicit Frequencies(const Game& g) {
        for (int i = 0; i < g.player_count(); ++i) counts.push_back(Eigen::VectorXd::Zero(g.space.actions(i)));
    }
    void add(const MixedProfile& play) {
        for (std::size_t i = 0; i < counts.size(); ++i) counts[i] += play[i];
        ++periods;
    }
    [[nodiscard]] Eigen::VectorXd of(int i) const { return counts[static_cast<std::size_t>(i)] / periods; }
};

bool on_simplex(const Eigen::VectorXd& x) {
    return std::abs(x.sum() - 1.0) <= 1e-12 && x.minCoeff() >= 0.0 && x.allFinite();
}

// Dirichlet(1, ..., 1): a uniformly random interior point of the simplex.
Eigen::VectorXd random_interior(int m, std::mt19937_64& random) {
    std::exponential_distribution<double> e(1.0);
    Eigen::VectorXd x(m);
    for (int a = 0; a < m; ++a) x(a) = e(random) + 1e-9;
    return x / x.sum();
}

}  // namespace

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
// fictitious_play

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

// ---------------------------------------------------------------------------------------------
// replicator

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
