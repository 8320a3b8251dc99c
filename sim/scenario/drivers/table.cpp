// table: payoffs typed in by hand, one entry per named action profile.
//     u_i += weight * table_i(profile)        (0 for profiles the table does not list)
// For textbook games (prisoner's dilemma, battle of the sexes) and games imported from
// elsewhere; actions need no stances. Format:
//     table:
//       payoffs:
//         - {profile: [cooperate, defect], payoff: [0, 5]}      # in player order
//         - {profile: {row: defect, col: defect}, payoff: {row: 1, col: 1}}
#include "builtin.hpp"

#include <set>

namespace triad::drivers {

namespace {

// The action index of each player named by `node` (a list in player order or a map).
std::vector<int> read_profile(const TreeNode& node, const Game& game) {
    const int n = game.player_count();
    std::vector<int> actions(n, -1);
    auto action_of = [&](int player, const TreeNode& name_node) {
        const std::string name = name_node.as_string("an action of " + game.players[player]);
        const int a = game.action_index(player, name);
        if (a < 0)
            throw InputError(name_node.where,
                             "unknown action '" + name + "' of " + game.players[player],
                             suggest(name, game.actions[player]));
        return a;
    };
    if (node.is_sequence()) {
        if (static_cast<int>(node.items.size()) != n)
            throw InputError(node.where, "a table profile names one action per player (" +
                                             std::to_string(n) + "), found " +
                                             std::to_string(node.items.size()));
        for (int i = 0; i < n; ++i) actions[i] = action_of(i, node.items[i]);
        return actions;
    }
    node.expect_map("a table profile (a list of actions in player order, or player: action)");
    node.check_keys(game.players, "a table profile");
    for (const auto& entry : node.entries) actions[game.player_index(entry.key)] = action_of(game.player_index(entry.key), entry.value);
    for (int i = 0; i < n; ++i)
        if (actions[i] < 0) throw InputError(node.where, "the profile does not name an action of " + game.players[i]);
    return actions;
}

std::vector<double> read_payoff(const TreeNode& node, const Game& game) {
    const int n = game.player_count();
    std::vector<double> out(n, 0.0);
    if (node.is_sequence()) {
        if (static_cast<int>(node.items.size()) != n)
            throw InputError(node.where, "a table payoff lists one number per player (" +
                                             std::to_string(n) + "), found " +
                                             std::to_string(node.items.size()));
        for (int i = 0; i < n; ++i) out[i] = node.items[i].as_number("a payoff of " + game.players[i]);
        return out;
    }
    node.expect_map("a table payoff (a list of numbers in player order, or player: number)");
    node.check_keys(game.players, "a table payoff");
    for (const auto& entry : node.entries)
        out[game.player_index(entry.key)] = entry.value.as_number("a payoff of " + entry.key);
    return out;
}

}  // namespace

DriverSpec table() {
    DriverSpec spec{
        .name = "table",
        .summary = "payoffs typed in by hand per action profile (textbook and imported games)",
        .formula = "+ weight * table_i(profile)",
        .sources = "any game given as a table (e.g. a Gambit .nfg file or a textbook example)",
        .params = {{.symbol = "weight", .name = "table_weight", .default_value = 1.0,
                    .lower = -kUnbounded, .help = "multiplies every entry of the table"}},
        .settings = {{.name = "payoffs", .kind = SettingSpec::Kind::custom, .required = true,
                      .help = "list of {profile: [...], payoff: [...]} entries"}},
        .needs_stances = false,
    };
    spec.build = [](const DriverContext& ctx) {
        const Game& game = ctx.game();
        const int n = ctx.players();
        const auto size = static_cast<Eigen::Index>(game.space.size());
        std::vector<Eigen::VectorXd> basis(n, Eigen::VectorXd::Zero(size));
        const TreeNode& list = *ctx.setting_node("payoffs");
        list.expect_sequence("table payoffs (a list of {profile, payoff} entries)");
        std::set<std::size_t> seen;
        for (const auto& item : list.items) {
            item.expect_map("a table entry {profile: [...], payoff: [...]}");
            static const std::vector<std::string> keys = {"profile", "payoff"};
            item.check_keys(keys, "a table entry");
            const TreeNode* profile_node = item.find("profile");
            const TreeNode* payoff_node = item.find("payoff");
            if (!profile_node || !payoff_node)
                throw InputError(item.where, "a table entry needs both 'profile' and 'payoff'");
            const std::vector<int> actions = read_profile(*profile_node, game);
            const std::size_t profile = game.space.index(actions);
            if (!seen.insert(profile).second)
                throw InputError(profile_node->where, "this profile is listed twice in the table");
            const std::vector<double> payoff = read_payoff(*payoff_node, game);
            for (int i = 0; i < n; ++i) basis[i](static_cast<Eigen::Index>(profile)) = payoff[i];
        }
        std::vector<BasisTerm> terms;
        for (int i = 0; i < n; ++i) terms.push_back(ctx.term(i, 1.0, {ctx.entry("weight")}, std::move(basis[i])));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
