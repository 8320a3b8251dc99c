// Logit QRE by predictor-corrector path following; the maths is in include/triad/solvers/qre.hpp,
// the equations and their layout in qre_system.hpp.
#include "triad/solvers/qre.hpp"

#include "builtin.hpp"
#include "qre_system.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace triad {
namespace {

using qre_detail::Layout;
using qre_detail::QreSystem;

// Step control. The corrector must land within kMaxCorrection of the predicted point on its
// first Newton step and then shrink each step by at least kMaxContraction; otherwise the step
// is halved (a failing corrector is the usual sign of a predictor that overshot a bend, and
// trying anyway risks converging onto another branch). A tangent turning by more than
// kMaxTurn also halves the step, and a step is "easy" (the next one grows) when the corrector
// moved little and contracted fast and the tangent barely turned.
constexpr double kMaxCorrection = 0.5;
constexpr double kMaxContraction = 0.5;
constexpr int kMaxCorrectorIterations = 12;
constexpr double kMaxTurn = std::numbers::pi / 6;    // 30 degrees
constexpr double kEasyTurn = std::numbers::pi / 36;  // 5 degrees
constexpr double kEasyContraction = 0.25;
constexpr double kEasyCorrection = 0.05;
constexpr double kGrowth = 1.5;
constexpr double kPureTolerance = 1e-6;


// The Jacobian with one extra row appended: [jac; extra^T], square.
Eigen::MatrixXd augmented(const Eigen::MatrixXd& jac, const Eigen::VectorXd& extra) {
    Eigen::MatrixXd a(jac.rows() + 1, jac.cols());
    a.topRows(jac.rows()) = jac;
    a.row(jac.rows()) = extra.transpose();
    return a;
}

// The unit tangent: the null vector t of the Jacobian with t . r > 0, found by solving
// [J; r^T] t = e_last (Allgower and Georg) with `lu` that matrix factored and r the previous
// tangent. Keeping the sign of the previous tangent is what carries the path through a turning
// point in lambda, where d lambda / ds changes sign. Returns false when the system is singular
// (a bifurcation, or a degenerate game).
bool unit_tangent(const Eigen::PartialPivLU<Eigen::MatrixXd>& lu, Eigen::VectorXd& t) {
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(lu.rows());
    rhs(lu.rows() - 1) = 1.0;
    t = lu.solve(rhs);
    const double norm = t.norm();
    if (!std::isfinite(norm) || norm == 0.0) return false;
    t /= norm;
    return t.allFinite();
}

// Shift each player's log-probabilities so they sum (in probability) to exactly one:
// x_i -= logsumexp(x_i). Keeps rounding in the normalisation from accumulating.
void normalise_logs(const Layout& layout, Eigen::Ref<Eigen::VectorXd> x) {
    for (int i = 0; i < layout.players(); ++i) {
        auto block = x.segment(layout.offset[i], layout.actions(i));
        const double top = block.maxCoeff();
        block.array() -= top + std::log((block.array() - top).exp().sum());
    }
}

MixedProfile strategy_of(const Layout& layout, const Eigen::VectorXd& z) {
    MixedProfile out(layout.players());
    for (int i = 0; i < layout.players(); ++i) {
        Eigen::VectorXd logs = z.segment(layout.offset[i], layout.actions(i));
        const double top = logs.maxCoeff();
        Eigen::VectorXd weights = (logs.array() - top).exp();
        out[i] = weights / weights.sum();
    }
    return out;
}

double largest_payoff(const Game& game) {
    double scale = 1.0;
    for (const auto& u : game.payoffs)
        if (u.size() > 0) scale = std::max(scale, u.cwiseAbs().maxCoeff());
    return scale;
}

struct Correction {
    enum class Outcome { converged, diverged, non_finite } outcome = Outcome::diverged;
    double first_move = 0.0;   // length of the first Newton step
    double contraction = 0.0;  // largest ratio of successive Newton step lengths
};

// Newton-chord iterations on [H(z); extra . z - target] = 0 from the predicted point, with
// `lu` the factored matrix [J; extra^T] at the last accepted point: that factorisation is the
// one the tangent there was computed from, so the corrector needs no Jacobian of its own and
// each iteration costs one payoff pass for v only. For an ordinary step `extra` is the tangent
// the factorisation was built with (the constraint is then the hyperplane through the
// predicted point orthogonal to it); for the last step it is e_lambda, to land on max_lambda.
Correction correct(QreSystem& system, Eigen::VectorXd& z, const Eigen::PartialPivLU<Eigen::MatrixXd>& lu,
                   const Eigen::VectorXd& extra, double target, double tolerance, double payoff_scale) {
    const int m = system.unknowns();
    Correction result;
    Eigen::VectorXd h;
    Eigen::VectorXd f(m + 1);
    double previous = std::numeric_limits<double>::infinity();
    for (int it = 0;; ++it) {
        system.residual(z, h);
        f.head(m) = h;
        f(m) = extra.dot(z) - target;
        if (!f.allFinite()) {
            result.outcome = Correction::Outcome::non_finite;
            return result;
        }
        // Evaluating lambda * v in double precision costs about eps * lambda * |u|; asking
        // for less would never converge at large lambda.
        const double floor =
            64 * std::numeric_limits<double>::epsilon() * (1.0 + std::abs(z(m)) * payoff_scale);
        if (h.lpNorm<Eigen::Infinity>() <= std::max(tolerance, floor) && std::abs(f(m)) <= 1e-6) {
            result.outcome = Correction::Outcome::converged;
            return result;
        }
        if (it == kMaxCorrectorIterations) return result;
        const Eigen::VectorXd step = lu.solve(-f);
        const double move = step.norm();
        if (!std::isfinite(move)) {
            result.outcome = Correction::Outcome::non_finite;
            return result;
        }
        if (it == 0) result.first_move = move;
        if (it > 0 && previous > 0.0) result.contraction = std::max(result.contraction, move / previous);
        if (move > kMaxCorrection || move > kMaxContraction * previous) return result;
        z += step;
        previous = move;
    }
}

// Six significant digits, for status messages (parameters.hpp's format_number is exact).
std::string six_digits(double x) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.6g", x);
    return buffer;
}

