// wedge: an actor's attempt to pull a target away from its partner, by reward or pressure.
// Actor a, target t, partner p:
//   if s_at = +1 (a courts t): t gets omega * rho * (kappa * [w_tp <= 0] + 1 - kappa),
//                              a pays omega * (kappa * [w_tp <= 0] + 1 - kappa)
//   if s_at = -1 (a presses t): t loses pi * (1 - lambda * w+_tp)
// kappa = 1: the reward comes only if t distances itself from p; kappa = 0: it can be pocketed.
// rho: how sincere t believes the offer. lambda: how far p is a lifeline against the pressure.
// The Eurasia Daily Monitor essay "US and Allies Fail to Pull Moscow Away From Beijing" (the
// European offer conditioned on moving away from Beijing; pressure and sanctions pushing the
// two together); Rumer (outreach pocketed, seen as a clumsy ploy); Katz (persuasion read as an
// attempt to divert Beijing's attention onto Moscow).
// Written as four terms, each linear in its factors: with C = [w_tp > 0],
//   t: + omega rho X - omega rho kappa X C;  a: - omega X + omega kappa X C;
//   t: - pi Y + pi lambda Y w+_tp,   X = [s_at = +1], Y = [s_at = -1].
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec wedge() {
    DriverSpec spec{
        .name = "wedge",
        .summary = "a reward or coercive wedge by an actor aimed at a target's partnership",
        .formula = "s_at=+1: t += omega rho (kappa [w_tp<=0] + 1 - kappa), a -= omega (kappa [w_tp<=0] + 1 - kappa); "
                   "s_at=-1: t -= pi (1 - lambda w+_tp)",
        .sources = "Eurasia Daily Monitor 18/188 (the European offer; sanctions); Rumer; Katz",
        .params =
            {
                {.symbol = "omega", .name = "reward", .help = "size of the reward the actor offers"},
                {.symbol = "rho", .name = "sincerity", .upper = 1.0,
                 .help = "the target's belief that the offer is sincere (0..1)"},
                {.symbol = "kappa", .name = "reward_conditionality", .upper = 1.0,
                 .help = "how far the reward requires distancing from the partner (0: pocketed)"},
                {.symbol = "pi", .name = "pressure", .help = "coercive pressure when the actor opposes the target"},
                {.symbol = "lambda", .name = "lifeline", .upper = 1.0,
                 .help = "how far the partner offsets that pressure (0..1)"},
            },
        .settings =
            {
                {.name = "actor", .required = true, .help = "who drives the wedge"},
                {.name = "target", .required = true, .help = "whom it tries to pull away"},
                {.name = "partner", .required = true, .help = "from whom"},
            },
    };
    spec.build = [](const DriverContext& ctx) {
        const int a = ctx.player_setting("actor"), t = ctx.player_setting("target"),
                  p = ctx.player_setting("partner");
        const auto& ten = ctx.tensors();
        const Eigen::VectorXd courted = ten.stance_is(a, t, Stance::align).matrix();
        const Eigen::VectorXd pressed = ten.stance_is(a, t, Stance::oppose).matrix();
        const Eigen::VectorXd tied = (ten.warmth(t, p)->array() > 0.0).cast<double>().matrix();
        const Eigen::VectorXd courted_tied = courted.cwiseProduct(tied);
        const std::size_t omega = ctx.entry("omega"), rho = ctx.entry("rho"), kappa = ctx.entry("kappa"),
                          pi = ctx.entry("pi"), lambda = ctx.entry("lambda");
        std::vector<BasisTerm> terms;
        terms.push_back(ctx.term(t, 1.0, {omega, rho}, courted));
        terms.push_back(ctx.term(t, -1.0, {omega, rho, kappa}, courted_tied));
        terms.push_back(ctx.term(a, -1.0, {omega}, courted));
        terms.push_back(ctx.term(a, 1.0, {omega, kappa}, courted_tied));
        terms.push_back(ctx.term(t, -1.0, {pi}, pressed));
        terms.push_back(ctx.term(t, 1.0, {pi, lambda}, Eigen::VectorXd(pressed.cwiseProduct(*ten.warm(t, p)))));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
