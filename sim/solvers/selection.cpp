#include "triad/solvers/selection.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/core/error.hpp"
#include "triad/core/parameters.hpp"
#include "triad/solvers/qre.hpp"
#include "triad/solvers/stationary.hpp"

#include <algorithm>

namespace triad {

std::string_view to_string(SelectionMethod method) {
    switch (method) {
        case SelectionMethod::stable: return "stable";
        case SelectionMethod::qre: return "qre";
        case SelectionMethod::pure: return "pure";
    }
    return "stable";
}

std::string_view to_string(TieBreak tie_break) {
    switch (tie_break) {
        case TieBreak::qre: return "qre";
        case TieBreak::none: return "none";
    }
    return "qre";
}

namespace {

constexpr SelectionMethod kMethods[] = {SelectionMethod::stable, SelectionMethod::qre, SelectionMethod::pure};
constexpr TieBreak kTieBreaks[] = {TieBreak::qre, TieBreak::none};

// The value whose name is `text`, among `values` (declaration order).
template <typename Enum, std::size_t N>
std::optional<Enum> parse_among(const Enum (&values)[N], std::string_view text) {
    for (Enum v : values)
        if (to_string(v) == text) return v;
    return std::nullopt;
}

// Every name of `values`, for a suggestion.
template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const Enum (&values)[N]) {
    std::vector<std::string> out;
    for (Enum v : values) out.emplace_back(to_string(v));
    return out;
}

}  // namespace

std::optional<SelectionMethod> parse_selection_method(std::string_view text) { return parse_among(kMethods, text); }
std::optional<TieBreak> parse_tie_break(std::string_view text) { return parse_among(kTieBreaks, text); }

SelectionRule read_selection_rule(const Scenario& scenario) {
    SelectionRule rule;
    const TreeNode* node = scenario.document.find("selection");
    if (!node || node->is_null()) return rule;
    node->expect_map("selection (method, lambda, tie_break, tie_tolerance)");
    static const std::vector<std::string> keys = {"method", "lambda", "tie_break", "tie_tolerance"};
    node->check_keys(keys, "selection");
    if (const TreeNode* m = node->find("method")) {
        const std::string text = m->as_string("the selection method");
        const auto method = parse_selection_method(text);
        if (!method) throw InputError(m->where, "unknown selection method '" + text + "'", suggest(text, names_of(kMethods)));
        rule.method = *method;
    }
    if (const TreeNode* l = node->find("lambda")) {
        rule.lambda = l->as_number("selection lambda");
        if (rule.lambda < 0.0) throw InputError(l->where, "selection lambda must be >= 0");
    }
    if (const TreeNode* t = node->find("tie_break")) {
        const std::string text = t->as_string("tie_break");
        const auto tie_break = parse_tie_break(text);
        if (!tie_break) throw InputError(t->where, "unknown tie_break '" + text + "'", suggest(text, names_of(kTieBreaks)));
        rule.tie_break = *tie_break;
    }
    if (const TreeNode* t = node->find("tie_tolerance")) {
        rule.tie_tolerance = t->as_number("tie_tolerance");
        if (rule.tie_tolerance < 0.0 || rule.tie_tolerance >= 1.0)
            throw InputError(t->where, "tie_tolerance must be in [0, 1)");
    }
    return rule;
}

std::string describe(const SelectionRule& rule) {
    std::string out(to_string(rule.method));
    if (rule.method == SelectionMethod::stable) out += " (lambda " + format_number(rule.lambda) + ")";
    if (rule.tie_break == TieBreak::qre) out += ", ties broken by the QRE limit";
    return out;
}

Eigen::VectorXd product_distribution(const Game& game, const MixedProfile& strategy) {
    const auto& space = game.space;
    Eigen::VectorXd out(static_cast<Eigen::Index>(space.size()));
    std::vector<int> actions(space.players(), 0);
    for (std::size_t p = 0; p < space.size(); ++p) {
        double mass = 1.0;
        for (int i = 0; i < space.players(); ++i) mass *= strategy[i](actions[i]);
        out(static_cast<Eigen::Index>(p)) = mass;
        for (int i = 0; i < space.players(); ++i) {
            if (++actions[i] < space.actions(i)) break;
            actions[i] = 0;
        }
    }
    return out;
}

namespace {

struct Fill {
    const Game& game;
    const SelectionRule& rule;
    std::optional<OutcomeDistribution> qre_outcome = std::nullopt;

