// Pure profiles as text, for the command line and for messages: "PLAYER=ACTION,..." (every
// player named once) read into a profile index, and a profile written as "(a, b, c)".
#pragma once

#include "triad/core/error.hpp"
#include "triad/core/game.hpp"

#include <cstddef>
#include <string>

namespace triad {

// "PLAYER=ACTION,..." naming every player once, as a profile index. Action names may hold
// '/', '+', '-', '~' but never ',' or '=', so splitting on those is unambiguous. Unknown,
// repeated or missing names are an InputError at `where`, with the valid names.
[[nodiscard]] std::size_t parse_profile(const Game& game, const std::string& text, const SourceLocation& where);

// "(defect, defect)": one action per player, in player order.
[[nodiscard]] std::string profile_text(const Game& game, std::size_t profile);

}  // namespace triad
