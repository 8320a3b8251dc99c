// wedge: an actor's attempt to pull a target away from its partner, by reward or pressure.
// Actor a, target t, partner p; M = [the offer's condition is met] (setting `condition`):
//   distance  M = [w_tp <= 0]           the target cools toward its partner (the default)
//   approach  M = [s_ta = +1]           the target aligns with the actor
//   both      M = [w_tp <= 0][s_ta = +1]
//   if s_at = +1 (a courts t): t gets omega * rho * (kappa * M + 1 - kappa),
//                              a pays omega * (kappa * M + 1 - kappa) and gains V * M
//   if s_at = -1 (a presses t): t loses pi * (1 - lambda * w+_tp)
// kappa = 1: the reward comes only when the condition is met; kappa = 0: it can be pocketed.
// rho: how far t believes the offer will be paid, so how much of it t counts on. V: what a
// successful wedge is worth to the actor (Crawford 2011: a reward wedge is worth its price only
// if splitting the coalition is worth more), which makes courting a choice the actor weighs in
// equilibrium; with V = 0 (the default) the actor only ever pays, as before this parameter.
// Izumikawa 2013 on the conditions: a reward tied to the target's distance from its ally, or to
// its approach to the wedging state. lambda: how far p is a lifeline against the pressure.
// The Eurasia Daily Monitor essay "US and Allies Fail to Pull Moscow Away From Beijing" (the
// European offer conditioned on moving away from Beijing; pressure and sanctions pushing the
// two together); Rumer (outreach pocketed, seen as a clumsy ploy); Katz (persuasion read as an
// attempt to divert Beijing's attention onto Moscow).
// Written as terms linear in their factors, with X = [s_at = +1], Y = [s_at = -1], N = 1 - M:
//   t: + omega rho X - omega rho kappa X N;  a: - omega X + omega kappa X N + V X M;
//   t: - pi Y + pi lambda Y w+_tp.
#include "builtin.hpp"

namespace triad::drivers {

DriverSpec wedge() {
    DriverSpec spec{
        .name = "wedge",
        .summary = "a reward or coercive wedge by an actor aimed at a target's partnership",
        .formula = "s_at=+1: t += omega rho (kappa M + 1 - kappa), a += V M - omega (kappa M + 1 - kappa); "
                   "s_at=-1: t -= pi (1 - lambda w+_tp); M: [w_tp<=0] (distance), [s_ta=+1] (approach) or both",
        .sources = "Eurasia Daily Monitor 18/188 (the European offer; sanctions); Rumer; Katz; Crawford 2011; Izumikawa 2013",
        .params =
            {
                {.symbol = "omega", .name = "reward", .help = "size of the reward the actor offers"},
                {.symbol = "rho", .name = "sincerity", .upper = 1.0,
                 .help = "the target's belief that the offer will be paid (0..1): the share of it the target counts on"},
                {.symbol = "kappa", .name = "reward_conditionality", .upper = 1.0,
                 .help = "how far the reward requires the condition to be met (0: pocketed)"},
                {.symbol = "V", .name = "success_value",
                 .help = "what it is worth to the actor that the condition is met while it courts (0: nothing)"},
                {.symbol = "pi", .name = "pressure", .help = "coercive pressure when the actor opposes the target"},
                {.symbol = "lambda", .name = "lifeline", .upper = 1.0,
                 .help = "how far the partner offsets that pressure (0..1)"},
            },
        .settings =
            {
                {.name = "actor", .required = true, .help = "who drives the wedge"},
                {.name = "target", .required = true, .help = "whom it tries to pull away"},
                {.name = "partner", .required = true, .help = "from whom"},
                {.name = "condition", .kind = SettingSpec::Kind::choice, .choices = {"distance", "approach", "both"},
                 .help = "what the reward is conditional on: the target cooling toward its partner (distance), "
                         "aligning with the actor (approach), or both"},
            },
    };
    spec.build = [](const DriverContext& ctx) {
        const int a = ctx.player_setting("actor"), t = ctx.player_setting("target"),
                  p = ctx.player_setting("partner");
        const std::string& condition = ctx.choice_setting("condition");
        const auto& ten = ctx.tensors();
        const Eigen::VectorXd courted = ten.stance_is(a, t, Stance::align).matrix();
        const Eigen::VectorXd pressed = ten.stance_is(a, t, Stance::oppose).matrix();
        const Eigen::ArrayXd distanced = (ten.warmth(t, p)->array() <= 0.0).cast<double>();
        const Eigen::ArrayXd approached = ten.stance_is(t, a, Stance::align);
        const Eigen::ArrayXd met = condition == "approach" ? approached
                                   : condition == "both" ? Eigen::ArrayXd(distanced * approached)
                                                         : distanced;
        const Eigen::VectorXd courted_met = (courted.array() * met).matrix();
        const Eigen::VectorXd courted_unmet = courted - courted_met;
        const std::size_t omega = ctx.entry("omega"), rho = ctx.entry("rho"), kappa = ctx.entry("kappa"),
                          value = ctx.entry("V"), pi = ctx.entry("pi"), lambda = ctx.entry("lambda");
        std::vector<BasisTerm> terms;
        terms.push_back(ctx.term(t, 1.0, {omega, rho}, courted));
        terms.push_back(ctx.term(t, -1.0, {omega, rho, kappa}, courted_unmet));
        terms.push_back(ctx.term(a, -1.0, {omega}, courted));
        terms.push_back(ctx.term(a, 1.0, {omega, kappa}, courted_unmet));
        terms.push_back(ctx.term(a, 1.0, {value}, courted_met));
        terms.push_back(ctx.term(t, -1.0, {pi}, pressed));
        terms.push_back(ctx.term(t, 1.0, {pi, lambda}, Eigen::VectorXd(pressed.cwiseProduct(*ten.warm(t, p)))));
        return terms;
    };
    return spec;
}

}  // namespace triad::drivers
