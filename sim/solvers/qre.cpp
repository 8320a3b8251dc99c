// Logit QRE by predictor-corrector path following; the maths is in include/triad/solvers/qre.hpp.
//
// Unknowns z = (x, lambda): x holds every player's log-probabilities, player by player
// (player i's block starts at offset[i]), and lambda is last. Player i's block of equations
// uses its first row (offset[i]) for the normalisation sum_a exp(x_ia) = 1 and the rows
// offset[i] + a, a >= 1, for the log-odds equations, so the Jacobian's row and column blocks
// line up.
#include "triad/solvers/qre.hpp"

#include "builtin.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>

namespace triad {
namespace {

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

// Where each player's unknowns start; offset.back() is M, the number of log-probabilities.
struct Layout {
    std::vector<int> offset;

    explicit Layout(const Game& game) : offset(game.player_count() + 1, 0) {
        for (int i = 0; i < game.player_count(); ++i)
            offset[i + 1] = offset[i] + game.space.actions(i);
    }
    [[nodiscard]] int players() const { return static_cast<int>(offset.size()) - 1; }
    [[nodiscard]] int unknowns() const { return offset.back(); }
    [[nodiscard]] int actions(int player) const { return offset[player + 1] - offset[player]; }
};

// One walk over the profile space computing
//     v[(i,a)]       = sum_{p: p_i = a} u_i(p) prod_{k != i} sigma_k(p_k)
// and, when WithDerivatives, the payoff derivatives (column-major M x M)
//     d[(i,a),(j,b)] = d v_i(a) / d sigma_j(b) = sum_{p: p_i = a, p_j = b} u_i(p) prod_{k != i,j} sigma_k(p_k)
// for i != j (the diagonal blocks stay zero). `sigma` and the rows of v and d are indexed like
// the unknowns.
//
// Player 0's action varies fastest, so the profiles come in runs of m_0 that share the other
// players' actions. Per run, the products over players 1.. leaving out none, one or two of
// them come from prefix and suffix products (no division by a probability that may have
// underflowed to zero), and player 0 enters only through m_0-long dot products and axpys over
// the run:
//     v_0(a)            += u_0(run a) * P_{-0}
//     v_i(a_i)          += (u_i(run) . sigma_0) * P_{-0,i}
//     d[(0,a),(j,a_j)]  += u_0(run a) * P_{-0,j}
//     d[(j,a_j),(0,a)]  += u_j(run a) * P_{-0,j}
//     d[(i,a_i),(j,a_j)] += (u_i(run) . sigma_0) * P_{-0,i,j}
// where P_{-0,S} is the product of sigma_k(a_k) over players k >= 1 not in S.
template <bool WithDerivatives>
void payoff_pass(const Game& game, const Layout& layout, const double* sigma, double* v, double* d) {
    const int n = layout.players();
    const std::size_t m = static_cast<std::size_t>(layout.unknowns());
    const int run = layout.actions(0);
    std::fill(v, v + m, 0.0);
    if constexpr (WithDerivatives) std::fill(d, d + m * m, 0.0);

    std::vector<const double*> payoff(n);
    for (int i = 0; i < n; ++i) payoff[i] = game.payoffs[i].data();
    std::vector<int> row(layout.offset.begin(), layout.offset.end() - 1);  // offset[k] + a_k
    std::vector<double> prefix(n + 1, 1.0), suffix(n + 1, 1.0), dot(n, 0.0);
    const double* sigma0 = sigma;  // player 0's block starts at 0

    const std::size_t size = game.space.size();
    for (std::size_t base = 0; base < size; base += static_cast<std::size_t>(run)) {
        // prefix[k] = prod_{1 <= l < k} sigma_l, suffix[k] = prod_{l >= k} sigma_l.
        for (int k = 1; k < n; ++k) prefix[k + 1] = prefix[k] * sigma[row[k]];
        for (int k = n - 1; k >= 1; --k) suffix[k] = sigma[row[k]] * suffix[k + 1];
        const double others = prefix[n];  // P_{-0}
        for (int i = 1; i < n; ++i) {
            const double* u = payoff[i] + base;
            double s = 0.0;
            for (int a = 0; a < run; ++a) s += u[a] * sigma0[a];
            dot[i] = s;
            v[row[i]] += s * prefix[i] * suffix[i + 1];
        }
        const double* u0 = payoff[0] + base;
        for (int a = 0; a < run; ++a) v[a] += u0[a] * others;
        if constexpr (WithDerivatives) {
            for (int j = 1; j < n; ++j) {
                const double without_j = prefix[j] * suffix[j + 1];  // P_{-0,j}
                const double* uj = payoff[j] + base;
                double* column_j = d + static_cast<std::size_t>(row[j]) * m;  // d[(0,.),(j,a_j)]
                double* row_j = d + row[j];                                    // d[(j,a_j),(0,.)]
                for (int a = 0; a < run; ++a) {
                    column_j[a] += u0[a] * without_j;
                    row_j[static_cast<std::size_t>(a) * m] += uj[a] * without_j;
                }
            }
            for (int i = 1; i < n; ++i) {
                double between = 1.0;  // product over players strictly between i and j
                for (int j = i + 1; j < n; ++j) {
                    const double rest = prefix[i] * between * suffix[j + 1];  // P_{-0,i,j}
                    d[row[i] + static_cast<std::size_t>(row[j]) * m] += dot[i] * rest;
                    d[row[j] + static_cast<std::size_t>(row[i]) * m] += dot[j] * rest;
                    between *= sigma[row[j]];
                }
            }
        }
        for (int k = 1; k < n; ++k) {  // odometer over players 1.., player 1 fastest
            if (++row[k] < layout.offset[k + 1]) break;
            row[k] = layout.offset[k];
        }
    }
}

// The QRE equations H(z) = 0 of one game, with scratch space reused across evaluations.
class QreSystem {
public:
    QreSystem(const Game& game, const Layout& layout)
        : game_(game), layout_(layout), m_(layout.unknowns()), sigma_(m_), values_(m_),
          derivatives_(m_, m_) {}

