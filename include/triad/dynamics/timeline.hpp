// Repeated play over a timeline: drifting parameters, events, learning and memory, and the
// shifts in alignment they produce (docs/model.md section 5).
//
// Each period t = start, start + step, ..., end:
//   1. parameters follow their schedules; events dated up to t set parameters and fix or
//      release stances (a fixed stance restricts the player to actions with that stance);
//   2. memory stocks enter payoffs through the memory driver's G and T parameters;
//   3. play: in the first period the initial profile (the scenario's `initial:`, else the
//      selection rule's most likely profile); after that each player's learning rule answers
//      the play it sees in this period's stage game: last period's, updated by the players
//      who already moved this period (sequential updates, the default) or not (simultaneous);
//   4. the period is recorded (stances, warmth, alignments, configuration, roles, payoffs,
//      memory stocks, and the critical discount factor of the profile played);
//   5. memory updates: G_ij <- (1 - decay_i) G_ij + P(s_ji = -1), T likewise with +1.
// The stage game is updated, never rebuilt, when only weights change (model.hpp).
// Shifts and their causes: shifts.hpp; what a run records: run_record.hpp (both included here).
#pragma once

#include "triad/dynamics/learning.hpp"
#include "triad/dynamics/run_record.hpp"
#include "triad/dynamics/shifts.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/schedule.hpp"
#include "triad/core/triangle.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triad {

struct StanceFix {
    int player = 0;
    int toward = 0;
    Stance stance = Stance::hedge;
};

struct TimelineEvent {
    std::string name;
    double at = 0.0;
    SourceLocation where;
    std::vector<std::pair<std::size_t, double>> sets;  // parameter entry, value
    std::vector<StanceFix> fix;
    std::vector<std::pair<int, int>> release;  // (player, toward)
};

struct ScheduledParameter {
    Schedule schedule;
    std::vector<std::size_t> entries;
};

struct PlayerRule {
    const LearningRuleSpec* spec = nullptr;
    RuleOptions options;
};

// The most periods a timeline may have (a century of months is 1200).
inline constexpr int kMaxPeriods = 100000;

struct Timeline {
    double start = 0.0;
    double end = 0.0;
    double step = 1.0;
    int min_hold = 2;
    std::uint64_t seed = 1;
    int runs = 1;
    // sequential (default): players revise one after another within a period, each seeing the
    // moves already made (as in asynchronous dynamics; avoids the two-period cycles of
    // simultaneous myopic replies). simultaneous: everyone answers last period's play.
    bool sequential = true;
    std::vector<ScheduledParameter> schedules;
    std::vector<TimelineEvent> events;  // sorted by date
    std::vector<PlayerRule> rules;      // one per player
    std::optional<std::vector<int>> initial;  // action per player

    [[nodiscard]] int periods() const;       // throws InputError beyond kMaxPeriods
    [[nodiscard]] double period_count() const;  // the same, in floating point: never overflows
    [[nodiscard]] double time_of(int period) const { return start + step * period; }
    [[nodiscard]] bool stochastic() const;
};

// Reads the scenario's `timeline:` section against the model's parameters and players.
// Throws InputError (with file:line:col) for every problem: end before start, an unknown
// parameter path or rule (with a suggestion), a CSV series out of range, a stance fix that
// leaves a player no action.
[[nodiscard]] Timeline read_timeline(const StageModel& model);

// The schedule that drives parameter `entry` every period, or null.
[[nodiscard]] const ScheduledParameter* schedule_driving(const Timeline& timeline, std::size_t entry);

// A value given from outside (--set, a sweep axis) to a parameter that a schedule drives would
// be overwritten from the first period on, so it is refused: throws InputError at `where`,
// naming the schedule and where it is written. `what` says what gave the value ("--set").
void refuse_scheduled(const Timeline& timeline, const ParameterSet& parameters, const std::string& path,
                      const SourceLocation& where, const std::string& what);

// The first period's play when the scenario gives no `initial:`: the selection rule's most
// likely profile of the stage game at the start (after the first period's schedules and
// events). Computing it once saves a stationary-distribution solve per run of a batch.
[[nodiscard]] std::vector<int> default_initial_profile(const StageModel& model, const Timeline& timeline);

struct RunOptions {
    bool explain_shifts = true;  // find each shift's causes (sweeps that only date shifts skip it)
    bool record_parameters = true;  // keep every parameter's value per period (needed to explain)
};

// One run; `seed` drives the stochastic rules. Deterministic for a given model, timeline and seed.
[[nodiscard]] RunResult run_timeline(const StageModel& model, const Timeline& timeline, std::uint64_t seed,
                                     const RunOptions& options = {});

// The stage model in force at a recorded period: `base` with every parameter value the period
// recorded (schedules, events, memory stocks). Throws triad::Error when the run did not record
// them (RunOptions::record_parameters) or they belong to another model.
[[nodiscard]] StageModel model_at(const StageModel& base, const PeriodRecord& record);

// The period of the timeline that starts at `time` (within a millionth of a step), if any.
[[nodiscard]] std::optional<int> period_at(const Timeline& timeline, double time);

// The seed of run r of a --runs batch (SplitMix64 of seed and r): independent streams whose
// values do not depend on how runs are scheduled.
[[nodiscard]] std::uint64_t run_seed(std::uint64_t seed, int run);

// The label a record gives: "configuration" -> its name; "<player> alignment" -> partner or
// "balanced".
[[nodiscard]] std::string alignment_label(const Game& game, int alignment);

}  // namespace triad
