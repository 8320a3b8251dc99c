// triad sustain: can grim trigger hold a pure profile in the infinitely repeated game?
#include "cli.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/dynamics/sustain.hpp"
#include "triad/core/version.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace triad::cli {

namespace {

// Discount factor of every player of a .nfg game, which carries none.
constexpr double kDefaultDiscount = 0.9;

const char* const kAbout =
    "Asks whether a pure profile (the TARGET) can be kept up in the infinitely repeated stage\n"
    "game by grim trigger: everyone plays the target until someone deviates, after which that\n"
    "player is punished for ever. For each player it prints\n"
    "  C        what the target pays per period (cooperating),\n"
    "  D        the best one-shot deviation payoff, and the action that earns it,\n"
    "  P        what the punishment pays per period, and the profile played to punish,\n"
    "  delta*   the critical discount factor (D - C) / (D - P): the patience needed for the\n"
    "           loss from punishment to outweigh the one-period gain,\n"
    "  discount the player's own discount factor delta (players.<p>.discount in the scenario,\n"
    "           0.9 for .nfg games, or --discount for everyone),\n"
    "  holds    yes when delta >= delta*.\n"
    "The target is sustainable when every player holds. delta* is 0 for a player with no\n"
    "profitable deviation, and 'none' when cooperating pays less than the punishment (then no\n"
    "discount factor helps).\n\n"
    "Punishments (--punishment):\n"
    "  nash     Nash reversion (Friedman 1971, the default): play for ever the pure stage\n"
    "           equilibrium worst for the deviator. Credible: subgame perfect. Falls back to\n"
    "           minmax, with a note, when the stage game has no pure equilibrium.\n"
    "  minmax   the others hold the deviator to its pure minmax, min over their pure profiles\n"
    "           of its best-reply payoff. At least as harsh as any equilibrium, so delta* is no\n"
    "           higher, but punishing for ever may not pay the punishers (a note says when).\n"
    "           Pure only: mixed punishments can be harsher still in some games.\n\n"
    "The profile names every player once as PLAYER=ACTION, separated by commas ('triad solve\n"
    "FILE' or 'triad export FILE' shows the action names).\n\n"
    "Examples:\n"
    "  triad sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate\n"
    "  triad sustain scenarios/examples/prisoners_dilemma.yaml --profile row=cooperate,col=cooperate \\\n"
    "      --punishment minmax --discount 0.4\n"
    "  triad sustain scenarios/baseline.yaml --profile us=-russia/-china,russia=-us/+china,china=-us/+russia\n"
    "  triad sustain scenarios/baseline.yaml --profile us=+russia/+china,russia=+us/+china,china=+us/+russia \\\n"
    "      --set us.discount=0.95 --format json\n"
    "  triad sustain game.nfg --profile Row=Cooperate,Column=Cooperate --format csv -o sustain.csv\n";

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "did you mean 'x'? " (when one is close) followed by the full list of valid names.
std::string name_hint(const std::string& name, const std::vector<std::string>& valid, const std::string& what) {
    std::string hint;
    if (const auto best = closest_name(name, valid)) hint = "did you mean '" + *best + "'? ";
    return hint + what + ": " + join(valid, ", ");
}

// "PLAYER=ACTION,..." naming every player once, as a profile index. Action names may hold
// '/', '+', '-', '~' but never ',' or '=', so splitting on those is unambiguous.
std::size_t parse_profile(const Game& game, const std::string& text) {
    const SourceLocation where{"--profile", 0, 0};
    std::vector<int> actions(game.player_count(), -1);
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        item = trim(item);
        const auto equals = item.find('=');
        if (equals == std::string::npos)
            throw InputError(where, "'" + item + "' is not PLAYER=ACTION",
                             "e.g. --profile " + game.players.front() + "=" + game.actions.front().front() + ",...");
        const std::string player = trim(item.substr(0, equals)), action = trim(item.substr(equals + 1));
        const int i = game.player_index(player);
        if (i < 0) throw InputError(where, "unknown player '" + player + "'", name_hint(player, game.players, "players"));
        if (actions[i] >= 0) throw InputError(where, "player '" + player + "' is named twice");
        const int a = game.action_index(i, action);
        if (a < 0)
            throw InputError(where, "unknown action '" + action + "' of " + player,
                             name_hint(action, game.actions[i], player + "'s actions"));
        actions[i] = a;
    }
    std::vector<std::string> missing;
    for (int i = 0; i < game.player_count(); ++i)
        if (actions[i] < 0) missing.push_back(game.players[i]);
    if (!missing.empty())
        throw InputError(where, "no action given for " + join(missing, ", "),
                         "the profile names every player once (players: " + join(game.players, ", ") + ")");
    return game.space.index(actions);
}