    [[nodiscard]] int unknowns() const { return m_; }

    // H(z), length M.
    void residual(const Eigen::VectorXd& z, Eigen::VectorXd& h) {
        set_point(z);
        payoff_pass<false>(game_, layout_, sigma_.data(), values_.data(), nullptr);
        fill_residual(z, h);
    }

    // H(z) and its Jacobian dH/dz (M x (M + 1), lambda's column last), from one payoff pass.
    void residual_and_jacobian(const Eigen::VectorXd& z, Eigen::VectorXd& h, Eigen::MatrixXd& jac) {
        set_point(z);
        payoff_pass<true>(game_, layout_, sigma_.data(), values_.data(), derivatives_.data());
        fill_residual(z, h);
        fill_jacobian(z(m_), jac);
    }

private:
    void set_point(const Eigen::VectorXd& z) { sigma_ = z.head(m_).array().exp(); }

    void fill_residual(const Eigen::VectorXd& z, Eigen::VectorXd& h) const {
        const double lambda = z(m_);
        h.resize(m_);
        for (int i = 0; i < layout_.players(); ++i) {
            const int o = layout_.offset[i];
            const int count = layout_.actions(i);
            h(o) = sigma_.segment(o, count).sum() - 1.0;
            for (int a = 1; a < count; ++a)
                h(o + a) = z(o + a) - z(o) - lambda * (values_(o + a) - values_(o));
        }
    }

    // Row (i,a), a >= 1:  d/dx_ia = 1, d/dx_i0 = -1,
    //   d/dx_jb = -lambda (D[(i,a),(j,b)] - D[(i,0),(j,b)]) sigma_j(b)   (chain rule through exp),
    //   d/dlambda = -(v_i(a) - v_i(0)).
    // Row (i,0): d/dx_ib = sigma_i(b).
    void fill_jacobian(double lambda, Eigen::MatrixXd& jac) const {
        jac.setZero(m_, m_ + 1);
        for (int i = 0; i < layout_.players(); ++i) {
            const int o = layout_.offset[i];
            const int count = layout_.actions(i);
            jac.block(o, o, 1, count) = sigma_.segment(o, count).transpose();
            for (int a = 1; a < count; ++a) {
                const int r = o + a;
                jac(r, r) = 1.0;
                jac(r, o) = -1.0;
                for (int j = 0; j < layout_.players(); ++j) {
                    if (j == i) continue;
                    const int oj = layout_.offset[j];
                    for (int b = 0; b < layout_.actions(j); ++b)
                        jac(r, oj + b) =
                            -lambda * (derivatives_(r, oj + b) - derivatives_(o, oj + b)) * sigma_(oj + b);
                }
                jac(r, m_) = -(values_(r) - values_(o));
            }
        }
    }

    const Game& game_;
    const Layout& layout_;
    int m_;
    Eigen::VectorXd sigma_;
    Eigen::VectorXd values_;
    Eigen::MatrixXd derivatives_;
};

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

    // Traced in units of the payoff range R, so that the steps, the tolerances and the stopping
    // point do not depend on the units the payoffs are written in: the branch of u / R at
    // lambda' is the branch of u at lambda = lambda' / R (logit play depends on lambda * u only).
    const double range = payoff_range(game);
    result.payoff_range = range;
    // Each player's payoffs are also shifted to start at 0: logit play ignores a constant, and
    // the corrector's rounding floor (proportional to the largest payoff) then does too.
    Game scaled = game;
    for (auto& u : scaled.payoffs)
        if (u.size() > 0) u = (u.array() - u.minCoeff()) / range;
    const Layout layout(scaled);
    const int m = layout.unknowns();
    QreSystem system(scaled, layout);
    const double payoff_scale = largest_payoff(scaled);
    // "lambda = 12.5 (1250 in units of the payoff range)": the user's units, then the trace's.
    const auto at_lambda = [range](double normalised) {
        return six_digits(normalised / range) + " (" + six_digits(normalised) + " in units of the payoff range)";
    };

