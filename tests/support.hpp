// Small helpers shared by the tests.
#pragma once

#include "triad/error.hpp"
#include "triad/model.hpp"
#include "triad/scenario.hpp"

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

}  // namespace triad::test
