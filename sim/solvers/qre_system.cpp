// The logit QRE equations and their Jacobian (qre_system.hpp).
#include "qre_system.hpp"

namespace triad::qre_detail {

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

template void payoff_pass<false>(const Game&, const Layout&, const double*, double*, double*);
template void payoff_pass<true>(const Game&, const Layout&, const double*, double*, double*);

}  // namespace triad::qre_detail
