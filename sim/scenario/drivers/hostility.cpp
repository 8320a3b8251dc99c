// hostility: what cold ties cost.
//     u_i -= sum_j h_ij * w-_ij
// Sanctions and the burden of an arms race (the Eurasia Daily Monitor essay "US and Allies Fail
// to Pull Moscow Away From Beijing": Russia rebuilding its military under Western sanctions).
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec hostility() {
    DriverSpec spec{
        .name = "hostility",
        .summary = "costs of cold ties: sanctions, arms races",
        .formula = "- sum_j h_ij * w-_ij",
        .sources = "sanctions and the arms-race burden (Eurasia Daily Monitor 18/188)",
        .params = {{.symbol = "h", .name = "hostility_cost", .index = IndexKind::dyad,
                    .help = "what full hostility with j costs i"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        for (int i = 0; i < ctx.players(); ++i)
            for (int j = 0; j < ctx.players(); ++j)
                if (i != j) terms.push_back(ctx.term(i, -1.0, {ctx.entry("h", i, j)}, ctx.tensors().cold(i, j)));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
