// The solver registry: every method, on every test game, reports equilibria with regret within
// tolerance; options are checked like parameters.
#include "triad/solvers/solver.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::bimatrix;
using triad::test::two_by_two;

namespace {

// Three players each pick 0/1; a player earns 1 when differing from the next player
// ((i + 1) mod 3) and 0 otherwise. No pure profile has everyone differing from the next
// (an odd cycle), so there is no pure equilibrium; everyone mixing 1/2 is one: each action
// then earns 1/2.
Game odd_cycle() {
    return triad::test::ring_game([](int, int own, int next) { return own != next ? 1.0 : 0.0; });
}

std::vector<std::pair<std::string, Game>> test_games() {
    Eigen::MatrixXd pennies(2, 2), bos_a(2, 2), bos_b(2, 2), pd_a(2, 2), shapley_a(3, 3), shapley_b(3, 3);
    pennies << 1, -1, -1, 1;
    bos_a << 2, 0, 0, 1;
    bos_b << 1, 0, 0, 2;
    pd_a << 3, 0, 5, 1;
    shapley_a << 0, 1, 0, 0, 0, 1, 1, 0, 0;
    shapley_b << 0, 0, 1, 1, 0, 0, 0, 1, 0;
    return {
        {"matching pennies", bimatrix(pennies, -pennies)},
        {"battle of the sexes", bimatrix(bos_a, bos_b)},
        {"prisoner's dilemma", bimatrix(pd_a, pd_a.transpose())},
        {"Shapley's game", bimatrix(shapley_a, shapley_b)},
        {"odd cycle (3 players)", odd_cycle()},
        {"baseline", StageModel(load_scenario(triad::test::source_path("scenarios/baseline.yaml"))).game()},
    };
}

}  // namespace

TEST_CASE("every method on every test game: each equilibrium's regret is within tolerance", "[solvers][conformance]") {
    for (const auto& [name, game] : test_games()) {
        for (const auto& spec : builtin_solvers().all()) {
            if (spec->players != 0 && spec->players != game.player_count()) continue;
            INFO(name << " with " << spec->name);
            const SolverReport report = run_solver(game, spec->name, solver_options(*spec, {}));
            CHECK(report.method == spec->name);
            for (const auto& e : report.equilibria) {
                const bool claimed = std::find(e.labels.begin(), e.labels.end(), "not_an_equilibrium") == e.labels.end();
                if (!claimed) continue;  // `stable` lists where play spends its time, and says so
                // The QRE limit is approached, not reached: its tolerance is looser.
                const double tolerance = e.method == "qre" ? 1e-4 : 1e-8;
                CHECK(e.regret <= tolerance * (1.0 + payoff_tolerance(game, 1.0)));
                CHECK(std::abs(regret(game, e.strategy) - e.regret) < 1e-9);
            }
        }
    }
}

TEST_CASE("known answers through the registry", "[solvers]") {
    const auto games = test_games();
    // Shapley's game: support enumeration finds the unique, uniform equilibrium.
    const SolverReport shapley = run_solver(games[3].second, "support", solver_options(*builtin_solvers().find("support"), {}));
    REQUIRE(shapley.equilibria.size() == 1);
    for (const auto& s : shapley.equilibria[0].strategy) CHECK((s.array() - 1.0 / 3.0).abs().maxCoeff() < 1e-9);
    // Battle of the sexes: three equilibria, the mixed one Pareto-dominated by both pure ones.
    const SolverReport bos = run_solver(games[1].second, "support", solver_options(*builtin_solvers().find("support"), {}));
    REQUIRE(bos.equilibria.size() == 3);
    CHECK(std::count(bos.equilibria[2].labels.begin(), bos.equilibria[2].labels.end(), "pareto_dominated") == 1);
    // The odd cycle: no pure equilibrium; the QRE limit is everyone at 1/2.
    CHECK(run_solver(games[4].second, "pure", {{"tolerance", 1e-9}}).equilibria.empty());
    const SolverReport cycle = run_solver(games[4].second, "qre", solver_options(*builtin_solvers().find("qre"), {}));
    for (const auto& s : cycle.equilibria.at(0).strategy) CHECK(s(0) == Approx(0.5).margin(1e-4));
    // Whatever the method, a strict pure equilibrium says so: the QRE limit of the dilemma.
    const SolverReport limit = run_solver(games[2].second, "qre", solver_options(*builtin_solvers().find("qre"), {}));
    CHECK(limit.equilibria.at(0).labels == std::vector<std::string>{"strict"});
    // Replicator labels: the prisoner's dilemma's equilibrium is asymptotically stable.
    const SolverReport pd = run_solver(games[2].second, "replicator", solver_options(*builtin_solvers().find("replicator"), {}));
    REQUIRE(pd.equilibria.size() == 1);
    CHECK(std::count(pd.equilibria[0].labels.begin(), pd.equilibria[0].labels.end(), "asymptotically_stable") == 1);
}

TEST_CASE("pure equilibria found by support enumeration equal the pure method's", "[solvers]") {
    for (const auto& [name, game] : test_games()) {
        if (game.player_count() != 2) continue;
        INFO(name);
        std::vector<std::size_t> from_support, from_pure;
        for (const auto& e : run_solver(game, "support", {{"tolerance", 1e-9}}).equilibria)
            if (e.profile) from_support.push_back(*e.profile);
        for (const auto& e : run_solver(game, "pure", {{"tolerance", 1e-9}}).equilibria) from_pure.push_back(*e.profile);
        CHECK(from_support == from_pure);
    }
}

TEST_CASE("the QRE limit is a Nash equilibrium that support enumeration also finds", "[solvers]") {
    for (const auto& [name, game] : test_games()) {
        if (game.player_count() != 2) continue;
        INFO(name);
        const Equilibrium limit = run_solver(game, "qre", solver_options(*builtin_solvers().find("qre"), {})).equilibria.at(0);
        bool found = false;
        for (const auto& e : run_solver(game, "support", {{"tolerance", 1e-9}}).equilibria) {
            double distance = 0.0;
            for (int i = 0; i < 2; ++i) distance = std::max(distance, (e.strategy[i] - limit.strategy[i]).cwiseAbs().maxCoeff());
            found = found || distance < 1e-3;
        }
        CHECK(found);
    }
}

TEST_CASE("solver options are checked like parameters", "[solvers]") {
    const SolverSpec& stable = *builtin_solvers().find("stable");
    CHECK(solver_options(stable, {"lambda=3"}).at("lambda") == 3.0);
    triad::test::require_input_error([&] { (void)solver_options(stable, {"lamda=3"}); }, 0, {"no option 'lamda'", "did you mean 'lambda'?"});
    triad::test::require_input_error([&] { (void)solver_options(stable, {"lambda=-1"}); }, 0, {"outside"});
    triad::test::require_input_error([&] { (void)solver_options(stable, {"lambda"}); }, 0, {"NAME=VALUE"});
    triad::test::require_input_error([&] { (void)run_solver(test_games()[4].second, "support", {}); }, 0, {"2-player games"});
    triad::test::require_input_error([&] { (void)run_solver(test_games()[4].second, "suport", {}); }, 0, {"did you mean 'support'?"});
}
