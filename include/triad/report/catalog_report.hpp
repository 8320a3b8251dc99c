// What `triad list` and `triad params` print: every registered driver (its term, the essays it
// encodes, each parameter with symbol, long name, indexing, default and bounds), solver and
// learning rule (with options), and every parameter path of a scenario with its value.
// Text for people, JSON for programs.
#pragma once

#include "triad/scenario/loaded_game.hpp"

#include <string>

namespace triad {

[[nodiscard]] std::string render_drivers_text();
[[nodiscard]] std::string render_drivers_json();
[[nodiscard]] std::string render_solvers_text();
[[nodiscard]] std::string render_solvers_json();
[[nodiscard]] std::string render_rules_text();
[[nodiscard]] std::string render_rules_json();

// `loaded` must be a scenario (loaded.model set).
[[nodiscard]] std::string render_parameters_text(const LoadedGame& loaded);
[[nodiscard]] std::string render_parameters_json(const LoadedGame& loaded);

}  // namespace triad
