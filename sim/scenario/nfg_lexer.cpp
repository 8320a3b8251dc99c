// The .nfg tokenizer (Lexer, and how tokens are named in messages) and the exact-decimal
// reading of numbers, as declared in nfg_lexer.hpp.
#include "nfg_lexer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <system_error>

namespace triad::nfg_detail {

// ---------------------------------------------------------------------------------------------
// Tokens

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool ends_atom(char c) { return is_space(c) || c == '{' || c == '}' || c == ',' || c == '"'; }

}  // namespace

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

std::string place(const Token& token) {
    return std::to_string(token.line) + ":" + std::to_string(token.column);
}

void Lexer::advance() {
    if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
    } else {
        ++column_;
    }
    ++pos_;
}

void Lexer::skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) advance();
}

Token Lexer::scan() {
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
void Lexer::scan_string(Token& token) {
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

// ---------------------------------------------------------------------------------------------
// Numbers

namespace {

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

}  // namespace

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

}  // namespace triad::nfg_detail
