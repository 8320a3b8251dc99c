#include "triad/core/error.hpp"

#include "triad/core/strings.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace triad {

std::string SourceLocation::str() const {
    if (file.empty() && line == 0) return {};
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

namespace {
std::string compose(const SourceLocation& where, const std::string& message,
                    const std::string& suggestion) {
    std::string out;
    const std::string place = where.str();
    if (!place.empty()) out += place + ": ";
    out += message;
    if (!suggestion.empty()) out += "; " + suggestion;
    // Names and values come from files a user may not have written: no escape sequence in them
    // reaches the terminal.
    return printable(out);
}
}  // namespace

InputError::InputError(SourceLocation where, std::string message, std::string suggestion)
    : Error(compose(where, message, suggestion)),
      where_(std::move(where)),
      message_(std::move(message)),
      suggestion_(std::move(suggestion)) {}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus the swap of two adjacent letters, the
    // commonest typo ("titel" for "title").
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::size_t> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

std::optional<std::string> closest_name(std::string_view name,
                                        std::span<const std::string> candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(name, candidate);
        if (!best || d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    if (!best) return std::nullopt;
    const std::size_t longer = std::max(name.size(), best->size());
    const std::size_t allowed = std::max<std::size_t>(1, longer / 3);
    if (best_distance <= allowed) return best;
    // A unique prefix match ("reg" for "regime_security") is also a good guess.
    std::optional<std::string> prefix_match;
    for (const auto& candidate : candidates) {
        if (!name.empty() && candidate.starts_with(name)) {
            if (prefix_match) return std::nullopt;
            prefix_match = candidate;
        }
    }
    return prefix_match;
}

std::string suggest(std::string_view name, std::span<const std::string> candidates) {
    if (auto best = closest_name(name, candidates)) return "did you mean '" + *best + "'?";
    if (candidates.empty()) return {};
    std::string out = "expected one of: ";
    const std::size_t shown = std::min<std::size_t>(candidates.size(), 12);
    for (std::size_t i = 0; i < shown; ++i) {
        if (i) out += ", ";
        out += candidates[i];
    }
    if (shown < candidates.size())
        out += ", ... (" + std::to_string(candidates.size() - shown) + " more)";
    return out;
}

double require_finite(double value, std::string_view what) {
    if (!std::isfinite(value))
        throw NumericalError(std::string(what) + " is not a finite number (" +
                             std::to_string(value) + ")");
    return value;
}

}  // namespace triad
