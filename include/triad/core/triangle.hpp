// Reading a profile as a strategic triangle: alignments, configuration, roles.
//
// docs/model.md section 4. A dyad is in amity when its warmth is positive. Dittmer ("The
// Strategic Triangle: An Elementary Game-Theoretical Analysis", World Politics 33(4), 1981)
// names the four patterns of amity among three players:
//   three dyads in amity  -> menage a trois   (every player a friend)
//   two                   -> romantic triangle (the player in both is the pivot, the others wings)
//   one                   -> stable marriage  (the pair are partners, the third the outcast)
//   none                  -> unit veto        (every player a foe)
// Yu-Shan Wu ("Exploring Dual Triangles", Issues & Studies 32(10), 1996) ranks the six roles;
// his order, best first, gives the default role scores pivot 5, friend 4, partner 3, wing 2,
// foe 1, outcast 0. With more than three players each triple is read on its own.
#pragma once

#include <Eigen/Dense>

#include <array>
#include <string_view>
#include <vector>

namespace triad {

enum class Configuration { menage_a_trois, romantic_triangle, stable_marriage, unit_veto };
enum class Role { pivot, friend_, partner, wing, foe, outcast };

inline constexpr int kConfigurationCount = 4;
inline constexpr int kRoleCount = 6;

[[nodiscard]] std::string_view to_string(Configuration configuration);
[[nodiscard]] std::string_view to_string(Role role);
[[nodiscard]] const std::array<std::string_view, kConfigurationCount>& configuration_names();
[[nodiscard]] const std::array<std::string_view, kRoleCount>& role_names();
// Wu's ranking as scores, indexed by Role.
[[nodiscard]] const std::array<double, kRoleCount>& wu_role_scores();

// Warmth above this counts as amity; it absorbs rounding in expected (mixed) warmth.
inline constexpr double kAmityThreshold = 1e-9;

// Player i's alignment: the j with w_ij > 0 and w_ij > w_ik for every other k; -1 (balanced)
// when no single partner is warmest.
[[nodiscard]] int alignment(const Eigen::MatrixXd& warmth, int player);

struct TriadReading {
    std::array<int, 3> players{};  // ascending player indices
    Configuration configuration = Configuration::unit_veto;
    std::array<Role, 3> roles{};  // roles[k] is the role of players[k]
};

// The configuration and roles of the triple (i, j, k).
[[nodiscard]] TriadReading read_triad(const Eigen::MatrixXd& warmth, int i, int j, int k);

// Alignment of every player and the reading of every triple (one triple for three players).
struct Structure {
    std::vector<int> alignment;
    std::vector<TriadReading> triads;
};
[[nodiscard]] Structure read_structure(const Eigen::MatrixXd& warmth);

}  // namespace triad
