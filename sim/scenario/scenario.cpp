#include "triad/scenario/scenario.hpp"

#include "triad/scenario/input_file.hpp"
#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unordered_set>

namespace triad {

namespace fs = std::filesystem;

const std::vector<std::string>& scenario_keys() {
    static const std::vector<std::string> keys = {"triad", "title", "description", "sources", "extends",
                                                  "players", "drivers", "crises", "selection", "timeline", "sweep",
                                                  "predictions", "uncertainty"};
    return keys;
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t state) {
    for (unsigned char c : bytes) {
        state ^= c;
        state *= 0x100000001b3ULL;
    }
    return state;
}

std::string hex16(std::uint64_t value) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

int Scenario::player_index(std::string_view name) const {
    for (std::size_t i = 0; i < players.size(); ++i)
        if (players[i].name == name) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> Scenario::player_names() const {
    std::vector<std::string> names;
    for (const auto& p : players) names.push_back(p.name);
    return names;
}

namespace {

// Names become parts of dotted paths and of CSV cells: keep them plain.
void check_name(const std::string& name, const SourceLocation& where, std::string_view what) {
    const bool ok = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                    std::all_of(name.begin(), name.end(), [](unsigned char c) {
                        return std::isalnum(c) || c == '_' || c == '-';
                    });
    if (!ok)
        throw InputError(where, "'" + name + "' is not a valid " + std::string(what) +
                                    " name: use letters, digits, '_' or '-', starting with a letter or '_'");
}

void check_unique_keys_everywhere(const TreeNode& node) {
    if (node.is_map()) {
        node.check_unique_keys("this map");
        for (const auto& entry : node.entries) check_unique_keys_everywhere(entry.value);
    } else if (node.is_sequence()) {
        for (const auto& item : node.items) check_unique_keys_everywhere(item);
    }
}

struct Loaded {
    TreeNode document;
    std::vector<std::string> files;
    std::string bytes;
};

// One file of an extends chain, parsed and checked on its own.
struct ChainLink {
    TreeNode document;
    std::string file;
    std::string text;
};

ChainLink parse_link(std::string text, const std::string& filename, bool extended) {
    TreeNode overlay = parse_yaml(text, filename);
    if (overlay.is_null())
        throw InputError({filename, 1, 1}, text.empty() ? "the scenario file is empty (0 bytes)"
                                                        : "the scenario file holds nothing but blank lines or comments");
    // A file reached by extends is not quoted: it may not be a scenario at all.
    if (extended && !overlay.is_map())
        throw InputError({filename, 1, 1}, "is not a scenario: its top level is " +
                                               std::string(overlay.is_sequence() ? "a list" : "text") +
                                               ", where a map of sections (players:, drivers:, ...) belongs");
    overlay.expect_map("a scenario (its top level)");
    check_unique_keys_everywhere(overlay);
    overlay.check_keys(scenario_keys(), "the scenario's top level");
    return {std::move(overlay), filename, std::move(text)};
}

// The file an `extends:` names, checked: it exists, it is inside the readable folders, and it
// is not already in the chain. Returns its path and canonical form.
std::pair<std::string, std::string> extended_file(const TreeNode& extends, const std::string& filename,
                                                  const std::vector<std::string>& chain) {
    const std::string relative = extends.as_string("extends (a scenario file to build on)");
    const fs::path base_dir = fs::path(filename).parent_path();
    const std::string base_path = (base_dir / relative).lexically_normal().string();
    check_readable_place(base_path, extends.where, "extends");
    std::error_code error;
    if (!fs::exists(base_path, error))
        throw InputError(extends.where, "extends names '" + relative + "', but there is no file " + base_path);
    const std::string canonical = fs::weakly_canonical(base_path, error).string();
    if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
        std::string cycle;
        for (const auto& file : chain) cycle += file + " -> ";
        throw InputError(extends.where, "extends '" + relative + "' makes a cycle: a scenario cannot build on itself (" +
                                            cycle + canonical + ")");
    }
    const int limit = input_policy().limits.max_extends;
    if (static_cast<int>(chain.size()) >= limit)
        throw InputError(extends.where, "the extends chain is longer than " + std::to_string(limit) + " files (from " +
                                            chain.front() + " through " + chain.back() + ")",
                         "a scenario builds on a few files; look for a generated or runaway chain");
    return {base_path, canonical};
}

// An overlay's uncertainty entry replaces the base's whole: a distribution is one kind with
// its numbers, and merging {triangular: ...} into {normal: ...} would give both.
void replace_uncertainty_entries(TreeNode& base, const TreeNode& overlay) {
    if (const TreeNode* mine = overlay.find("uncertainty"); mine && mine->is_map())
        if (TreeNode* theirs = base.find("uncertainty"); theirs && theirs->is_map())
            for (const auto& entry : mine->entries)
                if (TreeNode* old = theirs->find(entry.key)) *old = entry.value;
}

// A parameter value given as a map over one given as a number: the map names some players (or
// pairs, or roles); the others keep the number, which the merged map carries under "*" (every
// entry the map does not name). Without this the unnamed entries would fall to the parameter's
// default (issue 13: a per-player map in an extending file set the other players to 0).
void keep_numbers_under_maps(const TreeNode& base, TreeNode& overlay) {
    if (!overlay.is_map()) return;
    if (base.is_scalar()) {
        if (!overlay.find(kEveryOtherKey)) overlay.entries.insert(overlay.entries.begin(), TreeEntry{kEveryOtherKey, base.where, base});
        return;
    }
    if (!base.is_map()) return;
    for (auto& entry : overlay.entries)
        if (const TreeNode* old = base.find(entry.key)) keep_numbers_under_maps(*old, entry.value);
}

void keep_driver_numbers(const TreeNode& base, TreeNode& overlay) {
    const TreeNode* theirs = base.find("drivers");
    TreeNode* mine = overlay.find("drivers");
    if (!theirs || !mine || !theirs->is_map() || !mine->is_map()) return;
    for (auto& driver : mine->entries) {
        const TreeNode* old = theirs->find(driver.key);
        if (!old || !old->is_map() || !driver.value.is_map()) continue;
        for (auto& parameter : driver.value.entries)
            if (const TreeNode* value = old->find(parameter.key)) keep_numbers_under_maps(*value, parameter.value);
    }
}

// Follows `extends:` from the named file down to the first base, one file at a time (a loop,
// not recursion: a chain's length is bounded by a limit, not by the stack), then merges from
// the base up.
Loaded load_with_extends(std::string_view text, const std::string& filename, std::vector<std::string> chain) {
    std::vector<ChainLink> links;
    links.push_back(parse_link(std::string(text), filename, false));
    while (const TreeNode* extends = links.back().document.find("extends")) {
        const auto [path, canonical] = extended_file(*extends, links.back().file, chain);
        chain.push_back(canonical);
        links.push_back(parse_link(read_input_file(path, extends->where), path, true));
    }
    Loaded out;
    out.document = std::move(links.back().document);
    for (auto link = links.rbegin(); link != links.rend(); ++link) {
        if (link != links.rbegin()) {
            replace_uncertainty_entries(out.document, link->document);
            keep_driver_numbers(out.document, link->document);
            out.document = merge_trees(std::move(out.document), link->document);
        }
        out.files.push_back(link->file);
        out.bytes += link->text;
    }
    return out;
}

std::string render_source(const TreeNode& node) {
    if (node.is_scalar()) return node.scalar;
    node.expect_map("a source (text, or a map with author, title, venue, year, url)");
    static const std::vector<std::string> keys = {"author", "title", "venue", "year", "url", "note"};
    node.check_keys(keys, "a source");
    std::string out;
    for (const auto& key : keys) {
        if (const TreeNode* v = node.find(key)) {
            if (!out.empty()) out += ", ";
            if (key == "year") {
                // A year of publication: a whole number in a plausible range, not .nan or -3.
                const long long year = v->as_integer("the year of a source");
                if (year < 1000 || year > 2200)
                    throw InputError(v->where, "the year of a source must be between 1000 and 2200, not " +
                                                   std::to_string(year));
                out += std::to_string(year);
                continue;
            }
            out += key == "title" ? "\"" + v->as_string(key) + "\"" : v->as_string(key);
        }
    }
    return out;
}

// `sets: {PATH: VALUE, ...}`: the paths are resolved by the StageModel (scenario/actions.hpp).
std::vector<PolicySetting> parse_sets(const TreeNode& node, const std::string& owner) {
    node.expect_map("the values " + owner + " sets while it is played (PATH: VALUE)");
    std::vector<PolicySetting> sets;
    for (const auto& e : node.entries) sets.push_back({e.key, e.value.as_number("a value of " + e.key), e.value.where});
    if (sets.empty()) throw InputError(node.where, owner + " sets nothing");
    return sets;
}

ActionDecl parse_action(const TreeEntry& entry, int self, const std::vector<std::string>& names) {
    ActionDecl action;
    action.name = entry.key;
    action.where = entry.key_where;
    check_name(action.name, action.where, "action");
    action.stances.assign(names.size(), Stance::hedge);
    const TreeNode& body = entry.value;
    if (body.is_null()) return action;  // a plain action without stances (table games)
    body.expect_map("the stances of action '" + action.name +
                    "' (player: align | hedge | oppose)");
    for (const auto& stance_entry : body.entries) {
        if (stance_entry.key == "sets") {
            action.sets = parse_sets(stance_entry.value, "action '" + action.name + "'");
            continue;
        }
        const auto found = std::find(names.begin(), names.end(), stance_entry.key);
        if (found == names.end())
            throw InputError(stance_entry.key_where,
                             "action '" + action.name + "' takes a stance toward unknown player '" +
                                 stance_entry.key + "'",
                             suggest(stance_entry.key, names));
        const int toward = static_cast<int>(found - names.begin());
        if (toward == self)
            throw InputError(stance_entry.key_where,
                             "action '" + action.name + "' of " + names[self] +
                                 " takes a stance toward itself; stances are toward other players");
        const std::string text = stance_entry.value.as_string("a stance");
        const auto stance = parse_stance(text);
        if (!stance) {
            static const std::vector<std::string> stance_words = {"align", "hedge", "oppose"};
            throw InputError(stance_entry.value.where, "unknown stance '" + text + "'",
                             suggest(text, stance_words) + " (or +1, 0, -1)");
        }
        action.stances[toward] = *stance;
        action.declares_stances = true;
    }
    return action;
}

// `policies: {NAME: {sets: {PATH: VALUE}, with: {PLAYER: STANCE}}}`.
std::vector<PolicyDecl> parse_policies(const TreeNode& node, int self, const std::vector<std::string>& names) {
    node.expect_map("the policies of " + names[self] + " (NAME: {sets: {PATH: VALUE}, with: {PLAYER: STANCE}})");
    std::vector<PolicyDecl> out;
    for (const auto& entry : node.entries) {
        PolicyDecl policy;
        policy.name = entry.key;
        policy.where = entry.key_where;
        check_name(policy.name, policy.where, "policy");
        entry.value.expect_map("policy '" + policy.name + "' (sets, with)");
        static const std::vector<std::string> keys = {"sets", "with"};
        entry.value.check_keys(keys, "policy '" + policy.name + "'");
        const TreeNode* sets = entry.value.find("sets");
        if (!sets) throw InputError(entry.value.where, "policy '" + policy.name + "' needs 'sets' (PATH: VALUE)");
        policy.sets = parse_sets(*sets, "policy '" + policy.name + "'");
        for (PolicySetting& s : policy.sets) s.policy = policy.name;
        if (const TreeNode* with = entry.value.find("with")) {
            with->expect_map("with (PLAYER: STANCE: the stances the policy goes with)");
            for (const auto& w : with->entries) {
                const auto found = std::find(names.begin(), names.end(), w.key);
                if (found == names.end() || static_cast<int>(found - names.begin()) == self)
                    throw InputError(w.key_where, "'" + w.key + "' is not another player", suggest(w.key, names));
                const auto stance = parse_stance(w.value.as_string("a stance"));
                if (!stance) throw InputError(w.value.where, "unknown stance '" + w.value.scalar + "' (align, hedge or oppose)");
                policy.with.emplace_back(static_cast<int>(found - names.begin()), *stance);
            }
        }
        out.push_back(std::move(policy));
    }
    return out;
}

// The players' names, in order: each a valid name and none a reserved word.
std::vector<std::string> player_names(const TreeNode& node) {
    std::vector<std::string> names;
    for (const auto& entry : node.entries) {
        check_name(entry.key, entry.key_where, "player");
        static const std::vector<std::string> reserved = {"players", "drivers", "selection",
                                                          "timeline", "memory", "sets"};
        if (std::find(reserved.begin(), reserved.end(), entry.key) != reserved.end())
            throw InputError(entry.key_where, "'" + entry.key + "' is reserved; pick another player name");
        names.push_back(entry.key);
    }
    return names;
}

// Player `self`'s `actions:`: a list of plain names (actions without stances) or a map from
// action name to its stances; not empty, and no name twice.
std::vector<ActionDecl> parse_player_actions(const TreeNode& actions, int self, const std::vector<std::string>& names) {
    const std::string& player = names[static_cast<std::size_t>(self)];
    std::vector<ActionDecl> out;
    if (actions.is_sequence()) {
        // A list of plain names: actions without stances.
        for (const auto& item : actions.items) {
            TreeEntry as_entry{item.as_string("an action name"), item.where, TreeNode{}};
            out.push_back(parse_action(as_entry, self, names));
        }
    } else {
        actions.expect_map("the actions of " + player +
                           " (a map from action name to its stances)");
        for (const auto& action_entry : actions.entries)
            out.push_back(parse_action(action_entry, self, names));
    }
    if (out.empty())
        throw InputError(actions.where, player + " has an empty action list");
    std::unordered_set<std::string_view> seen;  // linear: a player may have 10^5 actions
    for (const ActionDecl& action : out)
        if (!seen.insert(action.name).second)
            throw InputError(action.where, "action '" + action.name + "' of " + player + " is named twice");
    return out;
}

// A player's power: positive, since it enters ratios and logarithms.
void parse_power(const TreeNode& power, PlayerDecl& player) {
    player.power = power.as_number("the power of " + player.name);
    player.power_where = power.where;
    if (player.power <= 0.0)
        throw InputError(power.where, "the power of " + player.name +
                                           " must be positive (it enters ratios and logarithms)");
}

// Player `self` of `players:`: its power, discount factor, actions and policies.
PlayerDecl parse_player(const TreeEntry& entry, int self, const std::vector<std::string>& names) {
    PlayerDecl player;
    player.name = entry.key;
    player.where = entry.key_where;
    player.power_where = entry.key_where;
    player.discount_where = entry.key_where;
    const TreeNode& body = entry.value;
    if (body.is_null()) return player;
    body.expect_map("player '" + player.name + "' (keys: power, discount, actions, policies)");
    static const std::vector<std::string> keys = {"power", "discount", "actions", "policies"};
    body.check_keys(keys, "player '" + player.name + "'");
    if (const TreeNode* power = body.find("power")) parse_power(*power, player);
    if (const TreeNode* discount = body.find("discount")) {
        player.discount = discount->as_number("the discount factor of " + player.name);
        player.discount_where = discount->where;
    }
    if (const TreeNode* actions = body.find("actions")) player.actions = parse_player_actions(*actions, self, names);
    if (const TreeNode* policies = body.find("policies")) player.policies = parse_policies(*policies, self, names);
    return player;
}

void parse_players(const TreeNode& node, Scenario& scenario) {
    node.expect_map("players (a map from each player's name to its settings)");
    if (node.entries.empty()) throw InputError(node.where, "a scenario needs at least one player");
    const std::vector<std::string> names = player_names(node);
    for (std::size_t i = 0; i < node.entries.size(); ++i)
        scenario.players.push_back(parse_player(node.entries[i], static_cast<int>(i), names));
}

// The profile space must fit in memory: every action with its policy twins and, for a crisis's
// backers, each backing choice.
void check_profile_space(const Scenario& scenario, const SourceLocation& where) {
    // Counted in floating point: 3^(N-1) default actions overflow an int from 21 players on,
    // and the product of the counts long before that.
    std::vector<double> counts;
    double total = 1;
    for (std::size_t i = 0; i < scenario.players.size(); ++i) {
        const PlayerDecl& p = scenario.players[i];
        double count = static_cast<double>(p.actions.size());
        if (count == 0) count = std::pow(3.0, static_cast<double>(scenario.players.size() - 1));
        count *= 1.0 + static_cast<double>(p.policies.size());  // at most: every action has its twins
        for (const CrisisDecl& c : scenario.crises)
            if (std::find(c.backers.begin(), c.backers.end(), static_cast<int>(i)) != c.backers.end()) count *= 3;
        counts.push_back(count);
        total *= count;
    }
    if (!(total <= static_cast<double>(kMaxProfiles))) {
        std::string shape;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            if (i == 8 && counts.size() > 10) {
                shape += " x ... (" + std::to_string(counts.size()) + " players)";
                break;
            }
            shape += (shape.empty() ? "" : " x ") + format_number(counts[i]);
        }
        char amount[64];
        std::snprintf(amount, sizeof amount, "%.3g", total);
        throw InputError(where,
                         "the game has " + std::string(amount) + " pure profiles (" + shape +
                             " actions), more than triad holds (" + std::to_string(kMaxProfiles) + ")",
                         "give players named actions (actions: under each player) so that the "
                         "product of their action counts stays below the limit");
    }
}

void parse_drivers(const TreeNode& node, Scenario& scenario) {
    if (node.is_null()) return;
    node.expect_map("drivers (a map from driver name to its parameters)");
    for (const auto& entry : node.entries) {
        DriverDecl driver;
        driver.name = entry.key;
        driver.where = entry.key_where;
        check_name(driver.name, driver.where, "driver");
        driver.type = driver.name;
        if (const TreeNode* type = entry.value.find("type"))
            driver.type = type->as_string("the driver type");
        if (!entry.value.is_null() && !entry.value.is_map())
            entry.value.expect_map("driver '" + driver.name + "' (its parameters)");
        if (scenario.player_index(driver.name) >= 0)
            throw InputError(driver.where, "driver '" + driver.name +
                                               "' has the name of a player; parameter paths would be ambiguous");
        driver.node = entry.value;
        scenario.drivers.push_back(std::move(driver));
    }
}

Scenario build_scenario(Loaded loaded, const std::string& path) {
    Scenario scenario;
    scenario.path = path;
    scenario.files = std::move(loaded.files);
    scenario.content_hash = hex16(fnv1a64(loaded.bytes));
    scenario.document = std::move(loaded.document);
    const TreeNode& doc = scenario.document;

    if (const TreeNode* version = doc.find("triad")) {
        const long long v = version->as_integer("the format version (triad: 1)");
        if (v != 1)
            throw InputError(version->where, "this program reads scenario format 1, not " +
                                                 std::to_string(v));
    }
    if (const TreeNode* title = doc.find("title")) scenario.title = title->as_string("the title");
    if (const TreeNode* description = doc.find("description"))
        scenario.description = description->as_string("the description");
    if (const TreeNode* sources = doc.find("sources")) {
        sources->expect_sequence("sources (a list of cited works)");
        for (const auto& item : sources->items) scenario.sources.push_back(render_source(item));
    }
    const TreeNode* players = doc.find("players");
    if (!players)
        throw InputError(doc.where, "the scenario has no 'players' section",
                         "add e.g. players: {us: {power: 27}, russia: {power: 2}, china: {power: 18}}");
    parse_players(*players, scenario);
    if (const TreeNode* crises = doc.find("crises")) scenario.crises = parse_crises(*crises, scenario.player_names());
    check_profile_space(scenario, players->where);
    if (const TreeNode* drivers = doc.find("drivers")) parse_drivers(*drivers, scenario);
    return scenario;
}

}  // namespace

Scenario parse_scenario(std::string_view text, const std::string& filename) {
    std::vector<std::string> chain;
    if (!filename.empty()) chain.push_back(fs::weakly_canonical(fs::absolute(filename)).string());
    return build_scenario(load_with_extends(text, filename, chain), filename);
}

Scenario load_scenario(const std::string& path) {
    const std::string text = read_input_file(path);
    return build_scenario(load_with_extends(text, path, {fs::weakly_canonical(path).string()}), path);
}

}  // namespace triad
