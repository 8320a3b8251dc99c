#include "triad/solvers/qre.hpp"

#include "support.hpp"

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

using namespace triad;
using triad::test::bimatrix;
using triad::test::two_by_two;

namespace {

// Two players with 3 actions each; payoffs listed in profile order (row + 3 * col).
Game three_by_three(const std::vector<double>& row, const std::vector<double>& col) {
    Game g;
    g.players = {"row", "col"};
    g.actions = {{"a", "b", "c"}, {"a", "b", "c"}};
    g.space = ProfileSpace({3, 3});
    g.payoffs = {Eigen::Map<const Eigen::VectorXd>(row.data(), 9),
                 Eigen::Map<const Eigen::VectorXd>(col.data(), 9)};
    return g;
}

// The largest gap between a profile and its own logit response at lambda.
double fixed_point_error(const Game& game, const QrePoint& point) {
    const MixedProfile response = logit_response(game, point.strategy, point.lambda);
    double worst = 0.0;
    for (std::size_t i = 0; i < response.size(); ++i)
        worst = std::max(worst, (response[i] - point.strategy[i]).cwiseAbs().maxCoeff());
    return worst;
}

void require_on_the_logit_curve(const Game& game, const QreResult& result) {
    for (const auto& point : result.branch) {
        INFO("lambda = " << point.lambda);
        REQUIRE(fixed_point_error(game, point) <= 1e-8);
    }
}

// The largest change of any probability between consecutive branch points: a jump to
// another branch of the correspondence shows up as a big one.
double largest_jump(const QreResult& result) {
    double worst = 0.0;
    for (std::size_t k = 1; k < result.branch.size(); ++k)
        for (std::size_t i = 0; i < result.branch[k].strategy.size(); ++i)
            worst = std::max(worst, (result.branch[k].strategy[i] - result.branch[k - 1].strategy[i])
                                        .cwiseAbs()
                                        .maxCoeff());
    return worst;
}

}  // namespace

TEST_CASE("QRE: the branch starts at uniform play at lambda = 0", "[qre]") {
    const Game g = three_by_three({2, 9, 0, 3, 7, 4, 4, 1, 9}, {9, 3, 0, 7, 3, 9, 5, 1, 9});
    const QreResult r = trace_qre(g);
    REQUIRE(!r.branch.empty());
    CHECK(r.branch.front().lambda == 0.0);
    for (const auto& sigma : r.branch.front().strategy)
        CHECK((sigma.array() - 1.0 / 3.0).abs().maxCoeff() < 1e-15);
    CHECK(r.converged);
    // The default end, lambda = 10^5 in units of the payoff range (9: payoffs from 0 to 9).
    CHECK(r.branch.back().lambda == Approx(1e5 / 9.0));
    CHECK(r.status == "reached lambda = 11111.1 (100000 in units of the payoff range)");
    CHECK(r.limit.method == "qre");
}

TEST_CASE("QRE: logit_response is uniform at lambda 0 and safe at huge lambda", "[qre]") {
    const Game g = two_by_two(1e3, 0, 0, 0, 0, 0, 1, 0);
    const MixedProfile uniform{Eigen::VectorXd::Constant(2, 0.5), Eigen::VectorXd::Constant(2, 0.5)};
    const MixedProfile at_zero = logit_response(g, uniform, 0.0);
    CHECK(at_zero[0].isApprox(uniform[0]));
    // lambda * v = 5e8: exp would overflow without the log-sum-exp shift.
    const MixedProfile sharp = logit_response(g, uniform, 1e6);
    CHECK(sharp[0](0) == 1.0);
    CHECK(sharp[0](1) < 1e-300);  // Eigen's vectorised exp clamps, so not always exactly 0
    CHECK(sharp[1].allFinite());
}

TEST_CASE("QRE: matching pennies stays at (1/2, 1/2) for every lambda", "[qre]") {
    const Game g = two_by_two(1, -1, -1, 1, -1, 1, 1, -1);
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    for (const auto& point : r.branch)
        for (const auto& sigma : point.strategy) CHECK((sigma.array() - 0.5).abs().maxCoeff() < 1e-12);
    require_on_the_logit_curve(g, r);
    CHECK(!r.limit.profile);
    CHECK(r.limit.regret < 1e-9);
    CHECK(r.turning_points == 0);
}

