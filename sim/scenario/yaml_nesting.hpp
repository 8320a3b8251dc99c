// The nesting depth of YAML text, measured before yaml-cpp parses it (internal to tree.cpp).
//
// yaml-cpp parses recursively and stops only at 2,000 levels, with the message "bad file" at
// the end of the text; converting such a document recursed deeper still. A scenario needs
// fewer than ten levels, so a cheap scan of the text refuses anything past the limit at the line
// and column where it is passed. The scan follows block indentation, "- " items, flow brackets,
// quotes, comments and block scalars; it is an upper bound in practice, and the conversion keeps
// its own depth check for what the scan might miss (aliases).
#pragma once

#include "triad/core/error.hpp"

#include <string>
#include <string_view>

namespace triad::yaml_detail {

// Throws InputError at the first place where the text nests deeper than `max_depth`.
void check_nesting(std::string_view text, const std::string& filename, int max_depth);

}  // namespace triad::yaml_detail
