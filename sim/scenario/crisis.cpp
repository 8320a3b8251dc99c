// Crises and the backing choices they add (crisis.hpp).
#include "triad/scenario/crisis.hpp"

#include "triad/scenario/scenario.hpp"

#include <algorithm>

namespace triad {

namespace {

int player_named(const TreeNode& node, const std::vector<std::string>& players, const std::string& what) {
    const std::string name = node.as_string(what);
    const auto found = std::find(players.begin(), players.end(), name);
    if (found == players.end()) throw InputError(node.where, "unknown player '" + name + "' in " + what, suggest(name, players));
    return static_cast<int>(found - players.begin());
}

}  // namespace

std::vector<CrisisDecl> parse_crises(const TreeNode& node, const std::vector<std::string>& players) {
    node.expect_map("crises (NAME: {between: [PLAYER, PLAYER], backers: [PLAYER, ...]})");
    node.check_unique_keys("crises");
    std::vector<CrisisDecl> out;
    std::vector<int> backer_of(players.size(), -1);  // per player: the crisis it backs in
    for (const TreeEntry& entry : node.entries) {
        CrisisDecl crisis;
        crisis.name = entry.key;
        crisis.where = entry.key_where;
        const std::string what = "crisis '" + crisis.name + "'";
        entry.value.expect_map(what + " (between, backers)");
        static const std::vector<std::string> keys = {"between", "backers"};
        entry.value.check_keys(keys, what);
        const TreeNode* between = entry.value.find("between");
        if (!between) throw InputError(entry.value.where, what + " needs 'between: [PLAYER, PLAYER]', its two sides");
        between->expect_sequence(what + ": between (a list of two players)");
        if (between->items.size() != 2)
            throw InputError(between->where, what + " is between two players, not " + std::to_string(between->items.size()));
        crisis.first = player_named(between->items[0], players, what);
        crisis.second = player_named(between->items[1], players, what);
        if (crisis.first == crisis.second)
            throw InputError(between->items[1].where, what + " names " + players[crisis.first] + " as both sides");
        if (const TreeNode* backers = entry.value.find("backers")) {
            backers->expect_sequence(what + ": backers (a list of players)");
            for (const TreeNode& item : backers->items) {
                const int k = player_named(item, players, what + "'s backers");
                if (k == crisis.first || k == crisis.second)
                    throw InputError(item.where, players[k] + " is a side of " + what + " and cannot back one",
                                     "list only third parties under backers");
                if (std::find(crisis.backers.begin(), crisis.backers.end(), k) != crisis.backers.end())
                    throw InputError(item.where, players[k] + " is listed twice among the backers of " + what);
                crisis.backers.push_back(k);
            }
            std::sort(crisis.backers.begin(), crisis.backers.end());
        } else {
            for (int k = 0; k < static_cast<int>(players.size()); ++k)
                if (k != crisis.first && k != crisis.second) crisis.backers.push_back(k);
        }
        if (crisis.backers.empty())
            throw InputError(entry.value.where, what + " has no third party to choose a side",
                             "a crisis needs a third player (the triangle's default has three)");
        for (int k : crisis.backers) {
            if (backer_of[k] >= 0)
                throw InputError(entry.key_where, players[k] + " would choose a side in two crises ('" +
                                                      out[static_cast<std::size_t>(backer_of[k])].name + "' and '" +
                                                      crisis.name + "')",
                                 "a player backs in one crisis at most: narrow one crisis's backers");
            backer_of[k] = static_cast<int>(out.size());
        }
        out.push_back(std::move(crisis));
    }
    return out;
}

std::string backing_action_name(const std::string& action, const std::string& side) {
    return action + ":backs-" + side;
}

std::vector<ActionDecl> with_backing(const std::vector<ActionDecl>& actions, const CrisisDecl& crisis,
                                     const std::vector<std::string>& players) {
    std::vector<ActionDecl> out = actions;
    for (int side : {crisis.first, crisis.second})
        for (const ActionDecl& action : actions) {
            ActionDecl backing = action;
            backing.name = backing_action_name(action.name, players[side]);
            backing.backs = side;
            out.push_back(std::move(backing));
        }
    return out;
}

std::vector<Crisis> game_crises(const std::vector<CrisisDecl>& crises) {
    std::vector<Crisis> out;
    for (const CrisisDecl& c : crises) out.push_back({c.name, c.first, c.second, c.backers});
    return out;
}

}  // namespace triad
