// A YAML document as a tree whose every node remembers where it came from.
//
// yaml-cpp's nodes know their line and column but not their file, and scenarios are merged
// from several files (`extends:`), so triad converts each parsed file once into this small
// tree, keeps the file name in every node, and merges trees. All later checks (unknown keys,
// wrong types, bad values) report `file:line:col` from here. Cantera's AnyMap is the model.
#pragma once

#include "triad/core/error.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

struct TreeEntry;

struct TreeNode {
    enum class Kind { null, scalar, sequence, map };

    Kind kind = Kind::null;
    std::string scalar;              // kind == scalar
    std::vector<TreeNode> items;     // kind == sequence
    std::vector<TreeEntry> entries;  // kind == map, in document order
    SourceLocation where;

    [[nodiscard]] bool is_null() const { return kind == Kind::null; }
    [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
    [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
    [[nodiscard]] bool is_map() const { return kind == Kind::map; }

    // The value under `key` of a map, or nullptr (also for non-maps).
    [[nodiscard]] const TreeNode* find(std::string_view key) const;
    [[nodiscard]] TreeNode* find(std::string_view key);

    // Typed reads that throw InputError naming this node's place and `what` it should be.
    [[nodiscard]] double as_number(std::string_view what) const;  // finite only
    [[nodiscard]] long long as_integer(std::string_view what) const;
    [[nodiscard]] std::string as_string(std::string_view what) const;
    [[nodiscard]] bool as_bool(std::string_view what) const;
    void expect_map(std::string_view what) const;
    void expect_sequence(std::string_view what) const;

    // Rejects keys of this map not in `allowed` (with a suggestion) and keys given twice.
    void check_keys(std::span<const std::string> allowed, std::string_view context) const;
    // Rejects keys given twice.
    void check_unique_keys(std::string_view context) const;

    // A short description of the node's kind for messages: "a number", "a map", ...
    [[nodiscard]] std::string describe() const;
};

// In a parameter's map of values, the key for every entry the map does not name: {"*": 1,
// russia: 3}. Extending files use it to keep a number that a map overrides in part.
inline constexpr const char* kEveryOtherKey = "*";

struct TreeEntry {
    std::string key;
    SourceLocation key_where;
    TreeNode value;
};

// Parse YAML text; a syntax error becomes an InputError at its line and column. One document
// only; nesting and the values that aliases expand to are bounded (InputLimits).
[[nodiscard]] TreeNode parse_yaml(std::string_view text, const std::string& filename);
// Read (read_input_file: regular files within the size limit) and parse a file.
[[nodiscard]] TreeNode load_yaml_file(const std::string& path);

// Deep merge: maps merge key by key (overlay wins, recursively); anything else in `overlay`
// replaces what `base` had. Locations follow the node that wins.
[[nodiscard]] TreeNode merge_trees(TreeNode base, const TreeNode& overlay);

// Parse a finite double from text as YAML writes numbers (also .5, 1e3, +2). nullopt if the
// text is not a number; NaN and infinities are reported separately by as_number.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

}  // namespace triad
