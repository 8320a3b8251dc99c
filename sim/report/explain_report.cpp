// Rendering payoff splits as a table, JSON or CSV (explain_report.hpp).
#include "triad/report/explain_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/profile_text.hpp"
#include "triad/core/version.hpp"
#include "triad/report/text.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <numeric>
#include <sstream>

namespace triad {

namespace {

// Parts of a payoff this small against the largest payoff shown are rounding, not a reason.
constexpr double kNegligibleShare = 1e-9;
// The sentence names at most this many components on each side, and none whose part is below
// this share of the largest part: against a distribution, every driver moves a little.
constexpr std::size_t kSentenceTerms = 4;
constexpr double kSentenceShare = 0.01;

std::string signed_brief(double v) { return printf_number(v, "%+.3g"); }
std::string brief(double v) { return printf_number(v, "%.4g"); }

double largest_payoff(const PayoffSplit& split) {
    double scale = 1.0;
    for (const ActionSplit& a : split.actions) {
        scale = std::max(scale, std::abs(a.payoff));
        for (double c : a.contributions) scale = std::max(scale, std::abs(c));
    }
    return scale;
}

// Components ordered by how much they separate the chosen action from the best alternative.
std::vector<std::size_t> by_advantage(const PayoffSplit& split, const std::vector<double>& advantage) {
    std::vector<std::size_t> order(split.components.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return advantage[a] > advantage[b]; });
    return order;
}

std::string listed(const std::vector<std::string>& items) {
    if (items.size() <= kSentenceTerms) return join(items, ", ");
    std::vector<std::string> head(items.begin(), items.begin() + kSentenceTerms);
    return join(head, ", ") + " and " + std::to_string(items.size() - kSentenceTerms) + " more";
}

// The chosen action first, then the others by payoff, highest first.
std::vector<int> column_order(const PayoffSplit& split) {
    std::vector<int> order;
    for (const ActionSplit& a : split.actions)
        if (a.action != split.chosen) order.push_back(a.action);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return split.actions[a].payoff > split.actions[b].payoff; });
    order.insert(order.begin(), split.chosen);
    return order;
}

void write_header(std::ostream& out, const Explanation& e) {
    const Game& game = e.loaded.game();
    out << (game.title.empty() ? e.loaded.path : game.title) << "\n";
    out << "  " << e.loaded.path << "  (content hash " << e.loaded.content_hash << ", triad " << kVersion;
    if (e.seed) out << ", seed " << *e.seed;
    out << ")\n";
    for (const auto& o : e.loaded.overrides) out << "  --set " << o << "\n";
    out << "Explaining " << e.outcome << ": " << (e.pure ? "" : "most likely ") << profile_text(game, e.modal_profile) << "\n";
    out << "Each column is an action the player could take, the others playing as in the outcome"
        << (e.pure ? "" : " (expected values over the outcome's distribution)")
        << "; each row is a driver's part of the payoff, the rows summing to the payoff.\n";
}

void write_player(std::ostream& out, const Explanation& e, const PayoffSplit& split) {
    const Game& game = e.loaded.game();
    const int i = split.player;
    out << "\n" << explain_sentence(game, split) << "\n";
    std::vector<int> shown = column_order(split);
    const std::size_t hidden = shown.size() > e.columns ? shown.size() - e.columns : 0;
    shown.resize(shown.size() - hidden);
    const int alternative = split.best_alternative();
    const std::vector<double> advantage = alternative >= 0 ? split.advantage_over(alternative) : std::vector<double>(split.components.size());
    const double negligible = kNegligibleShare * largest_payoff(split);

    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {""};
    for (int a : shown) header.push_back(game.actions[i][a] + (a == split.chosen ? " (played)" : ""));
    rows.push_back(header);
    std::vector<std::string> payoff = {"payoff"}, probability = {"probability"};
    for (int a : shown) {
        payoff.push_back(table_number(split.actions[a].payoff));
        probability.push_back(brief(split.actions[a].probability));
    }
    rows.push_back(payoff);
    if (!e.pure) rows.push_back(probability);
    std::size_t silent = 0;
    for (std::size_t c : by_advantage(split, advantage)) {
        const bool any = std::any_of(split.actions.begin(), split.actions.end(),
                                     [&](const ActionSplit& a) { return std::abs(a.contributions[c]) > negligible; });
        if (!any) {
            ++silent;
            continue;
        }
        std::vector<std::string> row = {"  " + split.components[c]};
        for (int a : shown) {
            const double v = split.actions[a].contributions[c];
            row.push_back(table_number(std::abs(v) > negligible ? v : 0.0));  // no "-0.0000"
        }
        rows.push_back(row);
    }
    std::vector<std::size_t> width(header.size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    for (const auto& row : rows) {
        out << "  " << std::left << std::setw(static_cast<int>(width[0])) << row[0] << std::right;
        for (std::size_t c = 1; c < row.size(); ++c) out << "  " << std::setw(static_cast<int>(width[c])) << row[c];
        out << "\n";
    }
    if (hidden > 0) out << "  (" << hidden << " more action" << (hidden > 1 ? "s" : "") << " with lower payoffs: --columns or --format json shows them)\n";
    if (silent > 0) out << "  (" << silent << " driver" << (silent > 1 ? "s" : "") << " add nothing to " << game.players[i] << "'s payoff here)\n";
}

}  // namespace

