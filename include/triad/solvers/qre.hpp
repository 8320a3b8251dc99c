// The logit quantal response equilibrium (QRE), traced from lambda = 0 (McKelvey and Palfrey,
// "Quantal Response Equilibria for Normal Form Games", Games and Economic Behavior 10, 1995).
//
// The model. Players err, and err less when errors cost more: at precision lambda >= 0 each
// player i plays action a with probability proportional to exp(lambda * v_i(a)), where v_i(a)
// is the expected payoff of a against the others' mixed strategies. A QRE is a profile that is
// its own logit response. At lambda = 0 every player mixes uniformly (the only solution); as
// lambda grows, the solutions form curves, and for a generic game exactly one curve (the
// principal branch) starts at the uniform profile and runs to lambda = infinity, where it ends
// at a Nash equilibrium. That equilibrium is the "limiting logit equilibrium", a selection
// among a game's Nash equilibria.
//
// The equations. Write x_ia = log sigma_i(a). The logit condition is equivalent to
//     x_ia - x_i0 - lambda (v_i(a) - v_i(0)) = 0     for every player i and action a != 0,
//     sum_a exp(x_ia) - 1 = 0                        for every player i,
// which is M = sum_i m_i equations in the M + 1 unknowns (x, lambda): generically a
// one-dimensional curve. Log-probabilities keep the equations linear in x (no exp of
// lambda * v, which overflows for lambda ~ 1e4 and payoffs ~ 10) and let a probability of
// 1e-300 be represented as the ordinary number -690.
//
// The method (predictor-corrector path following; Allgower and Georg, and Turocy, "A dynamic
// homotopy interpretation of the logistic quantal response equilibrium correspondence",
// GEB 51, 2005). The curve is followed by arc length s, not by lambda, because lambda is not
// monotone along it in general: the branch may bend back (d lambda / ds changes sign) and then
// forward again. At each point the unit tangent spans the null space of the M x (M + 1)
// Jacobian, with its sign chosen to agree with the previous tangent, which is what carries the
// path through those turning points. A step moves along the tangent (predictor) and then
// returns to the curve by Newton's method in the hyperplane orthogonal to the tangent
// (corrector). Steps shrink when the corrector struggles or the tangent turns sharply and grow
// when it is easy.
//
// Far out, the branch is close to a straight ray: the log-probability of a losing action falls
// like -lambda times its payoff shortfall. A step bounded by a fixed arc length would then need
// on the order of max_lambda steps, so the largest step is max_step * max(1, lambda): steps of
// fixed size in (x, lambda) up to lambda = 1, of fixed relative size beyond.
#pragma once

#include "triad/solvers/equilibrium.hpp"
#include "triad/core/game.hpp"

#include <string>
#include <vector>

namespace triad {

// Every option is in units of the game's payoff range R (payoff_range): the branch is traced
// for u / R, whose lambda' = lambda * R, so the same game written in other units (times 10^6,
// or shifted) takes the same steps to the same equilibrium. The branch and the status report
// lambda in the user's units.
struct QreOptions {
    // Stop when lambda * R reaches this: 1e5 is lambda = 10^4 for payoffs spanning 10, as the
    // shipped scenarios' do, where a losing action's probability is below e^-100 once its
    // shortfall is a thousandth of the range.
    double max_lambda = 1e5;
    double initial_step = 0.03;  // arc-length step
    // Largest arc-length step, as a multiple of max(1, lambda) (see above); steps grow when the
    // corrector converges fast.
    double max_step = 1.0;
    double min_step = 1e-10;    // give up below this
    // Corrector convergence on the residual (max norm), raised at large lambda to the rounding
    // floor of computing lambda * v, about 64 eps lambda max|u|.
    double tolerance = 1e-10;
    int max_steps = 100000;     // predictor-corrector attempts, accepted or not
};

struct QrePoint {
    double lambda;
    MixedProfile strategy;
};

struct QreResult {
    std::vector<QrePoint> branch;  // from lambda = 0 (uniform) to the last point
    // Method "qre": the last point's profile; rounded to a pure profile when every player puts
    // at least 1 - 1e-6 on one action (then `profile` is set); regret computed on the game.
    Equilibrium limit;
    bool converged = false;     // reached max_lambda
    std::string status;         // "reached lambda = ...", or why it stopped
    int turning_points = 0;     // times d lambda / d s changed sign
    double payoff_range = 1.0;  // the unit of the trace: lambda' = lambda * payoff_range
};

// Traces the principal branch of the logit QRE from lambda = 0 to options.max_lambda. Never
// throws on numerical trouble (a non-finite value, a step that keeps failing): it stops and
// says why in `status`, keeping the branch traced so far. Throws triad::Error for options
// that make no sense (non-positive steps or tolerance).
[[nodiscard]] QreResult trace_qre(const Game& game, const QreOptions& options = {});

// The logit response to a profile at lambda: sigma_i(a) proportional to exp(lambda * v_i(a)),
// normalised in log space (log-sum-exp), so any lambda is safe.
[[nodiscard]] MixedProfile logit_response(const Game& game, const MixedProfile& strategy,
                                          double lambda);

}  // namespace triad
