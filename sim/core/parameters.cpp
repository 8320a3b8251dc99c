#include "triad/core/parameters.hpp"

#include <charconv>
#include <cmath>

namespace triad {

std::string_view to_string(IndexKind kind) {
    switch (kind) {
        case IndexKind::scalar: return "scalar";
        case IndexKind::player: return "per player";
        case IndexKind::dyad: return "per dyad";
        case IndexKind::role: return "per role";
    }
    return "scalar";
}

std::string format_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::size_t ParameterSet::add(ParamEntry entry) {
    const std::size_t index = entries_.size();
    auto remember = [&](const std::string& key) { by_path_[key].push_back(index); };
    remember(entry.path);
    full_paths_.push_back(entry.path);
    if (!entry.alias.empty()) {
        remember(entry.alias);
        full_paths_.push_back(entry.alias);
        // A dyad's player-first alias without its second player addresses every partner:
        // russia.junior_anxiety sets russia.junior_anxiety.us and .china.
        if (entry.spec->index == IndexKind::dyad) remember(entry.alias.substr(0, entry.alias.rfind('.')));
    }
    // Prefixes address every entry of the parameter: "group.symbol" and "group.name".
    const std::string by_symbol = entry.group + "." + entry.spec->symbol;
    const std::string by_name = entry.group + "." + entry.spec->name;
    if (entry.spec->index != IndexKind::scalar) {
        remember(by_symbol);
        if (by_name != by_symbol) remember(by_name);
        // Dyads also by their first index: group.symbol.i addresses x_ij for every j.
        if (entry.spec->index == IndexKind::dyad) {
            const std::string first = entry.path.substr(0, entry.path.rfind('.'));
            remember(first);
            if (by_name != by_symbol) remember(by_name + first.substr(by_symbol.size()));
        }
    } else if (by_name != by_symbol) {
        remember(by_name);
    }
    // The long name also works in place of the symbol in a full path.
    if (entry.spec->name != entry.spec->symbol && entry.spec->index != IndexKind::scalar) {
        const std::string tail = entry.path.substr(by_symbol.size());
        remember(by_name + tail);
    }
    entries_.push_back(std::move(entry));
    return index;
}

std::size_t ParameterSet::add_exact(ParamEntry entry) {
    const std::size_t index = entries_.size();
    by_path_[entry.path].push_back(index);
    full_paths_.push_back(entry.path);
    entries_.push_back(std::move(entry));
    return index;
}

std::vector<std::size_t> ParameterSet::resolve(std::string_view path,
                                               const SourceLocation& where) const {
    auto found = by_path_.find(std::string(path));
    if (found != by_path_.end()) return found->second;
    throw InputError(where, "unknown parameter path '" + std::string(path) + "'",
                     suggest(path, full_paths_) + " (run 'triad params FILE' to list them)");
}

std::size_t ParameterSet::resolve_one(std::string_view path, const SourceLocation& where) const {
    auto entries = resolve(path, where);
    if (entries.size() != 1)
        throw InputError(where, "parameter path '" + std::string(path) + "' names " +
                                    std::to_string(entries.size()) +
                                    " values; add the player(s) to name one, e.g. '" +
                                    entries_[entries.front()].path + "'");
    return entries.front();
}

void ParameterSet::check_value(std::size_t i, double v, const SourceLocation& where) const {
    const ParamEntry& entry = entries_[i];
    if (!std::isfinite(v))
        throw InputError(where, entry.path + " must be a finite number, not " + format_number(v));
    if (v < entry.spec->lower || v > entry.spec->upper) {
        std::string range = "[" + format_number(entry.spec->lower) + ", " +
                            (std::isinf(entry.spec->upper) ? std::string("inf")
                                                           : format_number(entry.spec->upper)) +
                            "]";
        std::string message = entry.path + " = " + format_number(v) + " is outside its range " + range;
        if (entry.spec->lower == 0.0 && v < 0.0)
            message += "; the model needs a non-negative " + entry.spec->name;
        throw InputError(where, message);
    }
}

}  // namespace triad
