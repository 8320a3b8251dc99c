// The stage model: parameter paths, incremental updates equal to a rebuild, and a conformance
// test that runs every registered driver.
#include "triad/scenario/model.hpp"

#include "support.hpp"

#include <set>

#include <random>

using namespace triad;
using triad::test::model_from;
using triad::test::require_input_error;

namespace {

const std::string kPlayers = "players:\n  us: {power: 23}\n  russia: {power: 1.8}\n  china: {power: 18}\n";

// A scenario enabling every registered driver that works on stances, with required settings.
std::string every_stance_driver() {
    std::string yaml = kPlayers + "drivers:\n";
    for (const auto& spec : builtin_drivers().all()) {
        if (!spec->needs_stances) continue;
        yaml += "  " + spec->name + ":\n";
        for (const auto& s : spec->settings)
            if (s.kind == SettingSpec::Kind::player) {
                const std::string who = s.name == "actor" ? "us" : s.name == "target" ? "russia" : "china";
                yaml += "    " + s.name + ": " + who + "\n";
            }
    }
    return yaml;
}

double max_difference(const Game& a, const Game& b) {
    double worst = 0.0;
    for (std::size_t i = 0; i < a.payoffs.size(); ++i)
        worst = std::max(worst, (a.payoffs[i] - b.payoffs[i]).cwiseAbs().maxCoeff());
    return worst;
}

}  // namespace

TEST_CASE("parameter paths: canonical, long name, player-first alias, broadcast", "[model]") {
    StageModel model = model_from(kPlayers + "drivers:\n  regime_security:\n    F: {russia: 3}\n  partnership:\n    g: 0.5\n");
    const ParameterSet& params = model.parameters();
    const std::size_t e = params.resolve_one("regime_security.F.russia");
    CHECK(params.value(e) == 3.0);
    CHECK(params.resolve_one("regime_security.regime_fear.russia") == e);
    CHECK(params.resolve_one("russia.regime_fear") == e);
    CHECK(params[e].alias == "russia.regime_fear");
    CHECK(params.resolve("partnership.g").size() == 6);
    CHECK(params.resolve("partnership.g.us").size() == 2);
    CHECK(params.resolve("partnership.gain.us") == params.resolve("partnership.g.us"));
    CHECK(params.value(params.resolve_one("players.power.china")) == 18.0);
    CHECK(params.resolve_one("china.power") == params.resolve_one("players.power.china"));

    model.set("partnership.g", 2.0);
    for (std::size_t k : params.resolve("partnership.g")) CHECK(params.value(k) == 2.0);
    model.apply_assignment("russia.regime_fear=1.25");
    CHECK(params.value(e) == 1.25);
}

TEST_CASE("bad --set assignments are refused with a suggestion", "[model]") {
    StageModel model = model_from(kPlayers + "drivers:\n  regime_security:\n    F: {russia: 3}\n");
    const SourceLocation cli{"--set", 0, 0};
    require_input_error([&] { model.apply_assignment("regime_security.F.rusia=1", cli); }, 0,
                        {"unknown parameter path", "did you mean 'regime_security.F.russia'?"});
    require_input_error([&] { model.apply_assignment("russia.regime_fear=-1", cli); }, 0, {"outside its range"});
    require_input_error([&] { model.apply_assignment("russia.regime_fear=nan", cli); }, 0, {"finite number"});
    require_input_error([&] { model.apply_assignment("russia.regime_fear", cli); }, 0, {"PATH=VALUE"});
    require_input_error([&] { (void)model.parameters().resolve_one("regime_security.F"); }, 0, {"names 3 values"});
}

