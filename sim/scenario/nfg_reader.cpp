// Reading Gambit .nfg files: the parser of the prologue (title, players, strategy counts or
// names) and of the body (payoff list, or outcome list and outcome numbers), and
// parse_nfg/read_nfg. The tokens and numbers it reads come from nfg_lexer.hpp.
#include "triad/scenario/nfg.hpp"
#include "triad/scenario/input_file.hpp"

#include "nfg_lexer.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace triad {

namespace {

using nfg_detail::describe;
using nfg_detail::is_number_atom;
using nfg_detail::Lexer;
using nfg_detail::parse_whole_number;
using nfg_detail::payoff_value;
using nfg_detail::place;
using nfg_detail::Token;
using nfg_detail::TokenKind;

// ---------------------------------------------------------------------------------------------
// Prologue

std::string in_quotes(const std::string& name) { return "'" + name + "'"; }

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

Token expect_open_brace(Lexer& lexer, const std::string& what) {
    Token token = lexer.next();
    if (token.kind != TokenKind::open_brace)
        lexer.fail(token, "expected '{' to open " + what + ", found " + describe(token));
    return token;
}

std::string expect_string(Lexer& lexer, const std::string& what) {
    Token token = lexer.next();
    if (token.kind != TokenKind::string)
        lexer.fail(token, "expected " + what + " in double quotes, found " + describe(token));
    return std::move(token.value);
}

[[noreturn]] void fail_unclosed(const Lexer& lexer, const Token& end, const Token& open,
                                const std::string& what) {
    lexer.fail(end, "unbalanced braces: the '{' at " + place(open) + " opening " + what +
                        " is never closed",
               "add the missing '}'");
}

// NFG 1 R "title"; returns the title.
std::string parse_header(Lexer& lexer) {
    const Token magic = lexer.next();
    if (magic.kind != TokenKind::atom || magic.text != "NFG")
        lexer.fail(magic,
                   "expected 'NFG' at the start of a Gambit strategic-form game file, found " +
                       describe(magic));
    const Token version = lexer.next();
    if (version.kind != TokenKind::atom || version.text != "1")
        lexer.fail(version, "unsupported .nfg version " + describe(version) + "; expected 1",
                   "Gambit's strategic-form files all have version 1: 'NFG 1 R'");
    const Token kind = lexer.next();
    if (kind.kind != TokenKind::atom || (kind.text != "R" && kind.text != "D"))
        lexer.fail(kind, "expected 'R' or 'D' after 'NFG 1', found " + describe(kind));
    return expect_string(lexer, "the game's title");
}

// A brace-enclosed list of quoted names whose '{' has already been read.
std::vector<std::string> parse_name_list(Lexer& lexer, const Token& open, const std::string& what,
                                         const std::string& item) {
    std::vector<std::string> names;
    // Names identify players and strategies in every output, so a repeated one is refused
    // (Gambit accepts it; triad could not tell the two apart). A hash set keeps it linear.
    std::unordered_set<std::string> seen;
    for (;;) {
        Token token = lexer.next();
        if (token.kind == TokenKind::close_brace) return names;
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, what);
        if (token.kind != TokenKind::string)
            lexer.fail(token, "expected " + item + " in double quotes or '}' to close " + what +
                                  ", found " + describe(token));
        if (!seen.insert(token.value).second)
            lexer.fail(token, in_quotes(token.value) + " appears twice in " + what,
                       "give each a name of its own: triad's results name players and strategies");
        names.push_back(std::move(token.value));
    }
}

std::vector<std::string> parse_player_names(Lexer& lexer) {
    const Token open = expect_open_brace(lexer, "the list of player names");
    auto players = parse_name_list(lexer, open, "the list of player names", "a player name");
    if (players.empty())
        lexer.fail(open, "a game needs at least one player; the player list is empty");
    return players;
}

struct Strategies {
    std::vector<std::vector<std::string>> names;  // names[i][a]
    bool named = false;                           // given as names rather than counts
};

