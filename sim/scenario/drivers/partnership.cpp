// partnership: what a player gains from warm ties.
//     u_i += sum_j g_ij * w+_ij
// Trade and its asymmetry (the Eurasia Daily Monitor essay "US and Allies Fail to Pull Moscow
// Away From Beijing": China is Russia's second trading partner, Russia a minor one for China);
// status and "a seat at the table" (Lumbers, "Mr. Xi Goes to Moscow").
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec partnership() {
    DriverSpec spec{
        .name = "partnership",
        .summary = "gains from warm ties: trade, status, a seat at the table",
        .formula = "+ sum_j g_ij * w+_ij",
        .sources = "all five essays; trade asymmetry (Eurasia Daily Monitor 18/188); status (Lumbers)",
        .params = {{.symbol = "g", .name = "gain", .index = IndexKind::dyad,
                    .help = "what i gains from full warmth with j"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j)
                if (i != j) terms.push_back(ctx.term(i, 1.0, {ctx.entry("g", i, j)}, ctx.tensors().warm(i, j)));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
