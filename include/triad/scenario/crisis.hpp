// Crises: a declared confrontation between two players in which third parties choose a side
// (docs/model.md section 1.4).
//
//   crises:
//     taiwan:  {between: [us, china]}                     # backers: every other player
//     ukraine: {between: [us, russia], backers: [china]}
//
// Each backer's actions are its stance actions (and policy twins) times its backing choices:
// ACTION (abstain) and ACTION:backs-SIDE for each side, so a backer may warm to a partner and
// still stay out of its fight. A player backs in one crisis at most, which keeps the label
// PLAYER.backs unambiguous. Without a `crises:` section the game is exactly what it was.
#pragma once

#include "triad/core/error.hpp"
#include "triad/core/game.hpp"
#include "triad/scenario/tree.hpp"

#include <string>
#include <vector>

namespace triad {

struct ActionDecl;

struct CrisisDecl {
    std::string name;
    SourceLocation where;
    int first = 0, second = 0;
    std::vector<int> backers;
};

// The `crises:` section, checked against the players (unknown names with a suggestion, a side
// named twice, a side among its own backers, a player backing in two crises).
[[nodiscard]] std::vector<CrisisDecl> parse_crises(const TreeNode& node, const std::vector<std::string>& players);

// The name of an action that also backs `side` ("+china/~us:backs-china").
[[nodiscard]] std::string backing_action_name(const std::string& action, const std::string& side);

// A backer's actions times its choices: every action as it was (abstain), then every action
// backing the first side, then the second.
[[nodiscard]] std::vector<ActionDecl> with_backing(const std::vector<ActionDecl>& actions, const CrisisDecl& crisis,
                                                   const std::vector<std::string>& players);

// The crises as the game records them.
[[nodiscard]] std::vector<Crisis> game_crises(const std::vector<CrisisDecl>& crises);

}  // namespace triad
