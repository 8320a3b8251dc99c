// A scan of YAML text for its nesting depth (yaml_nesting.hpp).
#include "yaml_nesting.hpp"

#include <vector>

namespace triad::yaml_detail {

namespace {

struct Scan {
    std::string_view text;
    const std::string& filename;
    int max_depth;
    std::vector<std::size_t> indents;  // block levels open: their indentation
    int flow = 0;                      // open [ and {
    char quote = 0;                    // inside '...' or "..."

    void check(int line, std::size_t column, int extra) const {
        const int depth = static_cast<int>(indents.size()) + flow + extra;
        if (depth > max_depth)
            throw InputError({filename, line, static_cast<int>(column) + 1},
                             "the YAML nests deeper than " + std::to_string(max_depth) +
                                 " levels of maps and lists (a scenario needs fewer than ten)",
                             "flatten the structure; nothing triad reads is this deep");
    }
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// True when `line` ends its content with a block scalar indicator (| or >, with modifiers).
bool opens_block_scalar(std::string_view content) {
    std::size_t end = content.size();
    while (end > 0 && is_space(content[end - 1])) --end;
    std::size_t start = end;
    while (start > 0 && (content[start - 1] == '+' || content[start - 1] == '-' ||
                         (content[start - 1] >= '0' && content[start - 1] <= '9')))
        --start;
    if (start == 0 || (content[start - 1] != '|' && content[start - 1] != '>')) return false;
    --start;
    return start == 0 || is_space(content[start - 1]);
}

// Scans one line's characters from `from` for flow brackets, quotes and comments; returns the
// length of the content before a comment.
std::size_t scan_characters(Scan& scan, std::string_view line, std::size_t from, int number, int extra) {
    char previous = 0;  // the last character that was not a space, 0 at the line's start
    for (std::size_t i = from; i < line.size(); ++i) {
        const char c = line[i];
        if (scan.quote) {
            if (scan.quote == '"' && c == '\\') ++i;
            else if (c == scan.quote) {
                if (scan.quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') ++i;
                else scan.quote = 0;
            }
            continue;
        }
        if (c == '#' && (i == 0 || is_space(line[i - 1]))) return i;
        // A token starts after these (or at the line's start): only there do [ { ' " open.
        const bool token_start = previous == 0 || previous == ':' || previous == '-' || previous == ',' ||
                                 previous == '[' || previous == '{' || previous == '?';
        if ((c == '[' || c == '{') && (scan.flow > 0 || token_start)) {
            ++scan.flow;
            scan.check(number, i, extra);
        } else if ((c == ']' || c == '}') && scan.flow > 0) {
            --scan.flow;
        } else if ((c == '\'' || c == '"') && token_start) {
            scan.quote = c;
        }
        if (!is_space(c)) previous = c;
    }
    return line.size();
}

}  // namespace

void check_nesting(std::string_view text, const std::string& filename, int max_depth) {
    Scan scan{text, filename, max_depth, {}, 0, 0};
    std::size_t block_scalar_indent = std::string_view::npos;  // inside a | or > scalar: its key's indent
    int number = 0;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find_first_of("\r\n", begin);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(begin, end - begin);
        ++number;
        begin = end + 1;
        if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++begin;

        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ') ++indent;
        const bool blank = indent == line.size() || line[indent] == '#';
        if (block_scalar_indent != std::string_view::npos) {
            if (blank || indent > block_scalar_indent) continue;
            block_scalar_indent = std::string_view::npos;
        }
        if (scan.quote || scan.flow > 0) {  // a quoted or flow value continued from a line above
            scan_characters(scan, line, 0, number, 0);
            continue;
        }
        if (blank) continue;
        while (!scan.indents.empty() && scan.indents.back() >= indent) scan.indents.pop_back();
        scan.indents.push_back(indent);
        // "- - - x": each dash opens a further level on the same line.
        int dashes = 0;
        std::size_t at = indent;
        while (at + 1 < line.size() && line[at] == '-' && is_space(line[at + 1])) {
            ++dashes;
            at += 2;
            while (at < line.size() && is_space(line[at])) ++at;
        }
        scan.check(number, at, dashes);
        const std::size_t content = scan_characters(scan, line, at, number, dashes);
        if (scan.flow == 0 && !scan.quote && opens_block_scalar(line.substr(0, content))) block_scalar_indent = indent;
        if (end == text.size()) break;
    }
}

}  // namespace triad::yaml_detail
