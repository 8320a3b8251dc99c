#include "triad/core/triangle.hpp"

#include <catch2/catch.hpp>

using namespace triad;

namespace {
// Warmth of the dyads (0,1), (0,2), (1,2) as a symmetric matrix.
Eigen::MatrixXd signs(double w01, double w02, double w12) {
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(3, 3);
    w(0, 1) = w(1, 0) = w01;
    w(0, 2) = w(2, 0) = w02;
    w(1, 2) = w(2, 1) = w12;
    return w;
}
}  // namespace

TEST_CASE("Dittmer's four configurations and their roles", "[triangle]") {
    auto t = read_triad(signs(1, 1, 1), 0, 1, 2);
    CHECK(t.configuration == Configuration::menage_a_trois);
    CHECK(t.roles == std::array<Role, 3>{Role::friend_, Role::friend_, Role::friend_});

    t = read_triad(signs(1, 1, -1), 0, 1, 2);  // 0 is warm to both, 1 and 2 are hostile
    CHECK(t.configuration == Configuration::romantic_triangle);
    CHECK(t.roles == std::array<Role, 3>{Role::pivot, Role::wing, Role::wing});

    t = read_triad(signs(-1, -1, 1), 0, 1, 2);  // 1 and 2 married, 0 left out
    CHECK(t.configuration == Configuration::stable_marriage);
    CHECK(t.roles == std::array<Role, 3>{Role::outcast, Role::partner, Role::partner});

    t = read_triad(signs(-1, 0, -0.5), 0, 1, 2);  // no amity: hedged dyads are not amity
    CHECK(t.configuration == Configuration::unit_veto);
    CHECK(t.roles == std::array<Role, 3>{Role::foe, Role::foe, Role::foe});
}

TEST_CASE("alignment is the single warmest positive partner", "[triangle]") {
    CHECK(alignment(signs(1, 0.5, 0), 0) == 1);
    CHECK(alignment(signs(0.5, 0.5, 0), 0) == -1);  // tie: balanced
    CHECK(alignment(signs(-1, -0.5, 0), 0) == -1);  // no warmth: balanced
    CHECK(alignment(signs(0, 0.5, 1), 2) == 1);
}

TEST_CASE("four players: every triple is read on its own", "[triangle]") {
    Eigen::MatrixXd w = Eigen::MatrixXd::Constant(4, 4, -1.0);
    w(0, 1) = w(1, 0) = 1.0;
    const Structure s = read_structure(w);
    REQUIRE(s.triads.size() == 4);
    CHECK(s.triads[0].configuration == Configuration::stable_marriage);  // (0,1,2)
    CHECK(s.triads[3].configuration == Configuration::unit_veto);        // (1,2,3)
    CHECK(s.alignment[0] == 1);
    CHECK(s.alignment[2] == -1);
}
