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
// Shifts: a player's alignment or the configuration changes and the new label holds for at
// least `min_hold` periods (or to the end of the run).
#pragma once

#include "triad/dynamics/learning.hpp"
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

    [[nodiscard]] int periods() const;
    [[nodiscard]] double time_of(int period) const { return start + step * period; }
    [[nodiscard]] bool stochastic() const;
};

// Reads the scenario's `timeline:` section against the model's parameters and players.
// Throws InputError (with file:line:col) for every problem: end before start, an unknown
// parameter path or rule (with a suggestion), a CSV series out of range, a stance fix that
// leaves a player no action.
[[nodiscard]] Timeline read_timeline(const StageModel& model);

struct PeriodRecord {
    double time = 0.0;
    MixedProfile play;
    std::optional<std::size_t> profile;  // when every player's play is pure
    Eigen::MatrixXd warmth;              // expected warmth
    std::vector<int> alignment;          // per player, -1 balanced
    std::optional<TriadReading> triangle;  // three players
    std::vector<double> payoffs;         // expected
    Eigen::MatrixXd grievance, trust;    // G_ij, T_ij at the start of the period
    std::optional<double> critical_discount;  // max_i delta*_i of the modal profile (Nash reversion)
    std::vector<double> parameters;      // every parameter's value this period
    std::vector<std::string> events;     // names of the events applied this period
};

struct ShiftCause {
    std::string mover;
    std::string driver;  // driver instance name, or "event NAME" when an event fixed the move
    double change = 0.0; // how much the driver's share of the mover's gain from the move grew
};

struct ShiftEvent {
    int period = 0;
    double time = 0.0;
    std::string what;  // "configuration" or "<player> alignment"
    std::string from, to;
    int held = 0;        // periods the new label held
    bool to_end = false; // it still held when the run ended
    std::vector<ShiftCause> causes;
};

struct RunResult {
    std::uint64_t seed = 0;
    std::vector<PeriodRecord> periods;
    std::vector<ShiftEvent> shifts;
};

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

// The seed of run r of a --runs batch (SplitMix64 of seed and r): independent streams whose
// values do not depend on how runs are scheduled.
[[nodiscard]] std::uint64_t run_seed(std::uint64_t seed, int run);

// Shifts in a sequence of labels: an established label changes and the new one holds for
// min_hold periods (or to the end). The first label is established at once.
[[nodiscard]] std::vector<ShiftEvent> detect_shifts(const std::vector<std::string>& labels, int min_hold,
                                                    const std::string& what);

// The label a record gives: "configuration" -> its name; "<player> alignment" -> partner or
// "balanced".
[[nodiscard]] std::string alignment_label(const Game& game, int alignment);

}  // namespace triad
