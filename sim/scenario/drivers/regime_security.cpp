// regime_security: fear for the regime's survival.
//     u_i -= F_i * sum_j d_ji * [s_ji = -1] * (1 - max_k sigma_k * w+_ik)
//     u_i -= F_i * sum_j c_ji * w+_ij
// A regime that fears for its survival suffers when a player that promotes democratic change
// (d_j) opposes it, less so when it has a partner k that shields it (sigma_k); and it pays for
// warmth with a partner that conditions ties on domestic change (c_j). Rumer ("Russia's China
// Policy: This Bear Hug Is Real"): the Kremlin's chief preoccupation is regime security, the
// West's insistence on domestic change makes it an incompatible partner, Beijing shares the
// opposition to democracy promotion. Katz: fear of a "color revolution" trumps everything in
// Putin's mind. Lukin: Western "democratism" pressures both Moscow and Beijing.
// d_ji and c_ji are per target (j promotes democracy in i, j asks i for reform), so that
// Washington can ease off Moscow without easing off Beijing (Lumbers's "reset"); a number per
// promoter (`d: {us: 1}`) still sets every target at once.
// k ranges over players other than i and j; with no such k the shield is 0.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec regime_security() {
    DriverSpec spec{
        .name = "regime_security",
        .summary = "regime-survival fear of democracy promotion, eased by a shielding partner",
        .formula = "- F_i * sum_j d_ji * [s_ji = -1] * (1 - max_k sigma_k * w+_ik) - F_i * sum_j c_ji * w+_ij",
        .sources = "Rumer (regime survival first); Katz (colour-revolution fear); Lukin (\"democratism\")",
        .params =
            {
                {.symbol = "F", .name = "regime_fear", .index = IndexKind::player,
                 .help = "how much i fears for its regime"},
                {.symbol = "d", .name = "democracy_promotion", .index = IndexKind::dyad,
                 .help = "how hard j promotes democratic change in i when it opposes i (d.j.i; a number per j sets every target)"},
                {.symbol = "c", .name = "reform_demands", .index = IndexKind::dyad,
                 .help = "how far j conditions a partnership with i on domestic change (c.j.i; a number per j sets every target)"},
                {.symbol = "sigma", .name = "shielding", .index = IndexKind::player,
                 .upper = 1.0, .linear = false,
                 .help = "how far partner k shields a regime from that pressure (0..1)"},
            },
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const int n = ctx.players();
        const auto& t = ctx.tensors();
        const Eigen::Index size = static_cast<Eigen::Index>(ctx.game().space.size());
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                if (i == j) continue;
                const Eigen::VectorXd shield = max_over_others(n, i, j, size, [&](int k) {
                    return Eigen::VectorXd(ctx.value("sigma", k) * *t.warm(i, k));
                });
                Eigen::VectorXd opposed = t.stance_is(j, i, Stance::oppose).matrix();
                Eigen::VectorXd basis = opposed.cwiseProduct(Eigen::VectorXd::Ones(size) - shield);
                terms.push_back(ctx.term(i, -1.0, {ctx.entry("F", i), ctx.entry("d", j, i)}, std::move(basis)));
                terms.push_back(ctx.term(i, -1.0, {ctx.entry("F", i), ctx.entry("c", j, i)}, t.warm(i, j)));
            }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
