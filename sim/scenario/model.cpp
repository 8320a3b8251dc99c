#include "triad/scenario/model.hpp"

#include "triad/scenario/actions.hpp"

#include "triad/core/triangle.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace triad {

const std::vector<ParamSpec>& player_attribute_specs() {
    static const std::vector<ParamSpec> specs = {
        {.symbol = "power", .name = "power", .index = IndexKind::player, .default_value = 1.0,
         .lower = 1e-9, .linear = false,
         .help = "relative power P_i (e.g. GDP in trillions of US$); enters r_ij = P_j / P_i"},
        {.symbol = "discount", .name = "discount", .index = IndexKind::player, .default_value = 0.9,
         .upper = 0.999999,
         .help = "discount factor delta_i of the repeated game (used by sustainability, not payoffs)"},
    };
    return specs;
}

namespace {

Game make_skeleton(const Scenario& scenario) {
    Game game;
    game.title = scenario.title;
    game.players = scenario.player_names();
    const int n = game.player_count();
    const std::vector<std::vector<ActionDecl>> actions = player_actions(scenario);
    bool any_stance = false;
    for (int i = 0; i < n; ++i)
        for (const auto& a : actions[i]) any_stance = any_stance || a.declares_stances;
    if (!scenario.crises.empty() && !any_stance)
        throw InputError(scenario.crises.front().where, "a crisis is read through stances, but no action in this scenario declares any",
                         "give actions stances (player: align|hedge|oppose) or drop 'crises'");
    std::vector<int> counts;
    game.actions.resize(n);
    if (any_stance) game.stances.resize(n);
    for (int i = 0; i < n; ++i) {
        counts.push_back(static_cast<int>(actions[i].size()));
        for (const auto& a : actions[i]) {
            game.actions[i].push_back(a.name);
            if (any_stance) game.stances[i].insert(game.stances[i].end(), a.stances.begin(), a.stances.end());
        }
    }
    if (!scenario.crises.empty()) {
        game.crises = game_crises(scenario.crises);
        game.backing.resize(n);
        for (int i = 0; i < n; ++i)
            for (const auto& a : actions[i]) game.backing[i].push_back(a.backs);
    }
    game.space = ProfileSpace(counts);
    game.payoffs.assign(n, Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game.space.size())));
    return game;
}

std::vector<std::string> allowed_driver_keys(const DriverSpec& spec) {
    std::vector<std::string> keys = {"type"};
    for (const auto& s : spec.settings) keys.push_back(s.name);
    for (const auto& p : spec.params) {
        keys.push_back(p.symbol);
        if (p.name != p.symbol) keys.push_back(p.name);
    }
    return keys;
}

std::vector<std::string> role_list() {
    return {role_names().begin(), role_names().end()};
}

// Which player a key names, with a suggestion if none.
int player_key(const TreeEntry& entry, const std::vector<std::string>& players, std::string_view what) {
    const auto found = std::find(players.begin(), players.end(), entry.key);
    if (found == players.end())
        throw InputError(entry.key_where, "unknown player '" + entry.key + "' in " + std::string(what),
                         suggest(entry.key, players));
    return static_cast<int>(found - players.begin());
}

// One entry of a declared parameter, at its default: player `first` (or role), toward `second`.
ParamEntry make_entry(const ParamSpec& spec, const std::string& group, const std::string& driver, int first, int second,
                      const SourceLocation& where, const std::vector<std::string>& players) {
    ParamEntry e;
    e.group = group;
    e.driver = driver;
    e.spec = &spec;
    e.first = first;
    e.second = second;
    e.path = group + "." + spec.symbol;
    if (spec.index == IndexKind::role) {
        e.path += "." + std::string(role_names()[first]);
    } else if (first >= 0) {
        e.path += "." + players[first];
        if (second >= 0) e.path += "." + players[second];
    }
    if (spec.index == IndexKind::player) e.alias = players[first] + "." + spec.name;
    // A dyad with a long name reads player-first too: russia.junior_anxiety.china.
    if (spec.index == IndexKind::dyad && spec.name != spec.symbol)
        e.alias = players[first] + "." + spec.name + "." + players[second];
    e.value = spec.default_at(first);
    e.where = where;
    return e;
}

