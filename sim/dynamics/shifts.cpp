// Shifts in a run's labels, and the drivers behind each shift's moves (shifts.hpp).
#include "triad/dynamics/shifts.hpp"

#include "timeline_detail.hpp"

#include "triad/dynamics/learning.hpp"
#include "triad/dynamics/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

namespace {

// A change in a part's share of the gain smaller than this is rounding, not a cause.
constexpr double kNegligibleChange = 1e-12;

}  // namespace

std::vector<ShiftEvent> detect_shifts(const std::vector<std::string>& labels, int min_hold, const ShiftSubject& what) {
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

using detail::modal_profile;

namespace {

// The profile a move is judged at: the others' most likely play of the period before, the
// mover playing `action`.
std::size_t judged_at(const Game& game, const RunResult& run, int period, int mover, int action) {
    return game.space.with_action(modal_profile(game, run.periods[period - 1].play), mover, action);
}

// Per part of the split: its share of the gain from `to` over `from`.
std::vector<std::pair<std::string, double>> gains(const PayoffSplit& split, int from, int to) {
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t c = 0; c < split.components.size(); ++c)
        out.emplace_back(split.components[c], split.actions[to].contributions[c] - split.actions[from].contributions[c]);
    return out;
}

}  // namespace

std::optional<ShiftMove> shift_move(const StageModel& base, const RunResult& run, int period, int mover) {
    const Game& game = base.game();
    if (period < 1) return std::nullopt;
    const int from = mode(run.periods[period - 1].play[mover]);
    const int to = mode(run.periods[period].play[mover]);
    if (from == to) return std::nullopt;
    const StageModel model = model_at(base, run.periods[period]);
    ShiftMove move;
    move.mover = mover;
    move.from = from;
    move.split = split_payoff(model, mover, pure_outcome(judged_at(game, run, period, mover, to)));
    return move;
}

std::vector<ShiftCause> explain_shift(const StageModel& base, const RunResult& run, int period, int reference, int mover) {
    const Game& game = base.game();
    const int from = mode(run.periods[period - 1].play[mover]);
    const int to = mode(run.periods[period].play[mover]);
    if (from == to) return {};
    const std::size_t profile = judged_at(game, run, period, mover, to);
    auto gains_at = [&](int k) {
        return gains(split_payoff(model_at(base, run.periods[k]), mover, pure_outcome(profile)), from, to);
    };
    const auto at_shift = gains_at(period);
    const auto at_reference = gains_at(reference);
    std::vector<ShiftCause> causes;
    for (std::size_t c = 0; c < at_shift.size(); ++c) {
        // The parts are the same at both periods (one model, other values), so they line up.
        const double change = at_shift[c].second - (c < at_reference.size() ? at_reference[c].second : 0.0);
        if (std::abs(change) > kNegligibleChange) causes.push_back({game.players[mover], at_shift[c].first, change});
    }
    std::sort(causes.begin(), causes.end(), [](const auto& a, const auto& b) { return std::abs(a.change) > std::abs(b.change); });
    if (causes.size() > 3) causes.resize(3);
    return causes;
}

}  // namespace triad