// "%.6g": payoffs short enough for a table; JSON keeps full precision.
std::string brief(double value, const char* format = "%.6g") {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string critical_text(const std::optional<double>& critical) { return critical ? brief(*critical, "%.4g") : "none"; }

// "(defect, defect)": one action per player, in player order.
std::string profile_text(const Game& game, std::size_t profile) {
    std::vector<std::string> names;
    for (int i = 0; i < game.player_count(); ++i) names.push_back(game.actions[i][game.space.action_of(profile, i)]);
    return "(" + join(names, ", ") + ")";
}

struct Report {
    const LoadedGame& loaded;
    Punishment requested;
    SustainResult result;
    std::vector<double> discount;
    std::vector<bool> held;
    bool sustainable = false;
};

std::string punishment_description(Punishment p) {
    return p == Punishment::nash ? "Nash reversion to the deviator's worst pure stage equilibrium"
                                 : "the deviator's pure minmax";
}

std::string verdict(const Game& game, const Report& r) {
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

std::string render_table(const Report& r) {
    const Game& game = r.loaded.game();
    const SustainResult& s = r.result;
    std::ostringstream out;
    out << (game.title.empty() ? r.loaded.path : game.title) << "\n";
    out << "  " << r.loaded.path << "  (content hash " << r.loaded.content_hash << ", triad " << kVersion << ")\n";
    for (const auto& o : r.loaded.overrides) out << "  --set " << o << "\n";
    out << "Grim trigger for the target " << profile_text(game, s.target) << "\n";
    out << "  punishment: " << to_string(s.punishment) << " (" << punishment_description(s.punishment) << ")\n\n";

    const std::vector<std::string> header = {"player", "C", "D", "best deviation", "P", "punishment profile",
                                             "delta*", "discount", "holds"};
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
        out << " ";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool text = c == 0 || c == 3 || c == 5 || c == 8;
            const bool last = c + 1 == row.size();  // unpadded: no trailing blanks
            out << " " << (text ? std::left : std::right) << std::setw(last ? 0 : static_cast<int>(width[c])) << row[c];
        }
        out << std::right << "\n";
    };
    print_row(header);
    for (const auto& row : rows) print_row(row);
    out << "\n" << verdict(game, r) << "\n";
    for (const auto& n : s.notes) out << "  note: " << n << "\n";
    return out.str();
}

std::string render_json(const Report& r) {
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

std::string render_csv(const Report& r) {
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

}  // namespace

int run_sustain(const Args& args) {
    po::options_description options("Options");
    std::string file, profile_text_arg, punishment_text, format_text, output;
    options.add_options()
        ("file", po::value(&file)->required(), "scenario (.yaml) or Gambit game (.nfg)")
        ("profile,p", po::value(&profile_text_arg)->required(), "PLAYER=ACTION,...: the target profile, every player once")
        ("punishment,P", po::value(&punishment_text)->default_value("nash"), "nash or minmax (see above)")
        ("discount,d", po::value<double>(),
         "discount factor in [0, 1) for every player, instead of the scenario's")
        ("format,f", po::value(&format_text)->default_value("table"), "output: table, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_set_option(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "sustain",
                                  "triad sustain FILE --profile PLAYER=ACTION,... [--punishment nash|minmax] "
                                  "[--discount D] [--set PATH=VALUE]... [--format table|json|csv] [-o OUT]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text, "sustain");
    // One discount factor for everyone, when --discount is given.
    const bool discount_given = vm->count("discount") > 0;
    const double discount_all = discount_given ? (*vm)["discount"].as<double>() : 0.0;
    static const std::vector<std::string> punishments = {"nash", "minmax"};
    const auto requested = parse_punishment(punishment_text);
    if (!requested)
        throw UsageError("unknown punishment '" + punishment_text + "'; " + suggest(punishment_text, punishments), "sustain");
    if (discount_given && !(discount_all >= 0.0 && discount_all < 1.0))
        throw InputError({"--discount", 0, 0}, "the discount factor " + format_number(discount_all) +
                                                   " is outside [0, 1)",
                         "a discount factor weighs next period's payoff; 1 or more would never discount");

    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const Game& game = loaded.game();
    const std::size_t target = parse_profile(game, profile_text_arg);

    Report report{loaded, *requested, sustain(game, target, *requested, payoff_tolerance(game)), {}, {}, false};
    for (int i = 0; i < game.player_count(); ++i) {
        const double delta = discount_given ? discount_all : loaded.model ? loaded.model->discount(i) : kDefaultDiscount;
        report.discount.push_back(delta);
        report.held.push_back(holds(report.result, i, delta));
    }
    report.sustainable = sustainable(report.result, report.discount);

    switch (format) {
        case Format::table: emit(render_table(report), output); break;
        case Format::json: emit(render_json(report), output); break;
        case Format::csv: emit(render_csv(report), output); break;
    }
    return 0;
}

}  // namespace triad::cli