// Reads the values of a parameter given as a map (per player, per role, per dyad) into the
// entries `slots` laid out for it; entries the map does not name keep their values.
void read_value_map(ParameterSet& params, const std::vector<std::size_t>& slots, const ParamSpec& spec,
                    const std::string& what, const TreeNode& node, const std::vector<std::string>& players) {
    const int n = static_cast<int>(players.size());
    auto assign = [&](std::size_t entry, const TreeNode& value_node) {
        const double v = value_node.as_number(params[entry].path);
        params.check_value(entry, v, value_node.where);
        params.set_value(entry, v);
    };
    // "*" first, wherever it is written: every entry the map does not name.
    if (const TreeNode* others = node.find(kEveryOtherKey)) {
        for (std::size_t e : slots)
            if (e != kNoEntry) assign(e, *others);
    }
    for (const auto& entry : node.entries) {
        if (entry.key == kEveryOtherKey) continue;
        if (spec.index == IndexKind::role) {
            const auto roles = role_list();
            const auto found = std::find(roles.begin(), roles.end(), entry.key);
            if (found == roles.end())
                throw InputError(entry.key_where, "unknown role '" + entry.key + "' in " + what, suggest(entry.key, roles));
            assign(slots[found - roles.begin()], entry.value);
            continue;
        }
        const int i = player_key(entry, players, what);
        if (spec.index == IndexKind::player) {
            assign(slots[i], entry.value);
            continue;
        }
        // Dyad: i -> number (toward everyone) or i -> {j: number}.
        if (entry.value.is_scalar()) {
            for (int j = 0; j < n; ++j)
                if (j != i) assign(slots[i * n + j], entry.value);
            continue;
        }
        entry.value.expect_map(what + "." + entry.key + " (a number, or player: number)");
        entry.value.check_unique_keys(what + "." + entry.key);
        if (const TreeNode* others = entry.value.find(kEveryOtherKey)) {
            for (int j = 0; j < n; ++j)
                if (j != i) assign(slots[i * n + j], *others);
        }
        for (const auto& inner : entry.value.entries) {
            if (inner.key == kEveryOtherKey) continue;
            const int j = player_key(inner, players, what + "." + entry.key);
            if (j == i)
                throw InputError(inner.key_where, what + " from " + entry.key + " to itself: a dyad needs two different players");
            assign(slots[i * n + j], inner.value);
        }
    }
}

// Add the entries of one declared parameter, reading values from `node` (may be null).
void add_parameter(ParameterSet& params, std::vector<std::size_t>& slots, const ParamSpec& spec,
                   const std::string& group, const std::string& driver, const TreeNode* node,
                   const SourceLocation& group_where, const std::vector<std::string>& players) {
    const int n = static_cast<int>(players.size());
    const std::string what = group + "." + spec.symbol;
    const SourceLocation& where = node ? node->where : group_where;
    const auto make = [&](int first, int second) { return make_entry(spec, group, driver, first, second, where, players); };
    // Lay out every entry with its default first.
    switch (spec.index) {
        case IndexKind::scalar:
            slots = {params.add(make(-1, -1))};
            break;
        case IndexKind::player:
            for (int i = 0; i < n; ++i) slots.push_back(params.add(make(i, -1)));
            break;
        case IndexKind::role:
            for (int r = 0; r < kRoleCount; ++r) slots.push_back(params.add(make(r, -1)));
            break;
        case IndexKind::dyad:
            slots.assign(static_cast<std::size_t>(n * n), kNoEntry);
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j)
                    if (i != j) slots[i * n + j] = params.add(make(i, j));
            break;
    }
    if (!node || node->is_null()) return;
    if (node->is_scalar()) {
        for (std::size_t e : slots)
            if (e != kNoEntry) {
                const double v = node->as_number(params[e].path);
                params.check_value(e, v, node->where);
                params.set_value(e, v);
            }
        return;
    }
    if (spec.index == IndexKind::scalar) (void)node->as_number(what);  // throws: expected a number
    const std::string map_hint = spec.index == IndexKind::dyad ? " (a number for every pair, or player: {player: number})"
                                 : spec.index == IndexKind::role ? " (a number, or role: number)"
                                                                 : " (a number for everyone, or player: number)";
    node->expect_map(what + map_hint);
    node->check_unique_keys(what);
    read_value_map(params, slots, spec, what, *node, players);
}

