// What `triad solve` prints: the scenario, the selected outcome (selection.hpp) and the
// equilibria a method found, with every player's action, payoff, alignment and role, as a
// table for people, JSON for programs, or CSV with one row per equilibrium.
#pragma once

#include "triad/scenario/loaded_game.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/solvers/solver.hpp"

#include <string>

namespace triad {

struct SolveResult {
    const LoadedGame& loaded;
    std::string method;
    SolverOptions options;
    SolverReport report;
    Prediction prediction;  // the selection rule's outcome
};

[[nodiscard]] std::string render_solve_table(const SolveResult& result);
[[nodiscard]] std::string render_solve_json(const SolveResult& result);
[[nodiscard]] std::string render_solve_csv(const SolveResult& result);

}  // namespace triad
