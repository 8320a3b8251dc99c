// Loading a scenario or an .nfg game with --set assignments (include/triad/scenario/loaded_game.hpp).
#include "triad/scenario/loaded_game.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::source_path;

TEST_CASE("load_game: a scenario with assignments applied in order, an .nfg game without parameters", "[loaded_game]") {
    const LoadedGame scenario =
        load_game(source_path("scenarios/baseline.yaml"), {"russia.regime_fear=0.5", "russia.regime_fear=1.25"});
    REQUIRE(scenario.model);
    CHECK(scenario.overrides == std::vector<std::string>{"russia.regime_fear=0.5", "russia.regime_fear=1.25"});
    CHECK(scenario.model->parameters().value(scenario.model->parameters().resolve_one("russia.regime_fear")) == 1.25);
    CHECK(scenario.content_hash.size() == 16);
    CHECK(&scenario.game() == &scenario.model->game());

    const std::string nfg = source_path("tests/data/nfg_pd_names.nfg");
    CHECK(is_nfg_path(nfg));
    CHECK_FALSE(is_nfg_path(source_path("scenarios/baseline.yaml")));
    const LoadedGame game = load_game(nfg, {});
    CHECK_FALSE(game.model);
    CHECK(game.game().player_count() == 2);
    CHECK_THROWS_AS(load_game(nfg, {"x=1"}), InputError);
}
