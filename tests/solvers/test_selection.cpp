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
    no_tie_break.tie_break = "none";
    CHECK(predict(model.game(), no_tie_break).selected_configuration == "menage_a_trois");  // label order
}

TEST_CASE("selection rules are read from the scenario and checked", "[selection]") {
    const std::string players = "players:\n  a: {}\n  b: {}\n  c: {}\n";
    const SelectionRule rule = read_selection_rule(triad::test::scenario_from(players + "selection: {method: qre, lambda: 3}\n"));
    CHECK(rule.method == "qre");
    CHECK(rule.lambda == 3.0);
    CHECK(read_selection_rule(triad::test::scenario_from(players)).method == "stable");
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
