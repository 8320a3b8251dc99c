// Loading scenarios, and every input error a user can make, each with its place and hint.
#include "triad/scenario/scenario.hpp"

#include "support.hpp"

#include <filesystem>
#include <fstream>

using namespace triad;
using triad::test::model_from;
using triad::test::require_input_error;
using triad::test::scenario_from;

namespace {
const std::string kPlayers = "players:\n  us: {power: 10}\n  russia: {power: 1}\n  china: {power: 5}\n";
}

TEST_CASE("a scenario loads players, powers, default actions and metadata", "[scenario]") {
    const Scenario s = scenario_from("title: T\ndescription: D\nsources:\n  - {author: Katz, title: X, year: 2021}\n  - plain text\n" + kPlayers);
    CHECK(s.title == "T");
    CHECK(s.sources.size() == 2);
    CHECK(s.sources[0] == "Katz, \"X\", 2021");
    REQUIRE(s.players.size() == 3);
    CHECK(s.players[2].power == 5.0);
    CHECK(s.players[0].actions.empty());  // every stance combination
    const StageModel model(s);
    CHECK(model.game().space.size() == 729);
    CHECK(model.game().actions[1].size() == 9);
    CHECK(model.game().has_stances());
    CHECK(s.content_hash.size() == 16);
}

TEST_CASE("named actions are bundles of stances; unnamed players are hedged", "[scenario]") {
    const StageModel model(scenario_from(
        "players:\n  us:\n  russia:\n    actions:\n      tilt_china: {china: align}\n      balance: {us: hedge, china: hedge}\n"
        "      pivot_west: {us: align, china: oppose}\n  china:\n"));
    const Game& g = model.game();
    CHECK(g.actions[1] == std::vector<std::string>{"tilt_china", "balance", "pivot_west"});
    CHECK(g.stance(1, 0, 2) == Stance::align);
    CHECK(g.stance(1, 0, 0) == Stance::hedge);
    CHECK(g.stance(1, 2, 2) == Stance::oppose);
    CHECK(g.space.size() == 9 * 3 * 9);
}

TEST_CASE("the content hash changes with the content", "[scenario]") {
    CHECK(scenario_from(kPlayers).content_hash != scenario_from(kPlayers + "title: x\n").content_hash);
    CHECK(scenario_from(kPlayers).content_hash == scenario_from(kPlayers).content_hash);
}

TEST_CASE("input errors: malformed YAML", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("players:\n  us: {power: 1\n  russia: {}\n"); }, 3, {"test.yaml:", "malformed YAML"});
}

TEST_CASE("input errors: unknown keys get suggestions", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("titel: x\n" + kPlayers); }, 1, {"unknown key 'titel'", "did you mean 'title'?"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  regime_securty: {F: 1}\n"); }, 6,
                        {"unknown driver 'regime_securty'", "did you mean 'regime_security'?"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  regime_security:\n    regime_fer: 1\n"); }, 7,
                        {"unknown key 'regime_fer'", "did you mean 'regime_fear'?"});
    require_input_error([] { (void)scenario_from("players:\n  us: {powr: 1}\n"); }, 2, {"'powr'", "did you mean 'power'?"});
}

TEST_CASE("input errors: wrong types", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("players:\n  us: {power: strong}\n"); }, 2, {"expected a number", "'strong'"});
    require_input_error([] { (void)scenario_from("players: [us, russia]\n"); }, 1, {"expected a map", "players"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  partnership:\n    g: [1, 2]\n"); }, 7, {"expected a map"});
}

TEST_CASE("input errors: missing required fields", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("title: no players\n"); }, 1, {"no 'players' section"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  wedge: {target: russia, partner: china}\n"); }, 6,
                        {"needs the setting 'actor'", "add 'actor: PLAYER'"});
    require_input_error([] { (void)model_from("players:\n  a: {actions: [x]}\n  b: {actions: [y]}\ndrivers:\n  table: {}\n"); }, 5,
                        {"needs the setting 'payoffs'"});
}

TEST_CASE("input errors: a player or an action named twice", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("players:\n  us: {}\n  russia: {}\n  us: {power: 2}\n"); }, 4,
                        {"'us' is given twice", "line 2"});
    require_input_error(
        [] { (void)scenario_from("players:\n  a:\n    actions: [x, y, x]\n  b: {}\n"); }, 3, {"action 'x' of a is named twice"});
}

