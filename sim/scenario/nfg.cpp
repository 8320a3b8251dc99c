#include "triad/scenario/nfg.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <limits>
#include <optional>
#include <ostream>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

namespace triad {

namespace {

// ---------------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { open_brace, close_brace, comma, string, atom, end };

// An atom is a maximal run of characters that are not whitespace, braces, commas or quotes:
// `NFG`, `R`, `3/4`, `-1e-3`, or garbage. Whether an atom is a number is decided by the parser,
// which knows what it expects and so can say what was wrong.
struct Token {
    TokenKind kind = TokenKind::end;
    std::string_view text;  // the source text of the token (quotes included for a string)
    std::string value;      // a string's contents with escapes resolved
    int line = 1;
    int column = 1;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool ends_atom(char c) { return is_space(c) || c == '{' || c == '}' || c == ',' || c == '"'; }

// How a token is named in an error message.
std::string describe(const Token& token) {
    switch (token.kind) {
        case TokenKind::open_brace: return "'{'";
        case TokenKind::close_brace: return "'}'";
        case TokenKind::comma: return "','";
        case TokenKind::string: return "the string \"" + token.value + "\"";
        case TokenKind::end: return "the end of the file";
        case TokenKind::atom: break;
    }
    constexpr std::size_t kShown = 40;
    if (token.text.size() > kShown) return "'" + std::string(token.text.substr(0, kShown)) + "...'";
    return "'" + std::string(token.text) + "'";
}

std::string quoted(const std::string& name) { return "'" + name + "'"; }

std::string place(const Token& token) {
    return std::to_string(token.line) + ":" + std::to_string(token.column);
}

// Splits the text into tokens one at a time (a game can hold millions of payoffs, so the
// tokens are never all kept), tracking 1-based line and column for error messages.
class Lexer {
public:
    Lexer(std::string_view text, const std::string& file) : text_(text), file_(file) {
        constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
        if (text_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
    }

    const Token& peek() {
        if (!lookahead_) lookahead_ = scan();
        return *lookahead_;
    }

    Token next() {
        peek();
        Token token = std::move(*lookahead_);
        lookahead_.reset();
        return token;
    }

    [[noreturn]] void fail(const Token& at, std::string message,
                           std::string suggestion = {}) const {
        throw InputError(SourceLocation{file_, at.line, at.column}, std::move(message),
                         std::move(suggestion));
    }

private:
    void advance() {
        if (text_[pos_] == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
        ++pos_;
    }

    void skip_space() {
        while (pos_ < text_.size() && is_space(text_[pos_])) advance();
    }

    Token scan() {
        skip_space();
        Token token;
        token.line = line_;
        token.column = column_;
        if (pos_ == text_.size()) {
            // The end is reported just past the last token rather than after trailing
            // newlines, so "too few payoffs" points at the line where the list stops.
            token.line = end_line_;
            token.column = end_column_;
            return token;
        }
        const std::size_t start = pos_;
        const char c = text_[pos_];
        if (c == '{' || c == '}' || c == ',') {
            token.kind = c == '{'   ? TokenKind::open_brace
                         : c == '}' ? TokenKind::close_brace
                                    : TokenKind::comma;
            advance();
        } else if (c == '"') {
            token.kind = TokenKind::string;
            scan_string(token);
        } else {
            token.kind = TokenKind::atom;
            while (pos_ < text_.size() && !ends_atom(text_[pos_])) advance();
        }
        token.text = text_.substr(start, pos_ - start);
        end_line_ = line_;
        end_column_ = column_;
        return token;
    }

    // A backslash makes the next character literal; every other character, newlines
    // included, is part of the string.
    void scan_string(Token& token) {
        advance();  // the opening quote
        while (pos_ < text_.size() && text_[pos_] != '"') {
            if (text_[pos_] == '\\') {
                advance();
                if (pos_ == text_.size()) break;
            }
            token.value += text_[pos_];
            advance();
        }
        if (pos_ == text_.size())
            fail(token, "unterminated string: the '\"' here is never closed",
                 "end the string with '\"' (write \\\" for a quote inside it)");
        advance();  // the closing quote
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
    int end_line_ = 1;
    int end_column_ = 1;
    std::optional<Token> lookahead_;
};

// ---------------------------------------------------------------------------------------------
// Numbers

enum class NumberStatus { ok, not_a_number, not_finite, zero_denominator };

struct Number {
    NumberStatus status = NumberStatus::not_a_number;
    double value = 0.0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Checks the unsigned decimal grammar  digits [ '.' digits ] [ (e|E) [+-] digits ]  (at least
// one mantissa digit, on either side of the point). from_chars alone would also take "inf",
// "nan" and stop early on "1e", so the grammar is checked first.
bool is_unsigned_decimal(std::string_view text) {
    std::size_t i = 0;
    std::size_t mantissa_digits = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && is_digit(text[i])) ++i, ++mantissa_digits;
    }
    if (mantissa_digits == 0) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        const std::size_t exponent_start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == exponent_start) return false;
    }
    return i == text.size();
}

// The power of ten of the leading significant digit of a valid decimal (0 for "0"), used only
// to tell an underflow from an overflow when from_chars reports the value out of range.
long long decimal_order(std::string_view text) {
    const std::size_t e = text.find_first_of("eE");
    const std::string_view mantissa = text.substr(0, e);
    long long exponent = 0;
    if (e != std::string_view::npos) {
        std::string_view digits = text.substr(e + 1);
        const bool negative = digits.starts_with('-');
        if (digits.starts_with('+') || negative) digits.remove_prefix(1);
        constexpr long long kHuge = std::numeric_limits<long long>::max() / 4;
        auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
        if (ec != std::errc{} || exponent > kHuge) exponent = kHuge;
        if (negative) exponent = -exponent;
    }
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    const std::size_t first = mantissa.find_first_of("123456789");
    if (first == std::string_view::npos) return 0;
    const auto signed_point = static_cast<long long>(point);
    const auto signed_first = static_cast<long long>(first);
    // "123.4" leads with 10^2 (three digits before the point); "0.05" with 10^-2.
    const long long lead =
        first < point ? signed_point - signed_first - 1 : signed_point - signed_first;
    return lead + exponent;
}

// An unsigned decimal as the nearest double. A value too small for a double becomes zero (the
// nearest double); one too large is not finite.
Number parse_unsigned_decimal(std::string_view text) {
    if (!is_unsigned_decimal(text)) return {};
    double value = 0.0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
        return decimal_order(text) < 0 ? Number{NumberStatus::ok, 0.0}
                                        : Number{NumberStatus::not_finite, 0.0};
    if (ec != std::errc{} || ptr != text.data() + text.size()) return {};
    return {NumberStatus::ok, value};
}

// [+-] decimal [ '/' decimal ]. The sign belongs to the whole number; a fraction is computed
// as the quotient of its two parts rounded to double.
Number parse_number(std::string_view text) {
    bool negative = false;
    if (text.starts_with('+') || text.starts_with('-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const std::size_t slash = text.find('/');
    Number number = parse_unsigned_decimal(text.substr(0, slash));
    if (number.status == NumberStatus::ok && slash != std::string_view::npos) {
        const Number denominator = parse_unsigned_decimal(text.substr(slash + 1));
        if (denominator.status != NumberStatus::ok) return denominator;
        if (denominator.value == 0.0) return {NumberStatus::zero_denominator, 0.0};
        number.value /= denominator.value;
        if (!std::isfinite(number.value)) number.status = NumberStatus::not_finite;
    }
    if (negative) number.value = -number.value;
    return number;
}

// A whole number without sign, point or exponent, or nullopt. One too large for `long long`
// saturates, so that callers report it as out of range rather than as not a number.
std::optional<long long> parse_whole_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (char c : text)
        if (!is_digit(c)) return std::nullopt;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) return std::numeric_limits<long long>::max();
    return value;
}

bool is_number_atom(const Token& token) {
    return token.kind == TokenKind::atom &&
           parse_number(token.text).status != NumberStatus::not_a_number;
}

constexpr const char* kNumberForms =
    "payoffs are whole numbers, decimals (0.5, -1e-3) or fractions (3/4)";

// Reads `token` as a payoff. `what` is called only on error and names the payoff ("payoff 2 of
// outcome 1"), so the millions of payoffs of a large game cost no string building.
template <typename Describe>
double payoff_value(const Lexer& lexer, const Token& token, Describe what) {
    if (token.kind == TokenKind::close_brace)
        lexer.fail(token, "unbalanced braces: '}' with no matching '{' where " + what() +
                              " was expected");
    const Number number =
        token.kind == TokenKind::atom ? parse_number(token.text) : Number{};
    switch (number.status) {
        case NumberStatus::ok: return number.value;
        case NumberStatus::not_finite:
            lexer.fail(token, what() + ", " + describe(token) +
                                  ", is not a finite number (too large for a double)");
        case NumberStatus::zero_denominator:
            lexer.fail(token, what() + ", " + describe(token) + ", divides by zero");
        case NumberStatus::not_a_number: break;
    }
    lexer.fail(token, "expected a number as " + what() + ", found " + describe(token),
               kNumberForms);
}

// ---------------------------------------------------------------------------------------------
// Prologue

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
    for (;;) {
        Token token = lexer.next();
        if (token.kind == TokenKind::close_brace) return names;
        if (token.kind == TokenKind::end) fail_unclosed(lexer, token, open, what);
        if (token.kind != TokenKind::string)
            lexer.fail(token, "expected " + item + " in double quotes or '}' to close " + what +
                                  ", found " + describe(token));
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
    lexer.fail(at, "player " + quoted(player) + " has zero strategies",
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
            lexer.fail(token, "expected the number of strategies of player " + quoted(player) +
                                  " (a positive whole number), found " + describe(token));
        if (*count == 0) fail_no_strategies(lexer, token, player);
        if (*count > static_cast<long long>(kMaxProfiles)) fail_too_many_profiles(lexer, token);
        counts.push_back(static_cast<int>(*count));
        if (!profile_count(counts)) fail_too_many_profiles(lexer, token);
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
        const std::string list = "the strategy names of player " + quoted(player);
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
                    return "the payoff of player " + quoted(game.players[i]) + " in profile " +
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

// ---------------------------------------------------------------------------------------------
// Writing

void write_quoted(std::ostream& out, std::string_view text) {
    out << '"';
    for (char c : text) {
        if (c == '"' || c == '\\') out << '\\';
        out << c;
    }
    out << '"';
}

// The shortest decimal that reads back as the same double (std::to_chars without precision).
void write_number(std::ostream& out, double value) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, end - buffer);
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

Game read_nfg(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(SourceLocation{path, 0, 0}, "cannot open the game file",
                         "check the path and that the file is readable");
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad())
        throw InputError(SourceLocation{path, 0, 0}, "cannot read the game file");
    return parse_nfg(contents.str(), path);
}

void write_nfg(const Game& game, std::ostream& out) {
    game.check();
    out << "NFG 1 R ";
    write_quoted(out, game.title);
    out << " {";
    for (const auto& player : game.players) {
        out << ' ';
        write_quoted(out, player);
    }
    out << " }\n\n{\n";
    for (const auto& names : game.actions) {
        out << '{';
        for (const auto& name : names) {
            out << ' ';
            write_quoted(out, name);
        }
        out << " }\n";
    }
    out << "}\n\"\"\n\n";
    // One line per profile, in Gambit's order (player 1 fastest), all players' payoffs.
    for (std::size_t profile = 0; profile < game.space.size(); ++profile) {
        for (std::size_t i = 0; i < game.payoffs.size(); ++i) {
            if (i > 0) out << ' ';
            write_number(out, game.payoffs[i](static_cast<Eigen::Index>(profile)));
        }
        out << '\n';
    }
}

}  // namespace triad
