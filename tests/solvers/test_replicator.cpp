#include "triad/solvers/replicator.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "support.hpp"

using namespace triad;
using triad::test::bimatrix;
using triad::test::two_by_two;

namespace {
MixedProfile mix(double row_a, double col_a) { return {Eigen::Vector2d(row_a, 1 - row_a), Eigen::Vector2d(col_a, 1 - col_a)}; }
}  // namespace

TEST_CASE("replicator: a strict equilibrium is stable with eigenvalues u(deviation) - u(equilibrium)", "[replicator]") {
    // Prisoner's dilemma, (defect, defect): deviating to cooperate earns 0 instead of 1.
    const Game pd = two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    const ReplicatorStability s = replicator_stability(pd, mix(0, 0), 1e-9);
    REQUIRE(s.eigenvalues.size() == 2);
    for (const auto& e : s.eigenvalues) {
        CHECK(e.real() == Approx(-1.0));
        CHECK(e.imag() == Approx(0.0).margin(1e-12));
    }
    CHECK(s.asymptotically_stable);
    // Coordination at (A, A): deviating earns 0 instead of 2.
    const Game coordination = two_by_two(2, 2, 0, 0, 0, 0, 1, 1);
    const ReplicatorStability c = replicator_stability(coordination, mix(1, 1), 1e-9);
    CHECK(c.max_real_part == Approx(-2.0));
    CHECK(c.asymptotically_stable);
}

TEST_CASE("replicator: interior equilibria of 2x2 games are not asymptotically stable", "[replicator]") {
    // Matching pennies: dp/dt = p(1-p)(4q - 2), dq/dt = -q(1-q)(4p - 2); at (1/2, 1/2) the
    // Jacobian is [[0, 1], [-1, 0]]: a centre with eigenvalues +-i.
    const Game pennies = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    const ReplicatorStability m = replicator_stability(pennies, mix(0.5, 0.5), 1e-9);
    CHECK(m.max_real_part == Approx(0.0).margin(1e-12));
    CHECK_FALSE(m.asymptotically_stable);
    CHECK(std::abs(m.eigenvalues.front().imag()) == Approx(1.0));
    // Battle of the sexes' mixed equilibrium (p, q) = (2/3, 1/3). In (p, q) coordinates
    // dp/dt = p(1-p)(3q - 1), dq/dt = q(1-q)(3p - 2); the Jacobian there is [[0, 2/3], [2/3, 0]]:
    // a saddle with eigenvalues +-2/3.
    const Game bos = two_by_two(2, 1, 0, 0, 0, 0, 1, 2);
    const ReplicatorStability b = replicator_stability(bos, mix(2.0 / 3.0, 1.0 / 3.0), 1e-9);
    CHECK(b.max_real_part == Approx(2.0 / 3.0));
    CHECK(b.eigenvalues.back().real() == Approx(-2.0 / 3.0));
    CHECK_FALSE(b.asymptotically_stable);
}

TEST_CASE("replicator: payoff derivatives match finite differences of action values", "[replicator]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Game& g = model.game();
    MixedProfile x(3);
    for (int i = 0; i < 3; ++i) {
        x[i] = Eigen::VectorXd::LinSpaced(9, 1.0, 2.0);
        x[i] /= x[i].sum();
    }
    const auto W = payoff_derivatives(g, x);
    // v_i is linear in x_j, so W_i(a, (j, b)) = v_i(a | x_j = e_b).
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) {
            if (j == i) continue;
            MixedProfile pure_j = x;
            pure_j[j] = Eigen::VectorXd::Zero(9);
            pure_j[j](4) = 1.0;
            const Eigen::VectorXd v = action_values(g, pure_j, i);
            for (int a = 0; a < 9; ++a) CHECK(W[i](a, j * 9 + 4) == Approx(v(a)).margin(1e-12));
        }
}
