// Stepping a timeline run (timeline.hpp): each period's schedules and events, play, record and
// memory update, then the run's shifts and their causes (shifts.hpp).
#include "triad/dynamics/timeline.hpp"

#include "timeline_detail.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/dynamics/sustain.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

namespace {

// Times are start + step * k in floating point: a date or an end this close to a period's
// time belongs to that period (far below any step a timeline uses, far above the rounding of
// a few thousand additions of a step).
constexpr double kTimeTolerance = 1e-9;

// Relative payoff tolerance of the critical-discount check of each period's profile: the
// solvers' own (payoff_tolerance), so a period's profile is an equilibrium when they say so.
constexpr double kSustainToleranceScale = 1e-9;

}  // namespace

double Timeline::period_count() const { return std::floor((end - start) / step + kTimeTolerance) + 1.0; }

int Timeline::periods() const {
    // Counted in floating point first: end 1e12 with step 1e-3 would overflow an int.
    const double count = period_count();
    if (!(count >= 1.0 && count <= static_cast<double>(kMaxPeriods)))
        throw InputError({}, "the timeline has " + format_number(count) + " periods; at most " + std::to_string(kMaxPeriods));
    return static_cast<int>(count);
}

bool Timeline::stochastic() const {
    for (const auto& r : rules)
        if (r.spec->stochastic && !(r.spec->deterministic_with && r.spec->deterministic_with(r.options))) return true;
    return false;
}

const ScheduledParameter* schedule_driving(const Timeline& timeline, std::size_t entry) {
    for (const ScheduledParameter& s : timeline.schedules)
        if (std::find(s.entries.begin(), s.entries.end(), entry) != s.entries.end()) return &s;
    return nullptr;
}

void refuse_scheduled(const Timeline& timeline, const ParameterSet& parameters, const std::string& path,
                      const SourceLocation& where, const std::string& what) {
    for (std::size_t e : parameters.resolve(path, where))
        if (const ScheduledParameter* s = schedule_driving(timeline, e))
            throw InputError(where,
                             parameters[e].path + " is set in every period by the schedule for " + s->schedule.path() + " (" +
                                 s->schedule.where().file + ":" + std::to_string(s->schedule.where().line) + "): a value from " +
                                 what + " would be overwritten from the first period on",
                             "change the schedule in the scenario (a copy that extends it can replace it)");
}

StageModel model_at(const StageModel& base, const PeriodRecord& record) {
    const std::vector<double>& values = record.parameters;
    if (values.size() != base.parameters().size())
        throw Error("model_at: the period recorded " + std::to_string(values.size()) + " parameter values, the model has " +
                    std::to_string(base.parameters().size()) + " (run with RunOptions::record_parameters)");
    StageModel model = base;
    for (std::size_t e = 0; e < values.size(); ++e)
        if (model.parameters().value(e) != values[e]) model.set(e, values[e]);
    return model;
}

std::optional<int> period_at(const Timeline& timeline, double time) {
    if (!std::isfinite(time) || timeline.step <= 0.0) return std::nullopt;
    const double k = std::round((time - timeline.start) / timeline.step);
    if (k < 0.0 || k >= timeline.period_count()) return std::nullopt;
    if (std::abs(timeline.time_of(static_cast<int>(k)) - time) > 1e-6 * timeline.step) return std::nullopt;
    return static_cast<int>(k);
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
        if (!d.spec->carries_memory_stocks) continue;
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

}  // namespace

namespace detail {

std::size_t modal_profile(const Game& game, const MixedProfile& play) {
    std::vector<int> actions(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) actions[i] = mode(play[i]);
    return game.space.index(actions);
}

}  // namespace detail

using detail::allowed_actions;
using detail::modal_profile;