TEST_CASE("QRE: McKelvey-Palfrey asymmetric matching pennies", "[qre]") {
    // Row: U/D, column: L/R. Row payoffs [[9,0],[0,1]], column payoffs [[0,1],[1,0]].
    // Nash equilibrium (the only one): the column player makes the row player indifferent,
    // 9 q = 1 - q, so plays L with q = 1/10; the row player makes the column player
    // indifferent, 1 - p = p, so plays U with p = 1/2. The row player's own payoffs do not
    // move their Nash mix, but in the QRE they do: for small lambda the column player is
    // near uniform, U looks far better (4.5 against 0.5), and the row player leans to U.
    const Game g = two_by_two(9, 0, 0, 1, 0, 1, 1, 0);
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    require_on_the_logit_curve(g, r);
    const MixedProfile& last = r.branch.back().strategy;
    CHECK(std::abs(last[0](0) - 0.5) < 1e-3);
    CHECK(std::abs(last[1](0) - 0.1) < 1e-3);
    CHECK(!r.limit.profile);
    CHECK(r.limit.regret < 1e-3);

    int checked = 0;
    for (const auto& point : r.branch) {
        if (point.lambda <= 0.0 || point.lambda > 2.0) continue;
        INFO("lambda = " << point.lambda);
        CHECK(point.strategy[0](0) > 0.5);
        ++checked;
    }
    CHECK(checked >= 2);
}

TEST_CASE("QRE: coordination game selects the payoff-dominant equilibrium", "[qre]") {
    // (A,A) pays 2 each, (B,B) 1 each, mismatches 0. Both pure profiles are equilibria;
    // (A,A) is payoff- and risk-dominant, and the principal branch goes there.
    const Game g = two_by_two(2, 2, 0, 0, 0, 0, 1, 1);
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    require_on_the_logit_curve(g, r);
    REQUIRE(r.limit.profile);
    CHECK(*r.limit.profile == 0);
    CHECK(r.limit.regret <= 1e-6);
    CHECK(r.limit.payoffs == std::vector<double>{2.0, 2.0});
}

TEST_CASE("QRE: prisoner's dilemma ends at mutual defection", "[qre]") {
    // (A = cooperate, B = defect): R = 3, S = 0, T = 5, P = 1.
    const Game g = two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    require_on_the_logit_curve(g, r);
    REQUIRE(r.limit.profile);
    CHECK(*r.limit.profile == 3);
    CHECK(r.limit.regret == 0.0);
}

TEST_CASE("QRE: a three-player game with only a mixed equilibrium", "[qre]") {
    // A cycle of matching pennies (after Jordan 1993). Actions 0/1; p_i = P(player i plays 0).
    //   a wants to match b:      2 if both play 0, 1 if both play 1, else 0;
    //   b wants to match c:      3 if both play 0, 1 if both play 1, else 0;
    //   c wants to mismatch a:   1 for (c=0, a=1), 2 for (c=1, a=0), else 0.
    // No pure equilibrium: a and b matching b and c forces a = b = c, which c never accepts.
    // Each player's payoff depends on one other player only, so if that player were pure the
    // best reply would be strict and pure, and pure play would run round the cycle, so every
    // player mixes, which needs each to be indifferent:
    //   a indifferent: 2 p_b = 1 - p_b   ->  p_b = 1/3
    //   b indifferent: 3 p_c = 1 - p_c   ->  p_c = 1/4
    //   c indifferent: 1 - p_a = 2 p_a   ->  p_a = 1/3
    const Game g = triad::test::ring_game([](int player, int own, int next) {
        if (player == 0) return own != next ? 0.0 : (own == 0 ? 2.0 : 1.0);
        if (player == 1) return own != next ? 0.0 : (own == 0 ? 3.0 : 1.0);
        return own == next ? 0.0 : (own == 0 ? 1.0 : 2.0);
    });
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    require_on_the_logit_curve(g, r);
    CHECK(!r.limit.profile);
    CHECK(r.limit.regret <= 1e-4);
    CHECK(r.limit.strategy[0](0) == Approx(1.0 / 3.0).margin(1e-3));
    CHECK(r.limit.strategy[1](0) == Approx(1.0 / 3.0).margin(1e-3));
    CHECK(r.limit.strategy[2](0) == Approx(1.0 / 4.0).margin(1e-3));
}

TEST_CASE("QRE: the path follows the branch through turning points", "[qre]") {
    // The first of 200 random 3x3 games (std::mt19937 seeded 0, 1, ...; payoffs gen() % 10,
    // row's 9 then column's 9 in profile order) whose principal branch bends back in lambda:
    // seed 15. Lambda rises to about 0.773, falls back to about 0.648 and rises again, to the
    // limit where the row player plays b and the column player splits between a and b.
    const Game g = three_by_three({2, 9, 0, 3, 7, 4, 4, 1, 9}, {9, 3, 0, 7, 3, 9, 5, 1, 9});
    const QreResult r = trace_qre(g);
    REQUIRE(r.converged);
    CHECK(r.turning_points == 2);
    int backward = 0;
    for (std::size_t k = 1; k < r.branch.size(); ++k)
        if (r.branch[k].lambda < r.branch[k - 1].lambda) ++backward;
    CHECK(backward > 0);
    // On the curve everywhere, and no jump: consecutive points stay close.
    require_on_the_logit_curve(g, r);
    CHECK(largest_jump(r) < 0.1);
    CHECK(r.limit.regret <= 1e-6);

    // The same limit when traced with steps a hundred times smaller.
    QreOptions careful;
    careful.initial_step = 1e-3;
    careful.max_step = 0.01;
    const QreResult fine = trace_qre(g, careful);
    REQUIRE(fine.converged);
    CHECK(fine.turning_points == 2);
    for (int i = 0; i < 2; ++i)
        CHECK((fine.limit.strategy[i] - r.limit.strategy[i]).cwiseAbs().maxCoeff() < 1e-6);
}

