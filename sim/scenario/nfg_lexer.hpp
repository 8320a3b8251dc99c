// The tokenizer and exact-decimal number reading of the .nfg reader (nfg_reader.cpp), defined
// in nfg_lexer.cpp. Private to the library.
#pragma once

#include "triad/core/error.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace triad::nfg_detail {

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

// How a token is named in an error message.
std::string describe(const Token& token);

// The token's place as "line:column", for a message that points at it from elsewhere.
std::string place(const Token& token);

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
    void advance();
    void skip_space();
    Token scan();
    void scan_string(Token& token);

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

// [+-] decimal [ '/' decimal ]. The sign belongs to the whole number; a fraction is computed
// as the quotient of its two parts rounded to double.
Number parse_number(std::string_view text);

// A whole number without sign, point or exponent, or nullopt. One too large for `long long`
// saturates, so that callers report it as out of range rather than as not a number.
std::optional<long long> parse_whole_number(std::string_view text);

bool is_number_atom(const Token& token);

inline constexpr const char* kNumberForms =
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

}  // namespace triad::nfg_detail
