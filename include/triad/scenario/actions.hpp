// The actions of each player, and policy as a choice (docs/model.md section 1.3).
//
// A player's actions are the ones its scenario declares or, when it declares none, every
// combination of stances toward the others. An action may carry parameter values that hold
// while it is played (`sets:`), and a player's `policies:` give every action a twin
// ACTION@POLICY that carries the policy's values: the US may oppose Russia with or without a
// "reset" of its demands, and the other players best-respond to the policy it picks.
//
// How it stays linear. A payoff term is coefficient x basis, the coefficient a product of
// parameter entries (drivers.hpp). When an action of player k sets entry e to v, each term
// whose coefficient contains e is split in two: the same term on the profiles where k does not
// play that action, and the term with e replaced by the constant v on the profiles where it
// does. Setting e later (a sweep, a schedule) still costs one multiply-add per profile for the
// first part; the second does not depend on e at all. Only linear entries can be set this way
// (a power or a shielding weight changes the basis itself).
//
// A policy's values are parameters too. Each value a policy sets gets an entry of its own,
// PLAYER@POLICY.PATH ("china@intimidate.threat.m.china.russia"), with the bounds of the entry it
// replaces; the second part of a split term multiplies that entry instead of a constant, so a
// sweep, a schedule or an uncertainty range reaches the policy's values at the same cost. An
// action's own `sets` stay constants.
//
// In a crisis (crisis.hpp) each backer's actions, twins included, are then multiplied by its
// backing choices.
#pragma once

#include "triad/core/parameters.hpp"
#include "triad/scenario/drivers.hpp"
#include "triad/scenario/scenario.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace triad {

// Every player's actions in game order: declared (or generated), then each policy's twins.
[[nodiscard]] std::vector<std::vector<ActionDecl>> player_actions(const Scenario& scenario);

// One value an action sets while it is played.
struct PolicyOverride {
    int player = 0;
    int action = 0;
    std::size_t entry = 0;
    double value = 0.0;
    std::size_t value_entry = kNoEntry;  // a policy's own parameter entry, else the constant value
};

// The overrides of every action's `sets`, resolved against the model's parameters: unknown
// paths (with a suggestion), values outside the bounds and entries that are not linear
// weights are InputErrors at the setting's place. Adds each policy value's entry to
// `parameters` (see above); `players` names them.
[[nodiscard]] std::vector<PolicyOverride> resolve_overrides(const std::vector<std::vector<ActionDecl>>& actions,
                                                            ParameterSet& parameters,
                                                            const std::vector<std::string>& players);

// The path of the entry that holds what `policy` of `player` sets `path` to.
[[nodiscard]] std::string policy_value_path(const std::string& player, const std::string& policy, const std::string& path);

// Splits every term whose coefficient multiplies an overridden entry (see above); terms that
// do not are left as they are, so a scenario without policies builds exactly as before.
void apply_overrides(std::vector<BasisTerm>& terms, const std::vector<PolicyOverride>& overrides, const Game& game,
                     const ParameterSet& parameters);

}  // namespace triad
