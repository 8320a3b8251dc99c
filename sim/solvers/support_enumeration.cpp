#include "triad/solvers/support_enumeration.hpp"

#include "builtin.hpp"

#include "triad/core/error.hpp"

#include <Eigen/LU>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace triad {
namespace {

// A set of actions of one player, bit a for action a.
using Mask = std::uint64_t;
constexpr int kMaxActions = 63;  // so that (1 << count) fits in a Mask

// Systems are at most (min(m, n) + 1) square. Fixed-capacity types keep Eigen's solve
// temporaries on the stack, so the inner loop never allocates.
constexpr int kMaxSystem = kMaxActions + 1;
using SystemMatrix =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kMaxSystem, kMaxSystem>;
using SystemVector = Eigen::Matrix<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxSystem, 1>;

struct Tolerances {
    double probability;  // |p| <= this counts as 0
    double payoff;       // payoff differences <= this count as ties
};

struct Workspace {
    SystemMatrix system;
    SystemVector rhs;
    SystemVector solution;
    Eigen::FullPivLU<SystemMatrix> lu;
    std::array<int, kMaxActions> support{};     // mixer actions of the current support
    std::array<int, kMaxActions> candidates{};  // opponent actions not dominated on it
    std::array<int, kMaxActions> tied{};        // the opponent actions required to tie
    std::array<int, kMaxActions> rows{};        // classic search: the row support
    std::array<int, kMaxActions> columns{};     // classic search: the column support
    SystemVector values;                        // the opponent's payoff per action
};

// A vertex of one player's best-reply polytope, in mixed-strategy form.
struct Vertex {
    Eigen::VectorXd strategy;  // over the mixer's actions
    Mask support = 0;          // actions with probability > tolerance
    Mask best_replies = 0;     // opponent actions within the payoff tolerance of the best
};

// The next larger mask with the same number of bits (Gosper's hack).
Mask next_combination(Mask v) {
    const Mask t = v | (v - 1);
    return (t + 1) | (((~t & (t + 1)) - 1) >> (std::countr_zero(v) + 1));
}

Mask all_of(int count) { return (Mask{1} << count) - 1; }

int bit_count(Mask m) { return std::popcount(m); }

// beaten[b * q + c]: the mixer actions at which opponent action c pays the opponent more than
// the tolerance above action b. Action b is strictly dominated given a support S exactly when
// S is inside beaten[b * q + c] for some c.
std::vector<Mask> dominance_masks(const Eigen::MatrixXd& opponent_payoff, double tolerance) {
    const auto p = static_cast<int>(opponent_payoff.rows());
    const auto q = static_cast<int>(opponent_payoff.cols());
    std::vector<Mask> beaten(static_cast<std::size_t>(q) * q, 0);
    for (int b = 0; b < q; ++b)
        for (int c = 0; c < q; ++c)
            for (int a = 0; a < p; ++a)
                if (opponent_payoff(a, b) < opponent_payoff(a, c) - tolerance)
                    beaten[static_cast<std::size_t>(b) * q + c] |= Mask{1} << a;
    return beaten;
}

Mask undominated_given(Mask support, const std::vector<Mask>& beaten, int q) {
    Mask out = 0;
    for (int b = 0; b < q; ++b) {
        bool dominated = false;
        const Mask* row = &beaten[static_cast<std::size_t>(b) * q];
        for (int c = 0; c < q && !dominated; ++c) dominated = (support & ~row[c]) == 0 && c != b;
        if (!dominated) out |= Mask{1} << b;
    }
    return out;
}

int list_bits(Mask m, std::array<int, kMaxActions>& out) {
    int count = 0;
    for (; m != 0; m &= m - 1) out[count++] = std::countr_zero(m);
    return count;
}

struct VertexSearch {
    std::vector<Vertex> vertices;
    bool degenerate = false;  // some vertex has more best replies than support actions
};

enum class Solve { singular, rejected, found };

// Solves for the mixer's strategy s on `support` (k actions) that makes the opponent's actions
// `tied` (k of them) tie:  sum_a s_a P(a, t) - w = 0 for each tied t,  sum_a s_a = 1.
// Found when s is a probability vector and the tied actions are best replies.
Solve solve_vertex(const Eigen::MatrixXd& opponent_payoff, int k, const int* support,
                   const int* tied, const Tolerances& tol, Workspace& ws, Vertex& out) {
    const int dim = k + 1;
    SystemMatrix& m = ws.system;
    m.resize(dim, dim);
    for (int c = 0; c < k; ++c) {
        const auto a = support[c];
        for (int r = 0; r < k; ++r) m(r, c) = opponent_payoff(a, tied[r]);
        m(k, c) = 1.0;
    }
    m.col(k).head(k).setConstant(-1.0);
    m(k, k) = 0.0;
    ws.lu.compute(m);
    // A singular system has no solution or a continuum of them.
    if (ws.lu.rank() < dim) return Solve::singular;
    ws.rhs.setZero(dim);
    ws.rhs(k) = 1.0;
    ws.solution = ws.lu.solve(ws.rhs);

    double total = 0.0;
    for (int c = 0; c < k; ++c) {
        double& s = ws.solution(c);
        if (s < -tol.probability) return Solve::rejected;  // not a probability
        if (s <= tol.probability) s = 0.0;
        total += s;
    }
    if (total <= 0.0) return Solve::rejected;

    // Opponent's payoff from each of its actions against the strategy.
    const auto q = opponent_payoff.cols();
    ws.values.noalias() = opponent_payoff.row(support[0]).transpose() * (ws.solution(0) / total);
    for (int c = 1; c < k; ++c)
        ws.values.noalias() += opponent_payoff.row(support[c]).transpose() * (ws.solution(c) / total);
    const double best = ws.values.maxCoeff();
    for (int r = 0; r < k; ++r)
        if (ws.values(tied[r]) < best - tol.payoff) return Solve::rejected;  // not a best reply

    out.strategy = Eigen::VectorXd::Zero(opponent_payoff.rows());
    out.support = 0;
    for (int c = 0; c < k; ++c) {
        const double s = ws.solution(c) / total;
        out.strategy(support[c]) = s;
        if (s > 0.0) out.support |= Mask{1} << support[c];
    }
    out.best_replies = 0;
    for (Eigen::Index b = 0; b < q; ++b)
        if (ws.values(b) >= best - tol.payoff) out.best_replies |= Mask{1} << b;
    return Solve::found;
}

bool is_degenerate(const Vertex& v) { return bit_count(v.best_replies) > bit_count(v.support); }

// Every vertex of the mixer's side: for each support S of size k and each k opponent actions
// not dominated on S, the strategy on S making them tie, when it is feasible.
VertexSearch enumerate_vertices(const Eigen::MatrixXd& opponent_payoff, const Tolerances& tol,
                                Workspace& ws) {
    const auto p = static_cast<int>(opponent_payoff.rows());
    const auto q = static_cast<int>(opponent_payoff.cols());
    const std::vector<Mask> beaten = dominance_masks(opponent_payoff, tol.payoff);
    VertexSearch found;
    for (int k = 1; k <= std::min(p, q); ++k) {
        for (Mask support = all_of(k); support <= all_of(p); support = next_combination(support)) {
            const Mask open = undominated_given(support, beaten, q);
            const int open_count = list_bits(open, ws.candidates);
            if (open_count < k) continue;
            list_bits(support, ws.support);
            for (Mask pick = all_of(k); pick <= all_of(open_count); pick = next_combination(pick)) {
                int r = 0;
                for (Mask bits = pick; bits != 0; bits &= bits - 1)
                    ws.tied[r++] = ws.candidates[std::countr_zero(bits)];
                Vertex v;
                if (solve_vertex(opponent_payoff, k, ws.support.data(), ws.tied.data(), tol, ws, v) !=
                    Solve::found)
                    continue;
                found.degenerate = found.degenerate || is_degenerate(v);
                found.vertices.push_back(std::move(v));
            }
        }
    }
    return found;
}

// The classic search: supports I (rows) and J (columns) of equal size k, each drawn only from
// actions not dominated on the other; solve for the column strategy first (cheap rejection),
// then for the row strategy. `pairs` holds the equilibria found. `needs_vertex_search` is set
// on any sign of degeneracy, a singular system or a strategy with more best replies than its
// support, after which the list may be incomplete. Conversely, when no sign shows, every
// extreme equilibrium was found: one with supports of unequal sizes k < l would show up at the
// pair (I'', J) where I'' adds l - k of the column strategy's tied best replies to I (that pair
// passes both dominance tests, and solving it either meets a singular system or returns the row
// strategy with a zero entry), and similarly for k > l.
struct ClassicSearch {
    std::vector<std::pair<Vertex, Vertex>> pairs;
    bool needs_vertex_search = false;
};

// Whether every action listed in `players` survives dominance given `opponents`.
bool all_undominated(Mask players, Mask opponents, const std::vector<Mask>& beaten, int count) {
    for (Mask bits = players; bits != 0; bits &= bits - 1) {
        const Mask* row = &beaten[static_cast<std::size_t>(std::countr_zero(bits)) * count];
        for (int c = 0; c < count; ++c)
            if ((opponents & ~row[c]) == 0 && c != std::countr_zero(bits)) return false;
    }
    return true;
}

ClassicSearch classic_search(const Eigen::MatrixXd& column_payoff,
                             const Eigen::MatrixXd& row_payoff_by_column, const Tolerances& tol,
                             Workspace& ws) {
    const auto m = static_cast<int>(column_payoff.rows());
    const auto n = static_cast<int>(column_payoff.cols());
    const std::vector<Mask> columns_beaten = dominance_masks(column_payoff, tol.payoff);
    const std::vector<Mask> rows_beaten = dominance_masks(row_payoff_by_column, tol.payoff);
    ClassicSearch found;
    Vertex x;
    Vertex y;
    for (int k = 1; k <= std::min(m, n); ++k) {
        for (Mask rows = all_of(k); rows <= all_of(m); rows = next_combination(rows)) {
            const int open_count = list_bits(undominated_given(rows, columns_beaten, n), ws.candidates);
            if (open_count < k) continue;
            list_bits(rows, ws.rows);
            for (Mask pick = all_of(k); pick <= all_of(open_count); pick = next_combination(pick)) {
                Mask columns = 0;
                int r = 0;
                for (Mask bits = pick; bits != 0; bits &= bits - 1) {
                    ws.columns[r] = ws.candidates[std::countr_zero(bits)];
                    columns |= Mask{1} << ws.columns[r++];
                }
                if (!all_undominated(rows, columns, rows_beaten, m)) continue;
                // y on the columns making the rows tie, then x on the rows making the columns tie.
                Solve solved = solve_vertex(row_payoff_by_column, k, ws.columns.data(),
                                            ws.rows.data(), tol, ws, y);
                if (solved == Solve::found && is_degenerate(y)) solved = Solve::singular;
                if (solved == Solve::found)
                    solved = solve_vertex(column_payoff, k, ws.rows.data(), ws.columns.data(), tol,
                                          ws, x);
                if (solved == Solve::found && is_degenerate(x)) solved = Solve::singular;
                if (solved == Solve::singular) {
                    found.needs_vertex_search = true;
                    return found;
                }
                if (solved == Solve::found) found.pairs.emplace_back(x, y);
            }
        }
    }
    return found;
}

// The same vertex can solve several systems in a degenerate game; keep one copy.
void remove_duplicate_vertices(std::vector<Vertex>& vertices, double tolerance) {
    std::stable_sort(vertices.begin(), vertices.end(),
                     [](const Vertex& a, const Vertex& b) { return a.support < b.support; });
    std::vector<Vertex> kept;
    kept.reserve(vertices.size());
    std::size_t group_start = 0;
    for (auto& v : vertices) {
        if (!kept.empty() && kept.back().support != v.support) group_start = kept.size();
        bool seen = false;
        for (std::size_t i = group_start; i < kept.size() && !seen; ++i)
            seen = (kept[i].strategy - v.strategy).cwiseAbs().maxCoeff() <= tolerance;
        if (!seen) kept.push_back(std::move(v));
    }
    vertices = std::move(kept);
}

// Whether support a's action list precedes b's lexicographically.
bool support_precedes(Mask a, Mask b) {
    for (; a != 0 && b != 0; a &= a - 1, b &= b - 1) {
        const int la = std::countr_zero(a);
        const int lb = std::countr_zero(b);
        if (la != lb) return la < lb;
    }
    return a == 0 && b != 0;
}

bool vector_precedes(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return std::lexicographical_compare(a.data(), a.data() + a.size(), b.data(),
                                        b.data() + b.size());
}

struct Found {
    Equilibrium equilibrium;
    Mask row_support;
    Mask column_support;
};

bool mixed_precedes(const Found& a, const Found& b) {
    const int size_a = bit_count(a.row_support) + bit_count(a.column_support);
    const int size_b = bit_count(b.row_support) + bit_count(b.column_support);
    if (size_a != size_b) return size_a < size_b;
    if (a.row_support != b.row_support) return support_precedes(a.row_support, b.row_support);
    if (a.column_support != b.column_support)
        return support_precedes(a.column_support, b.column_support);
    const auto& sa = a.equilibrium.strategy;
    const auto& sb = b.equilibrium.strategy;
    if (vector_precedes(sa[0], sb[0]) || vector_precedes(sb[0], sa[0]))
        return vector_precedes(sa[0], sb[0]);
    return vector_precedes(sa[1], sb[1]);
}

std::string degeneracy_note(bool degenerate) {
    if (degenerate)
        return "The game is degenerate: some strategy has more pure best replies than the "
               "actions it uses, so supports of unequal sizes were searched too and components "
               "of equilibria may be continua (convex sets); the vertices found (the extreme "
               "equilibria) are listed.";
    return "The game is nondegenerate: every equilibrium is isolated, uses supports of equal "
           "size, and their number is odd.";
}

// The pairs of vertices (one strategy per player) that use only best replies to each other,
// and whether the game proved degenerate on the way.
struct CandidatePairs {
    std::vector<std::pair<Vertex, Vertex>> pairs;
    bool degenerate = false;
};

CandidatePairs candidate_pairs(const Eigen::MatrixXd& column_payoff, const Eigen::MatrixXd& row_payoff_by_column,
                               const Tolerances& tol, Workspace& ws) {
    ClassicSearch classic = classic_search(column_payoff, row_payoff_by_column, tol, ws);
    CandidatePairs out{std::move(classic.pairs), false};
    if (!classic.needs_vertex_search) return out;
    // The row player's strategy is pinned by ties among the column player's payoffs, and
    // the other way round.
    VertexSearch rows = enumerate_vertices(column_payoff, tol, ws);
    VertexSearch columns = enumerate_vertices(row_payoff_by_column, tol, ws);
    remove_duplicate_vertices(rows.vertices, tol.probability);
    remove_duplicate_vertices(columns.vertices, tol.probability);
    out.degenerate = rows.degenerate || columns.degenerate;
    out.pairs.clear();
    for (const Vertex& x : rows.vertices)
        for (const Vertex& y : columns.vertices)
            // Each uses only best replies to the other.
            if ((y.support & ~x.best_replies) == 0 && (x.support & ~y.best_replies) == 0)
                out.pairs.emplace_back(x, y);
    return out;
}

// The equilibrium a pair of strategies forms (pure when both supports are single actions),
// or nothing when its regret exceeds the payoff tolerance.
std::optional<Found> equilibrium_of(const Game& game, const Vertex& x, const Vertex& y, const Tolerances& tol) {
    const int m = game.space.actions(0);
    Found f{{}, x.support, y.support};
    if (bit_count(x.support) == 1 && bit_count(y.support) == 1) {
        const auto profile = static_cast<std::size_t>(std::countr_zero(x.support)) +
                             static_cast<std::size_t>(m) *
                                 static_cast<std::size_t>(std::countr_zero(y.support));
        f.equilibrium = make_pure_equilibrium(game, profile, "support");
        if (bit_count(x.best_replies) == 1 && bit_count(y.best_replies) == 1)
            f.equilibrium.labels.push_back("strict");
    } else {
        Equilibrium& e = f.equilibrium;
        e.method = "support";
        e.strategy = {x.strategy, y.strategy};
        e.payoffs = expected_payoffs(game, e.strategy);
        e.regret = regret(game, e.strategy);
    }
    // Clipping tiny probabilities can in principle push a borderline candidate past
    // the tolerance; the guarantee is that every reported regret is within it.
    if (f.equilibrium.regret > tol.payoff) return std::nullopt;
    return f;
}

}  // namespace