TEST_CASE("an incremental update equals a full rebuild", "[model]") {
    StageModel model = model_from(every_stance_driver());
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const ParameterSet& params = model.parameters();
    // Set every entry, in a scrambled order, to a random value within its bounds.
    std::vector<std::size_t> order(params.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t k : order) {
        const ParamSpec& spec = *params[k].spec;
        const double lo = std::isinf(spec.lower) ? -3.0 : spec.lower;
        const double hi = std::isinf(spec.upper) ? lo + 3.0 : spec.upper;
        model.set(k, lo + (hi - lo) * unit(rng) + (spec.index == IndexKind::player && spec.symbol == "power" ? 0.5 : 0.0));
    }
    StageModel rebuilt = model;
    rebuilt.rebuild();
    CHECK(max_difference(model.game(), rebuilt.game()) < 1e-12);
    // A change of power rebuilds only the drivers that read power; the result must still be
    // the full rebuild's, including when the ranking of powers flips (junior_partner's terms
    // exist only toward stronger players).
    for (const char* path : {"players.power.russia", "players.power.china", "players.power.us"}) {
        const std::size_t entry = params.resolve_one(path);
        model.set(entry, 40.0 + unit(rng));
        rebuilt = model;
        rebuilt.rebuild();
        CHECK(max_difference(model.game(), rebuilt.game()) < 1e-12);
    }
    // Each driver section contributes what its terms say, and the sum is the payoff.
    for (int i = 0; i < 3; ++i) {
        Eigen::VectorXd sum = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(model.game().space.size()));
        for (std::size_t d = 0; d < model.drivers().size(); ++d) sum += model.driver_payoff(d, i);
        CHECK((sum - model.game().payoffs[i]).cwiseAbs().maxCoeff() < 1e-12);
    }
}

TEST_CASE("conformance: every stance driver changes payoffs through each of its parameters", "[model][conformance]") {
    // Starting from all-zero parameters except powers, raising any one parameter of a driver
    // (with the driver's other weights at 0.5, or their lower bound) must change some payoff
    // under at least one value of the driver's choice settings: no parameter is inert (a
    // parameter may belong to one form only, as the threat's power cap to growth: log).
    for (const auto& spec : builtin_drivers().all()) {
        if (!spec->needs_stances) continue;
        INFO("driver " << spec->name);
        // The defaults, then each other choice alone, then a crisis (parameters that read the
        // backing choice, such as partnership's l and y, act only there).
        std::vector<std::pair<std::string, std::string>> variants = {{"", ""}};
        for (const auto& s : spec->settings)
            if (s.kind == SettingSpec::Kind::choice)
                for (std::size_t c = 1; c < s.choices.size(); ++c) variants.push_back({"    " + s.name + ": " + s.choices[c] + "\n", ""});
        variants.push_back({"", "crises:\n  taiwan: {between: [us, china]}\n"});
        std::set<std::string> moved;
        for (const auto& [variant, crisis] : variants) {
            std::string yaml = kPlayers + crisis + "drivers:\n  " + spec->name + ":\n" + variant;
            for (const auto& s : spec->settings)
                if (s.kind == SettingSpec::Kind::player)
                    yaml += "    " + s.name + ": " + (s.name == "actor" ? "us" : s.name == "target" ? "russia" : "china") + "\n";
            for (const auto& p : spec->params)
                if (p.symbol != "score") yaml += "    " + p.symbol + ": " + format_number(std::max(p.lower, 0.5)) + "\n";
            StageModel model = model_from(yaml);
            for (const auto& p : spec->params) {
                if (!p.affects_payoffs) continue;  // declared as steering dynamics only
                const Game before = model.game();
                const auto entries = model.parameters().resolve(spec->name + "." + p.symbol);
                for (std::size_t e : entries) model.set(e, std::min(p.upper, model.parameters().value(e) + 0.4));
                if (max_difference(before, model.game()) > 1e-6) moved.insert(p.symbol);
            }
        }
        for (const auto& p : spec->params) {
            INFO("parameter " << p.symbol);
            if (p.affects_payoffs) CHECK(moved.count(p.symbol) == 1);
        }
    }
}

TEST_CASE("the baseline scenario builds, with every driver of the model", "[model]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    std::vector<std::string> used;
    for (const auto& d : model.drivers()) used.push_back(d.spec->name);
    for (const auto& spec : builtin_drivers().all()) {
        if (!spec->needs_stances) continue;  // the table driver is for hand-typed games
        INFO("driver " << spec->name);
        CHECK(std::find(used.begin(), used.end(), spec->name) != used.end());
    }
    CHECK(model.game().space.size() == 729);
}
