// A player's payoff split by driver instance and memory stock (payoff_split.hpp).
#include "triad/scenario/payoff_split.hpp"

#include "triad/core/error.hpp"
#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace triad {

namespace {

// A distribution's probabilities may miss 1 by the rounding of the solve that produced them.
constexpr double kDistributionTolerance = 1e-9;

// For each term of `player`, the component it belongs to; fills `names`.
std::vector<std::vector<int>> components_of(const StageModel& model, int player, std::vector<std::string>& names) {
    const ParameterSet& params = model.parameters();
    std::vector<std::vector<int>> component(model.drivers().size());
    for (std::size_t k = 0; k < model.drivers().size(); ++k) {
        const DriverInstance& d = model.drivers()[k];
        const auto& terms = model.terms()[k];
        component[k].assign(terms.size(), -1);
        // The entries that get a line of their own, and the line each has.
        std::map<std::size_t, int> own_line;
        for (const std::string& symbol : d.spec->split_by)
            for (std::size_t e : d.entry_of[d.spec->param_index(symbol)])
                if (e != kNoEntry) own_line.emplace(e, -1);
        int whole = -1;  // the instance's line for terms with no entry of their own
        for (std::size_t t = 0; t < terms.size(); ++t) {
            if (terms[t].player != player) continue;
            const auto split = std::find_if(terms[t].factors.begin(), terms[t].factors.end(),
                                            [&](std::size_t e) { return own_line.count(e) > 0; });
            int* line = split == terms[t].factors.end() ? &whole : &own_line[*split];
            if (*line < 0) {
                *line = static_cast<int>(names.size());
                if (split == terms[t].factors.end()) {
                    names.push_back(d.name);
                } else {
                    const ParamEntry& entry = params[*split];
                    names.push_back(d.name + " (" + (entry.alias.empty() ? entry.path : entry.alias) + ")");
                }
            }
            component[k][t] = *line;
        }
    }
    return component;
}

}  // namespace

ProfileWeights pure_outcome(std::size_t profile) { return {{profile, 1.0}}; }

ProfileWeights outcome_of(const Eigen::VectorXd& distribution) {
    ProfileWeights out;
    double total = 0.0;
    for (Eigen::Index p = 0; p < distribution.size(); ++p) {
        const double w = distribution(p);
        if (!std::isfinite(w) || w < -kDistributionTolerance)
            throw Error("outcome_of: probability " + format_number(w) + " of profile " + std::to_string(p) + " is not a probability");
        if (w > 0.0) out.emplace_back(static_cast<std::size_t>(p), w);
        total += std::max(w, 0.0);
    }
    if (std::abs(total - 1.0) > kDistributionTolerance)
        throw Error("outcome_of: the probabilities sum to " + format_number(total) + ", not 1");
    return out;
}

ProfileWeights outcome_of(const Game& game, const MixedProfile& play) {
    if (static_cast<int>(play.size()) != game.player_count()) throw Error("outcome_of: one strategy per player is needed");
    ProfileWeights out = {{0, 1.0}};
    for (int i = 0; i < game.player_count(); ++i) {
        if (play[i].size() != game.space.actions(i)) throw Error("outcome_of: a strategy has the wrong number of actions");
        ProfileWeights next;
        for (const auto& [profile, w] : out)
            for (int a = 0; a < game.space.actions(i); ++a)
                if (play[i](a) > 0.0) next.emplace_back(profile + static_cast<std::size_t>(a) * game.space.stride(i), w * play[i](a));
        out = std::move(next);
    }
    return out;
}

int PayoffSplit::best_alternative() const {
    int best = -1;
    for (const ActionSplit& a : actions)
        if (a.action != chosen && (best < 0 || a.payoff > actions[best].payoff)) best = a.action;
    return best;
}

std::vector<double> PayoffSplit::advantage_over(int other) const {
    std::vector<double> out(components.size());
    for (std::size_t c = 0; c < out.size(); ++c)
        out[c] = actions[chosen].contributions[c] - actions[other].contributions[c];
    return out;
}

PayoffSplit split_payoff(const StageModel& model, int player, const ProfileWeights& outcome) {
    const Game& game = model.game();
    if (player < 0 || player >= game.player_count()) throw Error("split_payoff: no player " + std::to_string(player));
    PayoffSplit split;
    split.player = player;
    const auto component = components_of(model, player, split.components);
    const int actions = game.space.actions(player);
    split.actions.resize(actions);
    for (int a = 0; a < actions; ++a) {
        ActionSplit& s = split.actions[a];
        s.action = a;
        s.contributions.assign(split.components.size(), 0.0);
        for (const auto& [profile, w] : outcome) {
            if (game.space.action_of(profile, player) == a) s.probability += w;
            const auto q = static_cast<Eigen::Index>(game.space.with_action(profile, player, a));
            s.payoff += w * game.payoffs[player](q);
            for (std::size_t k = 0; k < component.size(); ++k)
                for (std::size_t t = 0; t < component[k].size(); ++t)
                    if (component[k][t] >= 0) {
                        const BasisTerm& term = model.terms()[k][t];
                        s.contributions[component[k][t]] += w * term.coefficient * (*term.basis)(q);
                    }
        }
    }
    for (int a = 1; a < actions; ++a)
        if (split.actions[a].probability > split.actions[split.chosen].probability) split.chosen = a;
    return split;
}

}  // namespace triad
