#include "triad/solvers/support_enumeration.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/core/error.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace triad;

namespace {

// A two-player game from the row player's table A and the column player's table B (row-major
// initializer lists, A[i][j] = payoff when row plays i and column plays j).
Game bimatrix(const std::vector<std::vector<double>>& a, const std::vector<std::vector<double>>& b) {
    const int m = static_cast<int>(a.size());
    const int n = static_cast<int>(a[0].size());
    Game g;
    g.players = {"row", "col"};
    g.actions.assign(2, {});
    for (int i = 0; i < m; ++i) g.actions[0].push_back(std::string(1, static_cast<char>('A' + i)));
    for (int j = 0; j < n; ++j) g.actions[1].push_back(std::string(1, static_cast<char>('a' + j)));
    g.space = ProfileSpace({m, n});
    g.payoffs.assign(2, Eigen::VectorXd(m * n));
    for (int i = 0; i < m; ++i)
        for (int j = 0; j < n; ++j) {
            g.payoffs[0](i + m * j) = a[i][j];  // profile index = row + m * column
            g.payoffs[1](i + m * j) = b[i][j];
        }
    return g;
}

Game random_game(int m, int n, std::mt19937_64& rng) {
    std::normal_distribution<double> payoff(0.0, 1.0);
    std::vector<std::vector<double>> a(m, std::vector<double>(n)), b = a;
    for (auto& row : a)
        for (auto& v : row) v = payoff(rng);
    for (auto& row : b)
        for (auto& v : row) v = payoff(rng);
    return bimatrix(a, b);
}

void check_strategy(const Eigen::VectorXd& s, const std::vector<double>& expected) {
    REQUIRE(s.size() == static_cast<Eigen::Index>(expected.size()));
    for (std::size_t a = 0; a < expected.size(); ++a)
        CHECK(s(static_cast<Eigen::Index>(a)) == Approx(expected[a]).margin(1e-12));
}

void check_all_equilibria(const Game& g, const SupportEnumerationResult& result, double tol) {
    for (const auto& e : result.equilibria) {
        CHECK(e.method == "support");
        CHECK(e.regret <= tol);
        CHECK(regret(g, e.strategy) <= tol);
    }
}

}  // namespace

TEST_CASE("matching pennies: the unique equilibrium is (1/2, 1/2)", "[support]") {
    const Game g = bimatrix({{1, -1}, {-1, 1}}, {{-1, 1}, {1, -1}});
    const auto r = support_enumeration(g);
    CHECK_FALSE(r.degenerate);
    REQUIRE(r.equilibria.size() == 1);
    const auto& e = r.equilibria[0];
    CHECK_FALSE(e.profile);
    CHECK(e.labels.empty());
    check_strategy(e.strategy[0], {0.5, 0.5});
    check_strategy(e.strategy[1], {0.5, 0.5});
    CHECK(e.payoffs[0] == Approx(0.0).margin(1e-12));
    CHECK(e.regret <= 1e-12);
}

TEST_CASE("battle of the sexes: two pure equilibria and one mixed", "[support]") {
    // A = [[2,0],[0,1]], B = [[1,0],[0,2]]. Mixed: the row plays A with probability p so
    // that the column is indifferent: 1*p = 2*(1-p), p = 2/3. The column plays a with
    // probability q so that the row is indifferent: 2q = 1-q, q = 1/3. Both then earn 2/3.
    const Game g = bimatrix({{2, 0}, {0, 1}}, {{1, 0}, {0, 2}});
    const auto r = support_enumeration(g);
    CHECK_FALSE(r.degenerate);
    REQUIRE(r.equilibria.size() == 3);
    CHECK(*r.equilibria[0].profile == 0);  // (A, a)
    CHECK(*r.equilibria[1].profile == 3);  // (B, b)
    for (int i = 0; i < 2; ++i) CHECK(r.equilibria[i].labels == std::vector<std::string>{"strict"});
    const auto& mixed = r.equilibria[2];
    CHECK_FALSE(mixed.profile);
    check_strategy(mixed.strategy[0], {2.0 / 3.0, 1.0 / 3.0});
    check_strategy(mixed.strategy[1], {1.0 / 3.0, 2.0 / 3.0});
    CHECK(mixed.payoffs[0] == Approx(2.0 / 3.0));
    CHECK(mixed.payoffs[1] == Approx(2.0 / 3.0));
}

TEST_CASE("rock-paper-scissors: uniform play is the only equilibrium", "[support]") {
    const std::vector<std::vector<double>> a = {{0, -1, 1}, {1, 0, -1}, {-1, 1, 0}};
    const std::vector<std::vector<double>> b = {{0, 1, -1}, {-1, 0, 1}, {1, -1, 0}};
    const auto r = support_enumeration(bimatrix(a, b));
    REQUIRE(r.equilibria.size() == 1);
    check_strategy(r.equilibria[0].strategy[0], {1.0 / 3, 1.0 / 3, 1.0 / 3});
    check_strategy(r.equilibria[0].strategy[1], {1.0 / 3, 1.0 / 3, 1.0 / 3});
}