namespace {

using Allowed = std::vector<std::vector<char>>;

// 1. Every schedule's value at time t.
void apply_schedules(StageModel& model, const Timeline& timeline, double t) {
    for (const auto& s : timeline.schedules) {
        const double v = s.schedule.value_at(t);
        for (std::size_t e : s.entries) model.set(e, v);
    }
}

// A fix replaces any earlier one of the same (player, toward); a release removes it.
void apply_fixes(std::vector<StanceFix>& fixes, const TimelineEvent& e) {
    for (const auto& f : e.fix) {
        fixes.erase(std::remove_if(fixes.begin(), fixes.end(),
                                   [&](const StanceFix& x) { return x.player == f.player && x.toward == f.toward; }),
                    fixes.end());
        fixes.push_back(f);
    }
    // No structured binding here: C++20 lambdas may not capture one portably (clang 14 refuses).
    for (const auto& released : e.release)
        fixes.erase(std::remove_if(fixes.begin(), fixes.end(),
                                   [&](const StanceFix& x) { return x.player == released.first && x.toward == released.second; }),
                    fixes.end());
}

// The events of one period: their names, and where the last one is declared (the location of
// an error when the fixes in force leave a player no action).
struct AppliedEvents {
    std::vector<std::string> names;
    SourceLocation where;
};

// 1. The events dated up to t, from `next_event` on: their parameter values and stance fixes.
AppliedEvents apply_events(StageModel& model, const Timeline& timeline, double t, std::size_t& next_event,
                           std::vector<StanceFix>& fixes) {
    AppliedEvents applied;
    while (next_event < timeline.events.size() && timeline.events[next_event].at <= t + kTimeTolerance) {
        const TimelineEvent& e = timeline.events[next_event++];
        for (const auto& [entry, v] : e.sets) model.set(entry, v);
        apply_fixes(fixes, e);
        applied.where = e.where;
        applied.names.push_back(e.name);
    }
    return applied;
}

// 3. The first period's play: the initial profile, each action moved to the player's first
// allowed one where a fix forbids it; a rule that starts mixed plays the uniform mix over its
// allowed actions instead.
MixedProfile initial_play(const StageModel& model, const Timeline& timeline, const Allowed& allowed) {
    const Game& game = model.game();
    const int n = game.player_count();
    const std::vector<int> actions = timeline.initial ? *timeline.initial : default_initial_profile(model, timeline);
    MixedProfile play(n);
    for (int i = 0; i < n; ++i) {
        if (timeline.rules[i].spec->starts_mixed) {
            Eigen::VectorXd x(game.space.actions(i));
            for (int a = 0; a < x.size(); ++a) x(a) = allowed[i][a] ? 1.0 : 0.0;
            play[i] = x / x.sum();
        } else {
            int a = actions[i];
            if (!allowed[i][a]) a = static_cast<int>(std::find(allowed[i].begin(), allowed[i].end(), 1) - allowed[i].begin());
            play[i] = one_hot(game.space.actions(i), a);
        }
    }
    return play;
}

// 3. A later period's play: the joint rule's profile, or each player's rule in turn (seeing
// the moves already made this period when updates are sequential).
MixedProfile next_play(const Game& game, const Timeline& timeline, const MixedProfile& play, const Allowed& allowed,
                       std::vector<RuleState>& states, std::mt19937_64& random) {
    const PlayerRule& first = timeline.rules.front();
    if (first.spec->joint) return first.spec->update_joint(game, play, allowed, first.options);
    MixedProfile next = play;
    for (int i = 0; i < game.player_count(); ++i) {
        const RuleInput input{game, i, timeline.sequential ? next : play, allowed[i], timeline.rules[i].options,
                              states[i], random};
        next[i] = timeline.rules[i].spec->update(input);
    }
    return next;
}

// 4. The expected payoffs of `play`, exact when it is pure.
std::vector<double> period_payoffs(const Game& game, const MixedProfile& play, const std::optional<std::size_t>& profile) {
    if (!profile) return expected_payoffs(game, play);
    std::vector<double> payoffs;
    for (int i = 0; i < game.player_count(); ++i) payoffs.push_back(game.payoffs[i](static_cast<Eigen::Index>(*profile)));
    return payoffs;
}

// 4. The period's record: play, warmth and labels, payoffs, memory stocks, the critical
// discount factor of the modal profile, and (when kept) every parameter's value.
PeriodRecord record_period(const StageModel& model, const MemoryEntries& memory, double t, const MixedProfile& play,
                           std::vector<std::string> events, const RunOptions& options) {
    const Game& game = model.game();
    const int n = game.player_count();
    PeriodRecord r;
    r.time = t;
    r.play = play;
    r.profile = pure_profile(game, play);
    r.payoffs = period_payoffs(game, play, r.profile);
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
                                            payoff_tolerance(game, kSustainToleranceScale));
    r.critical_discount = sustained.feasible ? std::optional<double>(sustained.required) : std::nullopt;
    r.events = std::move(events);
    if (options.record_parameters || options.explain_shifts) {
        r.parameters.resize(model.parameters().size());
        for (std::size_t e = 0; e < r.parameters.size(); ++e) r.parameters[e] = model.parameters().value(e);
    }
    return r;
}

