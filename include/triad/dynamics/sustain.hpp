// Sustaining a pure profile in the infinitely repeated game by grim trigger (docs/model.md
// section 5, "Sustainability").
//
// The stage game is played in every period; player i values a stream of payoffs u_0, u_1, ...
// at (1 - delta_i) * sum_t delta_i^t u_t, so that a constant stream is worth its stage payoff.
// Grim trigger for a target profile a*: everyone plays a* as long as everyone has; once a
// player i deviates, the others switch for ever to a punishment that holds i to P_i. The best
// that i can do against this is to deviate once, to its best one-shot reply, and then live
// with the punishment. So i keeps to a* exactly when
//     C_i >= (1 - delta_i) * D_i + delta_i * P_i,
// where
//     C_i = u_i(a*)                        what cooperating pays, per period;
//     D_i = max over a of u_i(a, a*_-i)    the best one-shot deviation (D_i >= C_i, since
//                                          a*_i itself is among the actions);
//     P_i                                  what the punishment pays, per period.
// Rearranged, (1 - delta_i)(D_i - C_i) <= delta_i (C_i - P_i), i.e.
//     delta_i >= delta*_i = (D_i - C_i) / (D_i - P_i),
// the critical discount factor: the patience needed for tomorrow's loss to outweigh today's
// gain. a* is sustainable when every player's delta_i reaches its delta*_i.
//
// Conventions (every gain or shortfall is judged against `tolerance`, never by exact
// equality, and no case divides by zero or yields NaN):
//   - D_i - C_i <= tolerance: i has no profitable deviation; delta*_i = 0, whatever P_i is.
//   - C_i < P_i - tolerance: the punishment pays i more than cooperating, so i would rather
//     trigger it than cooperate. delta*_i is reported as nullopt, the result is infeasible and
//     the required discount factor is 1. This check comes first, even when i has no profitable
//     one-shot deviation. (Strictly, a very impatient i whose every deviation loses today
//     could still keep to a*; a "punishment" that rewards the deviator is no punishment, and
//     the model, like docs/model.md section 5, declares the profile not sustainable.)
//   - Otherwise, when C_i ties with P_i (within tolerance) while a deviation gains, delta*_i
//     = 1: only perfect patience would hold i, which no discount factor below 1 has.
//   - Otherwise D_i - P_i = (D_i - C_i) + (C_i - P_i) > 0 and the ratio lies in (0, 1).
//   - At delta_i = delta*_i exactly i is indifferent; this counts as held (weak inequality).
//
// Punishments:
//   - nash: Nash reversion (Friedman 1971). After i deviates everyone plays, for ever, the pure
//     stage equilibrium that is worst for i (each player has its own). Playing a stage
//     equilibrium for ever is itself an equilibrium of every subgame, so the threat is
//     credible and grim trigger is a subgame-perfect equilibrium of the repeated game.
//     Ties between equally bad equilibria go to the first in profile order. A game with no
//     pure equilibrium falls back to minmax, with a note.
//   - minmax: the others choose the pure profile that minimises i's best reply payoff,
//         P_i = min over a_-i of max over a_i of u_i(a_i, a_-i),
//     and the punishing profile reported is that a_-i with i's best reply. This is the PURE
//     minmax: punishers who mix (matching pennies) can hold i lower still, which would only
//     lower delta*_i. Punishing at the minmax for ever may cost the punishers more than
//     deviating from the punishment; when the punishing profile is not a stage equilibrium,
//     grim trigger is a Nash but not necessarily a subgame-perfect equilibrium of the
//     repeated game, and a note says so (Fudenberg and Maskin's folk theorem uses finite
//     punishment phases followed by rewards to make such threats credible).
//
// Simultaneous deviations by several players are not considered: as usual for equilibrium,
// only unilateral deviations matter.
//
// References: J. W. Friedman, "A non-cooperative equilibrium for supergames", Review of
// Economic Studies 38(1), 1971, pp. 1-12; D. Fudenberg and J. Tirole, Game Theory, MIT Press,
// 1991, chapter 5 (repeated games); D. Fudenberg and E. Maskin, "The folk theorem in repeated
// games with discounting or with incomplete information", Econometrica 54(3), 1986.
#pragma once

#include "triad/core/game.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

enum class Punishment { nash, minmax };

[[nodiscard]] std::string_view to_string(Punishment punishment);
// "nash" or "minmax"; nullopt otherwise.
[[nodiscard]] std::optional<Punishment> parse_punishment(std::string_view text);

struct SustainResult {
    std::size_t target = 0;
    Punishment punishment = Punishment::nash;   // the one actually used (after any fallback)
    std::vector<double> cooperative, deviation, punished;   // C_i, D_i, P_i
    // i's best one-shot deviation action: the target's own action when no action gains more
    // than the tolerance.
    std::vector<int> best_deviation;
    std::vector<std::optional<double>> critical;             // delta*_i; nullopt when C_i < P_i
    std::vector<std::optional<std::size_t>> punishment_profile; // the profile played against i
    double required = 0.0;   // max_i delta*_i (1 when some player cannot be held)
    bool feasible = true;    // every C_i >= P_i
    std::vector<std::string> notes;
};

// The critical discount factors of the pure profile `target` under grim trigger with the given
// punishment. `tolerance` is the payoff difference below which two payoffs tie (see
// payoff_tolerance in solvers/equilibrium.hpp). Throws triad::Error for a profile outside the game or
// a negative or non-finite tolerance.
[[nodiscard]] SustainResult sustain(const Game& game, std::size_t target, Punishment punishment,
                                    double tolerance);

// Whether `player` keeps to the target at discount factor `discount`: C_i >= P_i and
// discount >= delta*_i. Throws triad::Error unless 0 <= discount < 1.
[[nodiscard]] bool holds(const SustainResult& result, int player, double discount);

// Sustainable at the given discount factors (one per player): every player holds. Throws
// triad::Error when the count differs from the number of players or a factor is outside [0, 1).
[[nodiscard]] bool sustainable(const SustainResult& result, const std::vector<double>& discount);

}  // namespace triad
