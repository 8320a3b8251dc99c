// entrapment: the fear of being dragged into a partner's fights.
//     u_i -= e_i * sum_j sum_{k != i, j} w+_ij * w-_jk
// Warmth with a partner who is hostile to a third player risks being drawn into that conflict.
// Lumbers ("Mr. Xi Goes to Moscow"): Russia would no more take sides in a crisis over Taiwan
// than China did over Georgia in 2008; the Eurasia Daily Monitor essay: China will not fight
// for Russia, nor Russia over the Taiwan Strait.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec entrapment() {
    DriverSpec spec{
        .name = "entrapment",
        .summary = "fear of being dragged into a partner's conflicts (Taiwan, Ukraine)",
        .formula = "- e_i * sum_j sum_k w+_ij * w-_jk",
        .sources = "Lumbers (Taiwan, Georgia 2008); Eurasia Daily Monitor 18/188",
        .params = {{.symbol = "e", .name = "entrapment_aversion", .index = IndexKind::player,
                    .help = "how much i fears entanglement in a partner's conflicts"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const int n = ctx.players();
        const auto& t = ctx.tensors();
        const auto size = static_cast<Eigen::Index>(ctx.game().space.size());
        for (int i = 0; i < n; ++i) {
            Eigen::VectorXd basis = Eigen::VectorXd::Zero(size);
            for (int j = 0; j < n; ++j)
                for (int k = 0; k < n; ++k)
                    if (j != i && k != i && k != j) basis += t.warm(i, j)->cwiseProduct(*t.cold(j, k));
            terms.push_back(ctx.term(i, -1.0, {ctx.entry("e", i)}, std::move(basis)));
        }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
