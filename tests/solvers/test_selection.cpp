#include "triad/solvers/selection.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::model_from;
using triad::test::require_input_error;

TEST_CASE("the baseline's prediction: a Russia-China marriage, the US outcast", "[selection]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
    CHECK(p.selected_configuration == "stable_marriage");
    CHECK(p.configuration_probability > 0.9);
    CHECK(p.selected_alignment == std::vector<std::string>{"balanced", "china", "russia"});
    CHECK(p.selected_role == std::vector<std::string>{"outcast", "partner", "partner"});
    double total = 0.0;
    for (const auto& [label, mass] : p.configuration) total += mass;
    CHECK(total == Approx(1.0));
    for (const auto& d : p.alignment) {
        double sum = 0.0;
        for (const auto& [label, mass] : d) sum += mass;
        CHECK(sum == Approx(1.0));
    }
}

TEST_CASE("ties are broken by the QRE limit", "[selection]") {
    // Everyone warm pays 2 each, everyone cold 1 each, anything else 0: two strict pure
    // equilibria in different configurations. The `pure` rule weighs them 1/2 each; the QRE
    // limit, traced from uniform play, selects the payoff- and risk-dominant warm one.
    const auto model = model_from(R"(
players:
  a: {actions: {warm: {b: align, c: align}, cold: {b: oppose, c: oppose}}}
  b: {actions: {warm: {a: align, c: align}, cold: {a: oppose, c: oppose}}}
  c: {actions: {warm: {a: align, b: align}, cold: {a: oppose, b: oppose}}}
drivers:
  table:
    payoffs:
      - {profile: [warm, warm, warm], payoff: [2, 2, 2]}
      - {profile: [cold, cold, cold], payoff: [1, 1, 1]}
selection: {method: pure}
)");
    const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
    CHECK(p.configuration.at("menage_a_trois") == Approx(0.5));
    CHECK(p.configuration.at("unit_veto") == Approx(0.5));
    CHECK(p.selected_configuration == "menage_a_trois");
    CHECK(p.configuration_probability == Approx(0.5));
    REQUIRE_FALSE(p.notes.empty());
    CHECK_THAT(p.notes.front(), Catch::Contains("broken by the QRE limit"));
    SelectionRule no_tie_break = read_selection_rule(model.scenario());
    no_tie_break.tie_break = TieBreak::none;
    CHECK(predict(model.game(), no_tie_break).selected_configuration == "menage_a_trois");  // label order
}

TEST_CASE("the QRE tie-break changes the selected configuration", "[selection]") {
    // As above with the payoffs swapped: everyone warm pays 1 each, everyone cold 2 each,
    // anything else 0. Both are strict pure equilibria, so the `pure` rule weighs menage a
    // trois and unit veto 1/2 each: a tie.
    //   - Without a tie-break the first label in order wins: "menage_a_trois" < "unit_veto".
    //   - With it, the QRE limit decides. At lambda = 0 (uniform play) warm pays a player
    //     1 * (1/2 * 1/2) = 1/4 and cold 2 * 1/4 = 1/2, so the branch traced from uniform play
    //     moves toward cold; cold's advantage 2 q^2 - (1 - q)^2 (q = the others' chance of
    //     cold) only grows as q rises from 1/2, so the limit is everyone cold: unit veto.
    // Every player's alignment is "balanced" in both (no single warmest partner): no tie there.
    const auto model = model_from(R"(
players:
  a: {actions: {warm: {b: align, c: align}, cold: {b: oppose, c: oppose}}}
  b: {actions: {warm: {a: align, c: align}, cold: {a: oppose, c: oppose}}}
  c: {actions: {warm: {a: align, b: align}, cold: {a: oppose, b: oppose}}}
drivers:
  table:
    payoffs:
      - {profile: [warm, warm, warm], payoff: [1, 1, 1]}
      - {profile: [cold, cold, cold], payoff: [2, 2, 2]}
selection: {method: pure}
)");
    SelectionRule rule = read_selection_rule(model.scenario());
    REQUIRE(rule.tie_break == TieBreak::qre);
    const Prediction with = predict(model.game(), rule);
    CHECK(with.configuration.at("menage_a_trois") == Approx(0.5));
    CHECK(with.configuration.at("unit_veto") == Approx(0.5));
    CHECK(with.selected_configuration == "unit_veto");
    CHECK(with.configuration_probability == Approx(0.5));
    CHECK(with.selected_role == std::vector<std::string>{"foe", "foe", "foe"});
    rule.tie_break = TieBreak::none;
    const Prediction without = predict(model.game(), rule);
    CHECK(without.selected_configuration == "menage_a_trois");
    CHECK(without.configuration_probability == Approx(0.5));
    for (const auto& note : without.notes) CHECK_THAT(note, !Catch::Contains("broken by the QRE limit"));
}

