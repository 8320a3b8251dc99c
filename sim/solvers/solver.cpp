#include "triad/solvers/solver.hpp"

#include "triad/solvers/pure.hpp"

#include "triad/core/error.hpp"
#include "triad/scenario/tree.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

const SolverRegistry& builtin_solvers() {
    static const SolverRegistry registry = [] {
        SolverRegistry r;
        register_builtin_solvers(r);
        return r;
    }();
    return registry;
}

SolverOptions solver_options(const SolverSpec& spec, const std::vector<std::string>& assignments) {
    SolverOptions values;
    std::vector<std::string> names;
    for (const auto& o : spec.options) {
        values[o.symbol] = o.default_value;
        names.push_back(o.symbol);
    }
    const SourceLocation where{"--option", 0, 0};
    for (const auto& assignment : assignments) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0)
            throw InputError(where, "expected NAME=VALUE, found '" + assignment + "'", "e.g. --option lambda=5");
        const std::string name = assignment.substr(0, eq);
        const ParamSpec* option = nullptr;
        for (const auto& o : spec.options)
            if (o.symbol == name) option = &o;
        if (!option)
            throw InputError(where, "method '" + spec.name + "' has no option '" + name + "'",
                             names.empty() ? "it takes no options" : suggest(name, names));
        const auto number = parse_number(assignment.substr(eq + 1));
        if (!number || !std::isfinite(*number))
            throw InputError(where, "option " + name + " needs a finite number, not '" + assignment.substr(eq + 1) + "'");
        if (*number < option->lower || *number > option->upper)
            throw InputError(where, "option " + name + " = " + format_number(*number) + " is outside [" +
                                        format_number(option->lower) + ", " +
                                        (std::isinf(option->upper) ? std::string("inf") : format_number(option->upper)) + "]");
        values[name] = *number;
    }
    return values;
}

namespace {

// The registered methods that accept `players` players: "'pure', 'qre' or 'stable'".
std::string methods_for(int players) {
    std::vector<std::string> names;
    for (const auto& spec : builtin_solvers().all())
        if (spec->players == 0 || spec->players == players) names.push_back("'" + spec->name + "'");
    std::string text;
    for (std::size_t k = 0; k < names.size(); ++k)
        text += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + names[k];
    return text;
}

}  // namespace

std::string result_noun(std::string_view method, std::size_t count) {
    const SolverSpec* spec = builtin_solvers().find(method);
    if (spec && !spec->result_noun.empty()) return count == 1 ? spec->result_noun : spec->result_noun_plural;
    return std::string(method) + (count == 1 ? " equilibrium" : " equilibria");
}

SolverReport run_solver(const Game& game, std::string_view method, const SolverOptions& options) {
    const SolverSpec* spec = builtin_solvers().find(method);
    if (!spec)
        throw InputError({}, "unknown method '" + std::string(method) + "'", suggest(method, builtin_solvers().names()));
    if (spec->players != 0 && game.player_count() != spec->players)
        throw InputError({}, "method '" + spec->name + "' works on " + std::to_string(spec->players) +
                                 "-player games; this one has " + std::to_string(game.player_count()) + " players",
                         "use " + methods_for(game.player_count()) + " for a game of " +
                             std::to_string(game.player_count()) + " players");
    SolverReport report = spec->solve(game, options);
    report.method = spec->name;
    const double tolerance = payoff_tolerance(game);
    const double range = payoff_range(game);
    // "strict" for every pure equilibrium, whichever method found it.
    for (auto& e : report.equilibria) {
        e.relative_regret = e.regret / range;
        const bool labelled = std::find(e.labels.begin(), e.labels.end(), "strict") != e.labels.end();
        if (e.profile && !labelled && e.regret <= tolerance && is_strict(game, *e.profile, tolerance))
            e.labels.insert(e.labels.begin(), "strict");
    }
    label_pareto(report.equilibria, tolerance);
    return report;
}

}  // namespace triad
