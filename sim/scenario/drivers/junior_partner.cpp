// junior_partner: the discomfort of warmth with a stronger partner.
//     u_i -= sum_j A_ij * max(ln r_ij, 0) * w+_ij * (1 + eta_i * [s_ji <= 0]),  r_ij = P_j / P_i
// Only a partner stronger than i weighs on it, the more so the larger the gap (in logs, so
// that doubling the gap adds the same), and more again when the senior partner does not
// return the warmth. Lumbers ("Mr. Xi Goes to Moscow"): how Russia adjusts to its status as a
// junior partner, its interests "taken for granted"; Katz and Rumer on the growing imbalance.
// A_ij is per partner: the essays' worry is junior status toward China, not toward the West,
// so a scenario can weigh the two apart (`A: {russia: 0.4}` still sets every partner at once).
#include "builtin.hpp"

#include <cmath>

namespace triad::drivers {

DriverSpec junior_partner() {
    DriverSpec spec{
        .name = "junior_partner",
        .summary = "junior-partner anxiety toward a stronger partner, worse if not reciprocated",
        .formula = "- sum_j A_ij * max(ln(P_j/P_i), 0) * w+_ij * (1 + eta_i * [s_ji <= 0])",
        .sources = "Lumbers (junior-partner status, being taken for granted); Katz; Rumer",
        .params =
            {
                {.symbol = "A", .name = "junior_anxiety", .index = IndexKind::dyad,
                 .help = "how much i minds being the junior partner of j (a number per player sets every partner)"},
                {.symbol = "eta", .name = "neglect_anxiety", .index = IndexKind::player,
                 .help = "extra anxiety when the senior partner does not reciprocate"},
            },
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const int n = ctx.players();
        const auto& t = ctx.tensors();
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                if (i == j) continue;
                const double gap = std::max(std::log(ctx.power(j) / ctx.power(i)), 0.0);
                if (gap == 0.0) continue;  // j is not stronger: no term (rebuilt if powers change)
                terms.push_back(ctx.term(i, -gap, {ctx.entry("A", i, j)}, t.warm(i, j)));
                Eigen::VectorXd unreturned = t.warm(i, j)->cwiseProduct(
                    Eigen::VectorXd((t.stance(j, i)->array() <= 0.0).cast<double>()));
                terms.push_back(ctx.term(i, -gap, {ctx.entry("A", i, j), ctx.entry("eta", i)}, std::move(unreturned)));
            }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
