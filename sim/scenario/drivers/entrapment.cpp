// entrapment: the fear of being dragged into a partner's fights.
//     u_i -= e_i * sum_j sum_{k != i, j} w+_ij * w-_jk
// Warmth with a partner who is hostile to a third player risks being drawn into that conflict.
// Lumbers ("Mr. Xi Goes to Moscow"): Russia would no more take sides in a crisis over Taiwan
// than China did over Georgia in 2008; the Eurasia Daily Monitor essay: China will not fight
// for Russia, nor Russia over the Taiwan Strait.
//
// In a declared crisis (scenario/crisis.hpp) the risk is a choice, not a proxy: for a backer i
// of the crisis between a and b the warmth terms of that pair are replaced by
//     u_i -= e_i * ([i backs a] + [i backs b])
// so warmth toward a side costs nothing by itself, and backing it costs e_i whatever the warmth.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec entrapment() {
    DriverSpec spec{
        .name = "entrapment",
        .summary = "fear of being dragged into a partner's conflicts (Taiwan, Ukraine)",
        .formula = "- e_i * sum_j sum_k w+_ij * w-_jk; in a crisis between a and b, for a backer i: "
                   "- e_i * [i backs a or b] in place of the pair's warmth terms",
        .sources = "Lumbers (Taiwan, Georgia 2008); Eurasia Daily Monitor 18/188",
        .params = {{.symbol = "e", .name = "entrapment_aversion", .index = IndexKind::player,
                    .help = "how much i fears entanglement in a partner's conflicts (in a crisis: the cost of backing a side)"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const int n = ctx.players();
        const auto& t = ctx.tensors();
        const auto size = static_cast<Eigen::Index>(ctx.game().space.size());
        for (int i = 0; i < n; ++i) {
            const Crisis* crisis = ctx.game().crisis_of_backer(i);
            auto is_crisis_pair = [&](int j, int k) {
                return crisis && ((j == crisis->first && k == crisis->second) || (j == crisis->second && k == crisis->first));
            };
            Eigen::VectorXd basis = Eigen::VectorXd::Zero(size);
            for (int j = 0; j < n; ++j)
                for (int k = 0; k < n; ++k)
                    if (j != i && k != i && k != j && !is_crisis_pair(j, k))
                        basis += t.warm(i, j)->cwiseProduct(*t.cold(j, k));
            if (crisis) basis += *t.backs(i, crisis->first) + *t.backs(i, crisis->second);
            terms.push_back(ctx.term(i, -1.0, {ctx.entry("e", i)}, std::move(basis)));
        }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
