// Pure profiles written as text: "PLAYER=ACTION,..." read, "(a, b, c)" written (profile_text.hpp).
#include "triad/core/profile_text.hpp"

#include "triad/core/error.hpp"
#include "triad/core/strings.hpp"

#include <sstream>

namespace triad {

namespace {

// "did you mean 'x'? " (when one is close) followed by the full list of valid names.
std::string name_hint(const std::string& name, const std::vector<std::string>& valid, const std::string& what) {
    std::string hint;
    if (const auto best = closest_name(name, valid)) hint = "did you mean '" + *best + "'? ";
    return hint + what + ": " + join(valid, ", ");
}

}  // namespace

// "PLAYER=ACTION,..." naming every player once, as a profile index. Action names may hold
// '/', '+', '-', '~' but never ',' or '=', so splitting on those is unambiguous.
std::size_t parse_profile(const Game& game, const std::string& text, const SourceLocation& where) {
    std::vector<int> actions(game.player_count(), -1);
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        item = trim(item);
        const auto equals = item.find('=');
        if (equals == std::string::npos)
            throw InputError(where, "'" + item + "' is not PLAYER=ACTION",
                             "e.g. --profile " + game.players.front() + "=" + game.actions.front().front() + ",...");
        const std::string player = trim(item.substr(0, equals)), action = trim(item.substr(equals + 1));
        const int i = game.player_index(player);
        if (i < 0) throw InputError(where, "unknown player '" + player + "'", name_hint(player, game.players, "players"));
        if (actions[i] >= 0) throw InputError(where, "player '" + player + "' is named twice");
        const int a = game.action_index(i, action);
        if (a < 0)
            throw InputError(where, "unknown action '" + action + "' of " + player,
                             name_hint(action, game.actions[i], player + "'s actions"));
        actions[i] = a;
    }
    std::vector<std::string> missing;
    for (int i = 0; i < game.player_count(); ++i)
        if (actions[i] < 0) missing.push_back(game.players[i]);
    if (!missing.empty())
        throw InputError(where, "no action given for " + join(missing, ", "),
                         "the profile names every player once (players: " + join(game.players, ", ") + ")");
    return game.space.index(actions);
}

// "(defect, defect)": one action per player, in player order.
std::string profile_text(const Game& game, std::size_t profile) {
    std::vector<std::string> names;
    for (int i = 0; i < game.player_count(); ++i) names.push_back(game.actions[i][game.space.action_of(profile, i)]);
    return "(" + join(names, ", ") + ")";
}

}  // namespace triad
