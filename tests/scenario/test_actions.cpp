// Actions and policy as a choice: twins ACTION@POLICY, the values they carry while played, and
// the term split that keeps a sweep over those values linear.
#include "triad/scenario/actions.hpp"

#include "triad/scenario/model.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::model_from;
using triad::test::payoff_at;
using triad::test::require_input_error;

namespace {

const std::string kPlayers = R"(players:
  us:
    power: 10
    policies:
      reset:
        sets: {regime_security.c.us.russia: 0, ambition.a.us.russia: 0}
        with: {russia: align}
  russia: {power: 1}
  china: {power: 5}
)";

const std::string kDrivers = R"(drivers:
  regime_security: {F: {russia: 2}, d: {us: 1}, c: {us: 0.5}}
  ambition: {a: {us: {russia: 1.5}}}
)";

}  // namespace

TEST_CASE("a policy gives each matching action a twin that carries its values", "[actions]") {
    const StageModel model = model_from(kPlayers + kDrivers);
    const Game& game = model.game();
    const int us = game.player_index("us");
    REQUIRE(game.space.actions(us) == 9 + 3);  // every stance combination, then the 3 aligned with Russia
    CHECK(game.action_index(us, "+russia/~china@reset") >= 9);
    CHECK(game.action_index(us, "-russia/~china@reset") < 0);  // `with: {russia: align}`
    // Russia aligned with the US, both ways: the reform demands cost F c w+ = 2 * 0.5 = 1
    // without the reset, nothing with it.
    const std::map<std::string, std::string> plain = {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/~russia"}};
    std::map<std::string, std::string> reset = plain;
    reset["us"] = "+russia/~china@reset";
    CHECK(payoff_at(model, plain, "russia") == Approx(-1.0));
    CHECK(payoff_at(model, reset, "russia") == 0.0);
    // A twin keeps its stances: the labels of both profiles are the same.
    CHECK(game.stance(us, game.action_index(us, "+russia/~china@reset"), game.player_index("russia")) == Stance::align);
}

TEST_CASE("the twin's payoffs equal the plain action's in a model with the policy's values", "[actions]") {
    const StageModel with_policy = model_from(kPlayers + kDrivers);
    const StageModel reset_values = model_from(kPlayers + R"(drivers:
  regime_security: {F: {russia: 2}, d: {us: 1}, c: {us: {russia: 0, china: 0.5}}}
  ambition: {a: {us: {russia: 0}}}
)");
    for (const char* us : {"+russia/+china", "+russia/~china", "+russia/-china"})
        for (const char* russia : {"+us/+china", "~us/-china", "-us/~china"}) {
            INFO(us << " " << russia);
            std::map<std::string, std::string> profile = {{"us", std::string(us) + "@reset"}, {"russia", russia}, {"china", "~us/+russia"}};
            std::map<std::string, std::string> plain = profile;
            plain["us"] = us;
            for (const char* who : {"us", "russia", "china"})
                CHECK(payoff_at(with_policy, profile, who) == Approx(payoff_at(reset_values, plain, who)).margin(1e-12));
        }
}

TEST_CASE("setting an overridden weight moves only the profiles without the policy", "[actions]") {
    StageModel model = model_from(kPlayers + kDrivers);
    const std::map<std::string, std::string> plain = {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/~russia"}};
    std::map<std::string, std::string> reset = plain;
    reset["us"] = "+russia/~china@reset";
    model.set("regime_security.c.us.russia", 2.0);
    CHECK(payoff_at(model, plain, "russia") == Approx(-4.0));  // -F c w+ = -2 * 2
    CHECK(payoff_at(model, reset, "russia") == 0.0);
    // And the incremental update agrees with a full rebuild.
    StageModel rebuilt = model;
    rebuilt.rebuild();
    for (std::size_t i = 0; i < 3; ++i)
        CHECK((rebuilt.game().payoffs[i] - model.game().payoffs[i]).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("an action can carry values too, and bad settings are reported where they are", "[actions]") {
    const StageModel named = model_from(R"(players:
  us:
    power: 10
    actions:
      press: {russia: oppose}
      accommodate: {russia: hedge, sets: {ambition.a.us.russia: 0}}
      press_softly: {russia: oppose, sets: {ambition.a.us.russia: 0.5}}
  russia: {power: 1}
  china: {power: 5}
drivers:
  ambition: {a: {us: {russia: 1.5}}}
)");
    CHECK(payoff_at(named, {{"us", "press"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}}, "us") == Approx(1.5));
    // An action's own value is a constant, not a parameter of its own.
    CHECK(payoff_at(named, {{"us", "press_softly"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}}, "us") == Approx(0.5));
    require_input_error([] {
        (void)model_from("players:\n  us:\n    policies: {reset: {sets: {ambition.a.us.rusia: 0}}}\n  russia: {}\n  china: {}\n"
                         "drivers:\n  ambition: {}\n");
    }, 3, {"unknown parameter path 'ambition.a.us.rusia'", "did you mean 'ambition.a.us.russia'?"});
    require_input_error([] {
        (void)model_from("players:\n  us:\n    policies: {grow: {sets: {players.power.us: 3}}}\n  russia: {}\n  china: {}\n");
    }, 3, {"only a driver's linear weights"});
    require_input_error([] {
        (void)model_from("players:\n  us:\n    policies: {grow: {sets: {wedge.rho: 3}}}\n  russia: {}\n  china: {}\n"
                         "drivers:\n  wedge: {actor: us, target: russia, partner: china}\n");
    }, 3, {"outside its range"});
    require_input_error([] {
        (void)model_from("players:\n  us:\n    policies: {grow: {sets: {wedge.rho: 0.5}, with: {russia: align, china: align}}}\n"
                         "    actions: {a: {russia: oppose}}\n  russia: {}\n  china: {}\n");
    }, 3, {"goes with none of its actions"});
}

TEST_CASE("a policy's values are parameters of their own, reached by --set at a sweep's cost", "[actions]") {
    StageModel model = model_from(kPlayers + kDrivers);
    const std::size_t entry = model.parameters().resolve_one("us@reset.regime_security.c.us.russia");
    CHECK(model.parameters().value(entry) == 0.0);
    CHECK(model.parameters().resolve("us@reset.ambition.a.us.russia").size() == 1);
    // Raising the reset's demands to 0.5 makes the twin cost what the plain action costs.
    model.apply_assignment("us@reset.regime_security.c.us.russia=0.5");
    const std::map<std::string, std::string> plain = {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/~russia"}};
    std::map<std::string, std::string> reset = plain;
    reset["us"] = "+russia/~china@reset";
    CHECK(payoff_at(model, reset, "russia") == Approx(-1.0));  // -F c w+ = -2 * 0.5
    CHECK(payoff_at(model, plain, "russia") == Approx(-1.0));
    // The value is a linear weight: the incremental update equals a rebuild, and a model whose
    // policy says 0.5 in the file has the same payoffs.
    StageModel rebuilt = model;
    rebuilt.rebuild();
    std::string yaml = kPlayers;
    yaml.replace(yaml.find("regime_security.c.us.russia: 0"), 30, "regime_security.c.us.russia: 0.5");
    const StageModel from_file = model_from(yaml + kDrivers);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK((rebuilt.game().payoffs[i] - model.game().payoffs[i]).cwiseAbs().maxCoeff() < 1e-12);
        CHECK((from_file.game().payoffs[i] - model.game().payoffs[i]).cwiseAbs().maxCoeff() < 1e-12);
    }
    // Its bounds are those of the value it replaces.
    require_input_error([&] { model.apply_assignment("us@reset.regime_security.c.us.russia=-1", {"--set", 0, 0}); }, 0,
                        {"outside its range"});
}