TEST_CASE("a non-symmetric 3x3 game with a unique completely mixed equilibrium", "[support]") {
    // A weighted rock-paper-scissors, zero-sum (B = -A):
    //     A = [[0, -1, 2], [1, 0, -1], [-1, 1, 0]].
    // Column y makes the row indifferent: -y1 + 2y2 = y0 - y2 = -y0 + y1 = v with
    // y0 + y1 + y2 = 1. Equating the last two gives y1 = 2y0 - y2; equating the first two
    // gives y0 = 3y2 - y1 = 4y2 - 2y0, so y0 = 4/3 y2 and y1 = 5/3 y2; normalising,
    // y2 = 1/4: y = (1/3, 5/12, 1/4), v = 1/12. Row x makes the column indifferent over -A's columns, i.e. equal values of
    // x1 - x2, -x0 + x2, 2x0 - x1: x = (1/4, 5/12, 1/3), value 1/12 for the row.
    // Check: A y = (-5/12 + 1/2, 1/3 - 1/4, -1/3 + 5/12) = (1/12, 1/12, 1/12).
    // Being zero-sum with a completely mixed solution of a nonsingular system, the game has
    // exactly this equilibrium.
    const std::vector<std::vector<double>> a = {{0, -1, 2}, {1, 0, -1}, {-1, 1, 0}};
    std::vector<std::vector<double>> b = a;
    for (auto& row : b)
        for (auto& v : row) v = -v;
    const auto r = support_enumeration(bimatrix(a, b));
    REQUIRE(r.equilibria.size() == 1);
    check_strategy(r.equilibria[0].strategy[0], {1.0 / 4, 5.0 / 12, 1.0 / 3});
    check_strategy(r.equilibria[0].strategy[1], {1.0 / 3, 5.0 / 12, 1.0 / 4});
    CHECK(r.equilibria[0].payoffs[0] == Approx(1.0 / 12));
}