// The driver's settings (players it names, choices), checked; the players it names differ.
void read_settings(DriverInstance& instance, const DriverDecl& decl, const std::vector<std::string>& players,
                   const std::string& context) {
    for (const auto& setting : instance.spec->settings) {
        const TreeNode* node = decl.node.find(setting.name);
        if (!node) {
            if (setting.required)
                throw InputError(decl.where, context + " needs the setting '" + setting.name + "' (" + setting.help + ")",
                                 "add '" + setting.name + ": " +
                                     (setting.kind == SettingSpec::Kind::player ? std::string("PLAYER") : std::string("...")) +
                                     "' to the driver's section");
            if (setting.kind == SettingSpec::Kind::choice) instance.choice_settings[setting.name] = setting.choices.front();
            continue;
        }
        if (setting.kind == SettingSpec::Kind::player) {
            const std::string name = node->as_string(setting.name + " (a player)");
            const auto found = std::find(players.begin(), players.end(), name);
            if (found == players.end())
                throw InputError(node->where, "unknown player '" + name + "' as " + setting.name + " of " + context,
                                 suggest(name, players));
            instance.player_settings[setting.name] = static_cast<int>(found - players.begin());
        } else if (setting.kind == SettingSpec::Kind::choice) {
            const std::string value = node->as_string(setting.name);
            if (std::find(setting.choices.begin(), setting.choices.end(), value) == setting.choices.end())
                throw InputError(node->where, "'" + value + "' is not a choice for " + setting.name,
                                 suggest(value, setting.choices));
            instance.choice_settings[setting.name] = value;
        }
    }
    // Players named by settings must differ (a wedge needs three different players).
    for (auto a = instance.player_settings.begin(); a != instance.player_settings.end(); ++a)
        for (auto b = std::next(a); b != instance.player_settings.end(); ++b)
            if (a->second == b->second)
                throw InputError(decl.node.find(b->first)->where,
                                 context + ": " + a->first + " and " + b->first + " are the same player");

}

DriverInstance make_instance(const DriverDecl& decl, const DriverRegistry& registry,
                             ParameterSet& params, const std::vector<std::string>& players,
                             bool has_stances) {
    const DriverSpec* spec = registry.find(decl.type);
    if (!spec) {
        const std::vector<std::string> names = registry.names();
        const SourceLocation where = decl.node.find("type") ? decl.node.find("type")->where : decl.where;
        throw InputError(where, "unknown driver '" + decl.type + "'",
                         suggest(decl.type, names) + " (run 'triad list drivers')");
    }
    if (spec->needs_stances && !has_stances)
        throw InputError(decl.where, "driver '" + decl.name + "' works on stances, but no action in "
                                     "this scenario declares any",
                         "give actions stances (player: align|hedge|oppose) or drop named actions");
    DriverInstance instance;
    instance.name = decl.name;
    instance.spec = spec;
    instance.where = decl.where;
    instance.node = decl.node;
    const std::string context = "driver '" + decl.name + "' (" + spec->name + ")";
    if (decl.node.is_map()) decl.node.check_keys(allowed_driver_keys(*spec), context);

    read_settings(instance, decl, players, context);
    for (const auto& p : spec->params) {
        const TreeNode* by_symbol = decl.node.find(p.symbol);
        const TreeNode* by_name = p.name != p.symbol ? decl.node.find(p.name) : nullptr;
        if (by_symbol && by_name)
            throw InputError(by_name->where, context + " gives " + p.symbol + " twice (also as " + p.name + ")");
        instance.entry_of.emplace_back();
        add_parameter(params, instance.entry_of.back(), p, decl.name, spec->name,
                      by_symbol ? by_symbol : by_name, decl.where, players);
    }
    return instance;
}

}  // namespace

