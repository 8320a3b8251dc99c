#include "triad/solvers/pure.hpp"

#include "support.hpp"

#include <random>

using namespace triad;
using triad::test::bimatrix;
using triad::test::two_by_two;
using triad::test::model_from;

namespace {

std::vector<std::size_t> profiles(const std::vector<Equilibrium>& eqs) {
    std::vector<std::size_t> out;
    for (const auto& e : eqs) out.push_back(*e.profile);
    return out;
}

}  // namespace

TEST_CASE("prisoner's dilemma: mutual defection, strict", "[equilibria]") {
    // (A = cooperate, B = defect): R = 3, S = 0, T = 5, P = 1.
    const Game g = two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    const auto eqs = pure_equilibria(g, 1e-9);
    REQUIRE(eqs.size() == 1);
    CHECK(*eqs[0].profile == 3);  // (defect, defect)
    CHECK(eqs[0].regret == 0.0);
    CHECK(eqs[0].payoffs == std::vector<double>{1.0, 1.0});
    CHECK(eqs[0].labels == std::vector<std::string>{"strict"});
    CHECK(eqs[0].method == "pure");
}

TEST_CASE("coordination game: two pure equilibria", "[equilibria]") {
    const Game g = two_by_two(2, 2, 0, 0, 0, 0, 1, 1);
    CHECK(profiles(pure_equilibria(g, 1e-9)) == std::vector<std::size_t>{0, 3});
}

TEST_CASE("matching pennies: no pure equilibrium", "[equilibria]") {
    const Game g = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    CHECK(pure_equilibria(g, 1e-9).empty());
}

TEST_CASE("a weak equilibrium is found but not labelled strict", "[equilibria]") {
    // The column player is indifferent everywhere; the row player prefers A.
    const Game g = two_by_two(1, 0, 1, 0, 0, 0, 0, 0);
    const auto eqs = pure_equilibria(g, 1e-9);
    CHECK(profiles(eqs) == std::vector<std::size_t>{0, 2});
    for (const auto& e : eqs) CHECK(e.labels.empty());
}

TEST_CASE("a three-player game solved by hand", "[equilibria]") {
    // Each of three players picks 0 or 1 and earns 1 when matching the next player
    // ((i + 1) mod 3), else 0. By hand: only (0,0,0) and (1,1,1) leave nobody a gain; in any
    // other profile someone differs from the next player and gains by copying it.
    const Game g = triad::test::ring_game([](int, int own, int next) { return own == next ? 1.0 : 0.0; });
    const auto eqs = pure_equilibria(g, 1e-9);
    CHECK(profiles(eqs) == std::vector<std::size_t>{0, 7});
    for (const auto& e : eqs) CHECK(e.labels == std::vector<std::string>{"strict"});
}

TEST_CASE("pure equilibria are exactly the profiles of zero regret", "[equilibria]") {
    // Random games with ties (payoffs drawn from few values) and the baseline scenario.
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int> small(0, 3);
    for (int trial = 0; trial < 50; ++trial) {
        Game g;
        g.players = {"a", "b", "c"};
        g.actions = {{"x", "y", "z"}, {"x", "y"}, {"x", "y", "z", "w"}};
        g.space = ProfileSpace({3, 2, 4});
        g.payoffs.assign(3, Eigen::VectorXd(g.space.size()));
        for (auto& u : g.payoffs)
            for (Eigen::Index p = 0; p < u.size(); ++p) u(p) = small(rng);
        const auto eqs = pure_equilibria(g, 1e-9);
        std::vector<std::size_t> expected;
        for (std::size_t p = 0; p < g.space.size(); ++p)
            if (pure_regret(g, p) <= 1e-9) expected.push_back(p);
        CHECK(profiles(eqs) == expected);
    }
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Game& g = model.game();
    const double tol = payoff_tolerance(g);
    const auto eqs = pure_equilibria(g, tol);
    std::size_t zero_regret = 0;
    for (std::size_t p = 0; p < g.space.size(); ++p) zero_regret += pure_regret(g, p) <= tol;
    CHECK(eqs.size() == zero_regret);
    for (const auto& e : eqs) CHECK(e.regret <= tol);
}
