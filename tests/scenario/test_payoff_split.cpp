// Payoffs split by driver: hand-computed splits on a small scenario, and on every shipped
// scenario the parts sum to the payoff.
#include "triad/scenario/payoff_split.hpp"

#include "support.hpp"

#include "triad/core/profile_text.hpp"
#include "triad/scenario/scenario.hpp"
#include "triad/solvers/selection.hpp"

#include <filesystem>

using namespace triad;
using triad::test::model_from;

namespace {

// Russia gains g = 1 from full warmth with anyone (partnership), resents the US (memory:
// gamma 0.5, G_russia,us = 3) and trusts China (chi 1, T_russia,china = 3).
const std::string kSmall =
    "players:\n  us: {power: 23}\n  russia: {power: 1.8}\n  china: {power: 18}\n"
    "drivers:\n"
    "  partnership:\n    g: 1\n"
    "  memory:\n    gamma: {russia: 0.5}\n    chi: {russia: 1}\n    G: {russia: {us: 3}}\n    T: {russia: {china: 3}}\n";

int action_named(const Game& game, int player, const std::string& name) {
    const auto& actions = game.actions[player];
    const auto found = std::find(actions.begin(), actions.end(), name);
    REQUIRE(found != actions.end());
    return static_cast<int>(found - actions.begin());
}

double part(const PayoffSplit& split, int action, const std::string& component) {
    const auto found = std::find(split.components.begin(), split.components.end(), component);
    INFO("component " << component);
    REQUIRE(found != split.components.end());
    return split.actions[action].contributions[found - split.components.begin()];
}

void require_parts_sum_to_payoffs(const StageModel& model, const ProfileWeights& outcome) {
    const Game& game = model.game();
    for (int i = 0; i < game.player_count(); ++i) {
        const PayoffSplit split = split_payoff(model, i, outcome);
        REQUIRE(static_cast<int>(split.actions.size()) == game.space.actions(i));
        double probability = 0.0;
        for (const ActionSplit& a : split.actions) {
            double sum = 0.0;
            for (double c : a.contributions) sum += c;
            // The payoff straight from the game's array, not from the split.
            double expected = 0.0;
            for (const auto& [profile, w] : outcome)
                expected += w * game.payoffs[i](static_cast<Eigen::Index>(game.space.with_action(profile, i, a.action)));
            INFO(model.scenario().path << ": " << game.players[i] << " " << game.actions[i][a.action]);
            CHECK(a.payoff == Approx(expected).margin(1e-12));
            CHECK(sum == Approx(a.payoff).margin(1e-9));
            probability += a.probability;
        }
        CHECK(probability == Approx(1.0).margin(1e-9));
    }
}

}  // namespace

TEST_CASE("split at a pure profile: partnership and each memory stock by hand", "[payoff_split]") {
    const StageModel model = model_from(kSmall);
    const Game& game = model.game();
    const int russia = 1;
    const std::size_t profile = parse_profile(game, "us=+russia/-china,russia=+us/+china,china=-us/+russia", {});
    const PayoffSplit split = split_payoff(model, russia, pure_outcome(profile));
    // Russia's warmth toward j is w+ = max((s_russia,j + s_j,russia) / 2, 0); the US and China
    // both align with Russia, so w+ = (s + 1) / 2 for Russia's own stance s.
    const int both = action_named(game, russia, "+us/+china");
    const int cold_us = action_named(game, russia, "-us/+china");
    const int hedge_us = action_named(game, russia, "~us/+china");
    CHECK(split.chosen == both);
    CHECK(split.actions[both].probability == 1.0);
    CHECK(split.actions[cold_us].probability == 0.0);
    // partnership: w+ with the US plus w+ with China.
    CHECK(part(split, both, "partnership") == Approx(2.0));
    CHECK(part(split, cold_us, "partnership") == Approx(1.0));
    CHECK(part(split, hedge_us, "partnership") == Approx(1.5));
    // grievance against the US: -gamma G w+ = -1.5 w+; trust in China: +chi T w+ = +3 w+.
    CHECK(part(split, both, "memory (russia.grievance.us)") == Approx(-1.5));
    CHECK(part(split, hedge_us, "memory (russia.grievance.us)") == Approx(-0.75));
    CHECK(part(split, cold_us, "memory (russia.grievance.us)") == Approx(0.0).margin(1e-15));
    CHECK(part(split, both, "memory (russia.trust.china)") == Approx(3.0));
    // Stocks at zero get their lines too, with nothing in them.
    CHECK(part(split, both, "memory (russia.grievance.china)") == 0.0);
    CHECK(split.actions[both].payoff == Approx(3.5));
    CHECK(split.actions[hedge_us].payoff == Approx(3.75));
    CHECK(split.actions[cold_us].payoff == Approx(4.0));
    // Cold toward the US pays most: the best alternative to the chosen action, by 0.5, which
    // the advantage splits into partnership +1 and grievance -1.5.
    CHECK(split.best_alternative() == cold_us);
    const std::vector<double> advantage = split.advantage_over(cold_us);
    double total = 0.0;
    for (std::size_t c = 0; c < advantage.size(); ++c) {
        total += advantage[c];
        if (split.components[c] == "partnership") CHECK(advantage[c] == Approx(1.0));
        if (split.components[c] == "memory (russia.grievance.us)") CHECK(advantage[c] == Approx(-1.5));
    }
    CHECK(total == Approx(-0.5));
}

