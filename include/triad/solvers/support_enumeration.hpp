// All Nash equilibria of a two-player game, by support enumeration.
//
// The method (Nisan, Roughgarden, Tardos and Vazirani, Algorithmic Game Theory (2007), ch. 3;
// von Stengel, "Computing equilibria for two-person games", Handbook of Game Theory vol. 3
// (2002), ch. 45). In an equilibrium (x, y) every action a player uses earns the same, highest,
// payoff against the other's strategy. So guess the supports: a set I of row actions and a set
// J of column actions. If both players use supports of the same size k, "each column in J earns
// the column player the same value u against x" is k - 1 linear equations in x, plus
// sum(x) = 1: a square (k + 1) x (k + 1) system for (x on I, u). The same holds for (y on J, v)
// with the row player's payoffs. Solve both, keep the solutions whose entries are probabilities
// (>= 0) and whose support actions are best replies (no action outside earns more). In a
// nondegenerate game (no mixed strategy with support size k has more than k pure best replies)
// this finds every equilibrium, each isolated, and there is an odd number of them.
//
// How it is done here, which also covers degenerate games. Each solve above for one side, say
// x with support I and tied best replies J, finds a vertex of that player's best-reply polytope
// (von Stengel 2002, section 3): x is pinned down uniquely by its support and k tied best
// replies. The solver therefore collects, over all equal-size pairs (I, J) whose bordered
// matrix has full rank (FullPivLU rank check), the feasible vertices of each side separately,
// and then pairs every row vertex x with every column vertex y such that supp(y) is among x's
// best replies and supp(x) among y's. In a nondegenerate game this is exactly the classic
// method. In a degenerate game it finds the extreme equilibria (Avis, Rosenberg, Savani and von
// Stengel, "Enumeration of Nash equilibria for two-player games", Economic Theory 42 (2010)),
// including pairs with supports of unequal sizes: a vertex with support size k that has more
// than k best replies is exactly the unequal-size case, and a singular (I, J) system, whose
// solutions form a continuum, contributes the continuum's vertices through smaller subsystems.
// Equilibrium components may then be continua; the result lists their vertices and says so.
//
// Pruning: for a support I, a column that some other column beats by more than the tolerance
// on every row of I can never be a best reply to a strategy on I, so J is drawn only from the
// remaining columns (conditional dominance, as in Porter, Nudelman and Shoham 2004).
//
// Cost: up to C(m + n, m) small solves for an m x n game, so it suits games up to about 12 x 12
// (or lopsided ones such as 3 x 40); each player may have at most 63 actions.
#pragma once

#include "triad/solvers/equilibrium.hpp"
#include "triad/core/game.hpp"

#include <string>
#include <vector>

namespace triad {

struct SupportEnumerationOptions {
    // Relative tolerance. Payoff comparisons use payoff_tolerance(game, tolerance) (scaled by
    // the largest payoff); probabilities within `tolerance` of zero count as zero.
    double tolerance = 1e-9;
};

struct SupportEnumerationResult {
    // Method "support". Pure equilibria first (profile set, "strict" label when every
    // deviation loses more than the tolerance), in profile order; then mixed ones, sorted by
    // total support size, then by the row player's and the column player's supports (as action
    // index lists), then by the probabilities.
    std::vector<Equilibrium> equilibria;
    // Some strategy has more pure best replies than its support size: some support pair admits
    // a continuum of solutions or supports of unequal sizes solve.
    bool degenerate = false;
    std::string note;  // what was done about degeneracy, in plain words
};

// Throws triad::Error if game.player_count() != 2 or a player has more than 63 actions.
[[nodiscard]] SupportEnumerationResult support_enumeration(
    const Game& game, const SupportEnumerationOptions& options = {});

}  // namespace triad