Equilibrium limit_of(const Game& game, const MixedProfile& strategy) {
    std::vector<int> actions(strategy.size());
    bool pure = true;
    for (std::size_t i = 0; i < strategy.size() && pure; ++i) {
        Eigen::Index best = 0;
        pure = strategy[i].maxCoeff(&best) >= 1.0 - kPureTolerance;
        actions[i] = static_cast<int>(best);
    }
    if (pure) return make_pure_equilibrium(game, game.space.index(actions), "qre");
    Equilibrium eq;
    eq.method = "qre";
    eq.strategy = strategy;
    eq.payoffs = expected_payoffs(game, strategy);
    eq.regret = regret(game, strategy);
    return eq;
}

void check_options(const QreOptions& o) {
    const auto positive = [](double x) { return std::isfinite(x) && x > 0.0; };
    if (!positive(o.initial_step) || !positive(o.max_step) || !positive(o.min_step) ||
        !positive(o.tolerance) || std::isnan(o.max_lambda))
        throw Error("trace_qre: steps and tolerance must be positive and finite, max_lambda a number");
}

bool payoffs_finite(const Game& game) {
    return std::all_of(game.payoffs.begin(), game.payoffs.end(),
                       [](const Eigen::VectorXd& u) { return u.allFinite(); });
}

}  // namespace

MixedProfile logit_response(const Game& game, const MixedProfile& strategy, double lambda) {
    MixedProfile out(game.player_count());
    for (int i = 0; i < game.player_count(); ++i) {
        const Eigen::VectorXd exponent = lambda * action_values(game, strategy, i);
        const Eigen::VectorXd weights = (exponent.array() - exponent.maxCoeff()).exp();
        out[i] = weights / weights.sum();
    }
    return out;
}