[[noreturn]] void fail_no_strategies(const Lexer& lexer, const Token& at,
                                     const std::string& player) {
    lexer.fail(at, "player " + in_quotes(player) + " has zero strategies",
               "every player needs at least one strategy");
}

std::vector<std::string> numbered_names(long long count) {
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(count));
    for (long long a = 1; a <= count; ++a) names.push_back(std::to_string(a));
    return names;
}

[[noreturn]] void fail_too_many_profiles(const Lexer& lexer, const Token& at) {
    lexer.fail(at, "the game has more than " + std::to_string(kMaxProfiles) +
                       " pure profiles; triad cannot hold it",
               "reduce the number of strategies");
}

// { 3 2 } after its '{': one positive count per player. The profile limit is checked as each
// count is read, before any names are made, so a huge count cannot exhaust memory.
Strategies parse_strategy_counts(Lexer& lexer, const Token& open,
                                 const std::vector<std::string>& players) {
    const std::string what = "the list of strategy counts";
    std::vector<int> counts;
    std::size_t profiles = 1;  // kept as the counts come: recounting them all each time is quadratic
    for (;;) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, what);
        if (token.kind == TokenKind::close_brace) {
            if (counts.size() < players.size())
                lexer.fail(token, "found " + plural(counts.size(), "strategy count") + " for " +
                                      plural(players.size(), "player") +
                                      "; expected one count per player");
            break;
        }
        if (counts.size() == players.size())
            lexer.fail(token, "expected '}' after " + plural(players.size(), "strategy count") +
                                  " (one per player), found " + describe(token));
        const std::string& player = players[counts.size()];
        const auto count = token.kind == TokenKind::atom ? parse_whole_number(token.text)
                                                         : std::nullopt;
        if (!count)
            lexer.fail(token, "expected the number of strategies of player " + in_quotes(player) +
                                  " (a positive whole number), found " + describe(token));
        if (*count == 0) fail_no_strategies(lexer, token, player);
        if (*count > static_cast<long long>(kMaxProfiles)) fail_too_many_profiles(lexer, token);
        counts.push_back(static_cast<int>(*count));
        if (profiles > kMaxProfiles / static_cast<std::size_t>(*count)) fail_too_many_profiles(lexer, token);
        profiles *= static_cast<std::size_t>(*count);
    }
    Strategies strategies;
    for (int count : counts) strategies.names.push_back(numbered_names(count));
    return strategies;
}

// { { "a" "b" } { "c" "d" } } after its outer '{'.
Strategies parse_strategy_names(Lexer& lexer, const Token& open,
                                const std::vector<std::string>& players) {
    const std::string what = "the list of strategy names";
    Strategies strategies;
    strategies.named = true;
    for (;;) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, what);
        if (token.kind == TokenKind::close_brace) {
            if (strategies.names.size() < players.size())
                lexer.fail(token, "found strategy names for " +
                                      plural(strategies.names.size(), "player") + " of " +
                                      std::to_string(players.size()) +
                                      "; expected one '{ ... }' list per player");
            return strategies;
        }
        if (strategies.names.size() == players.size())
            lexer.fail(token, "expected '}' after the strategy names of " +
                                  plural(players.size(), "player") + ", found " +
                                  describe(token));
        const std::string& player = players[strategies.names.size()];
        const std::string list = "the strategy names of player " + in_quotes(player);
        if (token.kind != TokenKind::open_brace)
            lexer.fail(token, "expected '{' to open " + list + ", found " + describe(token));
        auto names = parse_name_list(lexer, token, list, "a strategy name");
        if (names.empty()) fail_no_strategies(lexer, token, player);
        strategies.names.push_back(std::move(names));
    }
}

// Each player's number of strategies, clamped so a (never practical) list of more than
// INT_MAX names cannot wrap around.
std::vector<int> action_counts(const Strategies& strategies) {
    std::vector<int> counts;
    for (const auto& names : strategies.names)
        counts.push_back(static_cast<int>(std::min(names.size(), kMaxProfiles + 1)));
    return counts;
}