// 5. Memory: G_ij <- (1 - decay_i) G_ij + P(s_ji = oppose), T_ij likewise with align.
void update_memory(StageModel& model, const MemoryEntries& memory, const MixedProfile& play) {
    if (!memory.present) return;
    const Game& game = model.game();
    const int n = game.player_count();
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

// One subject's label in every period: a player's alignment, or the configuration.
struct LabelSeries {
    ShiftSubject what;
    std::vector<std::string> labels;
};

// Every player's alignment, then (three players) the configuration.
std::vector<LabelSeries> label_series(const Game& game, const RunResult& result) {
    std::vector<LabelSeries> series;
    for (int i = 0; i < game.player_count(); ++i) {
        std::vector<std::string> labels;
        for (const auto& r : result.periods) labels.push_back(alignment_label(game, r.alignment[i]));
        series.push_back({ShiftSubject::alignment(i, game.players[i]), std::move(labels)});
    }
    if (game.player_count() == 3) {
        std::vector<std::string> labels;
        for (const auto& r : result.periods) labels.push_back(std::string(to_string(r.triangle->configuration)));
        series.push_back({ShiftSubject::configuration(), std::move(labels)});
    }
    return series;
}

// The players whose most likely action changed at `period`.
std::vector<int> movers_at(const RunResult& result, int period) {
    std::vector<int> movers;
    const auto& now = result.periods[period].play;
    const auto& before = result.periods[period - 1].play;
    for (std::size_t i = 0; i < now.size(); ++i)
        if (mode(now[i]) != mode(before[i])) movers.push_back(static_cast<int>(i));
    return movers;
}

// A move an event forced (a fixed stance of the mover's) is explained by that event.
void add_forced_causes(ShiftEvent& s, const Game& game, const Timeline& timeline, const RunResult& result, int mover) {
    for (const auto& name : result.periods[s.period].events)
        for (const auto& e : timeline.events)
            if (e.name == name && std::any_of(e.fix.begin(), e.fix.end(), [&](const StanceFix& f) { return f.player == mover; }))
                s.causes.push_back(ShiftCause::forced_by(game.players[mover], name));
}

// Forced moves first, then the drivers that moved most; at most three.
void rank_causes(std::vector<ShiftCause>& causes) {
    std::stable_sort(causes.begin(), causes.end(), [](const auto& a, const auto& b) {
        const bool forced_a = a.kind == ShiftCause::Kind::event, forced_b = b.kind == ShiftCause::Kind::event;
        if (forced_a != forced_b) return forced_a;
        return std::abs(a.change) > std::abs(b.change);
    });
    if (causes.size() > 3) causes.resize(3);
}

// The causes of shift `s` (since the previous shift of its subject at `reference`): the
// movers' reasons. A player's alignment can also change because others moved; then their
// reasons are given, but when the player itself moved only its own are.
void explain(ShiftEvent& s, const StageModel& base, const Timeline& timeline, const RunResult& result, int reference) {
    const Game& game = base.game();
    const std::vector<int> movers = movers_at(result, s.period);
    const bool alignment = s.what.kind == ShiftSubject::Kind::alignment;
    const bool self_moved = alignment && std::find(movers.begin(), movers.end(), s.what.player) != movers.end();
    for (int i : movers) {
        const std::size_t forced_before = s.causes.size();
        add_forced_causes(s, game, timeline, result, i);
        if (self_moved && i != s.what.player) continue;
        if (auto move = shift_move(base, result, s.period, i)) {
            if (s.causes.size() > forced_before) move->forced_by = s.causes[forced_before].driver;
            s.moves.push_back(std::move(*move));
        }
        for (auto& c : explain_shift(base, result, s.period, reference, i)) s.causes.push_back(c);
    }
    rank_causes(s.causes);
}

// The run's shifts in every subject, explained when asked, in order of period.
std::vector<ShiftEvent> find_shifts(const StageModel& base, const Timeline& timeline, const RunResult& result,
                                    const RunOptions& options) {
    std::vector<ShiftEvent> shifts;
    for (const auto& [what, labels] : label_series(base.game(), result)) {
        int reference = 0;
        for (ShiftEvent s : detect_shifts(labels, timeline.min_hold, what)) {
            s.time = timeline.time_of(s.period);
            s.since = timeline.time_of(reference);
            if (options.explain_shifts) explain(s, base, timeline, result, reference);
            reference = s.period;
            shifts.push_back(std::move(s));
        }
    }
    std::stable_sort(shifts.begin(), shifts.end(), [](const auto& a, const auto& b) { return a.period < b.period; });
    return shifts;
}

}  // namespace

std::vector<int> default_initial_profile(const StageModel& base, const Timeline& timeline) {
    StageModel model = base;
    const double t = timeline.time_of(0);
    apply_schedules(model, timeline, t);
    for (const auto& e : timeline.events)
        if (e.at <= t + kTimeTolerance)
            for (const auto& [entry, v] : e.sets) model.set(entry, v);
    const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
    std::vector<int> actions(model.game().player_count());
    model.game().space.decode(*p.profile, actions);
    return actions;
}

RunResult run_timeline(const StageModel& base, const Timeline& timeline, std::uint64_t seed, const RunOptions& options) {
    StageModel model = base;
    const Game& game = model.game();
    const MemoryEntries memory = find_memory(model);
    std::mt19937_64 random(seed);
    RunResult result;
    result.seed = seed;
    std::vector<RuleState> states(game.player_count());
    std::vector<StanceFix> fixes;
    std::size_t next_event = 0;
    MixedProfile play;
    for (int k = 0; k < timeline.periods(); ++k) {
        const double t = timeline.time_of(k);
        apply_schedules(model, timeline, t);
        AppliedEvents applied = apply_events(model, timeline, t, next_event, fixes);
        const Allowed allowed = allowed_actions(game, fixes, applied.where);
        play = k == 0 ? initial_play(model, timeline, allowed) : next_play(game, timeline, play, allowed, states, random);
        result.periods.push_back(record_period(model, memory, t, play, std::move(applied.names), options));
        update_memory(model, memory, play);
    }
    if (game.has_stances()) result.shifts = find_shifts(base, timeline, result, options);
    return result;
}

}  // namespace triad