    // lambda = 0: uniform play, the only solution there.
    Eigen::VectorXd z(m + 1);
    for (int i = 0; i < layout.players(); ++i)
        z.segment(layout.offset[i], layout.actions(i)).setConstant(-std::log(double(layout.actions(i))));
    z(m) = 0.0;
    result.branch.push_back({0.0, strategy_of(layout, z)});

    // At each accepted point z: the Jacobian there, the factorisation of [J; r^T] with r the
    // previous tangent (e_lambda at the start, to head towards increasing lambda), and the unit
    // tangent t solved from it.
    Eigen::VectorXd h;
    Eigen::MatrixXd jac;
    Eigen::VectorXd t;
    const Eigen::VectorXd e_lambda = Eigen::VectorXd::Unit(m + 1, m);
    Eigen::VectorXd row = e_lambda;
    system.residual_and_jacobian(z, h, jac);
    Eigen::PartialPivLU<Eigen::MatrixXd> lu(augmented(jac, row));
    if (!unit_tangent(lu, t)) {
        result.status = "singular Jacobian at lambda = 0";
        result.limit = limit_of(game, result.branch.back().strategy);
        return result;
    }

    double step = options.initial_step;
    std::string last_failure = "the corrector did not converge";
    int attempts = 0;
    for (;; ++attempts) {
        const double lambda = z(m);
        if (lambda >= options.max_lambda) {
            result.converged = true;
            result.status = "reached lambda = " + at_lambda(lambda);
            break;
        }
        if (attempts >= options.max_steps) {
            result.status = "stopped after " + std::to_string(attempts) + " steps at lambda = " + at_lambda(lambda);
            break;
        }
        step = std::min(step, options.max_step * std::max(1.0, lambda));
        if (step < options.min_step) {
            result.status = "step size fell below " + six_digits(options.min_step) +
                            " at lambda = " + at_lambda(lambda) + ": " + last_failure;
            break;
        }

        // Predictor: along the tangent; the last step is shortened to end on max_lambda.
        Eigen::VectorXd next = z + step * t;
        Correction c;
        bool last = false;
        if (t(m) > 0.0 && next(m) >= options.max_lambda) {
            next = z + ((options.max_lambda - lambda) / t(m)) * t;
            last = true;
            const Eigen::PartialPivLU<Eigen::MatrixXd> lu_last(augmented(jac, e_lambda));
            c = correct(system, next, lu_last, e_lambda, options.max_lambda, options.tolerance, payoff_scale);
        } else {
            c = correct(system, next, lu, row, row.dot(next), options.tolerance, payoff_scale);
        }
        if (c.outcome != Correction::Outcome::converged) {
            last_failure = c.outcome == Correction::Outcome::non_finite
                               ? "a non-finite value appeared in the corrector"
                               : "the corrector did not converge";
            step *= 0.5;
            continue;
        }
        if (next(m) < 0.0) {  // the branch never returns to lambda = 0: a jump, not the path
            last_failure = "the corrector left lambda >= 0";
            step *= 0.5;
            continue;
        }
        normalise_logs(layout, next.head(m));

        Eigen::MatrixXd jac_next;
        system.residual_and_jacobian(next, h, jac_next);
        Eigen::PartialPivLU<Eigen::MatrixXd> lu_next(augmented(jac_next, t));
        Eigen::VectorXd t_next;
        if (!unit_tangent(lu_next, t_next)) {
            result.status = "non-finite or singular tangent at lambda = " + at_lambda(next(m));
            break;
        }
        const double turn = std::acos(std::clamp(t_next.dot(t), -1.0, 1.0));
        if (turn > kMaxTurn) {
            last_failure = "the tangent kept turning by more than 30 degrees";
            step *= 0.5;
            continue;
        }

        if ((t(m) > 0.0 && t_next(m) < 0.0) || (t(m) < 0.0 && t_next(m) > 0.0)) ++result.turning_points;
        row = t;
        z = next;
        t = t_next;
        jac = std::move(jac_next);
        lu = std::move(lu_next);
        result.branch.push_back({z(m) / range, strategy_of(layout, z)});
        if (last) {
            result.converged = true;
            result.status = "reached lambda = " + at_lambda(z(m));
            break;
        }
        if (c.contraction <= kEasyContraction && c.first_move <= kEasyCorrection && turn <= kEasyTurn)
            step *= kGrowth;
    }

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
