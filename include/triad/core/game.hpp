// The normal-form game: players, their actions, and one payoff array per player.
//
// A pure profile (one action per player) is stored as a single mixed-radix index. Player 0's
// action varies fastest, then player 1's, and so on: the order Gambit's .nfg format uses, so a
// game can be written out and read back without reordering. For player i the index is
//     profile = sum_i action_i * stride_i,   stride_0 = 1,  stride_{i+1} = stride_i * m_i
// where m_i is the number of actions of player i. Each player's payoffs are one flat Eigen
// vector over that index: no nested containers in hot loops.
//
// In a stance game (docs/model.md section 1) every action is a bundle of stances, one toward each
// other player (align = +1, hedge = 0, oppose = -1). A game read from a .nfg file, or a
// textbook game typed in as a table, has actions with no stances; `has_stances()` tells which.
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

enum class Stance : std::int8_t { oppose = -1, hedge = 0, align = 1 };

[[nodiscard]] std::string_view to_string(Stance stance);
// Accepts align/hedge/oppose and +1/0/-1.
[[nodiscard]] std::optional<Stance> parse_stance(std::string_view text);
[[nodiscard]] inline int value(Stance stance) { return static_cast<int>(stance); }

// The largest profile space triad will hold by default. Every basis term of every driver keeps
// one double per profile, so this bounds memory at roughly (terms x 8 bytes x limit).
inline constexpr std::size_t kMaxProfiles = std::size_t{1} << 20;  // 1,048,576

// The number of pure profiles of a game with these action counts, or nullopt if it exceeds
// `limit` (computed without overflow).
[[nodiscard]] std::optional<std::size_t> profile_count(std::span<const int> action_counts,
                                                      std::size_t limit = kMaxProfiles);

// Mixed-radix indexing of pure profiles (player 0 fastest).
class ProfileSpace {
public:
    ProfileSpace() = default;
    // Throws triad::Error if a count is < 1 or the space exceeds kMaxProfiles.
    explicit ProfileSpace(std::vector<int> action_counts);

    [[nodiscard]] int players() const { return static_cast<int>(counts_.size()); }
    [[nodiscard]] int actions(int player) const { return counts_[player]; }
    [[nodiscard]] std::size_t size() const { return size_; }
    [[nodiscard]] std::size_t stride(int player) const { return strides_[player]; }
    [[nodiscard]] const std::vector<int>& counts() const { return counts_; }

    [[nodiscard]] int action_of(std::size_t profile, int player) const {
        return static_cast<int>((profile / strides_[player]) % counts_[player]);
    }
    // The profile reached from `profile` when `player` switches to `action`.
    [[nodiscard]] std::size_t with_action(std::size_t profile, int player, int action) const {
        return profile - static_cast<std::size_t>(action_of(profile, player)) * strides_[player] +
               static_cast<std::size_t>(action) * strides_[player];
    }
    [[nodiscard]] std::size_t index(std::span<const int> actions) const;
    void decode(std::size_t profile, std::span<int> actions) const;

private:
    std::vector<int> counts_;
    std::vector<std::size_t> strides_;
    std::size_t size_ = 0;
};

// A probability distribution over each player's actions.
using MixedProfile = std::vector<Eigen::VectorXd>;

// A crisis between two players (docs/model.md section 1.4): Taiwan between the US and China,
// Ukraine between the US and Russia. Each backer (a third party) also chooses, in its action,
// whether it backs one side or abstains; "no fighting for each other" is about that choice,
// not about warmth. A player backs in one crisis at most.
struct Crisis {
    std::string name;
    int first = 0, second = 0;  // the two sides
    std::vector<int> backers;   // the players who choose a side, in game order
};

// The label of a backing choice: the side's name, or "abstain".
inline constexpr std::string_view kAbstain = "abstain";

struct Game {
    std::string title;
    std::vector<std::string> players;
    std::vector<std::vector<std::string>> actions;  // actions[i][a]: name of action a of player i
    ProfileSpace space;
    std::vector<Eigen::VectorXd> payoffs;  // payoffs[i](profile)
    // stances[i][a * N + j]: stance of player i toward j under action a (hedge toward self).
    // Empty when the game's actions carry no stances.
    std::vector<std::vector<Stance>> stances;
    // The declared crises, and backing[i][a]: the side player i backs under action a, or -1
    // (abstain, or not a backer). Both empty when no crisis is declared.
    std::vector<Crisis> crises;
    std::vector<std::vector<int>> backing;

    [[nodiscard]] int player_count() const { return static_cast<int>(players.size()); }
    [[nodiscard]] bool has_stances() const { return !stances.empty(); }
    [[nodiscard]] Stance stance(int player, int action, int toward) const {
        return stances[player][static_cast<std::size_t>(action) * players.size() + toward];
    }
    // Stance of i toward j in a pure profile.
    [[nodiscard]] Stance stance_in(std::size_t profile, int i, int j) const {
        return stance(i, space.action_of(profile, i), j);
    }
    // Warmth w_ij = (s_ij + s_ji) / 2 in a pure profile (docs/model.md section 1).
    [[nodiscard]] double warmth(std::size_t profile, int i, int j) const {
        return 0.5 * (value(stance_in(profile, i, j)) + value(stance_in(profile, j, i)));
    }

    [[nodiscard]] bool has_crises() const { return !crises.empty(); }
    // The side player i backs in a pure profile, or -1.
    [[nodiscard]] int backs_in(std::size_t profile, int i) const {
        return backing.empty() ? -1 : backing[i][static_cast<std::size_t>(space.action_of(profile, i))];
    }
    // The crisis in which player i chooses a side, or nullptr.
    [[nodiscard]] const Crisis* crisis_of_backer(int player) const;
    // Index of a player or action by name, or -1.
    [[nodiscard]] int player_index(std::string_view name) const;
    [[nodiscard]] int action_index(int player, std::string_view name) const;

    // Checks sizes agree and every payoff is finite; throws triad::Error otherwise.
    void check() const;
};

// A pure profile as a point mass per player.
[[nodiscard]] MixedProfile pure_as_mixed(const Game& game, std::size_t profile);

// Expected payoff of each action of `player` against the others' mixed strategies:
//     v_i(a) = sum over profiles with a_i = a of u_i(profile) * prod_{j != i} sigma_j(a_j).
[[nodiscard]] Eigen::VectorXd action_values(const Game& game, const MixedProfile& strategy,
                                            int player);

// Expected payoff of every player under a mixed profile.
[[nodiscard]] std::vector<double> expected_payoffs(const Game& game, const MixedProfile& strategy);

// The largest gain any player gets by a unilateral deviation to a pure action:
//     regret = max_i ( max_a v_i(a) - sum_a sigma_i(a) v_i(a) ).
// Zero (up to rounding) exactly at a Nash equilibrium.
[[nodiscard]] double regret(const Game& game, const MixedProfile& strategy);
[[nodiscard]] double pure_regret(const Game& game, std::size_t profile);

// Expected stance of i toward j and expected warmth under a mixed profile (docs/model.md section 4: "in a
// mixed profile use expected warmth"). Requires has_stances().
[[nodiscard]] Eigen::MatrixXd expected_warmth(const Game& game, const MixedProfile& strategy);
[[nodiscard]] Eigen::MatrixXd warmth_matrix(const Game& game, std::size_t profile);

// The default action names of a stance game: for each other player, "+name" (align),
// "~name" (hedge) or "-name" (oppose), joined by '/'; e.g. Russia's "+china/-us".
[[nodiscard]] std::string stance_action_name(const std::vector<std::string>& players, int self,
                                             std::span<const Stance> stances);

}  // namespace triad