TEST_CASE("the QRE tie-break changes the selected alignments and roles", "[selection]") {
    // Two stable marriages of a: with b (profile E1 = (to_b, to_a, off), paying 1 each) or with
    // c (E2 = (to_c, off, to_a), paying 2 each); every other profile pays 0. Each is a strict
    // pure equilibrium (any single deviation leads to a profile worth 0), so the `pure` rule
    // weighs them 1/2 each. The configuration is stable_marriage in both (probability 1, no
    // tie), but the alignments and roles differ:
    //               E1 (a-b)    E2 (a-c)
    //   a aligned   b           c
    //   b aligned   a           balanced
    //   c aligned   balanced    a
    //   a's role    partner     partner
    //   b's role    partner     outcast
    //   c's role    outcast     partner
    // QRE limit: at uniform play each player's E2 action pays 2 * 1/4 = 1/2 and its E1 action
    // 1 * 1/4 = 1/4; the E2 advantage 2 x y - (1 - x)(1 - y) (x, y the others' chances of
    // their E2 actions) grows as they rise, so the branch from uniform play ends at E2.
    // Label order (no tie-break) takes the first label: a "b" (E1), b "a" (E1), c "a" (E2),
    // b's role "outcast" (E2), c's role "outcast" (E1). The QRE picks E2's labels throughout.
    const auto model = model_from(R"(
players:
  a: {actions: {to_b: {b: align, c: oppose}, to_c: {b: oppose, c: align}}}
  b: {actions: {to_a: {a: align, c: oppose}, off: {a: oppose, c: oppose}}}
  c: {actions: {to_a: {a: align, b: oppose}, off: {a: oppose, b: oppose}}}
drivers:
  table:
    payoffs:
      - {profile: [to_b, to_a, off], payoff: [1, 1, 1]}
      - {profile: [to_c, off, to_a], payoff: [2, 2, 2]}
selection: {method: pure}
)");
    SelectionRule rule = read_selection_rule(model.scenario());
    const Prediction with = predict(model.game(), rule);
    CHECK(with.selected_configuration == "stable_marriage");
    CHECK(with.configuration_probability == Approx(1.0));
    CHECK(with.alignment[0].at("b") == Approx(0.5));
    CHECK(with.alignment[0].at("c") == Approx(0.5));
    CHECK(with.selected_alignment == std::vector<std::string>{"c", "balanced", "a"});
    CHECK(with.selected_role == std::vector<std::string>{"partner", "outcast", "partner"});
    for (const double p : with.alignment_probability) CHECK(p == Approx(0.5));
    CHECK(with.role_probability[0] == Approx(1.0));  // partner in both: no tie
    CHECK(with.role_probability[1] == Approx(0.5));
    rule.tie_break = TieBreak::none;
    const Prediction without = predict(model.game(), rule);
    CHECK(without.selected_configuration == "stable_marriage");
    CHECK(without.selected_alignment == std::vector<std::string>{"b", "a", "a"});
    CHECK(without.selected_role == std::vector<std::string>{"partner", "outcast", "outcast"});
}

TEST_CASE("selection rules are read from the scenario and checked", "[selection]") {
    const std::string players = "players:\n  a: {}\n  b: {}\n  c: {}\n";
    const SelectionRule rule = read_selection_rule(triad::test::scenario_from(players + "selection: {method: qre, lambda: 3}\n"));
    CHECK(rule.method == SelectionMethod::qre);
    CHECK(rule.lambda == 3.0);
    CHECK(read_selection_rule(triad::test::scenario_from(players)).method == SelectionMethod::stable);
    require_input_error([&] { (void)read_selection_rule(triad::test::scenario_from(players + "selection: {method: stabel}\n")); },
                        5, {"unknown selection method 'stabel'", "did you mean 'stable'?"});
    require_input_error([&] { (void)read_selection_rule(triad::test::scenario_from(players + "selection: {lambda: -2}\n")); }, 5,
                        {">= 0"});
}

TEST_CASE("product distributions of mixed profiles sum to one", "[selection]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    MixedProfile x(3);
    for (int i = 0; i < 3; ++i) x[i] = Eigen::VectorXd::LinSpaced(9, 1.0, 3.0) / Eigen::VectorXd::LinSpaced(9, 1.0, 3.0).sum();
    const Eigen::VectorXd d = product_distribution(model.game(), x);
    CHECK(d.sum() == Approx(1.0));
    CHECK(d(0) == Approx(x[0](0) * x[1](0) * x[2](0)));
}
