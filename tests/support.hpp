// Small helpers shared by the tests.
#pragma once

#include "triad/core/error.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/scenario.hpp"

#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>

namespace triad::test {

inline std::string source_path(const std::string& relative) {
    return std::string(TRIAD_SOURCE_DIR) + "/" + relative;
}

inline Scenario scenario_from(const std::string& yaml, const std::string& name = "test.yaml") {
    return parse_scenario(yaml, name);
}

inline StageModel model_from(const std::string& yaml) { return StageModel(scenario_from(yaml)); }

// How many times `what` occurs in `text` (overlaps counted).
inline std::size_t count_occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Run `action`, require an InputError, and check its line and that its text contains each of
// `fragments`. Returns the error for further checks.
inline InputError require_input_error(const std::function<void()>& action, int line,
                                      std::initializer_list<std::string> fragments) {
    try {
        action();
    } catch (const InputError& e) {
        INFO("message: " << e.what());
        CHECK(e.where().line == line);
        for (const auto& f : fragments) CHECK_THAT(std::string(e.what()), Catch::Contains(f));
        return e;
    }
    FAIL("expected an InputError");
    throw;  // unreachable
}

// The payoff of `player` at the profile where each named player takes the named action.
inline double payoff_at(const StageModel& model, const std::map<std::string, std::string>& actions,
                        const std::string& player) {
    const Game& game = model.game();
    std::vector<int> profile(game.player_count(), 0);
    for (const auto& [who, action] : actions) {
        const int i = game.player_index(who);
        REQUIRE(i >= 0);
        const int a = game.action_index(i, action);
        INFO("action " << action << " of " << who);
        REQUIRE(a >= 0);
        profile[i] = a;
    }
    return game.payoffs[game.player_index(player)](static_cast<Eigen::Index>(game.space.index(profile)));
}

// A two-player game from payoff matrices A (row player) and B (column player); actions are
// named r0, r1, ... and c0, c1, ...
inline Game bimatrix(const Eigen::MatrixXd& A, const Eigen::MatrixXd& B) {
    Game g;
    g.players = {"row", "col"};
    g.actions = {{}, {}};
    for (int a = 0; a < A.rows(); ++a) g.actions[0].push_back("r" + std::to_string(a));
    for (int b = 0; b < A.cols(); ++b) g.actions[1].push_back("c" + std::to_string(b));
    g.space = ProfileSpace({static_cast<int>(A.rows()), static_cast<int>(A.cols())});
    g.payoffs.assign(2, Eigen::VectorXd(g.space.size()));
    for (int a = 0; a < A.rows(); ++a)
        for (int b = 0; b < A.cols(); ++b) {
            const std::vector<int> p = {a, b};
            g.payoffs[0](static_cast<Eigen::Index>(g.space.index(p))) = A(a, b);
            g.payoffs[1](static_cast<Eigen::Index>(g.space.index(p))) = B(a, b);
        }
    return g;
}

// A 2x2 game with actions A and B; arguments are (row payoff, column payoff) for (A,A),
// (A,B), (B,A), (B,B), the row's action first. Profile index = row + 2 * col.
inline Game two_by_two(double a00, double b00, double a01, double b01, double a10, double b10, double a11,
                       double b11) {
    Game g;
    g.players = {"row", "col"};
    g.actions = {{"A", "B"}, {"A", "B"}};
    g.space = ProfileSpace({2, 2});
    g.payoffs.assign(2, Eigen::VectorXd(4));
    g.payoffs[0] << a00, a10, a01, a11;
    g.payoffs[1] << b00, b10, b01, b11;
    return g;
}

// Three players (a, b, c) each choose 0 or 1; player i earns payoff(i, own, next), where next
// is the action of player (i + 1) mod 3.
inline Game ring_game(const std::function<double(int player, int own, int next)>& payoff) {
    Game g;
    g.players = {"a", "b", "c"};
    g.actions = {{"0", "1"}, {"0", "1"}, {"0", "1"}};
    g.space = ProfileSpace({2, 2, 2});
    g.payoffs.assign(3, Eigen::VectorXd(8));
    std::vector<int> act(3);
    for (std::size_t p = 0; p < 8; ++p) {
        g.space.decode(p, act);
        for (int i = 0; i < 3; ++i) g.payoffs[i](static_cast<Eigen::Index>(p)) = payoff(i, act[i], act[(i + 1) % 3]);
    }
    return g;
}

// The baseline with `claims` as its predictions (the claims start at line 3).
inline StageModel claims_model(const std::string& claims) {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/baseline.yaml") + "\npredictions:\n" + claims,
                                     "claims.yaml"));
}
// The same with a short timeline (claims start at line 4).
inline StageModel timeline_claims_model(const std::string& claims) {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/baseline.yaml") +
                                         "\ntimeline: {start: 2020, end: 2022}\npredictions:\n" + claims,
                                     "claims.yaml"));
}

}  // namespace triad::test
