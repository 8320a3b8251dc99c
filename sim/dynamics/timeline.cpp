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
            // No structured binding here: C++20 lambdas may not capture one portably (clang 14 refuses).
            for (const auto& released : e.release)
                fixes.erase(std::remove_if(fixes.begin(), fixes.end(),
                                           [&](const StanceFix& x) { return x.player == released.first && x.toward == released.second; }),
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
                    for (auto& c : explain_shift(base, result, s.period, reference, i)) s.causes.push_back(c);
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
