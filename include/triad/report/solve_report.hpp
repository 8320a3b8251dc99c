// What `triad solve` prints: the scenario, the selected outcome (selection.hpp) and the
// equilibria a method found, with every player's action, payoff, alignment and role, as a
// table for people, JSON for programs, or CSV with one row per equilibrium.
#pragma once

#include "triad/scenario/loaded_game.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/solvers/solver.hpp"

#include <optional>
#include <string>

namespace triad {

struct SolveResult {
    const LoadedGame& loaded;
    std::string method;
    SolverOptions options;
    SolverReport report;
    // The selection rule's outcome, when asked for (solve --select): computing it costs a
    // stationary distribution and a QRE trace, far more than the pure equilibria themselves.
    std::optional<Prediction> prediction;
};

[[nodiscard]] std::string render_solve_table(const SolveResult& result);
[[nodiscard]] std::string render_solve_json(const SolveResult& result);
[[nodiscard]] std::string render_solve_csv(const SolveResult& result);

}  // namespace triad