std::string explain_sentence(const Game& game, const PayoffSplit& split) {
    return explain_sentence(game, split, split.best_alternative());
}

std::string explain_sentence(const Game& game, const PayoffSplit& split, int other) {
    const int i = split.player;
    const ActionSplit& chosen = split.actions[split.chosen];
    const std::string& name = game.players[i];
    std::string out = name + " plays " + game.actions[i][split.chosen];
    if (chosen.probability < 1.0 - kNegligibleShare) out += " (probability " + printf_number(chosen.probability, "%.6g") + ")";
    if (other < 0) return out + ", its only action";
    const ActionSplit& alternative = split.actions[other];
    const double negligible = kNegligibleShare * largest_payoff(split);
    const bool better = chosen.payoff >= alternative.payoff - negligible;
    out += (better ? " over " : " although ") + game.actions[i][other] + (better ? "" : " pays more") + " (" +
           brief(chosen.payoff) + " against " + brief(alternative.payoff) + ")";
    const std::vector<double> advantage = split.advantage_over(other);
    double largest = 0.0;
    for (double v : advantage) largest = std::max(largest, std::abs(v));
    const double named = std::max(negligible, kSentenceShare * largest);
    const std::vector<std::size_t> order = by_advantage(split, advantage);
    std::vector<std::string> favour, against;
    std::size_t small = 0;
    for (std::size_t c : order) {
        if (advantage[c] >= named) favour.push_back(split.components[c] + " " + signed_brief(advantage[c]));
        else if (std::abs(advantage[c]) > negligible && advantage[c] > -named) ++small;
    }
    for (auto k = order.size(); k-- > 0;)
        if (advantage[order[k]] <= -named) against.push_back(split.components[order[k]] + " " + signed_brief(advantage[order[k]]));
    if (favour.empty() && against.empty()) return out + ": every driver pays the same for both";
    if (!favour.empty()) out += ": " + listed(favour);
    if (!against.empty()) out += std::string(favour.empty() ? ":" : ";") + " against it " + listed(against);
    if (small > 0) out += " (" + std::to_string(small) + " smaller)";
    return out;
}

std::string render_explain_table(const Explanation& e) {
    std::ostringstream out;
    write_header(out, e);
    for (const PayoffSplit& split : e.splits) write_player(out, e, split);
    return out.str();
}

std::string render_explain_json(const Explanation& e) {
    const Game& game = e.loaded.game();
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json.field("version", kVersion);
    json.key("scenario").begin_object();
    json.field("path", e.loaded.path).field("content_hash", e.loaded.content_hash);
    json.key("overrides").begin_array();
    for (const auto& o : e.loaded.overrides) json.value(o);
    json.end_array().end_object();
    if (e.seed) json.field("seed", static_cast<long long>(*e.seed));
    if (e.time) json.field("time", *e.time);
    json.field("outcome", e.outcome).field("pure", e.pure);
    const auto profile_object = [&] {
        json.key("profile").begin_object();
        for (int j = 0; j < game.player_count(); ++j) json.field(game.players[j], game.actions[j][game.space.action_of(e.modal_profile, j)]);
        json.end_object();
    };
    profile_object();
    json.key("explanations").begin_array();
    for (const PayoffSplit& split : e.splits) {
        const int i = split.player;
        json.begin_object();
        json.field("player", game.players[i]);
        profile_object();
        json.field("chosen", game.actions[i][split.chosen]);
        const int other = split.best_alternative();
        if (other >= 0) json.field("best_alternative", game.actions[i][other]);
        json.field("summary", explain_sentence(game, split));
        json.key("actions").begin_array();
        for (const ActionSplit& a : split.actions) {
            json.begin_object();
            json.field("action", game.actions[i][a.action]).field("probability", a.probability).field("payoff", a.payoff);
            json.key("drivers").begin_object();
            for (std::size_t c = 0; c < split.components.size(); ++c) json.field(split.components[c], a.contributions[c]);
            json.end_object().end_object();
        }
        json.end_array().end_object();
    }
    json.end_array().end_object();
    buffer << "\n";
    return buffer.str();
}

std::string render_explain_csv(const Explanation& e) {
    const Game& game = e.loaded.game();
    std::ostringstream out;
    out << "# triad " << kVersion << " explain " << csv_cell(e.loaded.path) << " content_hash=" << e.loaded.content_hash;
    if (e.seed) out << " seed=" << *e.seed;
    for (const auto& o : e.loaded.overrides) out << " --set " << o;
    out << "\n# " << e.outcome << ": " << profile_text(game, e.modal_profile) << "\n";
    out << "player,action,chosen,probability,payoff,component,contribution\n";
    for (const PayoffSplit& split : e.splits)
        for (const ActionSplit& a : split.actions)
            for (std::size_t c = 0; c < split.components.size(); ++c)
                out << csv_cell(game.players[split.player]) << "," << csv_cell(game.actions[split.player][a.action]) << ","
                    << (a.action == split.chosen ? "yes" : "no") << "," << format_number(a.probability) << ","
                    << format_number(a.payoff) << "," << csv_cell(split.components[c]) << "," << format_number(a.contributions[c])
                    << "\n";
    return out.str();
}

}  // namespace triad
