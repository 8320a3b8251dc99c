// Text helpers shared by the renderers (text.hpp).
#include "triad/report/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace triad {

std::string percent(double share, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, 100.0 * share);
    return buffer;
}

std::string printf_number(double value, const char* format) {
    // Sized by a first call, so that no value (1e308 with "%.3f" is 313 characters) is cut.
    const int size = std::snprintf(nullptr, 0, format, value);
    if (size <= 0) return {};
    std::string out(static_cast<std::size_t>(size) + 1, '\0');
    std::snprintf(out.data(), out.size(), format, value);
    out.pop_back();
    return out;
}

std::string table_number(double value) {
    return printf_number(value, std::fabs(value) < 1e7 ? "%.4f" : "%.6g");
}

std::string describe_distribution(const std::map<std::string, double>& distribution) {
    std::vector<std::pair<std::string, double>> items(distribution.begin(), distribution.end());
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [label, p] : items)
        if (p >= 0.0005) out += (out.empty() ? "" : ", ") + label + " " + percent(p);
    return out;
}

}  // namespace triad
