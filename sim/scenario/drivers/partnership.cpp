// partnership: what a player gains from warm ties, and what unreturned warmth costs.
//     u_i += sum_j g_ij * w+_ij  -  q_i * sum_j [s_ij = +1] [s_ji = -1]
// Trade and its asymmetry (the Eurasia Daily Monitor essay "US and Allies Fail to Pull Moscow
// Away From Beijing": China is Russia's second trading partner, Russia a minor one for China);
// status and "a seat at the table" (Lumbers, "Mr. Xi Goes to Moscow"). q: aligning with a
// player that opposes you is not free (Lumbers: interests "taken for granted"); without it a
// player could court an adversary for years at no cost beyond the hostility term. q = 0 (the
// default) leaves the payoffs as they were before the parameter existed.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec partnership() {
    DriverSpec spec{
        .name = "partnership",
        .summary = "gains from warm ties: trade, status, a seat at the table",
        .formula = "+ sum_j g_ij * w+_ij - q_i * sum_j [s_ij=+1][s_ji=-1]",
        .sources = "all five essays; trade asymmetry (Eurasia Daily Monitor 18/188); status (Lumbers)",
        .params = {{.symbol = "g", .name = "gain", .index = IndexKind::dyad,
                    .help = "what i gains from full warmth with j"},
                   {.symbol = "q", .name = "unreturned_cost", .index = IndexKind::player,
                    .help = "what it costs i to align with a player that opposes it"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j)
                if (i != j) {
                    terms.push_back(ctx.term(i, 1.0, {ctx.entry("g", i, j)}, ctx.tensors().warm(i, j)));
                    const Eigen::VectorXd unreturned =
                        (ctx.tensors().stance_is(i, j, Stance::align) * ctx.tensors().stance_is(j, i, Stance::oppose)).matrix();
                    terms.push_back(ctx.term(i, -1.0, {ctx.entry("q", i)}, unreturned));
                }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