TEST_CASE("split against mixed play: expected parts by hand", "[payoff_split]") {
    const StageModel model = model_from(kSmall);
    const Game& game = model.game();
    const int russia = 1, china = 2;
    MixedProfile play(3);
    for (int i = 0; i < 3; ++i) play[i] = Eigen::VectorXd::Zero(game.space.actions(i));
    play[0](action_named(game, 0, "+russia/-china")) = 1.0;
    play[russia](action_named(game, russia, "+us/+china")) = 0.25;
    play[russia](action_named(game, russia, "-us/+china")) = 0.75;
    play[china](action_named(game, china, "-us/+russia")) = 0.5;
    play[china](action_named(game, china, "-us/-russia")) = 0.5;
    const ProfileWeights outcome = outcome_of(game, play);
    CHECK(outcome.size() == 4);
    const PayoffSplit split = split_payoff(model, russia, outcome);
    const int both = action_named(game, russia, "+us/+china");
    const int cold_us = action_named(game, russia, "-us/+china");
    CHECK(split.chosen == cold_us);
    CHECK(split.actions[cold_us].probability == Approx(0.75));
    // Toward China: w+ is 1 when China aligns, 0 when it opposes: 0.5 in expectation.
    CHECK(part(split, both, "memory (russia.trust.china)") == Approx(1.5));
    CHECK(part(split, both, "partnership") == Approx(1.5));
    CHECK(part(split, cold_us, "partnership") == Approx(0.5));
    CHECK(split.actions[both].payoff == Approx(1.5 - 1.5 + 1.5));
}

TEST_CASE("outcome_of refuses what is not a distribution", "[payoff_split]") {
    Eigen::VectorXd d(3);
    d << 0.5, 0.25, 0.25;
    CHECK(outcome_of(d).size() == 3);
    d << 0.5, 0.0, 0.25;
    CHECK_THROWS_AS(outcome_of(d), Error);
    d << 0.5, std::nan(""), 0.5;
    CHECK_THROWS_AS(outcome_of(d), Error);
}

TEST_CASE("on every shipped scenario the parts sum to the payoff", "[payoff_split][scenarios]") {
    std::size_t checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(triad::test::source_path("scenarios"))) {
        if (entry.path().extension() != ".yaml") continue;
        const StageModel model(load_scenario(entry.path().string()));
        const Game& game = model.game();
        // Three pure profiles spread over the space, and the selected outcome's distribution.
        for (std::size_t profile : {std::size_t{0}, game.space.size() / 2, game.space.size() - 1})
            require_parts_sum_to_payoffs(model, pure_outcome(profile));
        if (game.space.size() <= 1000) {
            const Prediction p = predict(game, read_selection_rule(model.scenario()));
            require_parts_sum_to_payoffs(model, outcome_of(p.distribution));
        }
        ++checked;
    }
    CHECK(checked >= 10);
}