namespace {

// The game traced: each player's payoffs shifted to start at 0 and divided by the payoff range
// R, so that the steps, the tolerances and the stopping point do not depend on the units the
// payoffs are written in. The branch of u / R at lambda' is the branch of u at lambda = lambda'
// / R (logit play depends on lambda * u only), and it ignores a constant, which the corrector's
// rounding floor (proportional to the largest payoff) then does too.
Game normalised(const Game& game, double range) {
    Game scaled = game;
    for (auto& u : scaled.payoffs)
        if (u.size() > 0) u = (u.array() - u.minCoeff()) / range;
    return scaled;
}

// The trace at its last accepted point z: the Jacobian there, the factorisation of [J; r^T]
// with r the previous tangent (e_lambda at the start, to head towards increasing lambda), and
// the unit tangent t solved from it.
struct Tracer {
    const Layout& layout;
    QreSystem& system;
    const QreOptions& options;
    double payoff_scale = 1.0;
    int m = 0;
    Eigen::VectorXd z = {}, t = {}, row = {}, e_lambda = {};
    Eigen::MatrixXd jac = {};
    Eigen::PartialPivLU<Eigen::MatrixXd> lu = {};
    int turning_points = 0;
    double stalled_at = 0.0;  // lambda of the point whose tangent was singular
    std::string last_failure = "the corrector did not converge";
};

// lambda = 0: uniform play, the only solution there. False if the tangent there is singular.
bool start(Tracer& tr) {
    tr.m = tr.layout.unknowns();
    tr.z.resize(tr.m + 1);
    for (int i = 0; i < tr.layout.players(); ++i)
        tr.z.segment(tr.layout.offset[i], tr.layout.actions(i)).setConstant(-std::log(double(tr.layout.actions(i))));
    tr.z(tr.m) = 0.0;
    tr.e_lambda = Eigen::VectorXd::Unit(tr.m + 1, tr.m);
    tr.row = tr.e_lambda;
    Eigen::VectorXd h;
    tr.system.residual_and_jacobian(tr.z, h, tr.jac);
    tr.lu.compute(augmented(tr.jac, tr.row));
    return unit_tangent(tr.lu, tr.t);
}

enum class Step { easy, accepted, reached_end, retry, singular };

// One predictor-corrector step of length `step` along the tangent (the last one shortened to end
// on max_lambda). On `retry` the step should be halved (tr.last_failure says why); `easy` (little
// correction, little turning) lets the next step be longer.
Step advance(Tracer& tr, double step) {
    const int m = tr.m;
    Eigen::VectorXd next = tr.z + step * tr.t;
    Correction c;
    const bool last = tr.t(m) > 0.0 && next(m) >= tr.options.max_lambda;
    if (last) {
        next = tr.z + ((tr.options.max_lambda - tr.z(m)) / tr.t(m)) * tr.t;
        const Eigen::PartialPivLU<Eigen::MatrixXd> lu_last(augmented(tr.jac, tr.e_lambda));
        c = correct(tr.system, next, lu_last, tr.e_lambda, tr.options.max_lambda, tr.options.tolerance, tr.payoff_scale);
    } else {
        c = correct(tr.system, next, tr.lu, tr.row, tr.row.dot(next), tr.options.tolerance, tr.payoff_scale);
    }
    if (c.outcome != Correction::Outcome::converged) {
        tr.last_failure = c.outcome == Correction::Outcome::non_finite ? "a non-finite value appeared in the corrector"
                                                                      : "the corrector did not converge";
        return Step::retry;
    }
    if (next(m) < 0.0) {  // the branch never returns to lambda = 0: a jump, not the path
        tr.last_failure = "the corrector left lambda >= 0";
        return Step::retry;
    }
    normalise_logs(tr.layout, next.head(m));

    Eigen::VectorXd h, t_next;
    Eigen::MatrixXd jac_next;
    tr.system.residual_and_jacobian(next, h, jac_next);
    Eigen::PartialPivLU<Eigen::MatrixXd> lu_next(augmented(jac_next, tr.t));
    if (!unit_tangent(lu_next, t_next)) {
        tr.stalled_at = next(m);
        return Step::singular;
    }
    const double turn = std::acos(std::clamp(t_next.dot(tr.t), -1.0, 1.0));
    if (turn > kMaxTurn) {
        tr.last_failure = "the tangent kept turning by more than 30 degrees";
        return Step::retry;
    }
    if ((tr.t(m) > 0.0 && t_next(m) < 0.0) || (tr.t(m) < 0.0 && t_next(m) > 0.0)) ++tr.turning_points;
    tr.row = tr.t;
    tr.z = next;
    tr.t = t_next;
    tr.jac = std::move(jac_next);
    tr.lu = std::move(lu_next);
    if (last) return Step::reached_end;
    return c.contraction <= kEasyContraction && c.first_move <= kEasyCorrection && turn <= kEasyTurn ? Step::easy
                                                                                                      : Step::accepted;
}

// Steps along the branch until max_lambda, max_steps or min_step; each accepted point is added
// to result.branch (lambda in the user's units). Returns the status.
template <class Describe>
std::string trace_branch(Tracer& tr, QreResult& result, const Describe& at_lambda) {
    const QreOptions& options = tr.options;
    double step = options.initial_step;
    for (int attempts = 0;; ++attempts) {
        const double lambda = tr.z(tr.m);
        if (lambda >= options.max_lambda) {
            result.converged = true;
            return "reached lambda = " + at_lambda(lambda);
        }
        if (attempts >= options.max_steps)
            return "stopped after " + std::to_string(attempts) + " steps at lambda = " + at_lambda(lambda);
        step = std::min(step, options.max_step * std::max(1.0, lambda));
        if (step < options.min_step)
            return "step size fell below " + six_digits(options.min_step) + " at lambda = " + at_lambda(lambda) + ": " +
                   tr.last_failure;
        const Step outcome = advance(tr, step);
        if (outcome == Step::retry) {
            step *= 0.5;
            continue;
        }
        if (outcome == Step::singular) return "non-finite or singular tangent at lambda = " + at_lambda(tr.stalled_at);
        result.branch.push_back({tr.z(tr.m) / result.payoff_range, strategy_of(tr.layout, tr.z)});
        if (outcome == Step::reached_end) {
            result.converged = true;
            return "reached lambda = " + at_lambda(tr.z(tr.m));
        }
        if (outcome == Step::easy) step *= kGrowth;
    }
}

}  // namespace