TEST_CASE("input errors: stances toward oneself or unknown players", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("players:\n  us:\n    actions:\n      selfish: {us: align}\n  china: {}\n"); }, 4,
                        {"toward itself"});
    require_input_error([] { (void)scenario_from("players:\n  us:\n    actions:\n      court: {chna: align}\n  china: {}\n"); }, 4,
                        {"unknown player 'chna'", "did you mean 'china'?"});
    require_input_error([] { (void)scenario_from("players:\n  us:\n    actions:\n      court: {china: algn}\n  china: {}\n"); }, 4,
                        {"unknown stance 'algn'", "did you mean 'align'?"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  ambition:\n    a: {chna: {russia: 1}}\n"); }, 7,
                        {"unknown player 'chna'", "did you mean 'china'?"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  ambition:\n    a: {china: {china: 1}}\n"); }, 7,
                        {"to itself"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  wedge: {actor: us, target: rusia, partner: china}\n"); }, 6,
                        {"unknown player 'rusia'", "did you mean 'russia'?"});
}

TEST_CASE("input errors: NaN, infinity and out-of-range values", "[scenario][errors]") {
    require_input_error([] { (void)scenario_from("players:\n  us: {power: .nan}\n"); }, 2, {"finite"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  partnership:\n    g: .inf\n"); }, 7, {"finite"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  hostility:\n    h: {us: {china: -1}}\n"); }, 7,
                        {"outside its range", "non-negative"});
    require_input_error([] { (void)model_from(kPlayers + "drivers:\n  wedge: {actor: us, target: russia, partner: china, rho: 1.5}\n"); },
                        6, {"wedge.rho = 1.5 is outside its range [0, 1]"});
    require_input_error([] { (void)scenario_from("players:\n  us: {power: -2}\n"); }, 2, {"must be positive"});
}

TEST_CASE("input errors: a profile space too large to hold", "[scenario][errors]") {
    // Five players with every stance combination: 81^5, about 3.5e9 profiles.
    require_input_error([] { (void)scenario_from("players:\n  a:\n  b:\n  c:\n  d:\n  e:\n"); }, 2,
                        {"3.49e+09 pure profiles", "81 x 81 x 81 x 81 x 81", "named actions"});
}

TEST_CASE("input errors: drivers that need stances in a game without any", "[scenario][errors]") {
    require_input_error([] { (void)model_from("players:\n  a: {actions: [x]}\n  b: {actions: [y]}\ndrivers:\n  partnership: {g: 1}\n"); },
                        5, {"works on stances"});
}

TEST_CASE("extends merges a scenario over another and hashes both", "[scenario]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "triad_test_extends";
    fs::create_directories(dir / "essays");
    std::ofstream(dir / "base.yaml") << kPlayers << "drivers:\n  partnership:\n    g: 1\n  ambition:\n    a: {china: {russia: 0.5}}\n";
    std::ofstream(dir / "essays" / "author.yaml") << "extends: ../base.yaml\ntitle: Author\ndrivers:\n  ambition:\n    a: {china: {russia: 2}}\n";
    const Scenario s = load_scenario((dir / "essays" / "author.yaml").string());
    CHECK(s.title == "Author");
    CHECK(s.files.size() == 2);
    const StageModel model(s);
    CHECK(model.parameters().value(model.parameters().resolve_one("ambition.a.china.russia")) == 2.0);
    CHECK(model.parameters().value(model.parameters().resolve_one("partnership.g.us.china")) == 1.0);

    std::ofstream(dir / "loop.yaml") << "extends: loop.yaml\n" << kPlayers;
    require_input_error([&] { (void)load_scenario((dir / "loop.yaml").string()); }, 1, {"cycle"});
    std::ofstream(dir / "missing.yaml") << "extends: nowhere.yaml\n" << kPlayers;
    require_input_error([&] { (void)load_scenario((dir / "missing.yaml").string()); }, 1, {"no file"});
    fs::remove_all(dir);
}

TEST_CASE("a map over a number in an extending file keeps the number for the entries it does not name", "[scenario]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "triad_test_extends_numbers";
    fs::create_directories(dir);
    // Base: F = 2 for everyone, g = 1 for every pair, g from Russia to everyone 0.5.
    std::ofstream(dir / "base.yaml") << kPlayers
                                     << "drivers:\n  regime_security:\n    F: 2\n  partnership:\n    g: {us: 1, china: 1, russia: 0.5}\n";
    std::ofstream(dir / "child.yaml") << "extends: base.yaml\ndrivers:\n  regime_security:\n    F: {russia: 3}\n"
                                         "  partnership:\n    g: {russia: {china: 4}}\n";
    const StageModel model(load_scenario((dir / "child.yaml").string()));
    const auto value = [&](const std::string& path) { return model.parameters().value(model.parameters().resolve_one(path)); };
    CHECK(value("regime_security.F.russia") == 3.0);
    CHECK(value("regime_security.F.us") == 2.0);     // kept, not the default 0
    CHECK(value("regime_security.F.china") == 2.0);
    CHECK(value("partnership.g.russia.china") == 4.0);
    CHECK(value("partnership.g.russia.us") == 0.5);  // the number one level down is kept too
    CHECK(value("partnership.g.us.china") == 1.0);
    fs::remove_all(dir);
}

TEST_CASE("'*' in a parameter's map gives every entry the map does not name", "[scenario]") {
    const StageModel model = triad::test::model_from(kPlayers + "drivers:\n  regime_security:\n    F: {russia: 3, '*': 1}\n"
                                                                "  partnership:\n    g: {us: {'*': 2, china: 5}}\n");
    const auto value = [&](const std::string& path) { return model.parameters().value(model.parameters().resolve_one(path)); };
    CHECK(value("regime_security.F.russia") == 3.0);  // named, whatever the order
    CHECK(value("regime_security.F.us") == 1.0);
    CHECK(value("partnership.g.us.russia") == 2.0);
    CHECK(value("partnership.g.us.china") == 5.0);
    CHECK(value("partnership.g.china.us") == 0.0);    // untouched: the default
}

TEST_CASE("every shipped scenario validates", "[scenario][conformance]") {
    namespace fs = std::filesystem;
    int count = 0;
    for (const auto& entry : fs::recursive_directory_iterator(triad::test::source_path("scenarios"))) {
        if (entry.path().extension() != ".yaml") continue;
        INFO(entry.path().string());
        CHECK_NOTHROW(StageModel(load_scenario(entry.path().string())));
        ++count;
    }
    CHECK(count >= 2);
}
