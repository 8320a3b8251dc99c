// String helpers that every layer may use: joining a list and trimming blanks.
#pragma once

#include <string>
#include <vector>

namespace triad {

// The items with `separator` between them ("a, b, c").
[[nodiscard]] std::string join(const std::vector<std::string>& items, const std::string& separator);

// The text without leading and trailing spaces and tabs.
[[nodiscard]] std::string trim(const std::string& text);

}  // namespace triad
