// Helpers of the learning-rule tests (tests/dynamics/test_learning.cpp and
// tests/dynamics/learning/): rules by name, repeated play of one rule, games with known
// dynamics (potential games), empirical frequencies and simplex checks.
#pragma once

#include "triad/core/game.hpp"
#include "triad/dynamics/learning.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace triad::test {

inline const LearningRuleSpec& rule_named(std::string_view name) {
    const LearningRuleSpec* spec = builtin_learning_rules().find(name);
    REQUIRE(spec != nullptr);
    return *spec;
}

// The rule's declared defaults, with some replaced.
inline RuleOptions options_of(const LearningRuleSpec& spec, const RuleOptions& overrides = {}) {
    RuleOptions options;
    for (const auto& o : spec.options) options[o.symbol] = o.default_value;
    for (const auto& [key, value] : overrides) {
        REQUIRE(options.count(key) == 1);
        options[key] = value;
    }
    return options;
}

inline MixedProfile pure(const Game& game, const std::vector<int>& actions) {
    MixedProfile p(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) p[i] = one_hot(game.space.actions(i), actions[i]);
    return p;
}

inline std::vector<int> actions_of(const MixedProfile& play) {
    std::vector<int> a;
    for (const auto& s : play) a.push_back(mode(s));
    return a;
}

inline std::size_t profile_of(const Game& game, const MixedProfile& play) { return game.space.index(actions_of(play)); }

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

inline PotentialGame potential_game(const std::vector<int>& counts, std::uint64_t seed) {
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
inline int periods_to_equilibrium(Dynamics& d, MixedProfile play, int limit, std::vector<std::size_t>* path = nullptr,
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

inline bool on_simplex(const Eigen::VectorXd& x) {
    return std::abs(x.sum() - 1.0) <= 1e-12 && x.minCoeff() >= 0.0 && x.allFinite();
}

// Dirichlet(1, ..., 1): a uniformly random interior point of the simplex.
inline Eigen::VectorXd random_interior(int m, std::mt19937_64& random) {
    std::exponential_distribution<double> e(1.0);
    Eigen::VectorXd x(m);
    for (int a = 0; a < m; ++a) x(a) = e(random) + 1e-9;
    return x / x.sum();
}

}  // namespace triad::test
