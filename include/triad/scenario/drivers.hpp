// Drivers: the terms whose sum is each player's payoff (docs/model.md section 2).
//
//     u_i(profile; params) = sum over drivers d of D_d,i(profile; params)
//
// A driver turns its parameters into BasisTerms: a fixed per-profile array (the basis) times
// a coefficient that is a product of parameter values. Because every driver's contribution is
// written this way, changing a weight that is only a factor (ParamSpec::linear) costs one
// multiply-add per profile, and a sweep over weights never rebuilds what did not change.
//
// Each driver is one file in sim/scenario/drivers/ and one line in sim/scenario/drivers/registry.cpp. Its
// DriverSpec declares parameters and settings once; the loader, `triad list drivers`,
// `triad params` and the docs all read that declaration.
#pragma once

#include "triad/core/game.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/registry.hpp"
#include "triad/scenario/tree.hpp"

#include <Eigen/Dense>

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace triad {

using Basis = std::shared_ptr<const Eigen::VectorXd>;

struct BasisTerm {
    int player = 0;                    // whose payoff the term adds to
    double scale = 1.0;                // constant factor fixed when the term was built
    std::vector<std::size_t> factors;  // parameter entries multiplied into the coefficient
    Basis basis;                       // one value per profile
    double coefficient = 0.0;          // scale * product of the factors' values (cached)
    double basis_bound = 0.0;          // max |basis|, set when the model builds the term

    [[nodiscard]] double compute_coefficient(const ParameterSet& params) const;
};

// Per-profile stance arrays, computed once per game and shared by every driver's terms.
// For an ordered pair (i, j), i != j: s_ij, warmth w_ij = (s_ij + s_ji)/2, w+_ij = max(w, 0)
// and w-_ij = max(-w, 0), each as a vector over profiles; in a crisis, [i backs j].
class StanceTensors {
public:
    StanceTensors() = default;
    explicit StanceTensors(const Game& game);

    [[nodiscard]] const Basis& stance(int i, int j) const { return stance_[i * n_ + j]; }
    [[nodiscard]] const Basis& warmth(int i, int j) const { return warmth_[i * n_ + j]; }
    [[nodiscard]] const Basis& warm(int i, int j) const { return warm_[i * n_ + j]; }
    [[nodiscard]] const Basis& cold(int i, int j) const { return cold_[i * n_ + j]; }
    // [s_ij = value] as 0/1 per profile.
    [[nodiscard]] Eigen::ArrayXd stance_is(int i, int j, Stance value) const;
    // [i backs j] as 0/1 per profile, for a backer i and a side j of its crisis (game.hpp's
    // Crisis); null otherwise.
    [[nodiscard]] const Basis& backs(int i, int j) const { return backs_[i * n_ + j]; }

private:
    int n_ = 0;
    std::vector<Basis> stance_, warmth_, warm_, cold_, backs_;
};

// A non-numeric setting of a driver (who the wedge's actor is, how roles are scored, ...).
struct SettingSpec {
    enum class Kind { player, choice, custom };
    std::string name = {};
    Kind kind = Kind::player;
    bool required = false;
    std::vector<std::string> choices = {};  // for Kind::choice; the first is the default
    std::string help = {};
};

struct DriverSpec;

// One `drivers:` entry of a scenario, checked against its DriverSpec.
struct DriverInstance {
    std::string name;  // the key under drivers:, also the group of its parameter paths
    const DriverSpec* spec = nullptr;
    SourceLocation where;
    TreeNode node;
    // entry_of[p][slot]: parameter entry of spec param p at a flattened index (scalar: 0;
    // player: i; dyad: i*N + j; role: r); npos where there is none (the diagonal).
    std::vector<std::vector<std::size_t>> entry_of;
    std::map<std::string, int> player_settings;          // Kind::player, resolved to indices
    std::map<std::string, std::string> choice_settings;  // Kind::choice
};

inline constexpr std::size_t kNoEntry = static_cast<std::size_t>(-1);

// What a driver sees while it builds its terms.
class DriverContext {
public:
    DriverContext(const Game& game, const StanceTensors& tensors, const ParameterSet& params,
                  const DriverInstance& instance, const std::vector<std::size_t>& power_entries)
        : game_(game), tensors_(tensors), params_(params), instance_(instance), power_(power_entries) {}

    [[nodiscard]] const Game& game() const { return game_; }
    [[nodiscard]] int players() const { return game_.player_count(); }
    [[nodiscard]] const StanceTensors& tensors() const { return tensors_; }
    [[nodiscard]] const DriverInstance& instance() const { return instance_; }

    // The entry of parameter `symbol` at (first, second); see DriverInstance::entry_of.
    [[nodiscard]] std::size_t entry(std::string_view symbol, int first = -1, int second = -1) const;
    [[nodiscard]] double value(std::string_view symbol, int first = -1, int second = -1) const {
        return params_.value(entry(symbol, first, second));
    }
    // P_i, the power of player i. The model notes which drivers read it, so that a change of
    // power (every period of a timeline with GDP schedules) rebuilds only those.
    [[nodiscard]] double power(int player) const {
        read_power_ = true;
        return params_.value(power_[player]);
    }
    [[nodiscard]] bool read_power() const { return read_power_; }
    [[nodiscard]] int player_setting(const std::string& name) const;
    [[nodiscard]] const std::string& choice_setting(const std::string& name) const;
    [[nodiscard]] const TreeNode* setting_node(std::string_view name) const {
        return instance_.node.find(name);
    }

    // A term for `player`: scale * prod(factors) * basis.
    [[nodiscard]] BasisTerm term(int player, double scale, std::initializer_list<std::size_t> factors,
                                 Basis basis) const;
    [[nodiscard]] BasisTerm term(int player, double scale, std::initializer_list<std::size_t> factors,
                                 Eigen::VectorXd basis) const;

private:
    const Game& game_;
    const StanceTensors& tensors_;
    const ParameterSet& params_;
    const DriverInstance& instance_;
    const std::vector<std::size_t>& power_;
    mutable bool read_power_ = false;
};

struct DriverSpec {
    std::string name = {};
    std::string summary = {};  // one line for `triad list drivers`
    std::string formula = {};  // the term added to u_i, in docs/model.md's notation
    std::string sources = {};  // the essays and papers the driver encodes
    std::vector<ParamSpec> params = {};
    std::vector<SettingSpec> settings = {};
    bool needs_stances = true;
    // Parameters whose entries each get their own line when a payoff is split by driver
    // (payoff_split.hpp): memory's stocks G and T, so that a grievance against China and trust
    // in the US are told apart. Empty: the driver is one line.
    std::vector<std::string> split_by = {};
    // Its parameters G, T (dyad) and decay (player) are the grievance and trust stocks that a
    // timeline carries from period to period (dynamics/timeline.cpp); only memory sets this.
    bool carries_memory_stocks = false;
    std::function<std::vector<BasisTerm>(const DriverContext&)> build = {};

    [[nodiscard]] int param_index(std::string_view symbol_or_name) const;
};

using DriverRegistry = Registry<DriverSpec>;

// Adds every driver shipped with triad (sim/scenario/drivers/registry.cpp: one line per driver).
void register_builtin_drivers(DriverRegistry& registry);
// A registry holding the built-in drivers, filled on first use.
[[nodiscard]] const DriverRegistry& builtin_drivers();

}  // namespace triad
