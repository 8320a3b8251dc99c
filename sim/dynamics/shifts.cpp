// Shifts in a run's labels, and the drivers behind each shift's moves (shifts.hpp).
#include "triad/dynamics/shifts.hpp"

#include "timeline_detail.hpp"

#include "triad/dynamics/learning.hpp"
#include "triad/dynamics/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

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

namespace {

double driver_share(const StageModel& model, std::size_t instance, int player, std::size_t profile) {
    double total = 0.0;
    for (const auto& term : model.terms()[instance])
        if (term.player == player && term.coefficient != 0.0) total += term.coefficient * (*term.basis)(static_cast<Eigen::Index>(profile));
    return total;
}

}  // namespace

using detail::modal_profile;

std::vector<ShiftCause> explain_shift(const StageModel& base, const RunResult& run, int period, int reference, int mover) {
    const Game& game = base.game();
    const auto& now = run.periods[period];
    const auto& before = run.periods[period - 1];
    const int old_action = mode(before.play[mover]);
    const int new_action = mode(now.play[mover]);
    if (old_action == new_action) return {};
    const std::size_t others = modal_profile(game, before.play);
    const std::size_t with_new = game.space.with_action(others, mover, new_action);
    const std::size_t with_old = game.space.with_action(others, mover, old_action);
    auto gains = [&](int k) {
        const StageModel scratch = model_at(base, run.periods[k]);
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

}  // namespace triad