SupportEnumerationResult support_enumeration(const Game& game,
                                             const SupportEnumerationOptions& options) {
    if (game.player_count() != 2)
        throw Error("support enumeration needs a two-player game, this one has " +
                    std::to_string(game.player_count()) + " players");
    const int m = game.space.actions(0);
    const int n = game.space.actions(1);
    if (m > kMaxActions || n > kMaxActions)
        throw Error("support enumeration handles at most " + std::to_string(kMaxActions) +
                    " actions per player");
    const Tolerances tol{options.tolerance, payoff_tolerance(game, options.tolerance)};

    // Profile index = row + m * column, so the payoff vectors are column-major m x n tables.
    const Eigen::MatrixXd row_payoff = Eigen::Map<const Eigen::MatrixXd>(game.payoffs[0].data(), m, n);
    const Eigen::MatrixXd column_payoff =
        Eigen::Map<const Eigen::MatrixXd>(game.payoffs[1].data(), m, n);
    const Eigen::MatrixXd row_payoff_by_column = row_payoff.transpose();

    auto ws = std::make_unique<Workspace>();  // large fixed-capacity buffers: keep off the stack
    const CandidatePairs candidates = candidate_pairs(column_payoff, row_payoff_by_column, tol, *ws);
    std::vector<Found> pure;
    std::vector<Found> mixed;
    for (const auto& [x, y] : candidates.pairs)
        if (auto f = equilibrium_of(game, x, y, tol)) (f->equilibrium.profile ? pure : mixed).push_back(std::move(*f));
    std::sort(pure.begin(), pure.end(), [](const Found& a, const Found& b) {
        return *a.equilibrium.profile < *b.equilibrium.profile;
    });
    std::sort(mixed.begin(), mixed.end(), mixed_precedes);

    SupportEnumerationResult result;
    result.degenerate = candidates.degenerate;
    result.note = degeneracy_note(result.degenerate);
    result.equilibria.reserve(pure.size() + mixed.size());
    for (auto& f : pure) result.equilibria.push_back(std::move(f.equilibrium));
    for (auto& f : mixed) result.equilibria.push_back(std::move(f.equilibrium));
    return result;
}

}  // namespace triad

// ---------------------------------------------------------------------------------------------
// Registration: `triad solve --method support` (one line in registry.cpp).
// support: every Nash equilibrium of a two-player game (support_enumeration.hpp).

namespace triad::solvers {

SolverSpec support() {
    SolverSpec spec{
        .name = "support",
        .summary = "all Nash equilibria of a two-player game (mixed included) by support enumeration",
        .reference = "von Stengel, Handbook of Game Theory vol. 3 (2002), ch. 45; Avis et al., Economic Theory 42 (2010)",
        .options = {tolerance_option()},
        .players = 2,
    };
    spec.solve = [](const Game& game, const SolverOptions& options) {
        SolverReport report;
        SupportEnumerationResult result = support_enumeration(game, {.tolerance = options.at("tolerance")});
        report.equilibria = std::move(result.equilibria);
        if (result.degenerate) report.notes.push_back("the game is degenerate: " + result.note);
        else if (report.equilibria.size() % 2 == 0)
            report.notes.push_back("an even number of equilibria in a nondegenerate game: check the tolerance");
        return report;
    };
    return spec;
}

}  // namespace triad::solvers
