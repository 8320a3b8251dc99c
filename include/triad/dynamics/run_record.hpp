// What a timeline run produces (docs/model.md section 5): one record per period (play,
// warmth, alignments, configuration, payoffs, memory stocks, the critical discount factor and
// the parameters in force), and the shifts found in those records with their causes.
//
// run_timeline (timeline.hpp) fills a RunResult; detect_shifts and explain_shift (shifts.hpp)
// find and explain its shifts. Kept apart from both so that each can use these types.
#pragma once

#include "triad/core/game.hpp"
#include "triad/core/triangle.hpp"
#include "triad/scenario/payoff_split.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace triad {

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
    // A driver that pulled the mover toward the move, or an event that fixed the mover's stance.
    enum class Kind { driver, event };
    std::string mover;
    std::string driver;  // the driver instance's name, or the event's (see label())
    double change = 0.0; // how much the driver's share of the mover's gain from the move grew
    Kind kind = Kind::driver;

    [[nodiscard]] static ShiftCause forced_by(std::string mover, const std::string& event) {
        return {std::move(mover), event, 0.0, Kind::event};
    }
    // How reports name the cause: the driver instance, or "event NAME".
    [[nodiscard]] std::string label() const { return kind == Kind::event ? "event " + driver : driver; }
};

// What a shift changes: the triangle's configuration, or one player's alignment.
struct ShiftSubject {
    enum class Kind { configuration, alignment };
    Kind kind = Kind::configuration;
    int player = -1;          // whose alignment (Kind::alignment); -1 for the configuration
    std::string player_name;  // that player's name, so that the subject is written without the game

    [[nodiscard]] static ShiftSubject configuration() { return {}; }
    [[nodiscard]] static ShiftSubject alignment(int player, std::string name) {
        return {Kind::alignment, player, std::move(name)};
    }
    friend bool operator==(const ShiftSubject&, const ShiftSubject&) = default;
};

// "configuration" or "<player> alignment": the text every report writes for a shift's subject.
[[nodiscard]] std::string to_string(const ShiftSubject& what);

// A player's move in the period of a shift, with the payoff split (payoff_split.hpp) that says
// why: every action of the mover against the others' play of the period before, in the model
// in force at the shift; `split.chosen` is the new action, `from` the old one.
struct ShiftMove {
    int mover = 0;
    int from = 0;
    PayoffSplit split;
    std::string forced_by = {};  // the event that fixed the mover's stance, if one did
};

struct ShiftEvent {
    int period = 0;
    double time = 0.0;
    ShiftSubject what;
    std::string from, to;
    int held = 0;        // periods the new label held
    bool to_end = false; // it still held when the run ended
    double since = 0.0;  // the time the causes' changes are measured from: the subject's previous shift, or the start
    std::vector<ShiftCause> causes;
    std::vector<ShiftMove> moves;  // the moves the causes are about, mover by mover
};

struct RunResult {
    std::uint64_t seed = 0;
    std::vector<PeriodRecord> periods;
    std::vector<ShiftEvent> shifts;
};

// The configuration of a period's triangle ("stable_marriage"), or "-" without three players.
[[nodiscard]] std::string configuration_label(const PeriodRecord& record);

// Player i's role in the period's triangle ("pivot"), or "-" without three players.
[[nodiscard]] std::string role_label(const PeriodRecord& record, int i);

}  // namespace triad
