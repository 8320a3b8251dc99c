// The `uncertainty:` section: distributions (quantiles against their closed-form CDFs) and
// reading, with located errors.
#include "triad/studies/uncertainty.hpp"

#include "triad/scenario/actions.hpp"

#include "support.hpp"

#include <cmath>
#include <filesystem>
#include <set>

using namespace triad;
using triad::test::require_input_error;

namespace {

// The baseline with an uncertainty section of its own (its first entry on line 3).
StageModel uncertain_model(const std::string& section) {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/baseline.yaml") + "\nuncertainty:\n" + section,
                                     "uncertain.yaml"));
}

}  // namespace

TEST_CASE("quantiles invert the distributions' CDFs", "[uncertainty]") {
    Distribution uniform{Distribution::Kind::uniform, 2.0, 4.0};
    CHECK(uniform.quantile(0.0) == 2.0);
    CHECK(uniform.quantile(0.25) == Approx(2.5));
    CHECK(uniform.quantile(1.0) == 4.0);

    // Triangular [0, 1, 3]: F(x) = x^2 / 3 below the mode, 1 - (3 - x)^2 / 6 above it.
    Distribution triangle{Distribution::Kind::triangular, 0.0, 3.0, 1.0};
    for (double x : {0.2, 0.5, 1.0, 1.7, 2.9}) {
        const double F = x <= 1.0 ? x * x / 3.0 : 1.0 - (3.0 - x) * (3.0 - x) / 6.0;
        CHECK(triangle.quantile(F) == Approx(x).margin(1e-12));
    }
    CHECK(triangle.quantile(0.0) == 0.0);
    CHECK(triangle.quantile(1.0) == 3.0);

    // Normal (10, 2), truncated far out: the quartiles and one SD above the mean.
    Distribution normal{Distribution::Kind::normal, 10.0 - 16.0, 10.0 + 16.0, 0.0, 10.0, 2.0};
    CHECK(normal.quantile(0.5) == Approx(10.0).margin(1e-9));
    CHECK(normal.quantile(0.8413447460685429) == Approx(12.0).margin(1e-7));
    CHECK(normal.quantile(0.25) == Approx(10.0 - 2.0 * 0.6744897501960817).margin(1e-7));
    // Truncated at the mean from below: the median of what is left is 10 + 2 * z(0.75).
    normal.lower = 10.0;
    CHECK(normal.quantile(0.5) == Approx(10.0 + 2.0 * 0.6744897501960817).margin(1e-7));
    CHECK(normal.quantile(0.0) == 10.0);
    // Monotone in u.
    double previous = -1e300;
    for (int k = 0; k <= 100; ++k) {
        const double x = triangle.quantile(k / 100.0);
        CHECK(x >= previous);
        previous = x;
    }
}

TEST_CASE("the uncertainty section is read per entry, the most specific key winning", "[uncertainty]") {
    // The four-power example has no uncertainty section of its own: twelve partnership dyads.
    const StageModel model(parse_scenario("extends: " + triad::test::source_path("scenarios/examples/four_powers.yaml") +
                                              "\nuncertainty:\n  partnership.g: [0, 5]\n"
                                              "  partnership.g.us.russia: {triangular: [0.25, 0.5, 1]}\n"
                                              "  china.power: {normal: [17.8, 1]}\n",
                                          "uncertain.yaml"));
    const auto values = read_uncertainty(model);
    REQUIRE(values.size() == 3);
    CHECK(values[0].path == "partnership.g");
    CHECK(values[0].entries.size() == 11);  // twelve dyads, one taken by the specific key
    CHECK(values[1].entries.size() == 1);
    CHECK(values[1].distribution.kind == Distribution::Kind::triangular);
    CHECK(values[1].distribution.mode == 0.5);
    CHECK(values[2].distribution.kind == Distribution::Kind::normal);
    CHECK(values[2].distribution.lower == Approx(17.8 - 8.0));  // 8 SD, inside the bounds
}

