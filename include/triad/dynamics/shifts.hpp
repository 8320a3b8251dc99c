// Shifts in alignment over a timeline run, and their causes (docs/model.md section 5).
//
// Shifts: a player's alignment or the configuration changes and the new label holds for at
// least `min_hold` periods (or to the end of the run). A shift's causes are found among the
// players whose action changed (the movers): for each driver, how much its share of the
// mover's gain from the move grew since the previous shift of the same label (or the first
// period). run_timeline (timeline.hpp) detects and explains the shifts of every run; the
// result types are in run_record.hpp.
#pragma once

#include "triad/dynamics/run_record.hpp"
#include "triad/scenario/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace triad {

// Shifts in a sequence of labels: an established label changes and the new one holds for
// min_hold periods (or to the end). The first label is established at once.
[[nodiscard]] std::vector<ShiftEvent> detect_shifts(const std::vector<std::string>& labels, int min_hold,
                                                    const ShiftSubject& what);

// Player `mover`'s move at `period` (its most likely action then against the one before), with
// the payoff split of every action against the others' previous play (their most likely
// profile) in the model in force at `period`. Nullopt when the mover did not move. The model is
// `base` re-set to the parameters each period recorded (so `run` must keep them:
// RunOptions::record_parameters or explain_shifts).
[[nodiscard]] std::optional<ShiftMove> shift_move(const StageModel& base, const RunResult& run, int period, int mover);

// Why player `mover` moved at `period`: for each part of the payoff split (a driver, or a
// memory stock), how much its share of the gain from the new action over the old one (against
// the others' previous play) grew since `reference`. Returns the (at most three) parts whose
// share changed most, by size of the change, largest first; nothing when the mover did not move.
[[nodiscard]] std::vector<ShiftCause> explain_shift(const StageModel& base, const RunResult& run, int period,
                                                    int reference, int mover);

}  // namespace triad
