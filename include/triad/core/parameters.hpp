// Named, bounded parameters and the dotted paths that address them.
//
// Every driver declares its parameters once (ParamSpec: symbol, long name, index kind,
// default, bounds, help). The scenario loader, `--set`, `triad params`, `triad list drivers`,
// schedules and sweeps all read that one declaration (HiGHS's option records are the model).
//
// Path scheme (documented in scenarios/README.md):
//     GROUP.PARAM[.PLAYER[.PLAYER]]      e.g.  partnership.g.russia.china
//                                              regime_security.F.russia
//                                              wedge.omega
//                                              pivot.score.friend
// GROUP is a driver instance's name (its key under `drivers:`) or `players` for per-player
// attributes such as power. PARAM is the model's symbol (`F`) or the parameter's long name
// (`regime_fear`). A per-player parameter has a second, player-first spelling,
// PLAYER.LONG_NAME (`russia.regime_fear`, `china.power`), as analysts think of it. A path that
// stops before its indices (`partnership.g`) addresses every entry of that parameter at once.
#pragma once

#include "triad/core/error.hpp"

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace triad {

// How a parameter is indexed.
enum class IndexKind {
    scalar,  // one value
    player,  // one value per player: x_i
    dyad,    // one value per ordered pair of distinct players: x_ij
    role,    // one value per triangle role (pivot, friend, partner, wing, foe, outcast)
};

[[nodiscard]] std::string_view to_string(IndexKind kind);

struct ParamSpec {
    std::string symbol = {};  // the model's symbol, as in docs/model.md: "F", "g", "omega"
    std::string name = {};    // descriptive name: "regime_fear"
    IndexKind index = IndexKind::scalar;
    double default_value = 0.0;
    double lower = 0.0;
    double upper = std::numeric_limits<double>::infinity();
    // True when the parameter enters payoffs only as a factor multiplying basis tensors, so a
    // change costs one multiply-add per profile; false when it changes the basis tensors
    // themselves (powers, shielding), which rebuilds the driver's terms.
    bool linear = true;
    std::string help = {};
    // False for parameters that only steer dynamics over time (memory decay), never payoffs.
    bool affects_payoffs = true;
    // Per-index defaults (e.g. Wu's role scores); when empty every index takes default_value.
    std::vector<double> defaults_by_index = {};

    [[nodiscard]] double default_at(int index) const {
        return index >= 0 && static_cast<std::size_t>(index) < defaults_by_index.size()
                   ? defaults_by_index[static_cast<std::size_t>(index)]
                   : default_value;
    }
};

// One number of the model, with the path that addresses it.
struct ParamEntry {
    std::string path;    // canonical: group.symbol[.i[.j]]
    std::string alias;   // player-first spelling for per-player parameters, else empty
    std::string group;   // driver instance name, or "players"
    std::string driver;  // driver type, or "players"
    const ParamSpec* spec = nullptr;
    int first = -1;   // first index (player or role), -1 when scalar
    int second = -1;  // second player of a dyad, else -1
    double value = 0.0;
    SourceLocation where;  // where the scenario set it (or the group's place if defaulted)
};

class ParameterSet {
public:
    std::size_t add(ParamEntry entry);
    // Adds an entry addressed by its path alone, with no group prefixes or aliases: the value
    // a policy sets (scenario/actions.hpp), "china@intimidate.threat.m.china.russia".
    std::size_t add_exact(ParamEntry entry);

    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] const ParamEntry& operator[](std::size_t i) const { return entries_[i]; }
    [[nodiscard]] const std::vector<ParamEntry>& entries() const { return entries_; }
    [[nodiscard]] double value(std::size_t i) const { return entries_[i].value; }
    // Sets a value without any check (the caller has validated it).
    void set_value(std::size_t i, double v) { entries_[i].value = v; }
    // Copies every value from a set with the same entries (a copy of this one).
    void copy_values_from(const ParameterSet& other) {
        for (std::size_t i = 0; i < entries_.size(); ++i) entries_[i].value = other.entries_[i].value;
    }

    // The entries a path addresses: one for a full path, several for a path without its
    // indices. Throws InputError (at `where`) naming the closest valid path if none match.
    [[nodiscard]] std::vector<std::size_t> resolve(std::string_view path,
                                                   const SourceLocation& where = {}) const;
    // Like resolve, but the path must address exactly one entry.
    [[nodiscard]] std::size_t resolve_one(std::string_view path,
                                          const SourceLocation& where = {}) const;

    // Throws InputError if `v` is not finite or lies outside the entry's bounds.
    void check_value(std::size_t i, double v, const SourceLocation& where = {}) const;

private:
    std::vector<ParamEntry> entries_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_path_;  // paths, aliases, prefixes
    std::vector<std::string> full_paths_;                                // for suggestions
};

// "0.5", "1e-09", "3": shortest text that reads back to the same double.
[[nodiscard]] std::string format_number(double value);

}  // namespace triad
