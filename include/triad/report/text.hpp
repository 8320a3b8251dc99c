// Small text helpers every renderer shares: percentages, printf-style numbers,
// and a distribution over labels in one line.
#pragma once

#include "triad/core/strings.hpp"

#include <map>
#include <string>
#include <vector>

namespace triad {

// A share in [0, 1] as a percentage with `decimals` digits after the point ("81.0%").
[[nodiscard]] std::string percent(double share, int decimals = 1);

// A number through a printf format ("%.4g", "%.3f"): for tables, where columns need a fixed
// shape. Exact output (JSON, CSV) uses format_number (parameters.hpp) instead.
[[nodiscard]] std::string printf_number(double value, const char* format);

// A payoff for a table column: four decimals ("%.4f") while that stays readable, six
// significant digits in exponent form beyond 1e7 (1e308 in "%.4f" is 313 characters).
[[nodiscard]] std::string table_number(double value);

// "stable_marriage 81.0%, romantic_triangle 12.0%": most likely first, below 0.05% dropped.
[[nodiscard]] std::string describe_distribution(const std::map<std::string, double>& distribution);

}  // namespace triad
