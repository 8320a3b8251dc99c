// threat: balance of threat, and the value of a partner against an intimidator.
//     tau_ij = theta_i * prox_ij * m_ij * S(r_ij),  r_ij = P_j / P_i, with S (setting `growth`):
//       share  S = r / (1 + r)                       j's share of the dyad's power (the default)
//       log    S = min(ln(1 + r) / ln(1 + R), 1)     grows with the log power gap up to r = R
// The share saturates: China's share of the Sino-Russian dyad only moves from 0.90 to 0.94 as
// its GDP goes from 9 to 16 times Russia's, so growth barely changes the threat. The log form
// keeps growing (0.76 to 0.93 over the same range with R = 20) and is bounded at 1, so one
// neighbour's threat never exceeds theta * prox.
//     u_i -= sum_j tau_ij * [s_ji = -1]
//     u_i += beta_i * sum_j tau_ij * [s_ji = -1] * max_{k != j} ( w+_ik * (1 - w+_kj) )
// Being opposed by a strong, close neighbour hurts (Walt's balance of threat); a partner k who
// is warm to i and not to the intimidator j recovers part of that. Katz ("Moscow won't side
// with Washington against Beijing just because we think it should"): the border, the Arctic,
// Central Asia; a shift comes only if Beijing "begins to openly intimidate" Moscow.
// m_ij (default 1) is how openly j menaces i beyond what its opposition implies: a policy of
// open intimidation (scenario/actions.hpp) raises it while it is played, so Beijing's choice to
// intimidate changes what Moscow gains from a partner against it, not only Beijing's own gain.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec threat() {
    DriverSpec spec{
        .name = "threat",
        .summary = "threat from a strong, close opponent, and the value of a partner against it",
        .formula = "- sum_j tau_ij [s_ji = -1] + beta_i sum_j tau_ij [s_ji = -1] max_k w+_ik (1 - w+_kj); "
                   "tau_ij = theta_i prox_ij m_ij S(r_ij), S = r/(1+r) (growth: share) or min(ln(1+r)/ln(1+R), 1) (growth: log)",
        .sources = "Katz (border, Arctic, Central Asia; open intimidation as the condition for a shift)",
        .params =
            {
                {.symbol = "theta", .name = "threat_sensitivity", .index = IndexKind::player,
                 .help = "how much i feels threatened when opposed"},
                {.symbol = "prox", .name = "proximity", .index = IndexKind::dyad,
                 .help = "geographic proximity of j to i (shared border, near seas)"},
                {.symbol = "m", .name = "intimidation", .index = IndexKind::dyad, .default_value = 1.0,
                 .help = "how openly j menaces i when it opposes i (1: as the opposition implies; a policy may raise it)"},
                {.symbol = "beta", .name = "ally_value", .index = IndexKind::player,
                 .help = "share of a threat a partner against the intimidator offsets"},
                {.symbol = "R", .name = "power_cap", .default_value = 20.0, .lower = 1.0, .linear = false,
                 .help = "growth: log only: the power ratio at which the threat reaches its full size"},
            },
        .settings = {{.name = "growth", .kind = SettingSpec::Kind::choice, .choices = {"share", "log"},
                      .help = "how the threat grows with the power ratio: j's share of the dyad's power, or its log"}},
    };
    spec.build = [](const DriverContext& ctx) {
        std::vector<BasisTerm> terms;
        const int n = ctx.players();
        const auto& t = ctx.tensors();
        const Eigen::Index size = static_cast<Eigen::Index>(ctx.game().space.size());
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j) {
                if (i == j) continue;
                const double r = ctx.power(j) / ctx.power(i);
                const double share = ctx.choice_setting("growth") == "log"
                                         ? std::min(std::log1p(r) / std::log1p(ctx.value("R")), 1.0)
                                         : r / (1.0 + r);
                const Eigen::VectorXd opposed = t.stance_is(j, i, Stance::oppose).matrix();
                const Eigen::VectorXd backing = max_over_others(n, i, j, size, [&](int k) {
                    return Eigen::VectorXd(t.warm(i, k)->cwiseProduct(
                        (Eigen::VectorXd::Ones(size) - *t.warm(k, j))));
                });
                const std::size_t theta = ctx.entry("theta", i), prox = ctx.entry("prox", i, j), m = ctx.entry("m", i, j);
                terms.push_back(ctx.term(i, -share, {theta, prox, m}, opposed));
                terms.push_back(ctx.term(i, share, {ctx.entry("beta", i), theta, prox, m},
                                         Eigen::VectorXd(opposed.cwiseProduct(backing))));
            }
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
