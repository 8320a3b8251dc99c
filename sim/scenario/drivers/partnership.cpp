// partnership: what a player gains from warm ties, and what unreturned warmth costs.
//     u_i += sum_j g_ij * w+_ij  -  q_i * sum_j [s_ij = +1] [s_ji = -1]
// Trade and its asymmetry (the Eurasia Daily Monitor essay "US and Allies Fail to Pull Moscow
// Away From Beijing": China is Russia's second trading partner, Russia a minor one for China);
// status and "a seat at the table" (Lumbers, "Mr. Xi Goes to Moscow"). q: aligning with a
// player that opposes you is not free (Lumbers: interests "taken for granted"); without it a
// player could court an adversary for years at no cost beyond the hostility term. q = 0 (the
// default) leaves the payoffs as they were before the parameter existed.
//
// In a declared crisis (scenario/crisis.hpp) a partnership is also tested by the crisis. For a
// backer i and each side j of its crisis, k the other side:
//     u_i -= l_i * w+_ij * (1 - [i backs j])       a partner left alone in its fight
//     u_i -= g_ik * w+_ik * [i backs j]             the tie with k forfeited by fighting it
//     u_j += y_ji * w+_ji * [i backs j]             what the side gains from a backing partner
// The second term is Lumbers's reason ("Mr. Xi Goes to Moscow"): neither Moscow nor Beijing
// will sacrifice its own agenda with Washington for the other's quarrel. The third is the
// partnership's worth to j when the partner delivers, so backing makes warmth toward the
// backer worth more. With l = y = 0 a crisis changes only what entrapment and the forfeited tie
// cost.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec partnership() {
    DriverSpec spec{
        .name = "partnership",
        .summary = "gains from warm ties: trade, status, a seat at the table; in a crisis, backing",
        .formula = "+ sum_j g_ij * w+_ij - q_i * sum_j [s_ij=+1][s_ji=-1]; in a crisis, for a backer i and side j: "
                   "- l_i * w+_ij * (1 - [i backs j]) - g_ik * w+_ik * [i backs j] to i (k the other side), "
                   "+ y_ji * w+_ji * [i backs j] to j",
        .sources = "all five essays; trade asymmetry (Eurasia Daily Monitor 18/188); status (Lumbers)",
        .params = {{.symbol = "g", .name = "gain", .index = IndexKind::dyad,
                    .help = "what i gains from full warmth with j"},
                   {.symbol = "q", .name = "unreturned_cost", .index = IndexKind::player,
                    .help = "what it costs i to align with a player that opposes it"},
                   {.symbol = "l", .name = "abandonment_cost", .index = IndexKind::player,
                    .help = "crises only: what it costs i not to back a side it is warm with"},
                   {.symbol = "y", .name = "backing_value", .index = IndexKind::dyad,
                    .help = "crises only: what side i gains, per unit of warmth, when j backs it"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const auto& t = ctx.tensors();
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j)
                if (i != j) {
                    terms.push_back(ctx.term(i, 1.0, {ctx.entry("g", i, j)}, t.warm(i, j)));
                    const Eigen::VectorXd unreturned =
                        (t.stance_is(i, j, Stance::align) * t.stance_is(j, i, Stance::oppose)).matrix();
                    terms.push_back(ctx.term(i, -1.0, {ctx.entry("q", i)}, unreturned));
                }
        for (const Crisis& crisis : ctx.game().crises)
            for (int i : crisis.backers)
                for (int side : {crisis.first, crisis.second}) {
                    const int other = side == crisis.first ? crisis.second : crisis.first;
                    const Eigen::VectorXd& backs = *t.backs(i, side);
                    const Eigen::VectorXd& warm = *t.warm(i, side);
                    terms.push_back(ctx.term(i, -1.0, {ctx.entry("l", i)},
                                             Eigen::VectorXd(warm.array() * (1.0 - backs.array()))));
                    terms.push_back(ctx.term(i, -1.0, {ctx.entry("g", i, other)}, Eigen::VectorXd(t.warm(i, other)->cwiseProduct(backs))));
                    terms.push_back(ctx.term(side, 1.0, {ctx.entry("y", side, i)}, Eigen::VectorXd(warm.cwiseProduct(backs))));
                }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
