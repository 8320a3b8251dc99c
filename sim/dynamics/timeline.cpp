#include "triad/dynamics/timeline.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/dynamics/sustain.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace triad {

int Timeline::periods() const { return static_cast<int>(std::floor((end - start) / step + 1e-9)) + 1; }

bool Timeline::stochastic() const {
    for (const auto& r : rules)
        if (r.spec->stochastic && !(r.spec->name == "best_response" && r.options.at("q") >= 1.0)) return true;
    return false;
}

std::uint64_t run_seed(std::uint64_t seed, int run) {
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(run + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::string alignment_label(const Game& game, int alignment) {
    return alignment < 0 ? std::string("balanced") : game.players[alignment];
}

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
    const TreeNode* start = node->find("start");
    const TreeNode* end = node->find("end");
    if (!start || !end) throw InputError(node->where, "a timeline needs 'start' and 'end' (e.g. years)");
    t.start = start->as_number("timeline start");
    t.end = end->as_number("timeline end");
    if (t.end < t.start)
        throw InputError(end->where, "the timeline ends (" + format_number(t.end) + ") before it starts (" +
                                         format_number(t.start) + ")");
    if (const TreeNode* step = node->find("step")) {
        t.step = step->as_number("timeline step");
        if (t.step <= 0.0) throw InputError(step->where, "the timeline step must be positive");
    }
    if (t.periods() > 100000) throw InputError(node->where, "the timeline has " + std::to_string(t.periods()) + " periods; at most 100000");
    if (const TreeNode* h = node->find("min_hold")) {
        const long long v = h->as_integer("min_hold");
        if (v < 1) throw InputError(h->where, "min_hold must be at least 1 period");
        t.min_hold = static_cast<int>(v);
    }
    if (const TreeNode* s = node->find("seed")) {
        const long long v = s->as_integer("seed");
        if (v < 0) throw InputError(s->where, "the seed must be a non-negative whole number");
        t.seed = static_cast<std::uint64_t>(v);
    }
    if (const TreeNode* r = node->find("runs")) {
        const long long v = r->as_integer("runs");
        if (v < 1 || v > 1000000) throw InputError(r->where, "runs must be between 1 and 1000000");
        t.runs = static_cast<int>(v);
    }
    if (const TreeNode* u = node->find("updates")) {
        static const std::vector<std::string> choices = {"sequential", "simultaneous"};
        const std::string text = u->as_string("updates");
        if (std::find(choices.begin(), choices.end(), text) == choices.end())
            throw InputError(u->where, "unknown updates '" + text + "'", suggest(text, choices));
        t.sequential = text == "sequential";
    }
    t.rules = read_rules(node->find("learning"), game);
    if (const TreeNode* init = node->find("initial")) {
        init->expect_map("initial (PLAYER: ACTION for every player)");
        std::vector<int> actions(game.player_count(), -1);
        for (const auto& entry : init->entries) {
            const int i = player_of(entry, game, "initial");
            const std::string name = entry.value.as_string("an action");
            const int a = game.action_index(i, name);
            if (a < 0) throw InputError(entry.value.where, "unknown action '" + name + "' of " + entry.key, suggest(name, game.actions[i]));
            actions[i] = a;
        }
        for (int i = 0; i < game.player_count(); ++i)
            if (actions[i] < 0) throw InputError(init->where, "initial names no action for " + game.players[i]);
        t.initial = actions;
    }

    // Events first: step schedules may refer to them by name.
    std::map<std::string, double> event_dates;
    struct EventSet {
        std::size_t entry;
        std::string path, event;
        SourceLocation where;
    };
    std::vector<EventSet> event_sets;  // to refuse events that set a scheduled parameter
    if (const TreeNode* events = node->find("events")) {
        events->expect_sequence("events (a list of {name, at, set, fix, release})");
        for (const auto& item : events->items) {
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
            if (const TreeNode* fix = item.find("fix")) e.fix = read_fixes(*fix, game, "fix");
            if (const TreeNode* release = item.find("release")) e.release = read_releases(*release, game);
            if (event_dates.count(e.name)) throw InputError(item.where, "two events are named '" + e.name + "'");
            event_dates[e.name] = e.at;
            t.events.push_back(std::move(e));
        }
        std::stable_sort(t.events.begin(), t.events.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
    }
    if (const TreeNode* schedules = node->find("schedules")) {
        schedules->expect_map("schedules (PATH: SCHEDULE)");
        schedules->check_unique_keys("schedules");
        const std::string folder = std::filesystem::path(schedules->where.file).parent_path().string();
        for (const auto& entry : schedules->entries) {
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
    // A fix that leaves a player no action is an input error, found now.
    std::vector<StanceFix> fixes;
    for (const auto& e : t.events) {
        for (const auto& f : e.fix) fixes.push_back(f);
        for (const auto& [i, j] : e.release)
            fixes.erase(std::remove_if(fixes.begin(), fixes.end(), [&](const StanceFix& f) { return f.player == i && f.toward == j; }),
                        fixes.end());
        (void)allowed_actions(game, fixes, e.where);
    }
    return t;
}

std::vector<ShiftEvent> detect_shifts(const std::vector<std::string>& labels, int min_hold, const std::string& what) {
    std::vector<ShiftEvent> shifts;
    if (labels.empty()) return shifts;
    std::string established = labels.front();
    std::size_t k = 1;
    while (k < labels.size()) {
        if (labels[k] == established) {
            ++k;
            continue;
        }
        // A new label starts at k; how long does it hold?
        std::size_t run = k;
        while (run < labels.size() && labels[run] == labels[k]) ++run;
        const int held = static_cast<int>(run - k);
        const bool to_end = run == labels.size();
        if (held >= min_hold || to_end) {
            ShiftEvent s;
            s.period = static_cast<int>(k);
            s.what = what;
            s.from = established;
            s.to = labels[k];
            s.held = held;
            s.to_end = to_end;
            shifts.push_back(s);
            established = labels[k];
        }
        k = run;
    }
    return shifts;
}

namespace {

struct MemoryEntries {
    std::size_t instance = 0;
    bool present = false;
    std::vector<std::vector<std::size_t>> grievance, trust;  // [i][j]
    std::vector<std::size_t> decay;                          // [i]
};

MemoryEntries find_memory(const StageModel& model) {
    MemoryEntries m;
    const int n = model.game().player_count();
    for (std::size_t k = 0; k < model.drivers().size(); ++k) {
        const DriverInstance& d = model.drivers()[k];
        if (d.spec->name != "memory") continue;
        m.present = true;
        m.instance = k;
        const auto& spec = *d.spec;
        m.grievance.assign(n, std::vector<std::size_t>(n, kNoEntry));
        m.trust.assign(n, std::vector<std::size_t>(n, kNoEntry));
        for (int i = 0; i < n; ++i) {
            m.decay.push_back(d.entry_of[spec.param_index("decay")][i]);
            for (int j = 0; j < n; ++j) {
                if (i == j) continue;
                m.grievance[i][j] = d.entry_of[spec.param_index("G")][i * n + j];
                m.trust[i][j] = d.entry_of[spec.param_index("T")][i * n + j];
            }
        }
        break;  // one memory section is all a scenario needs
    }
    return m;
}

// P(s_ji = value) under player j's mixed strategy.
double stance_probability(const Game& game, const Eigen::VectorXd& strategy, int j, int i, Stance value) {
    double p = 0.0;
    for (Eigen::Index a = 0; a < strategy.size(); ++a)
        if (strategy(a) > 0.0 && game.stance(j, static_cast<int>(a), i) == value) p += strategy(a);
    return p;
}

std::optional<std::size_t> pure_profile(const Game& game, const MixedProfile& play) {
    std::vector<int> actions(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) {
        if (play[i].maxCoeff() < 1.0) return std::nullopt;
        actions[i] = mode(play[i]);
    }
    return game.space.index(actions);
}

std::size_t modal_profile(const Game& game, const MixedProfile& play) {
    std::vector<int> actions(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) actions[i] = mode(play[i]);
    return game.space.index(actions);
}

double driver_share(const StageModel& model, std::size_t instance, int player, std::size_t profile) {
    double total = 0.0;
    for (const auto& term : model.terms()[instance])
        if (term.player == player && term.coefficient != 0.0) total += term.coefficient * (*term.basis)(static_cast<Eigen::Index>(profile));
    return total;
}

void restore(StageModel& model, const std::vector<double>& values) {
    for (std::size_t e = 0; e < values.size(); ++e)
        if (model.parameters().value(e) != values[e]) model.set(e, values[e]);
}

// Why player `mover` moved at `period`: for each driver, how much its share of the gain from
// the new action over the old one (against the others' previous play) grew since `reference`.
std::vector<ShiftCause> explain(const StageModel& base, const RunResult& run, int period, int reference, int mover) {
    const Game& game = base.game();
    const auto& now = run.periods[period];
    const auto& before = run.periods[period - 1];
    const int old_action = mode(before.play[mover]);
    const int new_action = mode(now.play[mover]);
    if (old_action == new_action) return {};
    const std::size_t others = modal_profile(game, before.play);
    const std::size_t with_new = game.space.with_action(others, mover, new_action);
    const std::size_t with_old = game.space.with_action(others, mover, old_action);
    StageModel scratch = base;
    auto gains = [&](int k) {
        restore(scratch, run.periods[k].parameters);
        std::vector<double> g(scratch.drivers().size());
        for (std::size_t d = 0; d < g.size(); ++d)
            g[d] = driver_share(scratch, d, mover, with_new) - driver_share(scratch, d, mover, with_old);
        return g;
    };
    const std::vector<double> at_shift = gains(period);
    const std::vector<double> at_reference = gains(reference);
    std::vector<ShiftCause> causes;
    for (std::size_t d = 0; d < at_shift.size(); ++d) {
        const double change = at_shift[d] - at_reference[d];
        if (std::abs(change) > 1e-12) causes.push_back({game.players[mover], base.drivers()[d].name, change});
    }
    std::sort(causes.begin(), causes.end(), [](const auto& a, const auto& b) { return std::abs(a.change) > std::abs(b.change); });
    if (causes.size() > 3) causes.resize(3);
    return causes;
}

}  // namespace

std::vector<int> default_initial_profile(const StageModel& base, const Timeline& timeline) {
    StageModel model = base;
    const double t = timeline.time_of(0);
    for (const auto& s : timeline.schedules) {
        const double v = s.schedule.value_at(t);
        for (std::size_t e : s.entries) model.set(e, v);
    }
    for (const auto& e : timeline.events)
        if (e.at <= t + 1e-9)
            for (const auto& [entry, v] : e.sets) model.set(entry, v);
    const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
    std::vector<int> actions(model.game().player_count());
    model.game().space.decode(*p.profile, actions);
    return actions;
}

RunResult run_timeline(const StageModel& base, const Timeline& timeline, std::uint64_t seed, const RunOptions& options) {
    StageModel model = base;
    const Game& game = model.game();
    const int n = game.player_count();
    const MemoryEntries memory = find_memory(model);
    std::mt19937_64 random(seed);
    RunResult result;
    result.seed = seed;
    std::vector<RuleState> states(n);
    std::vector<StanceFix> fixes;
    std::size_t next_event = 0;
    MixedProfile play;
    const double tolerance_scale = 1e-9;

    for (int k = 0; k < timeline.periods(); ++k) {
        const double t = timeline.time_of(k);
        // 1. Schedules and events.
        for (const auto& s : timeline.schedules) {
            const double v = s.schedule.value_at(t);
            for (std::size_t e : s.entries) model.set(e, v);
        }
        SourceLocation where;
        std::vector<std::string> applied;
        while (next_event < timeline.events.size() && timeline.events[next_event].at <= t + 1e-9) {
            const TimelineEvent& e = timeline.events[next_event++];
            for (const auto& [entry, v] : e.sets) model.set(entry, v);
            for (const auto& f : e.fix) {
                fixes.erase(std::remove_if(fixes.begin(), fixes.end(),
                                           [&](const StanceFix& x) { return x.player == f.player && x.toward == f.toward; }),
                            fixes.end());
                fixes.push_back(f);
            }
            for (const auto& [i, j] : e.release)
                fixes.erase(std::remove_if(fixes.begin(), fixes.end(), [&](const StanceFix& x) { return x.player == i && x.toward == j; }),
                            fixes.end());
            where = e.where;
            applied.push_back(e.name);
        }
        const auto allowed = allowed_actions(game, fixes, where);

        // 3. Play.
        if (k == 0) {
            const std::vector<int> actions = timeline.initial ? *timeline.initial : default_initial_profile(model, timeline);
            play.resize(n);
            for (int i = 0; i < n; ++i) {
                if (timeline.rules[i].spec->name == "replicator") {
                    Eigen::VectorXd x(game.space.actions(i));
                    for (int a = 0; a < x.size(); ++a) x(a) = allowed[i][a] ? 1.0 : 0.0;
                    play[i] = x / x.sum();
                } else {
                    int a = actions[i];
                    if (!allowed[i][a]) a = static_cast<int>(std::find(allowed[i].begin(), allowed[i].end(), 1) - allowed[i].begin());
                    play[i] = one_hot(game.space.actions(i), a);
                }
            }
        } else if (timeline.rules.front().spec->joint) {
            play = timeline.rules.front().spec->update_joint(game, play, allowed, timeline.rules.front().options);
        } else {
            MixedProfile next = play;
            for (int i = 0; i < n; ++i) {
                const RuleInput input{game, i, timeline.sequential ? next : play, allowed[i], timeline.rules[i].options,
                                      states[i], random};
                next[i] = timeline.rules[i].spec->update(input);
            }
            play = std::move(next);
        }

        // 4. Record.
        PeriodRecord r;
        r.time = t;
        r.play = play;
        r.profile = pure_profile(game, play);
        r.payoffs = r.profile ? std::vector<double>{} : expected_payoffs(game, play);
        if (r.profile)
            for (int i = 0; i < n; ++i) r.payoffs.push_back(game.payoffs[i](static_cast<Eigen::Index>(*r.profile)));
        if (game.has_stances()) {
            r.warmth = r.profile ? warmth_matrix(game, *r.profile) : expected_warmth(game, play);
            const Structure s = read_structure(r.warmth);
            r.alignment = s.alignment;
            if (n == 3) r.triangle = s.triads.front();
        }
        r.grievance = Eigen::MatrixXd::Zero(n, n);
        r.trust = Eigen::MatrixXd::Zero(n, n);
        if (memory.present)
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j)
                    if (i != j) {
                        r.grievance(i, j) = model.parameters().value(memory.grievance[i][j]);
                        r.trust(i, j) = model.parameters().value(memory.trust[i][j]);
                    }
        const SustainResult sustained = sustain(game, modal_profile(game, play), Punishment::nash,
                                                payoff_tolerance(game, tolerance_scale));
        r.critical_discount = sustained.feasible ? std::optional<double>(sustained.required) : std::nullopt;
        r.events = std::move(applied);
        if (options.record_parameters || options.explain_shifts) {
            r.parameters.resize(model.parameters().size());
            for (std::size_t e = 0; e < r.parameters.size(); ++e) r.parameters[e] = model.parameters().value(e);
        }
        result.periods.push_back(std::move(r));

        // 5. Memory.
        if (memory.present) {
            for (int i = 0; i < n; ++i) {
                const double keep = 1.0 - model.parameters().value(memory.decay[i]);
                for (int j = 0; j < n; ++j) {
                    if (i == j) continue;
                    const double g = keep * model.parameters().value(memory.grievance[i][j]) +
                                     stance_probability(game, play[j], j, i, Stance::oppose);
                    const double tr = keep * model.parameters().value(memory.trust[i][j]) +
                                      stance_probability(game, play[j], j, i, Stance::align);
                    model.set(memory.grievance[i][j], g);
                    model.set(memory.trust[i][j], tr);
                }
            }
        }
    }

    // Shifts: each player's alignment and the configuration.
    if (game.has_stances()) {
        std::vector<std::pair<std::string, std::vector<std::string>>> series;
        for (int i = 0; i < n; ++i) {
            std::vector<std::string> labels;
            for (const auto& r : result.periods) labels.push_back(alignment_label(game, r.alignment[i]));
            series.emplace_back(game.players[i] + " alignment", std::move(labels));
        }
        if (n == 3) {
            std::vector<std::string> labels;
            for (const auto& r : result.periods) labels.push_back(std::string(to_string(r.triangle->configuration)));
            series.emplace_back("configuration", std::move(labels));
        }
        for (const auto& [what, labels] : series) {
            int reference = 0;
            for (ShiftEvent s : detect_shifts(labels, timeline.min_hold, what)) {
                s.time = timeline.time_of(s.period);
                // The movers: the players whose action changed. A player's alignment can
                // also change because others moved; then their reasons are given.
                std::vector<int> movers;
                for (int i = 0; i < n; ++i)
                    if (mode(result.periods[s.period].play[i]) != mode(result.periods[s.period - 1].play[i])) movers.push_back(i);
                for (int i : movers) {
                    if (!options.explain_shifts) break;
                    // A move an event forced (a fixed stance) is explained by the event.
                    for (const auto& name : result.periods[s.period].events)
                        for (const auto& e : timeline.events)
                            if (e.name == name && std::any_of(e.fix.begin(), e.fix.end(), [&](const StanceFix& f) { return f.player == i; }))
                                s.causes.push_back({game.players[i], "event " + name, 0.0});
                    const bool named = what == game.players[i] + " alignment";
                    const bool self_moved = std::find(movers.begin(), movers.end(), game.player_index(what.substr(0, what.find(' ')))) != movers.end();
                    if (what != "configuration" && self_moved && !named) continue;
                    for (auto& c : explain(base, result, s.period, reference, i)) s.causes.push_back(c);
                }
                // Forced moves first, then the drivers that moved most.
                std::stable_sort(s.causes.begin(), s.causes.end(), [](const auto& a, const auto& b) {
                    const bool forced_a = a.driver.rfind("event ", 0) == 0, forced_b = b.driver.rfind("event ", 0) == 0;
                    if (forced_a != forced_b) return forced_a;
                    return std::abs(a.change) > std::abs(b.change);
                });
                if (s.causes.size() > 3) s.causes.resize(3);
                reference = s.period;
                result.shifts.push_back(std::move(s));
            }
        }
        std::stable_sort(result.shifts.begin(), result.shifts.end(), [](const auto& a, const auto& b) { return a.period < b.period; });
    }
    return result;
}

}  // namespace triad