TEST_CASE("Shapley's game: the unique equilibrium is uniform", "[support]") {
    const Game g = bimatrix({{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, {{0, 0, 1}, {1, 0, 0}, {0, 1, 0}});
    const auto r = support_enumeration(g);
    REQUIRE(r.equilibria.size() == 1);
    check_strategy(r.equilibria[0].strategy[0], {1.0 / 3, 1.0 / 3, 1.0 / 3});
    check_strategy(r.equilibria[0].strategy[1], {1.0 / 3, 1.0 / 3, 1.0 / 3});
}

TEST_CASE("prisoner's dilemma: one strict pure equilibrium", "[support]") {
    // Cooperate = A, defect = B; R = 3, S = 0, T = 5, P = 1.
    const Game g = bimatrix({{3, 0}, {5, 1}}, {{3, 5}, {0, 1}});
    const auto r = support_enumeration(g);
    CHECK_FALSE(r.degenerate);
    REQUIRE(r.equilibria.size() == 1);
    CHECK(*r.equilibria[0].profile == 3);
    CHECK(r.equilibria[0].labels == std::vector<std::string>{"strict"});
    CHECK(r.equilibria[0].payoffs == std::vector<double>{1.0, 1.0});
}

TEST_CASE("a degenerate game: a continuum, whose vertices are listed", "[support]") {
    // The row player prefers A whatever the column does; the column player is indifferent.
    // Every (A, y) is an equilibrium: a segment with vertices (A, a) and (A, b).
    const Game g = bimatrix({{1, 1}, {0, 0}}, {{1, 1}, {1, 1}});
    const double tol = payoff_tolerance(g);
    const auto r = support_enumeration(g);
    CHECK(r.degenerate);
    CHECK_THAT(r.note, Catch::Contains("degenerate") && Catch::Contains("vertices"));
    REQUIRE(r.equilibria.size() == 2);
    CHECK(*r.equilibria[0].profile == 0);
    CHECK(*r.equilibria[1].profile == 2);
    for (const auto& e : r.equilibria) CHECK(e.labels.empty());  // the column could deviate freely
    check_all_equilibria(g, r, tol);
}

TEST_CASE("a degenerate game with two segments of equilibria", "[support]") {
    // A = [[1,1],[0,1]], B = [[2,2],[0,1]]. Against A the column's a and b tie; against b the
    // row's A and B tie. So (A, any y) and (any x, b) are equilibria: two segments meeting at
    // (A, b), with vertices (A, a), (A, b) and (B, b) = profiles 0, 2, 3, none strict.
    const Game g = bimatrix({{1, 1}, {0, 1}}, {{2, 2}, {0, 1}});
    const auto r = support_enumeration(g);
    CHECK(r.degenerate);
    REQUIRE(r.equilibria.size() == 3);
    CHECK(*r.equilibria[0].profile == 0);
    CHECK(*r.equilibria[1].profile == 2);
    CHECK(*r.equilibria[2].profile == 3);
    for (const auto& e : r.equilibria) CHECK(e.labels.empty());
    check_all_equilibria(g, r, payoff_tolerance(g));
}

TEST_CASE("a degenerate game with an extreme equilibrium of unequal supports", "[support]") {
    // A = [[0,2,0],[1,0,2]], B = [[0,1,1],[1,0,0]]. By hand:
    //  - (B, a) is strict: a is the column's only best reply to B, B the row's to a.
    //  - (A, b): b and c tie for the column against A; A is the row's best reply to b.
    //  - (A, y) with y on {b, c} stays an equilibrium while A's 2 y_b >= B's 2 y_c, so
    //    y_b >= 1/2: the vertex (A, (0, 1/2, 1/2)) has supports of sizes 1 and 2.
    //  - x = (1/2, 1/2) makes all three columns tie (a = x_B, b = c = x_A); the row is
    //    indifferent when 2 y_b = y_a + 2 y_c, a segment from (2/3, 1/3, 0) to (0, 1/2, 1/2).
    // Five extreme equilibria: two pure, then by support size (1+2, 2+2, 2+2).
    const Game g = bimatrix({{0, 2, 0}, {1, 0, 2}}, {{0, 1, 1}, {1, 0, 0}});
    const auto r = support_enumeration(g);
    CHECK(r.degenerate);
    REQUIRE(r.equilibria.size() == 5);
    CHECK(*r.equilibria[0].profile == 1);  // (B, a)
    CHECK(r.equilibria[0].labels == std::vector<std::string>{"strict"});
    CHECK(*r.equilibria[1].profile == 2);  // (A, b)
    check_strategy(r.equilibria[2].strategy[0], {1, 0});
    check_strategy(r.equilibria[2].strategy[1], {0, 0.5, 0.5});
    check_strategy(r.equilibria[3].strategy[0], {0.5, 0.5});
    check_strategy(r.equilibria[3].strategy[1], {2.0 / 3, 1.0 / 3, 0});
    check_strategy(r.equilibria[4].strategy[0], {0.5, 0.5});
    check_strategy(r.equilibria[4].strategy[1], {0, 0.5, 0.5});
    check_all_equilibria(g, r, payoff_tolerance(g));
}

TEST_CASE("random nondegenerate games: an odd number of equilibria, each exact", "[support]") {
    std::mt19937_64 rng(20240611);
    std::uniform_int_distribution<int> size(2, 5);
    for (int trial = 0; trial < 200; ++trial) {
        const int m = size(rng);
        const int n = size(rng);
        const Game g = random_game(m, n, rng);
        const double tol = payoff_tolerance(g);
        const auto r = support_enumeration(g);
        INFO("trial " << trial << ", " << m << "x" << n);
        CHECK_FALSE(r.degenerate);
        CHECK(r.equilibria.size() % 2 == 1);
        for (const auto& e : r.equilibria) {
            CHECK(e.regret <= 1e-8);
            CHECK(regret(g, e.strategy) <= 1e-8);
        }
        // Pure equilibria come first and match the pure solver's list.
        std::vector<std::size_t> from_support;
        for (const auto& e : r.equilibria)
            if (e.profile) from_support.push_back(*e.profile);
        std::vector<std::size_t> from_pure;
        for (const auto& e : pure_equilibria(g, tol)) from_pure.push_back(*e.profile);
        CHECK(from_support == from_pure);
        for (std::size_t i = 0; i < from_support.size(); ++i) CHECK(r.equilibria[i].profile);
    }
}

TEST_CASE("random games with ties: every reported profile is an equilibrium", "[support]") {
    // Payoffs from {0, 1, 2}: many degenerate games. Pure equilibria still match the pure
    // solver, and every reported profile has regret within the tolerance.
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> small(0, 2);
    for (int trial = 0; trial < 100; ++trial) {
        std::vector<std::vector<double>> a(3, std::vector<double>(3)), b = a;
        for (auto& row : a)
            for (auto& v : row) v = small(rng);
        for (auto& row : b)
            for (auto& v : row) v = small(rng);
        const Game g = bimatrix(a, b);
        const double tol = payoff_tolerance(g);
        const auto r = support_enumeration(g);
        INFO("trial " << trial);
        CHECK_FALSE(r.equilibria.empty());
        check_all_equilibria(g, r, tol);
        std::vector<std::size_t> from_support;
        for (const auto& e : r.equilibria)
            if (e.profile) from_support.push_back(*e.profile);
        std::vector<std::size_t> from_pure;
        for (const auto& e : pure_equilibria(g, tol)) from_pure.push_back(*e.profile);
        CHECK(from_support == from_pure);
    }
}

TEST_CASE("support enumeration needs exactly two players", "[support]") {
    Game g;
    g.players = {"a", "b", "c"};
    g.actions = {{"x", "y"}, {"x", "y"}, {"x", "y"}};
    g.space = ProfileSpace({2, 2, 2});
    g.payoffs.assign(3, Eigen::VectorXd::Zero(8));
    CHECK_THROWS_AS(support_enumeration(g), Error);
}