StageModel::StageModel(Scenario scenario, const DriverRegistry& registry)
    : scenario_(std::make_shared<const Scenario>(std::move(scenario))) {
    const Scenario& sc = *scenario_;
    game_ = make_skeleton(sc);
    const std::vector<std::string>& players = game_.players;

    // Player attributes first: power and discount.
    add_parameter(params_, power_entries_, player_attribute_specs()[0], "players", "players", nullptr, {}, players);
    add_parameter(params_, discount_entries_, player_attribute_specs()[1], "players", "players", nullptr, {}, players);
    for (std::size_t i = 0; i < sc.players.size(); ++i) {
        params_.check_value(power_entries_[i], sc.players[i].power, sc.players[i].power_where);
        params_.set_value(power_entries_[i], sc.players[i].power);
        params_.check_value(discount_entries_[i], sc.players[i].discount, sc.players[i].discount_where);
        params_.set_value(discount_entries_[i], sc.players[i].discount);
    }
    auto instances = std::make_shared<std::vector<DriverInstance>>();
    for (const auto& decl : sc.drivers)
        instances->push_back(make_instance(decl, registry, params_, players, game_.has_stances()));
    instances_ = std::move(instances);

    overrides_ = std::make_shared<const std::vector<PolicyOverride>>(resolve_overrides(player_actions(sc), params_, players));
    owner_.assign(params_.size(), -1);
    for (std::size_t k = 0; k < instances_->size(); ++k)
        for (const auto& slots : (*instances_)[k].entry_of)
            for (std::size_t e : slots)
                if (e != kNoEntry) owner_[e] = static_cast<int>(k);

    if (game_.has_stances()) tensors_ = std::make_shared<const StanceTensors>(game_);
    else tensors_ = std::make_shared<const StanceTensors>();
    rebuild();
}

std::size_t StageModel::term_count() const {
    std::size_t total = 0;
    for (const auto& t : terms_) total += t.size();
    return total;
}

void StageModel::build_terms(std::size_t k) {
    const DriverInstance& instance = (*instances_)[k];
    DriverContext ctx(game_, *tensors_, params_, instance, power_entries_);
    terms_[k] = instance.spec->build(ctx);
    for (auto& term : terms_[k]) term.basis_bound = term.basis->size() > 0 ? term.basis->cwiseAbs().maxCoeff() : 0.0;
    if (!overrides_->empty()) apply_overrides(terms_[k], *overrides_, game_, params_);
    reads_power_[k] = ctx.read_power();
}

void StageModel::index_terms() {
    terms_of_entry_.assign(params_.size(), {});
    for (std::size_t k = 0; k < terms_.size(); ++k)
        for (std::size_t t = 0; t < terms_[k].size(); ++t)
            for (std::size_t f : terms_[k][t].factors)
                terms_of_entry_[f].emplace_back(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(t));
}

void StageModel::assemble() {
    for (auto& u : game_.payoffs) u.setZero();
    for (const auto& group : terms_)
        for (const auto& term : group)
            if (term.coefficient != 0.0) game_.payoffs[term.player].noalias() += term.coefficient * *term.basis;
    for (int i = 0; i < game_.player_count(); ++i) check_finite(i);
    game_.check();
}

void StageModel::check_finite(int player) const {
    const Eigen::VectorXd& u = game_.payoffs[static_cast<std::size_t>(player)];
    if (u.allFinite()) return;
    // The term to blame: the first that is not finite by itself, else (a sum that overflows)
    // the largest one.
    const BasisTerm* blamed = nullptr;
    std::size_t blamed_driver = 0;
    double largest = -1.0;
    for (std::size_t k = 0; k < terms_.size(); ++k)
        for (const auto& term : terms_[k]) {
            if (term.player != player || term.coefficient == 0.0) continue;
            const double size = std::isfinite(term.coefficient) ? std::fabs(term.coefficient) * term.basis->cwiseAbs().maxCoeff()
                                                                : std::numeric_limits<double>::infinity();
            if (!std::isfinite(size) || size > largest) {
                blamed = &term, blamed_driver = k, largest = size;
                if (!std::isfinite(size)) break;
            }
        }
    const std::string whose = "a payoff of " + game_.players[static_cast<std::size_t>(player)];
    if (!blamed) throw NumericalError(whose + " is not a finite number");
    std::string values;
    SourceLocation where = (*instances_)[blamed_driver].where;
    for (std::size_t f : blamed->factors) {
        values += (values.empty() ? "" : ", ") + params_[f].path + " = " + format_number(params_.value(f));
        where = params_[f].where;
    }
    throw InputError(where,
                     whose + " is not a finite number: the " + (*instances_)[blamed_driver].name + " term " +
                         (std::isfinite(largest) ? "is too large to add to the others" : "overflows") +
                         (values.empty() ? std::string() : " (" + values + ")"),
                     "payoffs are sums of drivers' terms; keep parameters within a few orders of magnitude of 1");
}