Strategies parse_strategies(Lexer& lexer, const std::vector<std::string>& players) {
    const Token open = expect_open_brace(lexer, "the strategy counts or names");
    Strategies strategies = lexer.peek().kind == TokenKind::open_brace
                                ? parse_strategy_names(lexer, open, players)
                                : parse_strategy_counts(lexer, open, players);
    if (!profile_count(action_counts(strategies))) fail_too_many_profiles(lexer, open);
    return strategies;
}

// ---------------------------------------------------------------------------------------------
// Body

std::string payoff_count_message(std::size_t profiles, std::size_t players, std::string found) {
    return "expected " + plural(profiles * players, "payoff") + " (" + plural(profiles, "profile") +
           " x " + plural(players, "player") + "), found " + found;
}

std::string outcome_count_message(std::size_t profiles, std::string found) {
    return "expected " + plural(profiles, "outcome number") + " (one per profile), found " +
           found;
}

// Called once a body of `expected` items has been read. Surplus numbers are reported as a
// count ("found 26") at the first of them, anything else as trailing garbage.
template <typename CountMessage>
void expect_end_after(Lexer& lexer, std::size_t expected, const std::string& item,
                      CountMessage count_message) {
    const Token first = lexer.peek();
    if (first.kind == TokenKind::end) return;
    if (!is_number_atom(first))
        lexer.fail(first, "unexpected " + describe(first) + " after the last " + item +
                              "; expected the end of the file");
    std::size_t found = expected;
    while (is_number_atom(lexer.peek())) {
        lexer.next();
        ++found;
    }
    const bool only_numbers = lexer.peek().kind == TokenKind::end;
    lexer.fail(first, count_message((only_numbers ? "" : "at least ") + std::to_string(found)));
}

// A profile as the 1-based strategy numbers Gambit users see, e.g. "(2,1,3)".
std::string profile_name(const ProfileSpace& space, std::size_t profile) {
    std::string name = "(";
    for (int i = 0; i < space.players(); ++i) {
        if (i > 0) name += ',';
        name += std::to_string(space.action_of(profile, i) + 1);
    }
    return name + ")";
}

void read_payoff_list(Lexer& lexer, Game& game) {
    const std::size_t players = game.players.size();
    const std::size_t profiles = game.space.size();
    auto count_message = [&](std::string found) {
        return payoff_count_message(profiles, players, std::move(found));
    };
    for (std::size_t profile = 0; profile < profiles; ++profile) {
        for (std::size_t i = 0; i < players; ++i) {
            const Token token = lexer.next();
            if (token.kind == TokenKind::end)
                lexer.fail(token, count_message(std::to_string(profile * players + i)));
            game.payoffs[i](static_cast<Eigen::Index>(profile)) =
                payoff_value(lexer, token, [&] {
                    return "the payoff of player " + in_quotes(game.players[i]) + " in profile " +
                           profile_name(game.space, profile);
                });
        }
    }
    expect_end_after(lexer, profiles * players, "payoff", count_message);
}

// { "name" 1, 2 } after its '{': one payoff per player, commas between them optional.
std::vector<double> parse_outcome(Lexer& lexer, const Token& open, std::size_t players,
                                  std::size_t number) {
    const std::string label = "outcome " + std::to_string(number);
    expect_string(lexer, "the name of " + label);
    std::vector<double> payoffs;
    bool after_payoff = false;
    for (;;) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, label);
        if (token.kind == TokenKind::close_brace) {
            if (payoffs.size() < players)
                lexer.fail(token, label + " has " + plural(payoffs.size(), "payoff") +
                                      "; expected " + std::to_string(players) +
                                      " (one per player)");
            return payoffs;
        }
        if (token.kind == TokenKind::comma) {
            if (!after_payoff)
                lexer.fail(token, "unexpected ',' in " + label +
                                      "; commas may only separate payoffs");
            after_payoff = false;
            continue;
        }
        if (payoffs.size() == players && token.kind == TokenKind::atom)
            lexer.fail(token, label + " has more than " + std::to_string(players) +
                                  " payoffs; expected one per player");
        payoffs.push_back(payoff_value(lexer, token, [&] {
            return "payoff " + std::to_string(payoffs.size() + 1) + " of " + label;
        }));
        after_payoff = true;
    }
}

