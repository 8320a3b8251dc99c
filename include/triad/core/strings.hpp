// String helpers that every layer may use: joining and splitting a list, trimming blanks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace triad {

// The items with `separator` between them ("a, b, c").
[[nodiscard]] std::string join(const std::vector<std::string>& items, const std::string& separator);

// The pieces of `text` between occurrences of `separator` ("a;b" -> {"a", "b"}); an empty text
// gives no pieces, and a trailing separator no empty last piece.
[[nodiscard]] std::vector<std::string> split(const std::string& text, char separator);

// The text without leading and trailing spaces and tabs.
[[nodiscard]] std::string trim(const std::string& text);

// The text safe to print on a terminal: control characters (escape sequences, bells, carriage
// returns) written as \xNN, newlines and tabs kept; cut to `max_length` bytes with "..." when
// longer (0: no cut).
[[nodiscard]] std::string printable(std::string_view text, std::size_t max_length = 0);

}  // namespace triad
