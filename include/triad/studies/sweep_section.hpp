// A scenario's own sweep, declared under `sweep:` (design, points, seed, analysis, columns,
// params: {PATH: LO:HI:N}): the defaults `triad sweep` starts from before its options.
#pragma once

#include "triad/scenario/scenario.hpp"
#include "triad/studies/design.hpp"

#include <string>

namespace triad {

// Reads `sweep:` from the scenario into `design`, `analysis` and `columns` (comma-separated),
// leaving each as it was when the section does not set it. Throws InputError, located, for
// an unknown key, design or malformed range.
void read_sweep_section(const Scenario& scenario, Design& design, std::string& analysis, std::string& columns);

}  // namespace triad
