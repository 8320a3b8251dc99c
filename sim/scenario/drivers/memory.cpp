// memory: grievance and trust accumulated from what others did (docs/model.md section 5).
//     u_i -= gamma_i * G_ij * w+_ij,     u_i += chi_i * T_ij * w+_ij
// G_ij and T_ij are stocks that a timeline updates each period from j's stance toward i:
//     G_ij <- (1 - decay_i) G_ij + [s_ji = -1],   T_ij <- (1 - decay_i) T_ij + [s_ji = +1]
// (with probabilities in place of indicators for mixed play). Warmth toward a player one
// resents costs more; toward one who has stood by one, it pays more. Memory is what lets a
// shift lag its cause: Katz ("Moscow won't side with Washington against Beijing just because
// we think it should") on the fifteen years between the Sino-Soviet split of 1956 and
// Kissinger's visit to Beijing in 1971. In a single stage game the stocks are fixed numbers
// (their starting values); they are parameters, so they can be set, swept and scheduled.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec memory() {
    DriverSpec spec{
        .name = "memory",
        .summary = "grievance and trust stocks from past stances, decaying over time",
        .formula = "- gamma_i * sum_j G_ij * w+_ij + chi_i * sum_j T_ij * w+_ij",
        .sources = "Katz (the 1956-1971 lag between the Sino-Soviet split and the US-China opening)",
        .params =
            {
                {.symbol = "gamma", .name = "grievance_weight", .index = IndexKind::player,
                 .help = "how much a grievance against j spoils i's warmth toward j"},
                {.symbol = "chi", .name = "trust_weight", .index = IndexKind::player,
                 .help = "how much trust in j adds to i's warmth toward j"},
                {.symbol = "decay", .name = "memory_decay", .index = IndexKind::player, .default_value = 0.1,
                 .upper = 1.0, .help = "share of the stocks forgotten each period (0: never, 1: no memory)",
                 .affects_payoffs = false},
                {.symbol = "G", .name = "grievance", .index = IndexKind::dyad,
                 .help = "grievance of i against j: decayed count of periods j opposed i"},
                {.symbol = "T", .name = "trust", .index = IndexKind::dyad,
                 .help = "trust of i in j: decayed count of periods j aligned with i"},
            },
        .split_by = {"G", "T"},
        .carries_memory_stocks = true,
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j) {
                if (i == j) continue;
                terms.push_back(ctx.term(i, -1.0, {ctx.entry("gamma", i), ctx.entry("G", i, j)}, ctx.tensors().warm(i, j)));
                terms.push_back(ctx.term(i, 1.0, {ctx.entry("chi", i), ctx.entry("T", i, j)}, ctx.tensors().warm(i, j)));
            }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
