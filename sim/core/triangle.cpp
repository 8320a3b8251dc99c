#include "triad/core/triangle.hpp"

namespace triad {

const std::array<std::string_view, kConfigurationCount>& configuration_names() {
    static const std::array<std::string_view, kConfigurationCount> names = {
        "menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"};
    return names;
}

const std::array<std::string_view, kRoleCount>& role_names() {
    static const std::array<std::string_view, kRoleCount> names = {"pivot", "friend", "partner",
                                                                   "wing",  "foe",    "outcast"};
    return names;
}

const std::array<double, kRoleCount>& wu_role_scores() {
    static const std::array<double, kRoleCount> scores = {5, 4, 3, 2, 1, 0};
    return scores;
}

std::string_view to_string(Configuration configuration) {
    return configuration_names()[static_cast<int>(configuration)];
}

std::string_view to_string(Role role) { return role_names()[static_cast<int>(role)]; }

int alignment(const Eigen::MatrixXd& warmth, int player) {
    const int n = static_cast<int>(warmth.rows());
    int best = -1;
    for (int j = 0; j < n; ++j) {
        if (j == player || warmth(player, j) <= kAmityThreshold) continue;
        bool warmest = true;
        for (int k = 0; k < n && warmest; ++k)
            if (k != player && k != j && warmth(player, j) <= warmth(player, k) + kAmityThreshold)
                warmest = false;
        if (warmest) best = j;
    }
    return best;
}

TriadReading read_triad(const Eigen::MatrixXd& warmth, int i, int j, int k) {
    TriadReading reading;
    reading.players = {i, j, k};
    const auto& p = reading.players;
    // amity[a] is the dyad opposite players[a]: (1,2), (0,2), (0,1).
    const bool amity[3] = {warmth(p[1], p[2]) > kAmityThreshold,
                           warmth(p[0], p[2]) > kAmityThreshold,
                           warmth(p[0], p[1]) > kAmityThreshold};
    const int count = amity[0] + amity[1] + amity[2];
    switch (count) {
        case 3:
            reading.configuration = Configuration::menage_a_trois;
            reading.roles = {Role::friend_, Role::friend_, Role::friend_};
            break;
        case 2:
            // The pivot is in both amity dyads: the one whose opposite dyad is not in amity.
            reading.configuration = Configuration::romantic_triangle;
            for (int a = 0; a < 3; ++a) reading.roles[a] = amity[a] ? Role::wing : Role::pivot;
            break;
        case 1:
            reading.configuration = Configuration::stable_marriage;
            for (int a = 0; a < 3; ++a) reading.roles[a] = amity[a] ? Role::outcast : Role::partner;
            break;
        default:
            reading.configuration = Configuration::unit_veto;
            reading.roles = {Role::foe, Role::foe, Role::foe};
            break;
    }
    return reading;
}

Structure read_structure(const Eigen::MatrixXd& warmth) {
    const int n = static_cast<int>(warmth.rows());
    Structure out;
    out.alignment.resize(n);
    for (int i = 0; i < n; ++i) out.alignment[i] = alignment(warmth, i);
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            for (int k = j + 1; k < n; ++k) out.triads.push_back(read_triad(warmth, i, j, k));
    return out;
}

}  // namespace triad