    const OutcomeDistribution& qre() {
        if (!qre_outcome) {
            const QreResult q = trace_qre(game);
            qre_outcome = outcome_distribution(game, product_distribution(game, q.limit.strategy));
        }
        return *qre_outcome;
    }

    // The most probable label; near-ties go to the QRE's favourite (or the first label).
    std::pair<std::string, double> pick(const std::map<std::string, double>& d,
                                        const std::map<std::string, double>* (Fill::*tie_source)(int), int index,
                                        std::vector<std::string>& notes, const std::string& what) {
        if (d.empty()) return {"", 0.0};
        double best = 0.0;
        for (const auto& [label, p] : d) best = std::max(best, p);
        std::vector<std::string> tied;
        for (const auto& [label, p] : d)
            if (p >= best - rule.tie_tolerance) tied.push_back(label);
        std::string chosen = tied.front();
        if (tied.size() > 1 && rule.tie_break == TieBreak::qre) {
            const std::map<std::string, double>* q = (this->*tie_source)(index);
            double top = -1.0;
            for (const auto& label : tied) {
                const auto found = q->find(label);
                const double v = found == q->end() ? 0.0 : found->second;
                if (v > top) top = v, chosen = label;
            }
            notes.push_back(what + ": tie between " + std::to_string(tied.size()) + " labels broken by the QRE limit");
        }
        return {chosen, d.at(chosen)};
    }
    const std::map<std::string, double>* configuration_source(int) { return &qre().configuration; }
    const std::map<std::string, double>* alignment_source(int i) { return &qre().alignment[i]; }
    const std::map<std::string, double>* role_source(int i) { return &qre().role[i]; }
    const std::map<std::string, double>* backs_source(int i) { return &qre().backs[i]; }
};

}  // namespace

Prediction predict(const Game& game, const SelectionRule& rule) {
    Prediction out;
    out.rule = describe(rule);
    Eigen::VectorXd distribution;
    SelectionMethod method = rule.method;
    if (method == SelectionMethod::pure) {
        const auto eqs = pure_equilibrium_profiles(game, payoff_tolerance(game)).profiles;
        if (eqs.empty()) {
            out.notes.push_back("no pure equilibrium: fell back to the stable method");
            out.rule += "; no pure equilibrium, so stable (lambda " + format_number(rule.lambda) + ")";
            method = SelectionMethod::stable;
        } else {
            distribution = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game.space.size()));
            for (const std::size_t e : eqs) distribution(static_cast<Eigen::Index>(e)) = 1.0 / static_cast<double>(eqs.size());
        }
    }
    if (method == SelectionMethod::stable) distribution = stationary_distribution(game, rule.lambda).probability;
    if (method == SelectionMethod::qre) distribution = product_distribution(game, trace_qre(game).limit.strategy);

    Eigen::Index top = 0;
    distribution.maxCoeff(&top);
    out.profile = static_cast<std::size_t>(top);
    if (!game.has_stances()) {
        out.distribution = std::move(distribution);
        return out;
    }
    const OutcomeDistribution outcome = outcome_distribution(game, distribution);
    out.distribution = std::move(distribution);
    out.configuration = outcome.configuration;
    out.alignment = outcome.alignment;
    out.role = outcome.role;
    out.backs = outcome.backs;
    Fill fill{game, rule};
    if (!outcome.configuration.empty()) {
        auto [label, p] = fill.pick(outcome.configuration, &Fill::configuration_source, 0, out.notes, "configuration");
        out.selected_configuration = label;
        out.configuration_probability = p;
    }
    for (int i = 0; i < game.player_count(); ++i) {
        auto [label, p] = fill.pick(outcome.alignment[i], &Fill::alignment_source, i, out.notes, game.players[i] + "'s alignment");
        out.selected_alignment.push_back(label);
        out.alignment_probability.push_back(p);
        if (!outcome.role.empty()) {
            auto [r, rp] = fill.pick(outcome.role[i], &Fill::role_source, i, out.notes, game.players[i] + "'s role");
            out.selected_role.push_back(r);
            out.role_probability.push_back(rp);
        }
        if (!outcome.backs.empty()) {
            auto [b, bp] = fill.pick(outcome.backs[i], &Fill::backs_source, i, out.notes, game.players[i] + "'s backing");
            out.selected_backs.push_back(b);
            out.backs_probability.push_back(bp);
        }
    }
    return out;
}

}  // namespace triad
