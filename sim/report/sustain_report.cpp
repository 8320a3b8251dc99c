// Rendering a grim-trigger check as a table, JSON or CSV (sustain_report.hpp).
#include "triad/report/sustain_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/profile_text.hpp"
#include "triad/core/version.hpp"
#include "triad/report/text.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace triad {

namespace {

// "%.6g": payoffs short enough for a table; JSON keeps full precision.
std::string brief(double value, const char* format = "%.6g") { return printf_number(value, format); }

std::string critical_text(const std::optional<double>& critical) { return critical ? brief(*critical, "%.4g") : "none"; }

std::string punishment_description(Punishment p) {
    return p == Punishment::nash ? "Nash reversion to the deviator's worst pure stage equilibrium"
                                 : "the deviator's pure minmax";
}

std::string verdict(const Game& game, const SustainReport& r) {
    if (r.sustainable) return "sustainable: every player's discount factor reaches its delta* (required " +
                              brief(r.result.required, "%.4g") + ")";
    std::vector<std::string> reasons;
    for (int i = 0; i < game.player_count(); ++i) {
        if (r.held[i]) continue;
        if (!r.result.critical[i]) reasons.push_back(game.players[i] + " cannot be held by this punishment");
        else
            reasons.push_back(game.players[i] + " needs delta >= " + critical_text(r.result.critical[i]) + ", has " +
                              brief(r.discount[i], "%.4g"));
    }
    return "NOT sustainable: " + join(reasons, "; ");
}

}  // namespace

std::string render_sustain_table(const SustainReport& r) {
    const Game& game = r.loaded.game();
    const SustainResult& s = r.result;
    std::ostringstream out;
    out << (game.title.empty() ? r.loaded.path : game.title) << "\n";
    out << "  " << r.loaded.path << "  (content hash " << r.loaded.content_hash << ", triad " << kVersion << ")\n";
    for (const auto& o : r.loaded.overrides) out << "  --set " << o << "\n";
    out << "Grim trigger for the target " << profile_text(game, s.target) << "\n";
    out << "  punishment: " << to_string(s.punishment) << " (" << punishment_description(s.punishment) << ")\n\n";

    // Plain column names; the legend above the table gives the symbols and the formula.
    out << "  keeping      what the target pays the player per period\n"
           "  deviating    what its best deviation pays in the period it deviates\n"
           "  punished     what the punishment pays it per period, for ever after\n"
           "  needs delta  the least discount factor at which keeping to the target pays:\n"
           "               delta* = (deviating - keeping) / (deviating - punished); none: no such factor\n"
           "  has delta    the player's own discount factor\n\n";
    const std::vector<std::string> header = {"player", "keeping", "deviating", "best deviation", "punished",
                                             "punishment profile", "needs delta", "has delta", "holds"};
    std::vector<std::vector<std::string>> rows;
    for (int i = 0; i < game.player_count(); ++i) {
        rows.push_back({game.players[i], brief(s.cooperative[i]), brief(s.deviation[i]),
                        s.best_deviation[i] == game.space.action_of(s.target, i)
                            ? "(none)"
                            : game.actions[i][s.best_deviation[i]],
                        brief(s.punished[i]), profile_text(game, *s.punishment_profile[i]), critical_text(s.critical[i]),
                        brief(r.discount[i], "%.4g"), r.held[i] ? "yes" : "no"});
    }
    std::vector<std::size_t> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
        width[c] = header[c].size();
        for (const auto& row : rows) width[c] = std::max(width[c], row[c].size());
    }
    // Names and actions left-aligned, numbers right-aligned.
    const auto print_row = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool text = c == 0 || c == 3 || c == 5 || c == 8;
            const bool last = c + 1 == row.size();  // unpadded: no trailing blanks
            out << "  " << (text ? std::left : std::right) << std::setw(last ? 0 : static_cast<int>(width[c])) << row[c];
        }
        out << std::right << "\n";
    };
    print_row(header);
    for (const auto& row : rows) print_row(row);
    out << "\n" << verdict(game, r) << "\n";
    for (const auto& n : s.notes) out << "  note: " << n << "\n";
    return out.str();
}

std::string render_sustain_json(const SustainReport& r) {
    const Game& game = r.loaded.game();
    const SustainResult& s = r.result;
    std::ostringstream buffer;
    JsonWriter json(buffer);
    json.begin_object();
    json.field("version", kVersion);
    json.key("scenario").begin_object();
    json.field("path", r.loaded.path).field("content_hash", r.loaded.content_hash);
    json.key("overrides").begin_array();
    for (const auto& o : r.loaded.overrides) json.value(o);
    json.end_array().end_object();
    json.key("profile").begin_object();
    for (int i = 0; i < game.player_count(); ++i) json.field(game.players[i], game.actions[i][game.space.action_of(s.target, i)]);
    json.end_object();
    json.field("punishment", std::string(to_string(s.punishment)));
    json.field("punishment_requested", std::string(to_string(r.requested)));
    json.key("players").begin_array();
    for (int i = 0; i < game.player_count(); ++i) {
        json.begin_object();
        json.field("player", game.players[i]);
        json.field("cooperative", s.cooperative[i]).field("deviation", s.deviation[i]);
        json.field("best_deviation", game.actions[i][s.best_deviation[i]]);
        json.field("punished", s.punished[i]);
        json.key("punishment_profile").begin_object();
        for (int j = 0; j < game.player_count(); ++j)
            json.field(game.players[j], game.actions[j][game.space.action_of(*s.punishment_profile[i], j)]);
        json.end_object();
        json.key("critical");
        s.critical[i] ? json.value(*s.critical[i]) : json.null();
        json.field("discount", r.discount[i]).field("holds", static_cast<bool>(r.held[i]));
        json.end_object();
    }
    json.end_array();
    json.field("required", s.required).field("feasible", s.feasible).field("sustainable", r.sustainable);
    json.key("notes").begin_array();
    for (const auto& n : s.notes) json.value(n);
    json.end_array();
    json.end_object();
    return buffer.str();
}

std::string render_sustain_csv(const SustainReport& r) {
    const Game& game = r.loaded.game();
    const SustainResult& s = r.result;
    std::ostringstream out;
    out << "# triad " << kVersion << " sustain " << csv_cell(r.loaded.path) << " content_hash=" << r.loaded.content_hash
        << " punishment=" << to_string(s.punishment);
    for (const auto& o : r.loaded.overrides) out << " --set " << o;
    out << "\n# target " << profile_text(game, s.target) << "; " << (r.sustainable ? "sustainable" : "not sustainable")
        << "; required " << format_number(s.required) << "\n";
    for (const auto& n : s.notes) out << "# note: " << n << "\n";
    out << "player,cooperative,deviation,best_deviation,punished,punishment_profile,critical,discount,holds\n";
    for (int i = 0; i < game.player_count(); ++i) {
        out << csv_cell(game.players[i]) << "," << format_number(s.cooperative[i]) << "," << format_number(s.deviation[i])
            << "," << csv_cell(game.actions[i][s.best_deviation[i]]) << "," << format_number(s.punished[i]) << ","
            << csv_cell(profile_text(game, *s.punishment_profile[i])) << ","
            << (s.critical[i] ? format_number(*s.critical[i]) : "none") << "," << format_number(r.discount[i]) << ","
            << (r.held[i] ? "yes" : "no") << "\n";
    }
    return out.str();
}

}  // namespace triad
