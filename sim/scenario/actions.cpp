// Players' actions, policy twins and the overrides they carry (actions.hpp).
#include "triad/scenario/actions.hpp"

#include <algorithm>
#include <map>

namespace triad {

namespace {

// Every combination of stances toward the other players: align, hedge, oppose, the first
// other player's stance varying fastest.
std::vector<ActionDecl> default_actions(int self, const std::vector<std::string>& names) {
    const int n = static_cast<int>(names.size());
    std::vector<int> others;
    for (int j = 0; j < n; ++j)
        if (j != self) others.push_back(j);
    static const Stance order[3] = {Stance::align, Stance::hedge, Stance::oppose};
    std::size_t total = 1;
    for (std::size_t k = 0; k < others.size(); ++k) total *= 3;
    std::vector<ActionDecl> actions;
    for (std::size_t code = 0; code < total; ++code) {
        ActionDecl action;
        action.stances.assign(n, Stance::hedge);
        std::size_t rest = code;
        for (int j : others) {
            action.stances[j] = order[rest % 3];
            rest /= 3;
        }
        action.name = stance_action_name(names, self, action.stances);
        action.declares_stances = true;
        actions.push_back(std::move(action));
    }
    return actions;
}

bool goes_with(const PolicyDecl& policy, const ActionDecl& action) {
    for (const auto& [player, stance] : policy.with)
        if (action.stances[player] != stance) return false;
    return true;
}

}  // namespace

std::vector<std::vector<ActionDecl>> player_actions(const Scenario& scenario) {
    const std::vector<std::string> names = scenario.player_names();
    std::vector<std::vector<ActionDecl>> out;
    for (std::size_t i = 0; i < scenario.players.size(); ++i) {
        const PlayerDecl& player = scenario.players[i];
        std::vector<ActionDecl> actions = player.actions.empty() ? default_actions(static_cast<int>(i), names) : player.actions;
        const std::size_t base = actions.size();
        for (const PolicyDecl& policy : player.policies) {
            std::size_t twins = 0;
            for (std::size_t a = 0; a < base; ++a) {
                if (!goes_with(policy, actions[a])) continue;
                ActionDecl twin = actions[a];
                twin.name += "@" + policy.name;
                twin.where = policy.where;
                twin.sets.insert(twin.sets.end(), policy.sets.begin(), policy.sets.end());
                actions.push_back(std::move(twin));
                ++twins;
            }
            if (twins == 0)
                throw InputError(policy.where, "policy '" + policy.name + "' of " + player.name + " goes with none of its actions",
                                 "check its 'with' stances");
        }
        for (const CrisisDecl& crisis : scenario.crises)
            if (std::find(crisis.backers.begin(), crisis.backers.end(), static_cast<int>(i)) != crisis.backers.end())
                actions = with_backing(actions, crisis, names);
        out.push_back(std::move(actions));
    }
    return out;
}

std::string policy_value_path(const std::string& player, const std::string& policy, const std::string& path) {
    return player + "@" + policy + "." + path;
}

std::vector<PolicyOverride> resolve_overrides(const std::vector<std::vector<ActionDecl>>& actions, ParameterSet& parameters,
                                              const std::vector<std::string>& players) {
    std::vector<PolicyOverride> out;
    std::map<std::string, std::size_t> value_entries;  // by path: one entry per policy and value
    for (std::size_t i = 0; i < actions.size(); ++i)
        for (std::size_t a = 0; a < actions[i].size(); ++a)
            for (const PolicySetting& s : actions[i][a].sets)
                for (std::size_t e : parameters.resolve(s.path, s.where)) {
                    const ParamSpec& spec = *parameters[e].spec;
                    if (!spec.linear || !spec.affects_payoffs || parameters[e].group == "players")
                        throw InputError(s.where, "an action can set only a driver's linear weights; " + parameters[e].path +
                                                      " shapes the payoffs' structure (or none) and cannot follow a choice");
                    parameters.check_value(e, s.value, s.where);
                    PolicyOverride o{static_cast<int>(i), static_cast<int>(a), e, s.value};
                    if (!s.policy.empty()) {
                        const std::string path = policy_value_path(players[i], s.policy, parameters[e].path);
                        auto found = value_entries.find(path);
                        if (found == value_entries.end()) {
                            ParamEntry entry = parameters[e];
                            entry.path = path;
                            entry.alias.clear();
                            entry.group = players[i] + "@" + s.policy;
                            entry.value = s.value;
                            entry.where = s.where;
                            found = value_entries.emplace(path, parameters.add_exact(std::move(entry))).first;
                        }
                        o.value_entry = found->second;
                    }
                    out.push_back(o);
                }
    return out;
}

void apply_overrides(std::vector<BasisTerm>& terms, const std::vector<PolicyOverride>& overrides, const Game& game,
                     const ParameterSet& parameters) {
    for (const PolicyOverride& o : overrides) {
        Eigen::VectorXd playing;  // [player plays the action], built when first needed
        std::vector<BasisTerm> split;
        for (BasisTerm& term : terms) {
            const auto factor = std::find(term.factors.begin(), term.factors.end(), o.entry);
            if (factor == term.factors.end()) {
                split.push_back(std::move(term));
                continue;
            }
            if (playing.size() == 0) {
                playing = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game.space.size()));
                for (std::size_t p = 0; p < game.space.size(); ++p)
                    if (game.space.action_of(p, o.player) == o.action) playing(static_cast<Eigen::Index>(p)) = 1.0;
            }
            BasisTerm on = term;
            if (o.value_entry != kNoEntry) {
                on.factors[static_cast<std::size_t>(factor - term.factors.begin())] = o.value_entry;
            } else {
                on.factors.erase(on.factors.begin() + (factor - term.factors.begin()));
                on.scale *= o.value;
            }
            on.basis = std::make_shared<const Eigen::VectorXd>(term.basis->cwiseProduct(playing));
            on.coefficient = on.compute_coefficient(parameters);
            term.basis = std::make_shared<const Eigen::VectorXd>(term.basis->array() * (1.0 - playing.array()));
            split.push_back(std::move(term));
            split.push_back(std::move(on));
        }
        terms = std::move(split);
    }
}

}  // namespace triad
