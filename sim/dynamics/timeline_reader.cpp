// Reading a scenario's `timeline:` section (timeline.hpp): dates, updates, learning rules, the
// initial profile, events (parameter sets, stance fixes and releases) and schedules.
#include "triad/dynamics/timeline.hpp"

#include "timeline_detail.hpp"

#include <algorithm>
#include <filesystem>

namespace triad {

namespace {

int player_of(const TreeEntry& entry, const Game& game, std::string_view what) {
    const int i = game.player_index(entry.key);
    if (i < 0) throw InputError(entry.key_where, "unknown player '" + entry.key + "' in " + std::string(what), suggest(entry.key, game.players));
    return i;
}

int player_named(const TreeNode& node, const Game& game, std::string_view what) {
    const std::string name = node.as_string(what);
    const int i = game.player_index(name);
    if (i < 0) throw InputError(node.where, "unknown player '" + name + "' in " + std::string(what), suggest(name, game.players));
    return i;
}

PlayerRule read_rule(const TreeNode& node, std::string_view who) {
    node.expect_map("a learning rule ({rule: NAME, OPTION: VALUE, ...})");
    const TreeNode* name_node = node.find("rule");
    if (!name_node) throw InputError(node.where, "the learning rule of " + std::string(who) + " needs 'rule: NAME'",
                                     "rules: " + [] {
                                         std::string s;
                                         for (const auto& n : builtin_learning_rules().names()) s += (s.empty() ? "" : ", ") + n;
                                         return s;
                                     }());
    const std::string name = name_node->as_string("a learning rule");
    PlayerRule rule;
    rule.spec = builtin_learning_rules().find(name);
    if (!rule.spec) throw InputError(name_node->where, "unknown learning rule '" + name + "'", suggest(name, builtin_learning_rules().names()));
    std::vector<std::string> allowed = {"rule"};
    for (const auto& o : rule.spec->options) {
        allowed.push_back(o.symbol);
        if (o.name != o.symbol) allowed.push_back(o.name);
        rule.options[o.symbol] = o.default_value;
    }
    node.check_keys(allowed, "learning rule '" + name + "'");
    for (const auto& o : rule.spec->options) {
        const TreeNode* v = node.find(o.symbol);
        if (!v && o.name != o.symbol) v = node.find(o.name);
        if (!v) continue;
        const double value = v->as_number(o.symbol);
        if (value < o.lower || value > o.upper)
            throw InputError(v->where, name + "." + o.symbol + " = " + format_number(value) + " is outside [" +
                                           format_number(o.lower) + ", " + format_number(o.upper) + "]");
        rule.options[o.symbol] = value;
    }
    return rule;
}

std::vector<PlayerRule> read_rules(const TreeNode* node, const Game& game) {
    const int n = game.player_count();
    PlayerRule fallback{builtin_learning_rules().find("best_response"), {{"q", 1.0}}};
    std::vector<PlayerRule> rules(n, fallback);
    if (!node) return rules;
    if (node->find("rule")) {
        const PlayerRule all = read_rule(*node, "every player");
        rules.assign(n, all);
    } else {
        node->expect_map("learning ({rule: NAME, ...} for everyone, or default: / PLAYER: rules)");
        if (const TreeNode* d = node->find("default")) rules.assign(n, read_rule(*d, "the default"));
        for (const auto& entry : node->entries) {
            if (entry.key == "default") continue;
            const int i = player_of(entry, game, "learning");
            rules[i] = read_rule(entry.value, entry.key);
        }
    }
    const bool any_joint = std::any_of(rules.begin(), rules.end(), [](const PlayerRule& r) { return r.spec->joint; });
    const bool all_joint = std::all_of(rules.begin(), rules.end(), [](const PlayerRule& r) { return r.spec->joint; });
    if (any_joint && !all_joint)
        throw InputError(node->where, "a joint rule (equilibrium_tracking) chooses the whole profile: give it to every player");
    return rules;
}

std::vector<StanceFix> read_fixes(const TreeNode& node, const Game& game, std::string_view what) {
    // {china: {russia: oppose}}
    node.expect_map(std::string(what) + " (PLAYER: {OTHER: align|hedge|oppose})");
    std::vector<StanceFix> out;
    for (const auto& entry : node.entries) {
        const int i = player_of(entry, game, what);
        entry.value.expect_map(std::string(what) + " of " + entry.key);
        for (const auto& inner : entry.value.entries) {
            const int j = player_of(inner, game, what);
            if (j == i) throw InputError(inner.key_where, "a stance toward oneself cannot be fixed");
            const std::string text = inner.value.as_string("a stance");
            const auto stance = parse_stance(text);
            if (!stance) {
                static const std::vector<std::string> words = {"align", "hedge", "oppose"};
                throw InputError(inner.value.where, "unknown stance '" + text + "'", suggest(text, words));
            }
            out.push_back({i, j, *stance});
        }
    }
    return out;
}

std::vector<std::pair<int, int>> read_releases(const TreeNode& node, const Game& game) {
    // {china: [russia]} or {china: russia}
    node.expect_map("release (PLAYER: [OTHER, ...])");
    std::vector<std::pair<int, int>> out;
    for (const auto& entry : node.entries) {
        const int i = player_of(entry, game, "release");
        if (entry.value.is_sequence()) {
            for (const auto& item : entry.value.items) out.emplace_back(i, player_named(item, game, "release"));
        } else {
            out.emplace_back(i, player_named(entry.value, game, "release"));
        }
    }
    return out;
}

double read_date(const TreeNode& node, std::string_view what) { return node.as_number(what); }

}  // namespace

namespace detail {

// Allowed actions of every player under the fixes in force.
std::vector<std::vector<char>> allowed_actions(const Game& game, const std::vector<StanceFix>& fixes,
                                               const SourceLocation& where) {
    std::vector<std::vector<char>> allowed(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) {
        allowed[i].assign(game.space.actions(i), 1);
        for (const auto& f : fixes) {
            if (f.player != i) continue;
            for (int a = 0; a < game.space.actions(i); ++a)
                if (game.stance(i, a, f.toward) != f.stance) allowed[i][a] = 0;
        }
        if (std::none_of(allowed[i].begin(), allowed[i].end(), [](char c) { return c != 0; }))
            throw InputError(where, "the stances fixed for " + game.players[i] + " leave it no action");
    }
    return allowed;
}

}  // namespace detail

using detail::allowed_actions;

namespace {

// `start`, `end` and `step`, and the period count they give.
void read_dates(const TreeNode& node, Timeline& t) {
    const TreeNode* start = node.find("start");
    const TreeNode* end = node.find("end");
    if (!start || !end) throw InputError(node.where, "a timeline needs 'start' and 'end' (e.g. years)");
    t.start = start->as_number("timeline start");
    t.end = end->as_number("timeline end");
    if (t.end < t.start)
        throw InputError(end->where, "the timeline ends (" + format_number(t.end) + ") before it starts (" +
                                         format_number(t.start) + ")");
    if (const TreeNode* step = node.find("step")) {
        t.step = step->as_number("timeline step");
        if (t.step <= 0.0) throw InputError(step->where, "the timeline step must be positive");
    }
    if (const double count = t.period_count(); !(count <= static_cast<double>(kMaxPeriods)))
        throw InputError(node.where, "the timeline has " + format_number(count) + " periods; at most " +
                                         std::to_string(kMaxPeriods),
                         "take a larger step or a shorter span");
}

// `min_hold`, `seed`, `runs` and `updates`.
void read_run_settings(const TreeNode& node, Timeline& t) {
    if (const TreeNode* h = node.find("min_hold")) {
        const long long v = h->as_integer("min_hold");
        if (v < 1) throw InputError(h->where, "min_hold must be at least 1 period");
        t.min_hold = static_cast<int>(v);
    }
    if (const TreeNode* s = node.find("seed")) {
        const long long v = s->as_integer("seed");
        if (v < 0) throw InputError(s->where, "the seed must be a non-negative whole number");
        t.seed = static_cast<std::uint64_t>(v);
    }
    if (const TreeNode* r = node.find("runs")) {
        const long long v = r->as_integer("runs");
        if (v < 1 || v > 1000000) throw InputError(r->where, "runs must be between 1 and 1000000");
        t.runs = static_cast<int>(v);
    }
    if (const TreeNode* u = node.find("updates")) {
        static const std::vector<std::string> choices = {"sequential", "simultaneous"};
        const std::string text = u->as_string("updates");
        if (std::find(choices.begin(), choices.end(), text) == choices.end())
            throw InputError(u->where, "unknown updates '" + text + "'", suggest(text, choices));
        t.sequential = text == "sequential";
    }
}

// `initial:`: an action for every player.
std::vector<int> read_initial(const TreeNode& init, const Game& game) {
    init.expect_map("initial (PLAYER: ACTION for every player)");
    std::vector<int> actions(game.player_count(), -1);
    for (const auto& entry : init.entries) {
        const int i = player_of(entry, game, "initial");
        const std::string name = entry.value.as_string("an action");
        const int a = game.action_index(i, name);
        if (a < 0) throw InputError(entry.value.where, "unknown action '" + name + "' of " + entry.key, suggest(name, game.actions[i]));
        actions[i] = a;
    }
    for (int i = 0; i < game.player_count(); ++i)
        if (actions[i] < 0) throw InputError(init.where, "initial names no action for " + game.players[i]);
    return actions;
}

// A parameter an event sets, kept to refuse events that set a scheduled parameter.
struct EventSet {
    std::size_t entry;
    std::string path, event;
    SourceLocation where;
};

// One item of `events:`: its date (inside the timeline), name, parameter sets, fixes and releases.
TimelineEvent read_event(const TreeNode& item, const StageModel& model, const Timeline& t, std::vector<EventSet>& event_sets) {
    item.expect_map("an event");
    static const std::vector<std::string> event_keys = {"name", "at", "set", "fix", "release", "note"};
    item.check_keys(event_keys, "an event");
    TimelineEvent e;
    e.where = item.where;
    const TreeNode* at = item.find("at");
    if (!at) throw InputError(item.where, "an event needs 'at: DATE'");
    e.at = read_date(*at, "the event's date");
    e.name = item.find("name") ? item.find("name")->as_string("the event's name") : "event at " + format_number(e.at);
    if (e.at < t.start || e.at > t.end)
        throw InputError(at->where, "event '" + e.name + "' at " + format_number(e.at) + " lies outside the timeline " +
                                        format_number(t.start) + "-" + format_number(t.end));
    if (const TreeNode* set = item.find("set")) {
        set->expect_map("set (PATH: VALUE)");
        for (const auto& s : set->entries) {
            const double v = s.value.as_number(s.key);
            for (std::size_t entry : model.parameters().resolve(s.key, s.key_where)) {
                model.parameters().check_value(entry, v, s.value.where);
                e.sets.emplace_back(entry, v);
                event_sets.push_back({entry, s.key, e.name, s.key_where});
            }
        }
    }
    if (const TreeNode* fix = item.find("fix")) e.fix = read_fixes(*fix, model.game(), "fix");
    if (const TreeNode* release = item.find("release")) e.release = read_releases(*release, model.game());
    return e;
}

// `events:` in date order, with every event's date by name (for step schedules).
void read_events(const TreeNode& events, const StageModel& model, Timeline& t, std::map<std::string, double>& event_dates,
                 std::vector<EventSet>& event_sets) {
    events.expect_sequence("events (a list of {name, at, set, fix, release})");
    for (const auto& item : events.items) {
        TimelineEvent e = read_event(item, model, t, event_sets);
        if (event_dates.count(e.name)) throw InputError(item.where, "two events are named '" + e.name + "'");
        event_dates[e.name] = e.at;
        t.events.push_back(std::move(e));
    }
    std::stable_sort(t.events.begin(), t.events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
}

// `schedules:`, each checked in every period and against the parameters events set.
void read_schedules(const TreeNode& schedules, const StageModel& model, Timeline& t,
                    const std::map<std::string, double>& event_dates, const std::vector<EventSet>& event_sets) {
    schedules.expect_map("schedules (PATH: SCHEDULE)");
    schedules.check_unique_keys("schedules");
    const std::string folder = std::filesystem::path(schedules.where.file).parent_path().string();
    for (const auto& entry : schedules.entries) {
        ScheduledParameter s{parse_schedule(entry.key, entry.value, folder, event_dates),
                             model.parameters().resolve(entry.key, entry.key_where)};
        // Check every period's value now, so a series out of range fails before any run.
        for (int k = 0; k < t.periods(); ++k) {
            const double v = s.schedule.value_at(t.time_of(k));
            for (std::size_t e : s.entries) model.parameters().check_value(e, v, entry.value.where);
        }
        // Schedules are applied every period, before events: an event setting a scheduled
        // parameter would last one period and then be silently overwritten.
        for (const auto& set : event_sets)
            if (std::find(s.entries.begin(), s.entries.end(), set.entry) != s.entries.end())
                throw InputError(set.where,
                                 "event '" + set.event + "' sets " + set.path + ", which the schedule for " + entry.key +
                                     " (line " + std::to_string(entry.key_where.line) + ") drives every period",
                                 "give the schedule a step at the event instead: {steps: {" + set.event + ": VALUE}}");
        t.schedules.push_back(std::move(s));
    }
}

// A fix in force from the first period that contradicts the `initial:` action is an input error:
// one of the two would be silently ignored.
void check_initial_against_fixes(const Timeline& t, const Game& game, const TreeNode& init) {
    if (!t.initial) return;
    for (const TimelineEvent& e : t.events) {
        if (std::abs(e.at - t.start) > 1e-9 * std::max(1.0, t.step)) continue;
        for (const StanceFix& f : e.fix) {
            const int action = (*t.initial)[f.player];
            const Stance given = game.stance(f.player, action, f.toward);
            if (given == f.stance) continue;
            throw InputError(e.where, "event '" + e.name + "' fixes " + game.players[f.player] + "'s stance toward " +
                                          game.players[f.toward] + " to " + std::string(to_string(f.stance)) +
                                          " from the first period, but initial: (line " + std::to_string(init.where.line) +
                                          ") gives " + game.players[f.player] + " " + game.actions[f.player][action] +
                                          ", which is " + std::string(to_string(given)) + " toward " + game.players[f.toward],
                             "give " + game.players[f.player] + " an initial action that agrees with the fix, or date the event after " +
                                 format_number(t.start));
        }
    }
}

// A fix that leaves a player no action is an input error, found now rather than in a run.
void check_fixes(const Timeline& t, const Game& game) {
    std::vector<StanceFix> fixes;
    for (const auto& e : t.events) {
        for (const auto& f : e.fix) fixes.push_back(f);
        for (const auto& released : e.release)  // not a structured binding: lambdas capture it (clang 14)
            fixes.erase(std::remove_if(fixes.begin(), fixes.end(),
                                       [&](const StanceFix& f) { return f.player == released.first && f.toward == released.second; }),
                        fixes.end());
        (void)allowed_actions(game, fixes, e.where);
    }
}

}  // namespace

Timeline read_timeline(const StageModel& model) {
    const Scenario& scenario = model.scenario();
    const Game& game = model.game();
    const TreeNode* node = scenario.document.find("timeline");
    if (!node) throw InputError(scenario.document.where, "the scenario has no 'timeline:' section",
                                "add e.g. timeline: {start: 2020, end: 2040} (see scenarios/README.md)");
    node->expect_map("timeline (start, end, step, ...)");
    static const std::vector<std::string> keys = {"start", "end", "step", "min_hold", "seed", "runs", "updates",
                                                  "learning", "initial", "schedules", "events"};
    node->check_keys(keys, "timeline");
    Timeline t;
    read_dates(*node, t);
    read_run_settings(*node, t);
    t.rules = read_rules(node->find("learning"), game);
    if (const TreeNode* init = node->find("initial")) t.initial = read_initial(*init, game);
    // Events first: step schedules may refer to them by name.
    std::map<std::string, double> event_dates;
    std::vector<EventSet> event_sets;  // to refuse events that set a scheduled parameter
    if (const TreeNode* events = node->find("events")) read_events(*events, model, t, event_dates, event_sets);
    if (const TreeNode* schedules = node->find("schedules")) read_schedules(*schedules, model, t, event_dates, event_sets);
    check_fixes(t, game);
    if (const TreeNode* init = node->find("initial")) check_initial_against_fixes(t, game, *init);
    return t;
}

}  // namespace triad
