// Helpers shared by the timeline's files (timeline_reader.cpp, timeline.cpp, shifts.cpp);
// private to the library.
#pragma once

#include "triad/dynamics/timeline.hpp"

#include <cstddef>
#include <vector>

namespace triad::detail {

// Allowed actions of every player under the fixes in force (allowed[i][a] != 0). Throws
// InputError at `where` when the fixes leave a player no action. Defined in timeline_reader.cpp.
[[nodiscard]] std::vector<std::vector<char>> allowed_actions(const Game& game, const std::vector<StanceFix>& fixes,
                                                             const SourceLocation& where);

// The profile of every player's most likely action (mode()). Defined in timeline.cpp.
[[nodiscard]] std::size_t modal_profile(const Game& game, const MixedProfile& play);

}  // namespace triad::detail
