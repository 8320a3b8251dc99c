#include "triad/solvers/stationary.hpp"

#include "builtin.hpp"

#include "triad/core/error.hpp"
#include "triad/core/triangle.hpp"

#include <Eigen/SparseLU>

#include <algorithm>
#include <cstdint>
#include <cmath>
#include <numeric>

namespace triad {

std::string_view to_string(StationaryMethod method) {
    switch (method) {
        case StationaryMethod::gauss_seidel: return "gauss-seidel";
        case StationaryMethod::sparse_lu: return "sparse-lu";
    }
    return "gauss-seidel";
}

std::optional<StationaryMethod> parse_stationary_method(std::string_view text) {
    for (StationaryMethod m : {StationaryMethod::gauss_seidel, StationaryMethod::sparse_lu})
        if (to_string(m) == text) return m;
    return std::nullopt;
}

Eigen::SparseMatrix<double, Eigen::RowMajor> logit_transition_matrix(const Game& game, double lambda) {
    const auto& space = game.space;
    const int n = space.players();
    const auto size = static_cast<Eigen::Index>(space.size());
    std::vector<Eigen::Triplet<double>> entries;
    std::size_t per_row = 0;
    for (int i = 0; i < n; ++i) per_row += static_cast<std::size_t>(space.actions(i));
    entries.reserve(space.size() * per_row);
    std::vector<double> weight;
    for (std::size_t p = 0; p < space.size(); ++p) {
        for (int i = 0; i < n; ++i) {
            const int m = space.actions(i);
            const std::size_t base = space.with_action(p, i, 0);
            const std::size_t stride = space.stride(i);
            const Eigen::VectorXd& u = game.payoffs[i];
            double best = -std::numeric_limits<double>::infinity();
            for (int a = 0; a < m; ++a) best = std::max(best, u(static_cast<Eigen::Index>(base + a * stride)));
            weight.assign(m, 0.0);
            double total = 0.0;
            for (int a = 0; a < m; ++a) {
                // Shift by the best payoff so exp never overflows (log-sum-exp).
                weight[a] = std::exp(lambda * (u(static_cast<Eigen::Index>(base + a * stride)) - best));
                total += weight[a];
            }
            for (int a = 0; a < m; ++a)
                entries.emplace_back(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(base + a * stride),
                                     weight[a] / (total * n));
        }
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor> P(size, size);
    P.setFromTriplets(entries.begin(), entries.end());  // duplicates (staying put) are summed
    return P;
}

namespace {

using ColumnStochastic = Eigen::SparseMatrix<double, Eigen::RowMajor>;  // P^T: row k = moves into k

// Solve (P^T - I) pi = 0, sum(pi) = 1 directly.
Eigen::VectorXd solve_by_lu(const ColumnStochastic& incoming) {
    const Eigen::Index size = incoming.rows();
    Eigen::SparseMatrix<double> A(incoming);
    for (Eigen::Index k = 0; k < size; ++k) A.coeffRef(k, k) -= 1.0;
    A.prune([&](Eigen::Index row, Eigen::Index, double) { return row != size - 1; });
    for (Eigen::Index c = 0; c < size; ++c) A.coeffRef(size - 1, c) = 1.0;
    A.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
    lu.compute(A);
    if (lu.info() != Eigen::Success) throw NumericalError("the stationary distribution could not be factorised");
    Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
    b(size - 1) = 1.0;
    Eigen::VectorXd x = lu.solve(b);
    if (lu.info() != Eigen::Success) throw NumericalError("the stationary distribution solve failed");
    return x;
}


// weight[i][q] = sigma_i(q) / N: the logit probability of q's action for player i against
// q's opponents, over the N players (the chance that i is the one revising).
std::vector<std::vector<double>> revision_weights(const Game& game, double lambda) {
    const auto& space = game.space;
    const int n = space.players();
    const std::size_t size = space.size();
    std::vector<std::vector<double>> weight(n, std::vector<double>(size));
    std::vector<double> scratch;
    for (int i = 0; i < n; ++i) {
        const int m = space.actions(i);
        const std::size_t stride = space.stride(i);
        const std::size_t block = stride * static_cast<std::size_t>(m);
        const Eigen::VectorXd& u = game.payoffs[i];
        scratch.resize(static_cast<std::size_t>(m));
        for (std::size_t high = 0; high < size; high += block)
            for (std::size_t low = 0; low < stride; ++low) {
                const std::size_t base = high + low;
                double best = -std::numeric_limits<double>::infinity();
                for (int a = 0; a < m; ++a) best = std::max(best, u(static_cast<Eigen::Index>(base + a * stride)));
                double total = 0.0;
                for (int a = 0; a < m; ++a) total += scratch[a] = std::exp(lambda * (u(static_cast<Eigen::Index>(base + a * stride)) - best));
                for (int a = 0; a < m; ++a) weight[i][base + a * stride] = scratch[a] / (total * n);
            }
    }
    return weight;
}

// Gauss-Seidel on pi = pi P without the matrix. A revision by player i moves q's line (the
// profiles that differ from q only in i's action) to q with probability w_i(q), the same from
// every profile of the line. So the inflow into q is
//     (pi P)_q = sum_i w_i(q) * L_i(q),   L_i(q) = sum of pi over i's line,
// and a step solves (pi P)_q = pi_q for pi_q with the line sums kept current: O(N) work per
// profile and sweep.
class LineSolver {
public:
    LineSolver(const Game& game, double lambda)
        : n(game.space.players()), size(game.space.size()), weight(revision_weights(game, lambda)),
          line_base(static_cast<std::size_t>(n) * size), line(n, std::vector<double>(size, 0.0)),
          x(Eigen::VectorXd::Constant(static_cast<Eigen::Index>(size), 1.0 / static_cast<double>(size))) {
        const auto& space = game.space;
        for (int i = 0; i < n; ++i)
            for (std::size_t q = 0; q < size; ++q)
                line_base[i * size + q] = static_cast<std::uint32_t>(q - static_cast<std::size_t>(space.action_of(q, i)) * space.stride(i));
        recompute_lines();
    }

    // One sweep, then renormalisation; false when the total is no longer a positive number.
    bool sweep() {
        for (std::size_t q = 0; q < size; ++q) {
            const double old = x(static_cast<Eigen::Index>(q));
            double others = 0.0, stay = 0.0;
            for (int i = 0; i < n; ++i) {
                const double w = weight[i][q];
                others += w * (line[i][line_of(q, i)] - old);
                stay += w;
            }
            if (stay >= 1.0) continue;  // nobody can leave q (every player has one action)
            const double updated = others / (1.0 - stay);
            const double delta = updated - old;
            x(static_cast<Eigen::Index>(q)) = updated;
            for (int i = 0; i < n; ++i) line[i][line_of(q, i)] += delta;
        }
        const double total = x.sum();
        if (!(total > 0.0) || !std::isfinite(total)) return false;
        x /= total;
        for (auto& l : line)
            for (double& v : l) v /= total;
        return true;
    }

    // line[i][base]: sum of x over player i's line whose i-action is 0 at `base`.
    void recompute_lines() {
        for (int i = 0; i < n; ++i) {
            std::fill(line[i].begin(), line[i].end(), 0.0);
            for (std::size_t q = 0; q < size; ++q) line[i][line_of(q, i)] += x(static_cast<Eigen::Index>(q));
        }
    }

    // || x P - x ||_1 from the line sums.
    [[nodiscard]] double residual() const {
        double r = 0.0;
        for (std::size_t q = 0; q < size; ++q) {
            double inflow = 0.0;
            for (int i = 0; i < n; ++i) inflow += weight[i][q] * line[i][line_of(q, i)];
            r += std::abs(inflow - x(static_cast<Eigen::Index>(q)));
        }
        return r;
    }

    // Replaces the iterate (then the line sums are recomputed).
    void set(const Eigen::VectorXd& value) {
        x = value;
        recompute_lines();
    }
    [[nodiscard]] const Eigen::VectorXd& value() const { return x; }

private:
    // The profile of q's line for player i whose i-action is 0.
    [[nodiscard]] std::size_t line_of(std::size_t q, int i) const { return static_cast<std::size_t>(line_base[i * size + q]); }

    int n;
    std::size_t size;
    std::vector<std::vector<double>> weight;
    std::vector<std::uint32_t> line_base;
    std::vector<std::vector<double>> line;
    Eigen::VectorXd x;
};

// Rounding slowly spoils the running line sums; recomputing them every this many sweeps keeps
// it in check at a small fraction of the sweeps' cost.
constexpr int kLineRecomputeEvery = 64;

// Sweeps until the residual is below the tolerance (true) or max_sweeps pass (false); counts
// the sweeps used in `sweeps`.
bool run_sweeps(LineSolver& solver, const StationaryOptions& options, int& sweeps) {
    for (sweeps = 1; sweeps <= options.max_sweeps; ++sweeps) {
        if (!solver.sweep()) return false;
        if (solver.residual() < options.tolerance) return true;
        if (sweeps % kLineRecomputeEvery == 0) solver.recompute_lines();  // keep rounding in the running sums in check
    }
    return false;
}

}  // namespace

StationaryDistribution stationary_distribution(const Game& game, double lambda, const StationaryOptions& options) {
    if (!(lambda >= 0.0) || !std::isfinite(lambda)) throw InputError({}, "lambda must be a finite number >= 0");
    LineSolver solver(game, lambda);
    StationaryDistribution out;
    out.lambda = lambda;
    const bool converged = run_sweeps(solver, options, out.sweeps);
    Eigen::VectorXd x = solver.value();
    out.method = StationaryMethod::gauss_seidel;
    if (!converged) {
        const ColumnStochastic incoming = ColumnStochastic(logit_transition_matrix(game, lambda).transpose());
        x = solve_by_lu(incoming);
        out.method = StationaryMethod::sparse_lu;
    }
    if (!x.allFinite()) throw NumericalError("the stationary distribution is not finite at lambda = " + std::to_string(lambda));
    // Rounding can leave tiny negatives; clip and renormalise.
    out.probability = x.cwiseMax(0.0);
    out.probability /= out.probability.sum();
    solver.set(out.probability);
    out.residual = solver.residual();
    return out;
}

OutcomeDistribution outcome_distribution(const Game& game, const Eigen::VectorXd& probability) {
    const int n = game.player_count();
    OutcomeDistribution out;
    out.alignment.resize(n);
    if (n == 3) out.role.resize(n);
    if (game.has_crises()) out.backs.resize(n);
    if (!game.has_stances()) return out;
    for (std::size_t p = 0; p < game.space.size(); ++p) {
        const double mass = probability(static_cast<Eigen::Index>(p));
        if (mass == 0.0) continue;
        const Structure s = read_structure(warmth_matrix(game, p));
        for (int i = 0; i < n; ++i)
            out.alignment[i][s.alignment[i] < 0 ? std::string("balanced") : game.players[s.alignment[i]]] += mass;
        if (n == 3) {
            const TriadReading& t = s.triads.front();
            out.configuration[std::string(to_string(t.configuration))] += mass;
            for (int a = 0; a < 3; ++a) out.role[t.players[a]][std::string(to_string(t.roles[a]))] += mass;
        }
        for (const Crisis& crisis : game.crises)
            for (int i : crisis.backers) {
                const int side = game.backs_in(p, i);
                out.backs[i][side < 0 ? std::string(kAbstain) : game.players[side]] += mass;
            }
    }
    return out;
}

StabilityTrace trace_stability(const Game& game, const std::vector<double>& lambdas, double mass,
                               const StationaryOptions& options) {
    StabilityTrace trace;
    for (double lambda : lambdas) trace.by_lambda.push_back(stationary_distribution(game, lambda, options));
    if (trace.by_lambda.empty()) return trace;
    const Eigen::VectorXd& last = trace.by_lambda.back().probability;
    std::vector<std::size_t> order(static_cast<std::size_t>(last.size()));
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return last(static_cast<Eigen::Index>(a)) > last(static_cast<Eigen::Index>(b));
    });
    for (std::size_t p : order) {
        if (last(static_cast<Eigen::Index>(p)) < mass) break;
        trace.stable_profiles.push_back(p);
    }
    return trace;
}

}  // namespace triad