QreResult trace_qre(const Game& game, const QreOptions& options) {
    check_options(options);
    QreResult result;
    result.limit.method = "qre";
    if (game.player_count() == 0 || game.payoffs.size() != game.players.size()) {
        result.status = "the game has no players";
        return result;
    }
    if (!payoffs_finite(game)) {
        result.status = "non-finite payoff in the game";
        return result;
    }
    const double range = payoff_range(game);
    result.payoff_range = range;
    const Game scaled = normalised(game, range);
    const Layout layout(scaled);
    QreSystem system(scaled, layout);
    Tracer tr{layout, system, options};
    tr.payoff_scale = largest_payoff(scaled);
    // "lambda = 12.5 (1250 in units of the payoff range)": the user's units, then the trace's.
    const auto at_lambda = [range](double normalised) {
        return six_digits(normalised / range) + " (" + six_digits(normalised) + " in units of the payoff range)";
    };
    const bool started = start(tr);
    result.branch.push_back({0.0, strategy_of(layout, tr.z)});
    if (!started) {
        result.status = "singular Jacobian at lambda = 0";
        result.limit = limit_of(game, result.branch.back().strategy);
        return result;
    }
    result.status = trace_branch(tr, result, at_lambda);
    result.turning_points = tr.turning_points;
    result.limit = limit_of(game, result.branch.back().strategy);
    return result;
}

}  // namespace triad

// ---------------------------------------------------------------------------------------------
// Registration: `triad solve --method qre` (one line in registry.cpp).
// qre: the logit quantal-response branch from lambda = 0, and its limit (qre.hpp).

namespace triad::solvers {

SolverSpec qre() {
    const QreOptions defaults;
    SolverSpec spec{
        .name = "qre",
        .summary = "logit quantal-response equilibrium traced from lambda = 0; its limit selects a Nash equilibrium",
        .reference = "McKelvey and Palfrey, GEB 10 (1995); Turocy, GEB 51 (2005)",
        .options =
            {
                {.symbol = "max_lambda", .name = "max_lambda", .default_value = defaults.max_lambda, .lower = 1e-6,
                 .help = "trace the branch up to this lambda, in units of the payoff range (lambda times max_i (max u_i - min u_i))"},
                {.symbol = "initial_step", .name = "initial_step", .default_value = defaults.initial_step, .lower = 1e-12,
                 .help = "first arc-length step"},
                {.symbol = "max_step", .name = "max_step", .default_value = defaults.max_step, .lower = 1e-12,
                 .help = "largest arc-length step, as a multiple of max(1, lambda)"},
                {.symbol = "corrector_tolerance", .name = "corrector_tolerance", .default_value = defaults.tolerance,
                 .lower = 1e-16, .help = "Newton corrector convergence on the residual"},
            },
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        QreOptions q;
        q.max_lambda = options.at("max_lambda");
        q.initial_step = options.at("initial_step");
        q.max_step = options.at("max_step");
        q.tolerance = options.at("corrector_tolerance");
        QreResult result = trace_qre(game, q);
        report.status = result.status;
        report.turning_points = result.turning_points;
        if (!result.converged) report.notes.push_back("the branch stopped early: " + result.status);
        report.equilibria.push_back(std::move(result.limit));
        report.branch = std::move(result.branch);
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