std::vector<std::vector<double>> parse_outcome_list(Lexer& lexer, std::size_t players) {
    const std::string what = "the list of outcomes";
    const Token open = expect_open_brace(lexer, what);
    std::vector<std::vector<double>> outcomes;
    for (;;) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::close_brace) return outcomes;
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, what);
        if (token.kind != TokenKind::open_brace)
            lexer.fail(token, "expected '{' to open outcome " +
                                  std::to_string(outcomes.size() + 1) + " or '}' to close " +
                                  what + ", found " + describe(token));
        outcomes.push_back(parse_outcome(lexer, token, players, outcomes.size() + 1));
    }
}

void read_outcome_numbers(Lexer& lexer, const std::vector<std::vector<double>>& outcomes,
                          Game& game) {
    const std::size_t profiles = game.space.size();
    auto count_message = [&](std::string found) {
        return outcome_count_message(profiles, std::move(found));
    };
    const std::string range = "0 to " + std::to_string(outcomes.size());
    for (std::size_t profile = 0; profile < profiles; ++profile) {
        const Token token = lexer.next();
        if (token.kind == TokenKind::end)
            lexer.fail(token, count_message(std::to_string(profile)));
        const auto number = token.kind == TokenKind::atom ? parse_whole_number(token.text)
                                                          : std::nullopt;
        if (!number)
            lexer.fail(token, "expected an outcome number (a whole number from " + range +
                                  ") for profile " + profile_name(game.space, profile) +
                                  ", found " + describe(token));
        if (static_cast<unsigned long long>(*number) > outcomes.size())
            lexer.fail(token, "outcome number " + std::string(token.text) +
                                  " is out of range; this file defines " +
                                  plural(outcomes.size(), "outcome") +
                                  ", so expected " + range + " (0 is the null outcome)");
        if (*number == 0) continue;  // the null outcome: payoffs stay zero
        const auto& payoffs = outcomes[static_cast<std::size_t>(*number) - 1];
        for (std::size_t i = 0; i < payoffs.size(); ++i)
            game.payoffs[i](static_cast<Eigen::Index>(profile)) = payoffs[i];
    }
    expect_end_after(lexer, profiles, "outcome number", count_message);
}

}  // namespace

Game parse_nfg(std::string_view text, const std::string& filename) {
    Lexer lexer(text, filename);
    Game game;
    game.title = parse_header(lexer);
    game.players = parse_player_names(lexer);
    Strategies strategies = parse_strategies(lexer, game.players);
    if (lexer.peek().kind == TokenKind::string) lexer.next();  // the optional comment

    game.space = ProfileSpace(action_counts(strategies));
    game.actions = std::move(strategies.names);
    game.payoffs.assign(game.players.size(),
                        Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game.space.size())));

    // Only a file with strategy names can be in the outcome version; its outcome list is
    // the one place a '{' can follow the prologue.
    if (lexer.peek().kind == TokenKind::open_brace) {
        if (!strategies.named)
            lexer.fail(lexer.peek(), "expected the list of payoffs, found '{'",
                       "an outcome list (Gambit's outcome version) needs the strategies given "
                       "by name, { { \"a\" \"b\" } ... }, not by count");
        const auto outcomes = parse_outcome_list(lexer, game.players.size());
        read_outcome_numbers(lexer, outcomes, game);
    } else {
        read_payoff_list(lexer, game);
    }
    game.check();
    return game;
}

Game read_nfg(const std::string& path) { return parse_nfg(read_input_file(path), path); }

}  // namespace triad
