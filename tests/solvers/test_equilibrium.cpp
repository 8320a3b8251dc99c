// The shared equilibrium record: Pareto labels (equilibrium.hpp).
#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::two_by_two;

TEST_CASE("Pareto labels: the worse coordination equilibrium is dominated", "[equilibria]") {
    // Coordination: (A, A) pays (2, 2), (B, B) pays (1, 1); the prisoner's dilemma's single
    // equilibrium has nothing to be compared with.
    auto eqs = pure_equilibria(two_by_two(2, 2, 0, 0, 0, 0, 1, 1), 1e-9);
    label_pareto(eqs, 1e-9);
    REQUIRE(eqs.size() == 2);
    CHECK(eqs[0].labels == std::vector<std::string>{"strict"});
    CHECK(eqs[1].labels == std::vector<std::string>{"strict", "pareto_dominated"});
    auto pd = pure_equilibria(two_by_two(3, 3, 0, 5, 5, 0, 1, 1), 1e-9);
    label_pareto(pd, 1e-9);
    CHECK(pd[0].labels == std::vector<std::string>{"strict"});
}
