// Rendering the least change that gives a wanted outcome (reach_report.hpp).
#include "triad/report/reach_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"
#include "triad/report/explain_report.hpp"
#include "triad/report/text.hpp"

#include <cmath>
#include <sstream>

namespace triad {

namespace {

// A table names at most this many parameters of a change, the largest (normalised) first.
constexpr std::size_t kListedChanges = 8;

// "lower ambition.a.us.russia by 1.3 (2 -> 0.7)", one per parameter that moves, largest first.
std::vector<std::string> changes(const ReachResult& r, const ReachPoint& p) {
    std::vector<std::pair<double, std::string>> moved;
    for (std::size_t i = 0; i < r.axes.size(); ++i) {
        const double delta = p.values[i] - r.start[i];
        if (std::abs(delta) <= 1e-12 * std::max(1.0, std::abs(r.start[i]))) continue;
        moved.emplace_back(std::abs(delta) / (r.axes[i].upper - r.axes[i].lower),
                           std::string(delta > 0 ? "raise " : "lower ") + r.axes[i].path + " by " + printf_number(std::abs(delta), "%.4g") +
                               " (" + printf_number(r.start[i], "%.4g") + " -> " + printf_number(p.values[i], "%.4g") + ")");
    }
    std::stable_sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (std::size_t k = 0; k < moved.size() && k < kListedChanges; ++k) out.push_back(moved[k].second);
    if (moved.size() > kListedChanges) out.push_back("and " + std::to_string(moved.size() - kListedChanges) + " smaller (--format json lists all)");
    return out;
}

std::string probabilities(const ReachReport& report, const ReachPoint& p) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < report.want.size(); ++k)
        if (!std::isnan(p.probability[k])) out.push_back(report.want[k].target + " " + report.want[k].values.front() + " with probability " +
                                                          printf_number(p.probability[k], "%.4g"));
    return join(out, ", ");
}

}  // namespace

std::string render_reach_table(const ReachReport& report) {
    const ReachResult& r = report.result;
    std::ostringstream out;
    const Game& game = report.loaded.game();
    out << (game.title.empty() ? report.loaded.path : game.title) << "\n";
    out << "  " << report.loaded.path << "  (content hash " << report.loaded.content_hash << ", triad " << kVersion << ")\n";
    for (const auto& o : report.loaded.overrides) out << "  --set " << o << "\n";
    out << "Wanted: " << join(report.wants, " and ") << "\nSearched:";
    if (r.axes.size() > kListedChanges) out << " " << r.axes.size() << " parameters (the uncertainty: ranges; --format json lists them)";
    else
        for (std::size_t i = 0; i < r.axes.size(); ++i)
            out << (i ? "," : "") << " " << r.axes[i].path << " in [" << printf_number(r.axes[i].lower, "%.4g") << ", "
                << printf_number(r.axes[i].upper, "%.4g") << "] (now " << printf_number(r.start[i], "%.4g") << ")";
    out << "\n  distance: sqrt(sum ((x - x0) / (HI - LO))^2); " << r.evaluations << " points evaluated\n\n";
    if (!r.found) {
        out << "Not reachable within these ranges: no point searched gives " << join(report.wants, " and ") << ".\n";
        const std::string p = probabilities(report, r.best);
        if (!p.empty()) out << "Closest: " << p << ", at " << join(changes(r, r.best), ", ") << "\n";
        return out.str();
    }
    if (r.best.distance == 0.0) {
        out << "Already so at the scenario's own values: nothing needs to change.\n";
    } else {
        out << "Least change (distance " << printf_number(r.best.distance, "%.4g") << "): " << join(changes(r, r.best), ", ") << "\n";
    }
    const std::string p = probabilities(report, r.best);
    if (!p.empty()) out << "  there: " << p << "\n";
    for (const PayoffSplit& s : report.why) out << "  why: " << explain_sentence(*report.game_at_best, s) << "\n";
    for (const ReachPoint& a : r.alternatives)
        out << "Or (distance " << printf_number(a.distance, "%.4g") << "): " << join(changes(r, a), ", ") << "\n";
    out << "\nCheck it: triad solve " << report.loaded.path;
    for (std::size_t i = 0; i < r.axes.size(); ++i)
        if (r.best.values[i] != r.start[i]) out << " --set " << r.axes[i].path << "=" << format_number(r.best.values[i]);
    out << "\n";
    return out.str();
}

std::string render_reach_json(const ReachReport& report) {
    const ReachResult& r = report.result;
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json.field("version", kVersion);
    json.key("scenario").begin_object();
    json.field("path", report.loaded.path).field("content_hash", report.loaded.content_hash);
    json.key("overrides").begin_array();
    for (const auto& o : report.loaded.overrides) json.value(o);
    json.end_array().end_object();
    json.key("want").begin_array();
    for (const auto& w : report.wants) json.value(w);
    json.end_array();
    json.field("found", r.found).field("evaluations", r.evaluations);
    const auto point = [&](const ReachPoint& p) {
        json.key("point").begin_object();
        for (std::size_t i = 0; i < r.axes.size(); ++i) json.field(r.axes[i].path, p.values[i]);
        json.end_object();
        json.field("distance", p.distance);
        json.key("changes").begin_object();
        for (std::size_t i = 0; i < r.axes.size(); ++i)
            if (p.values[i] != r.start[i]) json.field(r.axes[i].path, p.values[i] - r.start[i]);
        json.end_object();
        json.key("probability").begin_object();
        for (std::size_t k = 0; k < report.want.size(); ++k)
            if (!std::isnan(p.probability[k])) json.field(report.want[k].target, p.probability[k]);
        json.end_object();
        json.key("outcome").begin_object();
        for (std::size_t c = 0; c < r.columns.size(); ++c)
            if (!r.columns[c].ends_with("_distribution")) json.field(r.columns[c], p.cells[c]);
        json.end_object();
    };
    json.key("ranges").begin_object();
    for (std::size_t i = 0; i < r.axes.size(); ++i) {
        json.key(r.axes[i].path).begin_object();
        json.field("lower", r.axes[i].lower).field("upper", r.axes[i].upper).field("start", r.start[i]);
        json.end_object();
    }
    json.end_object();
    point(r.best);
    json.key("why").begin_array();
    for (const PayoffSplit& s : report.why) json.value(explain_sentence(*report.game_at_best, s));
    json.end_array();
    json.key("alternatives").begin_array();
    for (const ReachPoint& a : r.alternatives) {
        json.begin_object();
        point(a);
        json.end_object();
    }
    json.end_array().end_object();
    buffer << "\n";
    return buffer.str();
}

}  // namespace triad
