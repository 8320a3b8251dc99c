// Solution methods by name: what `triad solve --method NAME` runs and `triad list solvers`
// lists. Like drivers, each solver is one file in sim/solvers/ and one line in
// sim/solvers/registry.cpp, and declares its options once (name, default, bounds, help).
// A solver is a free function of (game, options) returning a SolverReport; it never prints.
#pragma once

#include "triad/solvers/equilibrium.hpp"
#include "triad/core/game.hpp"
#include "triad/core/parameters.hpp"
#include "triad/solvers/qre.hpp"
#include "triad/core/registry.hpp"
#include "triad/solvers/stationary.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace triad {

using SolverOptions = std::map<std::string, double>;

struct SolverReport {
    std::string method;
    std::vector<Equilibrium> equilibria;  // every one with its regret
    std::vector<std::string> notes;       // e.g. "the game is degenerate: ..."
    std::string status;                   // "did not converge" and the like, never an exception
    // stable: the distribution at lambda, its reading, and how it concentrates as lambda grows.
    std::optional<StationaryDistribution> stationary = std::nullopt;
    std::optional<OutcomeDistribution> outcome = std::nullopt;
    std::vector<std::size_t> stable_profiles = {};  // >= 1% of the mass at the largest lambda
    std::vector<StationaryDistribution> concentration = {};
    // qre: the traced branch.
    std::vector<QrePoint> branch = {};
    int turning_points = 0;
};

struct SolverSpec {
    std::string name = {};
    std::string summary = {};
    std::string reference = {};
    std::vector<ParamSpec> options = {};  // symbol = option name
    int players = 0;                      // the only player count it accepts; 0 = any
    // What a summary calls its results, one and several ("stable profile", "stable profiles");
    // empty: "NAME equilibrium" and "NAME equilibria".
    std::string result_noun = {};
    std::string result_noun_plural = {};
    std::function<SolverReport(const Game&, const SolverOptions&)> solve = {};
};

using SolverRegistry = Registry<SolverSpec>;

void register_builtin_solvers(SolverRegistry& registry);
[[nodiscard]] const SolverRegistry& builtin_solvers();

// The solver's options with defaults, overridden by "NAME=VALUE" assignments (checked:
// unknown names get a suggestion, values must be finite and within bounds).
[[nodiscard]] SolverOptions solver_options(const SolverSpec& spec, const std::vector<std::string>& assignments);

// What a summary calls `count` results of the solver named `method` (its spec's result_noun,
// or "NAME equilibrium" / "NAME equilibria"), e.g. "stable profiles", "pure equilibrium".
[[nodiscard]] std::string result_noun(std::string_view method, std::size_t count);

// Run a solver by name: checks the player count, then labels every equilibrium it returns
// ("pareto_dominated" against the others). Throws InputError for an unknown method.
[[nodiscard]] SolverReport run_solver(const Game& game, std::string_view method, const SolverOptions& options);

}  // namespace triad
