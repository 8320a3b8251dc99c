// ambition: what a player gains by pressing claims against another.
//     u_i += sum_j a_ij * [s_ij = -1]
// How tempted Beijing is to reassert old territorial claims, extend its role in the Arctic and
// its pull on Central Asia at Moscow's expense (Katz; Lumbers on Chinese influence in Central
// Asia and the Russian Far East, and its waning regard for "Russian sensitivities").
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec ambition() {
    DriverSpec spec{
        .name = "ambition",
        .summary = "gains from pressing claims against another player",
        .formula = "+ sum_j a_ij * [s_ij = -1]",
        .sources = "Katz (old territorial claims, the Arctic, Central Asia); Lumbers",
        .params = {{.symbol = "a", .name = "ambition", .index = IndexKind::dyad,
                    .help = "what i gains by opposing (pressing claims against) j"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j)
                if (i != j)
                    terms.push_back(ctx.term(i, 1.0, {ctx.entry("a", i, j)},
                                             Eigen::VectorXd(ctx.tensors().stance_is(i, j, Stance::oppose).matrix())));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