void StageModel::rebuild() {
    terms_.assign(instances_->size(), {});
    reads_power_.assign(instances_->size(), true);
    for (std::size_t k = 0; k < instances_->size(); ++k) build_terms(k);
    index_terms();
    assemble();
}

void StageModel::reset_to(const StageModel& base) {
    params_.copy_values_from(base.params_);
    bool same_shape = terms_.size() == base.terms_.size();
    for (std::size_t k = 0; same_shape && k < terms_.size(); ++k)
        same_shape = terms_[k].size() == base.terms_[k].size() &&
                     (terms_[k].empty() || terms_[k].front().basis == base.terms_[k].front().basis);
    if (same_shape) {
        for (std::size_t k = 0; k < terms_.size(); ++k)
            for (std::size_t t = 0; t < terms_[k].size(); ++t) terms_[k][t].coefficient = base.terms_[k][t].coefficient;
    } else {
        terms_ = base.terms_;
        terms_of_entry_ = base.terms_of_entry_;
        reads_power_ = base.reads_power_;
    }
    for (std::size_t i = 0; i < game_.payoffs.size(); ++i) game_.payoffs[i] = base.game_.payoffs[i];
}

void StageModel::set(std::size_t entry, double value, const SourceLocation& where) {
    params_.check_value(entry, value, where);
    if (params_.value(entry) == value) return;
    params_.set_value(entry, value);
    if (!params_[entry].spec->linear) {
        // The basis depends on it: rebuild the owner (all drivers for a player attribute).
        const bool is_power = std::find(power_entries_.begin(), power_entries_.end(), entry) != power_entries_.end();
        if (owner_[entry] < 0 && is_power) {
            // Only the drivers whose terms depend on power (junior_partner, threat): rebuilding
            // the pivot driver's role tables every period would dominate a timeline's cost.
            for (std::size_t k = 0; k < instances_->size(); ++k)
                if (reads_power_[k]) build_terms(k);
            index_terms();
            assemble();
        } else if (owner_[entry] < 0) {
            rebuild();
        } else {
            build_terms(static_cast<std::size_t>(owner_[entry]));
            index_terms();
            assemble();
        }
        return;
    }
    // A value set by --set, a sweep or a schedule may overflow a payoff: say where, not NaN
    // later. Only a term that can reach 1e300 can (the bound of each basis is known), so the
    // pass over the payoffs is paid only then, not at every point of a sweep.
    bool may_overflow = false;
    for (const auto& [k, t] : terms_of_entry_[entry]) {
        BasisTerm& term = terms_[k][t];
        const double updated = term.compute_coefficient(params_);
        const double delta = updated - term.coefficient;
        term.coefficient = updated;
        if (delta != 0.0) game_.payoffs[term.player].noalias() += delta * *term.basis;
        may_overflow = may_overflow || !(std::fabs(updated) * term.basis_bound < 1e300);
    }
    if (!may_overflow) return;
    int checked = -1;  // an entry's terms are mostly one player's: check each run of them once
    for (const auto& [k, t] : terms_of_entry_[entry])
        if (terms_[k][t].player != checked) check_finite(checked = terms_[k][t].player);
}

void StageModel::set(std::string_view path, double value, const SourceLocation& where) {
    for (std::size_t e : params_.resolve(path, where)) set(e, value, where);
}

void StageModel::apply_assignment(std::string_view assignment, const SourceLocation& where) {
    const auto eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InputError(where, "expected PATH=VALUE, found '" + std::string(assignment) + "'",
                         "e.g. --set russia.regime_fear=2.5");
    const std::string path(assignment.substr(0, eq));
    const std::string text(assignment.substr(eq + 1));
    const auto number = parse_number(text);
    if (!number || !std::isfinite(*number))
        throw InputError(where, "the value of " + path + " must be a finite number, not '" + text + "'");
    (void)params_.resolve(path, where);
    set(path, *number, where);
}

Eigen::VectorXd StageModel::driver_payoff(std::size_t instance, int player) const {
    Eigen::VectorXd out = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game_.space.size()));
    for (const auto& term : terms_[instance])
        if (term.player == player && term.coefficient != 0.0) out += term.coefficient * *term.basis;
    return out;
}

}  // namespace triad
