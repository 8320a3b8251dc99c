// The solvers shipped with triad, one file each in this folder (private to the library).
#pragma once

#include "triad/solvers/solver.hpp"

#include <limits>

namespace triad::solvers {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

SolverSpec pure();
SolverSpec support();
SolverSpec qre();
SolverSpec stable();
SolverSpec replicator();

// The relative payoff tolerance option every method shares.
inline ParamSpec tolerance_option() {
    return {.symbol = "tolerance", .name = "tolerance", .default_value = 1e-9, .upper = 1.0,
            .help = "payoff gains below this, relative to the largest |payoff|, count as none"};
}

}  // namespace triad::solvers