TEST_CASE("QRE: stops at max_lambda exactly", "[qre]") {
    const Game g = two_by_two(9, 0, 0, 1, 0, 1, 1, 0);
    QreOptions options;
    options.max_lambda = 3.0;
    const QreResult r = trace_qre(g, options);
    REQUIRE(r.converged);
    // max_lambda is in units of the payoff range (9 here); the branch is in the game's units.
    CHECK(r.payoff_range == 9.0);
    CHECK(r.branch.back().lambda == Approx(3.0 / 9.0).epsilon(1e-14));
    CHECK(r.status == "reached lambda = 0.333333 (3 in units of the payoff range)");
}

TEST_CASE("QRE: the same game in other units takes the same steps to the same limit", "[qre]") {
    // Issue 17: a trace in the user's units needed 100000 steps on payoffs of 10^5. Traced in
    // units of the payoff range, a game scaled by 10^-6 or 10^6, or shifted by a constant,
    // is the same problem: the same limit (to 1e-8) in a similar number of steps (within 2x).
    const Game ring = triad::test::ring_game([](int player, int own, int next) {
        if (player == 0) return own != next ? 0.0 : (own == 0 ? 2.0 : 1.0);
        if (player == 1) return own != next ? 0.0 : (own == 0 ? 3.0 : 1.0);
        return own == next ? 0.0 : (own == 0 ? 1.0 : 2.0);
    });
    const Game bending = three_by_three({2, 9, 0, 3, 7, 4, 4, 1, 9}, {9, 3, 0, 7, 3, 9, 5, 1, 9});
    for (const Game* original : {&ring, &bending}) {
        const QreResult reference = trace_qre(*original);
        REQUIRE(reference.converged);
        for (const auto& [scale, shift] : std::vector<std::pair<double, double>>{{1e-6, 0}, {1e6, 0}, {1, 1e3}, {1e6, -5e6}}) {
            INFO("scale " << scale << ", shift " << shift);
            Game changed = *original;
            for (auto& u : changed.payoffs) u = (u.array() * scale + shift).matrix();
            const QreResult r = trace_qre(changed);
            REQUIRE(r.converged);
            CHECK(r.payoff_range == Approx(reference.payoff_range * scale).epsilon(1e-12));
            for (std::size_t i = 0; i < r.limit.strategy.size(); ++i)
                CHECK((r.limit.strategy[i] - reference.limit.strategy[i]).cwiseAbs().maxCoeff() <= 1e-8);
            CHECK(r.branch.size() <= 2 * reference.branch.size());
            CHECK(reference.branch.size() <= 2 * r.branch.size());
            CHECK(r.branch.back().lambda * scale == Approx(reference.branch.back().lambda).epsilon(1e-12));
        }
    }
}

TEST_CASE("QRE: non-finite payoffs stop the trace without throwing", "[qre]") {
    Game g = two_by_two(1, 0, 0, 1, 0, 1, 1, 0);
    g.payoffs[0](1) = std::numeric_limits<double>::quiet_NaN();
    QreResult r;
    REQUIRE_NOTHROW(r = trace_qre(g));
    CHECK(!r.converged);
    CHECK_THAT(r.status, Catch::Contains("non-finite"));
}

TEST_CASE("QRE: too few steps allowed is reported", "[qre]") {
    const Game g = two_by_two(9, 0, 0, 1, 0, 1, 1, 0);
    QreOptions options;
    options.max_steps = 5;
    const QreResult r = trace_qre(g, options);
    CHECK(!r.converged);
    CHECK_THAT(r.status, Catch::StartsWith("stopped after 5 steps"));
    CHECK(r.branch.size() <= 6);
    require_on_the_logit_curve(g, r);
}

TEST_CASE("QRE: baseline scenario reaches a near-equilibrium", "[qre]") {
    const StageModel model(load_scenario(test::source_path("scenarios/baseline.yaml")));
    const Game& g = model.game();
    const QreResult r = trace_qre(g);
    INFO(r.status);
    REQUIRE(r.converged);
    CHECK(r.limit.regret <= 1e-4);
    CHECK(r.branch.size() > 10);
    require_on_the_logit_curve(g, r);
}
