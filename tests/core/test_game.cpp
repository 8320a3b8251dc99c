#include "triad/core/error.hpp"
#include "triad/core/game.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::bimatrix;
using triad::test::two_by_two;

TEST_CASE("profile indices are mixed-radix with player 0 fastest", "[game]") {
    const ProfileSpace space({2, 3, 4});
    CHECK(space.size() == 24);
    CHECK(space.stride(0) == 1);
    CHECK(space.stride(1) == 2);
    CHECK(space.stride(2) == 6);
    const std::vector<int> actions = {1, 2, 3};
    const std::size_t p = space.index(actions);
    CHECK(p == 1 + 2 * 2 + 3 * 6);
    std::vector<int> back(3);
    space.decode(p, back);
    CHECK(back == actions);
    CHECK(space.action_of(p, 1) == 2);
    CHECK(space.with_action(p, 1, 0) == 1 + 3 * 6);
}

TEST_CASE("profile spaces that do not fit are refused", "[game]") {
    const std::vector<int> huge = {81, 81, 81, 81, 81};
    CHECK_FALSE(profile_count(huge).has_value());
    const std::vector<int> fine = {9, 9, 9};
    CHECK(profile_count(fine) == std::optional<std::size_t>(729));
    CHECK_THROWS_AS(ProfileSpace(huge), triad::Error);
}

TEST_CASE("expected payoffs and regret of mixed profiles (matching pennies)", "[game]") {
    Eigen::MatrixXd A(2, 2);
    A << 1, -1, -1, 1;
    const Game g = bimatrix(A, -A);
    MixedProfile half = {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.5, 0.5)};
    CHECK(regret(g, half) == Approx(0.0).margin(1e-15));
    CHECK(expected_payoffs(g, half)[0] == Approx(0.0).margin(1e-15));
    // Against a column player who plays c0 with 0.8, the row player's r0 is worth 0.6.
    MixedProfile skewed = {Eigen::Vector2d(0.5, 0.5), Eigen::Vector2d(0.8, 0.2)};
    CHECK(action_values(g, skewed, 0)(0) == Approx(0.6));
    CHECK(regret(g, skewed) == Approx(0.6));
    // Every pure profile leaves someone a gain of 2.
    for (std::size_t p = 0; p < 4; ++p) CHECK(pure_regret(g, p) == Approx(2.0));
}

TEST_CASE("default stance action names", "[game]") {
    const std::vector<std::string> players = {"us", "russia", "china"};
    const std::vector<Stance> stances = {Stance::oppose, Stance::hedge, Stance::align};
    CHECK(stance_action_name(players, 1, stances) == "-us/+china");
    CHECK(parse_stance("align") == Stance::align);
    CHECK(parse_stance("-1") == Stance::oppose);
    CHECK_FALSE(parse_stance("algn").has_value());
}