// ---------------------------------------------------------------------------------------------
// Registration: `triad solve --method stable` (one line in registry.cpp).
// stable: the long-run distribution of logit best-response play and its limit as noise
// vanishes (stationary.hpp).

namespace triad::solvers {

SolverSpec stable() {
    SolverSpec spec{
        .name = "stable",
        .summary = "stationary distribution of asynchronous logit dynamics; stochastically stable profiles as noise vanishes",
        .reference = "Blume, GEB 5 (1993); Young, Econometrica 61 (1993); Kandori, Mailath and Rob, Econometrica 61 (1993)",
        .options =
            {
                {.symbol = "lambda", .name = "lambda", .default_value = 10.0,
                 .help = "logit rationality: higher means less noise"},
                {.symbol = "doublings", .name = "doublings", .default_value = 4.0, .upper = 12.0,
                 .help = "to show the limit, also solve at lambda x 2, x 4, ... this many times"},
                {.symbol = "mass", .name = "mass", .default_value = 0.01, .upper = 1.0,
                 .help = "stable profiles: those holding at least this share at the largest lambda"},
            },
        .result_noun = "stable profile",
        .result_noun_plural = "stable profiles",
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        const double lambda = options.at("lambda");
        std::vector<double> schedule = {lambda};
        const int doublings = static_cast<int>(std::lround(options.at("doublings")));
        for (int k = 1; k <= doublings; ++k) schedule.push_back(lambda * std::pow(2.0, k));
        StabilityTrace trace = trace_stability(game, schedule, options.at("mass"));
        report.stationary = trace.by_lambda.front();
        report.outcome = outcome_distribution(game, trace.by_lambda.front().probability);
        report.stable_profiles = std::move(trace.stable_profiles);
        report.concentration = std::move(trace.by_lambda);
        for (std::size_t p : report.stable_profiles) {
            Equilibrium e = make_pure_equilibrium(game, p, "stable");
            if (e.regret > payoff_tolerance(game)) e.labels.push_back("not_an_equilibrium");
            report.equilibria.push_back(std::move(e));
        }
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
