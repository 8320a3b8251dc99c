#include "triad/scenario/tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

namespace triad {

namespace {

SourceLocation at(const std::string& file, const YAML::Mark& mark) {
    if (mark.line < 0) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

TreeNode convert(const YAML::Node& node, const std::string& file) {
    TreeNode out;
    out.where = at(file, node.Mark());
    switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: out.kind = TreeNode::Kind::null; break;
        case YAML::NodeType::Scalar:
            out.kind = TreeNode::Kind::scalar;
            out.scalar = node.Scalar();
            break;
        case YAML::NodeType::Sequence:
            out.kind = TreeNode::Kind::sequence;
            for (const auto& item : node) out.items.push_back(convert(item, file));
            break;
        case YAML::NodeType::Map:
            out.kind = TreeNode::Kind::map;
            for (const auto& pair : node) {
                if (!pair.first.IsScalar())
                    throw InputError(at(file, pair.first.Mark()), "a map key must be a plain name");
                out.entries.push_back(
                    {pair.first.Scalar(), at(file, pair.first.Mark()), convert(pair.second, file)});
            }
            break;
    }
    return out;
}

bool is_nan_or_inf_literal(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!lower.empty() && (lower[0] == '+' || lower[0] == '-')) lower.erase(0, 1);
    return lower == ".nan" || lower == "nan" || lower == ".inf" || lower == "inf" ||
           lower == "infinity";
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
    if (text.empty()) return std::nullopt;
    std::string_view body = text;
    if (body.front() == '+') body.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (error != std::errc() || end != body.data() + body.size()) return std::nullopt;
    return value;
}

const TreeNode* TreeNode::find(std::string_view key) const {
    if (kind != Kind::map) return nullptr;
    for (const auto& entry : entries)
        if (entry.key == key) return &entry.value;
    return nullptr;
}

TreeNode* TreeNode::find(std::string_view key) {
    return const_cast<TreeNode*>(static_cast<const TreeNode*>(this)->find(key));
}

std::string TreeNode::describe() const {
    switch (kind) {
        case Kind::null: return "nothing";
        case Kind::sequence: return "a list";
        case Kind::map: return "a map";
        case Kind::scalar:
            if (parse_number(scalar)) return "the number " + scalar;
            return "'" + scalar + "'";
    }
    return "a value";
}

double TreeNode::as_number(std::string_view what) const {
    if (kind == Kind::scalar) {
        if (is_nan_or_inf_literal(scalar))
            throw InputError(where, std::string(what) + " must be a finite number, not '" +
                                        scalar + "'");
        if (auto number = parse_number(scalar)) {
            if (!std::isfinite(*number))
                throw InputError(where, std::string(what) + " must be a finite number, not '" +
                                            scalar + "'");
            return *number;
        }
    }
    throw InputError(where, "expected a number for " + std::string(what) + ", found " + describe());
}

long long TreeNode::as_integer(std::string_view what) const {
    if (kind == Kind::scalar) {
        long long value = 0;
        const auto [end, error] = std::from_chars(scalar.data(), scalar.data() + scalar.size(), value);
        if (error == std::errc() && end == scalar.data() + scalar.size()) return value;
    }
    throw InputError(where, "expected a whole number for " + std::string(what) + ", found " +
                                describe());
}

std::string TreeNode::as_string(std::string_view what) const {
    if (kind == Kind::scalar) return scalar;
    throw InputError(where, "expected text for " + std::string(what) + ", found " + describe());
}

bool TreeNode::as_bool(std::string_view what) const {
    if (kind == Kind::scalar) {
        if (scalar == "true" || scalar == "yes" || scalar == "on") return true;
        if (scalar == "false" || scalar == "no" || scalar == "off") return false;
    }
    throw InputError(where, "expected true or false for " + std::string(what) + ", found " +
                                describe());
}

void TreeNode::expect_map(std::string_view what) const {
    if (kind != Kind::map)
        throw InputError(where, "expected a map (key: value lines) for " + std::string(what) +
                                    ", found " + describe());
}

void TreeNode::expect_sequence(std::string_view what) const {
    if (kind != Kind::sequence)
        throw InputError(where, "expected a list for " + std::string(what) + ", found " +
                                    describe());
}

void TreeNode::check_unique_keys(std::string_view context) const {
    for (std::size_t a = 0; a < entries.size(); ++a)
        for (std::size_t b = 0; b < a; ++b)
            if (entries[a].key == entries[b].key)
                throw InputError(entries[a].key_where,
                                 "'" + entries[a].key + "' is given twice in " +
                                     std::string(context) + " (first at line " +
                                     std::to_string(entries[b].key_where.line) + ")");
}

void TreeNode::check_keys(std::span<const std::string> allowed, std::string_view context) const {
    check_unique_keys(context);
    for (const auto& entry : entries) {
        if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end())
            throw InputError(entry.key_where,
                             "unknown key '" + entry.key + "' in " + std::string(context),
                             suggest(entry.key, allowed));
    }
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({path, 0, 0}, "cannot open the file (does it exist?)");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

TreeNode parse_yaml(std::string_view text, const std::string& filename) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        throw InputError(at(filename, e.mark), "malformed YAML: " + e.msg);
    } catch (const YAML::Exception& e) {
        throw InputError(at(filename, e.mark), "malformed YAML: " + e.msg);
    }
    TreeNode tree = convert(root, filename);
    if (tree.where.line == 0) tree.where = {filename, 1, 1};
    return tree;
}

TreeNode load_yaml_file(const std::string& path) { return parse_yaml(read_text_file(path), path); }

TreeNode merge_trees(TreeNode base, const TreeNode& overlay) {
    if (!base.is_map() || !overlay.is_map()) return overlay;
    for (const auto& entry : overlay.entries) {
        if (TreeNode* existing = base.find(entry.key)) {
            *existing = merge_trees(std::move(*existing), entry.value);
        } else {
            base.entries.push_back(entry);
        }
    }
    return base;
}

}  // namespace triad
