#include "triad/scenario/tree.hpp"

#include "triad/core/strings.hpp"
#include "triad/scenario/input_file.hpp"
#include "yaml_nesting.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <unordered_map>

namespace triad {

namespace {

SourceLocation at(const std::string& file, const YAML::Mark& mark) {
    if (mark.line < 0) return {file, 0, 0};
    return {file, mark.line + 1, mark.column + 1};
}

// Converts yaml-cpp's nodes, counting what it creates: an alias (*name) is expanded where it
// is used, so a few hundred bytes of nested aliases could otherwise make billions of nodes.
struct Conversion {
    const std::string& file;
    std::size_t nodes = 0;
    std::size_t max_nodes;
    int max_depth;
};

TreeNode convert(const YAML::Node& node, Conversion& c, int depth) {
    TreeNode out;
    out.where = at(c.file, node.Mark());
    if (++c.nodes > c.max_nodes)
        throw InputError(out.where, "the YAML holds more than " + std::to_string(c.max_nodes) +
                                        " values once its aliases (*name) are expanded",
                         "a scenario has a few thousand; remove the aliases that repeat large parts");
    if (depth > c.max_depth)
        throw InputError(out.where, "the YAML nests deeper than " + std::to_string(c.max_depth) +
                                        " levels once its aliases (*name) are expanded");
    const std::string& file = c.file;
    switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: out.kind = TreeNode::Kind::null; break;
        case YAML::NodeType::Scalar:
            out.kind = TreeNode::Kind::scalar;
            out.scalar = node.Scalar();
            break;
        case YAML::NodeType::Sequence:
            out.kind = TreeNode::Kind::sequence;
            for (const auto& item : node) out.items.push_back(convert(item, c, depth + 1));
            break;
        case YAML::NodeType::Map:
            out.kind = TreeNode::Kind::map;
            for (const auto& pair : node) {
                if (!pair.first.IsScalar())
                    throw InputError(at(file, pair.first.Mark()), "a map key must be a plain name");
                out.entries.push_back(
                    {pair.first.Scalar(), at(file, pair.first.Mark()), convert(pair.second, c, depth + 1)});
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
            return "'" + printable(scalar, 60) + "'";
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
    if (entries.size() < 2) return;
    std::unordered_map<std::string_view, const TreeEntry*> first;  // linear: maps may be large
    first.reserve(entries.size());
    for (const auto& entry : entries) {
        const auto [it, added] = first.emplace(entry.key, &entry);
        if (!added)
            throw InputError(entry.key_where, "'" + entry.key + "' is given twice in " + std::string(context) +
                                                  " (first at line " + std::to_string(it->second->key_where.line) + ")");
    }
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

namespace {

// Records where each document starts; ignores everything else (no nodes are built, so aliases
// cost nothing here).
struct DocumentStarts : YAML::EventHandler {
    std::vector<YAML::Mark> starts;
    void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// A file holds one document. Counted on parser events, stopping at the second: yaml-cpp 0.7
// reads a stray ',' as an endless stream of empty documents at the same place (found by
// fuzzing), so YAML::LoadAll never returns there.
void check_single_document(const std::string& text, const std::string& filename) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    DocumentStarts handler;
    while (handler.starts.size() < 2 && parser.HandleNextDocument(handler)) {
    }
    if (handler.starts.size() < 2) return;
    const YAML::Mark& second = handler.starts[1];
    // A real second document starts after a '---' line; anything else is the endless empty
    // documents of a stray ',' ("[a]," and "{}," too).
    const std::size_t from = static_cast<std::size_t>(std::max(0, second.pos));
    const bool marked = text.compare(from, 3, "---") == 0 || text.rfind("\n---", from) != std::string::npos ||
                        text.rfind("---", 0) == 0;
    if (second.pos == handler.starts[0].pos || !marked) {
        const std::size_t offset = static_cast<std::size_t>(std::max(0, second.pos));
        const std::string what = offset < text.size() ? printable(text.substr(offset, 1)) : "text";
        throw InputError(at(filename, second), "malformed YAML: the parser cannot read past this '" + what + "'",
                         "a ',' belongs inside [ ] or { }; quote a value that starts with one");
    }
    throw InputError(at(filename, second), "a second YAML document (after '---'): a file holds one scenario or game",
                     "remove the '---' line and what follows, or move it to a file of its own");
}

}  // namespace

TreeNode parse_yaml(std::string_view original, const std::string& filename) {
    const InputLimits& limits = input_policy().limits;
    // A lone carriage return ends a line in YAML (old Mac files), but yaml-cpp reads it as a
    // space: make it a newline, which keeps every byte's line and column.
    std::string text(original);
    for (std::size_t k = 0; k < text.size(); ++k)
        if (text[k] == '\r' && (k + 1 == text.size() || text[k + 1] != '\n')) text[k] = '\n';
    yaml_detail::check_nesting(text, filename, limits.max_nesting);
    YAML::Node document;
    try {
        check_single_document(text, filename);
        document = YAML::Load(text);
    } catch (const YAML::DeepRecursion& e) {
        throw InputError(at(filename, e.mark), "the YAML nests too deeply for its parser (" + std::to_string(e.depth()) +
                                                   " levels)");
    } catch (const YAML::Exception& e) {
        throw InputError(at(filename, e.mark), "malformed YAML: " + e.msg);
    }
    Conversion conversion{filename, 0, limits.max_yaml_nodes, limits.max_nesting};
    TreeNode tree = convert(document, conversion, 1);
    if (tree.where.line == 0) tree.where = {filename, 1, 1};
    return tree;
}

TreeNode load_yaml_file(const std::string& path) { return parse_yaml(read_input_file(path), path); }

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
