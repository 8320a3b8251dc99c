// The built-in solution methods. A new one is one file in this folder and one line here.
#include "builtin.hpp"

namespace triad {

void register_builtin_solvers(SolverRegistry& registry) {
    registry.add(solvers::pure());
    registry.add(solvers::support());
    registry.add(solvers::qre());
    registry.add(solvers::stable());
    registry.add(solvers::replicator());
}

}  // namespace triad