TEST_CASE("bad uncertainty entries are reported with their place", "[uncertainty]") {
    require_input_error([] { (void)read_uncertainty(uncertain_model("  russia.regime_fer: [0, 4]\n")); }, 3,
                        {"did you mean 'russia.regime_fear'?"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  russia.regime_fear: [4, 2]\n")); }, 3,
                        {"the low end 4 is above the high end 2"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: [0.1, 1.5]\n")); }, 3, {"1.5"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: {betta: [1, 2]}\n")); }, 3,
                        {"betta", "expected one of: triangular, normal, uniform"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: {triangular: [0.1, 0.9, 0.5]}\n")); }, 3,
                        {"LO <= MODE <= HI"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: {normal: [0.3, 0]}\n")); }, 3, {"SD > 0"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  russia.regime_fear: [0, 2]\n")); }, 3,
                        {"own value of regime_security.F.russia (3) lies outside its range"});
    require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: 0.3\n")); }, 3, {"a range [LO, HI]"});
}

namespace {

// The entries a scenario's tree sets: every number under `drivers`, addressed by the path of
// keys that leads to it (group.parameter.player...), which the parameter set resolves. Keys
// that are not parameters (a driver's type, a setting) do not resolve and are skipped.
void set_entries(const ParameterSet& parameters, const std::string& path, const TreeNode& node, std::set<std::size_t>& out) {
    if (node.is_scalar() && parse_number(node.scalar)) {
        try {
            for (std::size_t e : parameters.resolve(path)) out.insert(e);
        } catch (const InputError&) {
        }
        return;
    }
    for (const auto& entry : node.entries) set_entries(parameters, path + "." + entry.key, entry.value, out);
}

// Every value a scenario sets: under `drivers`, a player's power and discount, and what each
// policy sets (its own entry, PLAYER@POLICY.PATH).
std::set<std::size_t> values_set(const StageModel& model) {
    const ParameterSet& parameters = model.parameters();
    std::set<std::size_t> set;
    for (const auto& group : model.scenario().document.find("drivers")->entries) set_entries(parameters, group.key, group.value, set);
    for (const auto& player : model.scenario().document.find("players")->entries) {
        for (const char* what : {"power", "discount"})
            if (player.value.find(what)) set.insert(parameters.resolve_one(player.key + "." + what));
        for (const PolicyDecl& policy : model.scenario().players[static_cast<std::size_t>(model.scenario().player_index(player.key))].policies)
            for (const PolicySetting& s : policy.sets)
                for (std::size_t e : parameters.resolve(s.path))
                    set.insert(parameters.resolve_one(policy_value_path(player.key, policy.name, parameters[e].path)));
    }
    return set;
}

}  // namespace

TEST_CASE("every value the baseline and the essays set has a range", "[uncertainty][scenarios]") {
    std::vector<std::string> files = {triad::test::source_path("scenarios/baseline.yaml")};
    for (const auto& entry : std::filesystem::recursive_directory_iterator(triad::test::source_path("scenarios/essays")))
        if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
    REQUIRE(files.size() >= 10);  // the baseline, five essays and their crisis files
    for (const std::string& file : files) {
        INFO(file);
        const StageModel model(load_scenario(file));
        const ParameterSet& parameters = model.parameters();
        const std::set<std::size_t> set = values_set(model);
        std::vector<bool> covered(parameters.size(), false);
        for (const auto& v : read_uncertainty(model))
            for (std::size_t e : v.entries) covered[e] = true;
        for (std::size_t e : set) {
            INFO(parameters[e].path);
            CHECK(covered[e]);
        }
        CHECK(set.size() >= 60);  // the walk found the values (about 70 in the baseline alone)
    }
}

TEST_CASE("an essay's range replaces the baseline's whole, and errors point at the essay", "[uncertainty]") {
    // The baseline gives wedge.rho a triangular range; a normal one in the overlay replaces it
    // (merging the two maps would leave a distribution of two kinds).
    const StageModel model = uncertain_model("  wedge.rho: {normal: [0.3, 0.05]}\n");
    bool found = false;
    for (const auto& v : read_uncertainty(model))
        if (v.path == "wedge.rho") {
            found = true;
            CHECK(v.distribution.kind == Distribution::Kind::normal);
            CHECK(v.distribution_where.file == "uncertain.yaml");
        }
    CHECK(found);
    const InputError e = require_input_error([] { (void)read_uncertainty(uncertain_model("  wedge.rho: {triangular: [0.5, 0.6, 0.7]}\n")); },
                                             3, {"own value of wedge.rho (0.3)"});
    CHECK(e.where().file == "uncertain.yaml");
}
