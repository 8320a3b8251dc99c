// The stage game of a scenario, kept up to date as parameters change.
//
// A StageModel owns the game (players, actions, stances, payoff arrays), the scenario's
// parameters and every driver's basis terms. Its payoffs always equal
//     u_i(profile) = sum over terms t of player i of coefficient_t * basis_t(profile),
// summed in a fixed order (driver by driver, term by term). Setting a linear parameter costs
// one multiply-add per profile for each term it multiplies; setting any other parameter
// (a power, a shielding weight) rebuilds the terms and re-sums. Copies share the immutable
// parts (basis arrays, stance tensors, the scenario), so one copy per thread is cheap.
#pragma once

#include "triad/scenario/actions.hpp"
#include "triad/scenario/drivers.hpp"
#include "triad/core/game.hpp"
#include "triad/core/parameters.hpp"
#include "triad/scenario/scenario.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace triad {

class StageModel {
public:
    // Checks every driver section against the registry's declarations (unknown drivers, keys,
    // settings; values out of bounds) and builds the game. Throws InputError.
    explicit StageModel(Scenario scenario, const DriverRegistry& registry = builtin_drivers());

    [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
    [[nodiscard]] const Game& game() const { return game_; }
    [[nodiscard]] const ParameterSet& parameters() const { return params_; }
    [[nodiscard]] const std::vector<DriverInstance>& drivers() const { return *instances_; }
    [[nodiscard]] const std::vector<std::vector<BasisTerm>>& terms() const { return terms_; }
    [[nodiscard]] std::size_t term_count() const;

    // Set one parameter entry (bounds checked; InputError at `where` otherwise).
    void set(std::size_t entry, double value, const SourceLocation& where = {});
    // Set every entry a path addresses (see parameters.hpp for the path scheme).
    void set(std::string_view path, double value, const SourceLocation& where = {});
    // "PATH=VALUE", as given to --set.
    void apply_assignment(std::string_view assignment, const SourceLocation& where = {});

    // Recompute every term and payoff from the current parameter values.
    void rebuild();

    // Make this model's parameter values, term coefficients and payoffs equal to those of
    // `base`, a model of the same scenario (typically the one this was copied from): cheap
    // (copies, no rebuild unless the terms' structure differs), and independent of what this
    // copy did before. Sweeps reset before every point so results never depend on history.
    void reset_to(const StageModel& base);

    // delta_i, the discount factor of player i (the `players.discount` parameters).
    [[nodiscard]] double discount(int player) const { return params_.value(discount_entries_[player]); }

    // The part of player i's payoff that driver instance k contributes, per profile.
    [[nodiscard]] Eigen::VectorXd driver_payoff(std::size_t instance, int player) const;

private:
    void build_terms(std::size_t instance);
    void index_terms();
    void assemble();
    // Throws InputError, at the parameter to blame, when a payoff of `player` is not finite.
    void check_finite(int player) const;

    std::shared_ptr<const Scenario> scenario_;
    std::shared_ptr<const std::vector<DriverInstance>> instances_;
    std::shared_ptr<const StanceTensors> tensors_;
    // What actions set while they are played (scenario/actions.hpp), applied to every build.
    std::shared_ptr<const std::vector<PolicyOverride>> overrides_;
    Game game_;
    ParameterSet params_;
    std::vector<std::size_t> power_entries_;
    std::vector<std::size_t> discount_entries_;
    std::vector<int> owner_;  // per entry: its driver instance, or -1 for player attributes
    std::vector<bool> reads_power_;  // per driver instance: its last build read some power
    std::vector<std::vector<BasisTerm>> terms_;  // per driver instance
    // For each entry, the (instance, term) pairs whose coefficient it multiplies.
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> terms_of_entry_;
};

// The player attribute declarations (group `players`): power, discount.
[[nodiscard]] const std::vector<ParamSpec>& player_attribute_specs();

}  // namespace triad
