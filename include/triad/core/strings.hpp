// String helpers that every layer may use: joining and splitting a list, trimming blanks.
#pragma once

#include <string>
#include <vector>

namespace triad {

// The items with `separator` between them ("a, b, c").
[[nodiscard]] std::string join(const std::vector<std::string>& items, const std::string& separator);

// The pieces of `text` between occurrences of `separator` ("a;b" -> {"a", "b"}); an empty text
// gives no pieces, and a trailing separator no empty last piece.
[[nodiscard]] std::vector<std::string> split(const std::string& text, char separator);

// The text without leading and trailing spaces and tabs.
[[nodiscard]] std::string trim(const std::string& text);

}  // namespace triad
