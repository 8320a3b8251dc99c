// The stationary distribution of asynchronous logit dynamics.
#include "triad/solvers/stationary.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "support.hpp"

#include <random>

using namespace triad;

namespace {

// An exact potential game: u_i(p) = Phi(p) + c_i(a_-i), where c_i ignores i's own action.
// Blume (1993): logit dynamics then have pi(p) proportional to exp(lambda * Phi(p)).
Game potential_game(std::mt19937_64& rng, Eigen::VectorXd& potential) {
    Game g;
    g.players = {"a", "b", "c"};
    g.actions = {{"x", "y", "z"}, {"x", "y"}, {"x", "y", "z", "w"}};
    g.space = ProfileSpace({3, 2, 4});
    std::normal_distribution<double> normal(0.0, 1.0);
    potential = Eigen::VectorXd(g.space.size());
    for (Eigen::Index p = 0; p < potential.size(); ++p) potential(p) = normal(rng);
    g.payoffs.assign(3, Eigen::VectorXd(g.space.size()));
    for (int i = 0; i < 3; ++i) {
        // c_i depends on the profile with i's action set to 0.
        Eigen::VectorXd others(g.space.size());
        for (std::size_t p = 0; p < g.space.size(); ++p) others(p) = 0.0;
        for (std::size_t p = 0; p < g.space.size(); ++p)
            if (g.space.action_of(p, i) == 0) others(p) = normal(rng);
        for (std::size_t p = 0; p < g.space.size(); ++p)
            g.payoffs[i](p) = potential(p) + others(g.space.with_action(p, i, 0));
    }
    return g;
}

}  // namespace

TEST_CASE("stable: potential games have pi proportional to exp(lambda * potential)", "[stationary]") {
    std::mt19937_64 rng(11);
    for (int trial = 0; trial < 5; ++trial) {
        Eigen::VectorXd potential;
        const Game g = potential_game(rng, potential);
        for (double lambda : {0.0, 0.5, 2.0, 6.0}) {
            const StationaryDistribution pi = stationary_distribution(g, lambda);
            Eigen::VectorXd expected = (lambda * (potential.array() - potential.maxCoeff())).exp().matrix();
            expected /= expected.sum();
            INFO("lambda " << lambda);
            INFO("method " << to_string(pi.method) << " sweeps " << pi.sweeps << " residual " << pi.residual);
            CHECK((pi.probability - expected).cwiseAbs().maxCoeff() < 1e-10);
            CHECK(pi.residual < 1e-12);
        }
    }
}

TEST_CASE("stable: transition rows are probability distributions", "[stationary]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const auto P = logit_transition_matrix(model.game(), 10.0);
    for (Eigen::Index r = 0; r < P.rows(); ++r) CHECK(P.row(r).sum() == Approx(1.0).epsilon(1e-12));
    // One player revises at a time: a row reaches at most sum_i m_i profiles.
    CHECK(P.nonZeros() <= static_cast<Eigen::Index>(729 * 27));
}

TEST_CASE("stable: as noise vanishes the mass goes to the strict equilibrium", "[stationary]") {
    // The baseline has one strict pure equilibrium, a stable marriage; at high lambda the
    // stationary distribution concentrates on it.
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const Game& g = model.game();
    const auto eqs = pure_equilibria(g, payoff_tolerance(g));
    REQUIRE(eqs.size() == 1);
    const StabilityTrace trace = trace_stability(g, {1.0, 5.0, 20.0});
    REQUIRE(trace.by_lambda.size() == 3);
    const auto p = static_cast<Eigen::Index>(*eqs[0].profile);
    CHECK(trace.by_lambda[0].probability(p) < trace.by_lambda[1].probability(p));
    CHECK(trace.by_lambda[1].probability(p) < trace.by_lambda[2].probability(p));
    REQUIRE_FALSE(trace.stable_profiles.empty());
    CHECK(trace.stable_profiles.front() == *eqs[0].profile);
    for (const auto& d : trace.by_lambda) CHECK(d.probability.sum() == Approx(1.0));

    const OutcomeDistribution outcome = outcome_distribution(g, trace.by_lambda.back().probability);
    double total = 0.0;
    for (const auto& [name, mass] : outcome.configuration) total += mass;
    CHECK(total == Approx(1.0));
    CHECK(outcome.configuration.at("stable_marriage") > 0.5);
    CHECK(outcome.alignment[1].at("china") > 0.5);  // Russia
}

TEST_CASE("stable: at lambda = 0 play is uniform", "[stationary]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    const StationaryDistribution pi = stationary_distribution(model.game(), 0.0);
    CHECK((pi.probability.array() - 1.0 / 729.0).abs().maxCoeff() < 1e-12);
}

TEST_CASE("stable: Gauss-Seidel and sparse LU agree", "[stationary]") {
    const StageModel model(load_scenario(triad::test::source_path("scenarios/baseline.yaml")));
    for (double lambda : {1.0, 10.0, 30.0}) {
        const StationaryDistribution fast = stationary_distribution(model.game(), lambda);
        const StationaryDistribution direct = stationary_distribution(model.game(), lambda, {.max_sweeps = 0});
        INFO("lambda " << lambda);
        CHECK(fast.method == StationaryMethod::gauss_seidel);
        CHECK(direct.method == StationaryMethod::sparse_lu);
        CHECK((fast.probability - direct.probability).lpNorm<1>() < 1e-10);
        CHECK(fast.residual < 1e-12);
        CHECK(direct.residual < 1e-12);
    }
}
