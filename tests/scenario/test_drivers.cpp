// Each driver's formula (docs/model.md section 2) checked on small profiles computed by hand.
// Every scenario here uses one driver only, so a payoff is that driver's term alone.
#include "triad/scenario/drivers.hpp"

#include "support.hpp"

#include <cmath>

using namespace triad;
using triad::test::model_from;
using triad::test::payoff_at;

namespace {

const std::string kTriangle = R"(
players:
  us: {power: 10}
  russia: {power: 1}
  china: {power: 5}
)";

}  // namespace

TEST_CASE("partnership: g_ij times the warm part of the dyad", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  partnership:\n    g: {russia: {china: 2}, china: {russia: 3}}\n");
    // Russia aligns with China, China hedges: w = (1 + 0) / 2 = 0.5.
    const std::map<std::string, std::string> p = {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/~russia"}};
    CHECK(payoff_at(model, p, "russia") == Approx(2 * 0.5));
    CHECK(payoff_at(model, p, "china") == Approx(3 * 0.5));
    CHECK(payoff_at(model, p, "us") == Approx(0.0));
    // Cold ties earn nothing.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/-china"}, {"china", "~us/-russia"}}, "russia") == 0.0);
}

TEST_CASE("hostility: h_ij times the cold part of the dyad", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  hostility:\n    h: {us: {russia: 3}}\n");
    // US opposes Russia, Russia hedges: w = -0.5, cost 3 * 0.5.
    CHECK(payoff_at(model, {{"us", "-russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}}, "us") == Approx(-1.5));
}

TEST_CASE("regime_security: fear of a democratizer, shielded by a partner", "[drivers]") {
    const auto model = model_from(kTriangle + R"(drivers:
  regime_security:
    F: {russia: 2}
    d: {us: 1.5}
    c: {us: 0.5}
    sigma: {china: 0.4}
)");
    // The US opposes Russia; Russia and China align fully (w+ = 1), so the shield is 0.4:
    // -F d (1 - sigma w+) = -2 * 1.5 * (1 - 0.4) = -1.8.
    CHECK(payoff_at(model, {{"us", "-russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}}, "russia") ==
          Approx(-1.8));
    // Without the Chinese partner the full fear bites: -3.
    CHECK(payoff_at(model, {{"us", "-russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}}, "russia") ==
          Approx(-3.0));
    // Full warmth with a partner who conditions ties on domestic change: -F c w+ = -1.
    CHECK(payoff_at(model, {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/~russia"}}, "russia") ==
          Approx(-1.0));
}

TEST_CASE("junior_partner: log power gap, worse when not reciprocated", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  junior_partner:\n    A: {russia: 1}\n    eta: {russia: 0.5}\n");
    // Russia aligns, China hedges: w+ = 0.5, s_ji = 0 <= 0: -1 * ln 5 * 0.5 * (1 + 0.5).
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/~russia"}}, "russia") ==
          Approx(-std::log(5.0) * 0.75));
    // Reciprocated: no extra anxiety: -ln 5 * 1.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}}, "russia") ==
          Approx(-std::log(5.0)));
    // The stronger partner feels nothing (ln r <= 0).
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}}, "china") == 0.0);
}

TEST_CASE("threat: opposed by the strong and near, offset by a partner", "[drivers]") {
    const auto model = model_from(kTriangle + R"(drivers:
  threat:
    theta: {russia: 2}
    prox: {russia: {china: 1.5}}
    beta: {russia: 0.5}
)");
    // China opposes Russia. r = 5 / 1, share 5/6, tau = 2 * 1.5 * 5/6 = 2.5.
    // Alone: -2.5.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/-russia"}}, "russia") ==
          Approx(-2.5));
    // With the US fully warm to Russia and not warm to China: + beta tau * 1 = +1.25.
    CHECK(payoff_at(model, {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/-russia"}}, "russia") ==
          Approx(-1.25));
}

TEST_CASE("wedge: conditional reward, its cost, and coercion", "[drivers]") {
    const auto model = model_from(kTriangle + R"(drivers:
  wedge:
    actor: us
    target: russia
    partner: china
    omega: 2
    rho: 0.5
    kappa: 0.8
    pi: 3
    lambda: 0.5
)");
    // Courted while tied to China (w_tp = 1 > 0): t gets 2 * 0.5 * (1 - 0.8) = 0.2, a pays 0.4.
    const std::map<std::string, std::string> tied = {{"us", "+russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}};
    CHECK(payoff_at(model, tied, "russia") == Approx(0.2));
    CHECK(payoff_at(model, tied, "us") == Approx(-0.4));
    // Courted after distancing (w_tp <= 0): the full reward 1, at the full cost 2.
    const std::map<std::string, std::string> apart = {{"us", "+russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}};
    CHECK(payoff_at(model, apart, "russia") == Approx(1.0));
    CHECK(payoff_at(model, apart, "us") == Approx(-2.0));
    // Pressed while China is a full lifeline: -3 * (1 - 0.5) = -1.5.
    CHECK(payoff_at(model, {{"us", "-russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}}, "russia") ==
          Approx(-1.5));
}

TEST_CASE("pivot: Wu's role scores, or the triple formula", "[drivers]") {
    const std::string romantic_yaml = kTriangle + "drivers:\n  pivot:\n    psi: {us: 1, russia: 2}\n";
    const auto model = model_from(romantic_yaml);
    // US warm to both, Russia and China hostile: the US is the pivot (5), Russia a wing (2).
    const std::map<std::string, std::string> p = {{"us", "+russia/+china"}, {"russia", "+us/-china"}, {"china", "+us/-russia"}};
    CHECK(payoff_at(model, p, "us") == Approx(5.0));
    CHECK(payoff_at(model, p, "russia") == Approx(2 * 2.0));
    CHECK(payoff_at(model, p, "china") == 0.0);  // psi defaults to 0
    const auto edited = model_from(kTriangle + "drivers:\n  pivot:\n    psi: 1\n    score: {pivot: 10}\n");
    CHECK(payoff_at(edited, p, "us") == Approx(10.0));
    const auto triples = model_from(kTriangle + "drivers:\n  pivot:\n    psi: 1\n    scoring: triples\n");
    // w_ij + w_ik - w_jk = 1 + 1 - (-1) = 3 for the pivot; 1 - 1 - 1 = -1 for a wing.
    CHECK(payoff_at(triples, p, "us") == Approx(3.0));
    CHECK(payoff_at(triples, p, "russia") == Approx(-1.0));
}

TEST_CASE("ambition: a_ij when i opposes j", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  ambition:\n    a: {china: {russia: 1.2}}\n");
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/-russia"}}, "china") ==
          Approx(1.2));
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}}, "china") == 0.0);
}

TEST_CASE("entrapment: warmth with a partner who is hostile to a third", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  entrapment:\n    e: {russia: 1}\n");
    // Russia-China w = 1; China opposes the US which hedges: w- = 0.5. Cost 1 * 1 * 0.5.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "-us/+russia"}}, "russia") ==
          Approx(-0.5));
}

TEST_CASE("table: payoffs by profile, scaled by the weight", "[drivers]") {
    const auto model = model_from(R"(
players:
  row: {actions: [cooperate, defect]}
  col: {actions: [cooperate, defect]}
drivers:
  table:
    weight: 2
    payoffs:
      - {profile: [cooperate, defect], payoff: [0, 5]}
      - {profile: {row: defect, col: defect}, payoff: {row: 1, col: 1}}
)");
    CHECK_FALSE(model.game().has_stances());
    CHECK(payoff_at(model, {{"row", "cooperate"}, {"col", "defect"}}, "col") == Approx(10.0));
    CHECK(payoff_at(model, {{"row", "defect"}, {"col", "defect"}}, "row") == Approx(2.0));
    CHECK(payoff_at(model, {{"row", "cooperate"}, {"col", "cooperate"}}, "row") == 0.0);  // unlisted
}

TEST_CASE("every registered driver declares help, bounds that hold its default, and a builder",
          "[drivers][conformance]") {
    const auto& registry = builtin_drivers();
    CHECK(registry.all().size() >= 10);
    for (const auto& spec : registry.all()) {
        INFO("driver " << spec->name);
        CHECK(!spec->summary.empty());
        CHECK(!spec->formula.empty());
        CHECK(!spec->sources.empty());
        CHECK(static_cast<bool>(spec->build));
        for (const auto& p : spec->params) {
            INFO("parameter " << p.symbol);
            CHECK(!p.help.empty());
            CHECK(p.lower <= p.default_value);
            CHECK(p.default_value <= p.upper);
            for (double d : p.defaults_by_index) CHECK((p.lower <= d && d <= p.upper));
        }
    }
}

TEST_CASE("memory: grievance spoils warmth, trust rewards it", "[drivers]") {
    const auto model = model_from(kTriangle + R"(drivers:
  memory:
    gamma: {china: 0.5}
    chi: {china: 2}
    G: {china: {russia: 3}}
    T: {china: {russia: 0.25}}
)");
    // China and Russia fully warm: -0.5 * 3 * 1 + 2 * 0.25 * 1 = -1.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/+russia"}}, "china") ==
          Approx(-1.0));
    // Half warm (China aligns, Russia hedges): half of it.
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/+russia"}}, "china") ==
          Approx(-0.5));
}

TEST_CASE("junior_partner per partner: anxiety toward China alone leaves the US tie free", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  junior_partner:\n    A: {russia: {china: 1}}\n");
    // Russia aligns with both, both reciprocate: only the China tie costs, -1 * ln 5 * 1.
    const std::map<std::string, std::string> both = {{"us", "+russia/~china"}, {"russia", "+us/+china"}, {"china", "~us/+russia"}};
    CHECK(payoff_at(model, both, "russia") == Approx(-std::log(5.0)));
    // The per-player form still sets every partner: ln 10 + ln 5.
    const auto every = model_from(kTriangle + "drivers:\n  junior_partner:\n    A: {russia: 1}\n");
    CHECK(payoff_at(every, both, "russia") == Approx(-std::log(10.0) - std::log(5.0)));
    // Paths: the alias without a partner addresses both entries, with one just that one.
    CHECK(every.parameters().resolve("russia.junior_anxiety").size() == 2);
    CHECK(every.parameters()[every.parameters().resolve_one("russia.junior_anxiety.china")].path == "junior_partner.A.russia.china");
}

TEST_CASE("regime_security per target: the US eases off Russia, not China", "[drivers]") {
    const auto model = model_from(kTriangle + R"(drivers:
  regime_security:
    F: {russia: 2, china: 1}
    d: {us: {russia: 0, china: 1.5}}
    c: {us: {russia: 0.25, china: 1}}
)");
    // The US opposes both, no shields: Russia feels nothing (d.us.russia = 0), China -1 * 1.5.
    const std::map<std::string, std::string> opposed = {{"us", "-russia/-china"}, {"russia", "~us/~china"}, {"china", "~us/~russia"}};
    CHECK(payoff_at(model, opposed, "russia") == 0.0);
    CHECK(payoff_at(model, opposed, "china") == Approx(-1.5));
    // Full warmth with the US: -F c w+ = -2 * 0.25 for Russia, -1 * 1 for China.
    const std::map<std::string, std::string> warm = {{"us", "+russia/+china"}, {"russia", "+us/~china"}, {"china", "+us/~russia"}};
    CHECK(payoff_at(model, warm, "russia") == Approx(-0.5));
    CHECK(payoff_at(model, warm, "china") == Approx(-1.0));
}

TEST_CASE("wedge: the actor's stake in success, and the conditions distance, approach, both", "[drivers]") {
    auto wedge = [](const std::string& condition) {
        return model_from(kTriangle + "drivers:\n  wedge:\n    actor: us\n    target: russia\n    partner: china\n    condition: " +
                          condition + "\n    omega: 2\n    rho: 0.5\n    kappa: 1\n    V: 3\n");
    };
    // Russia aligns with the US and cools on China (w_tp = 0): every condition is met.
    const std::map<std::string, std::string> turned = {{"us", "+russia/~china"}, {"russia", "+us/~china"}, {"china", "~us/~russia"}};
    // Russia stays with China but aligns with the US too: only `approach` is met.
    const std::map<std::string, std::string> both_ways = {{"us", "+russia/~china"}, {"russia", "+us/+china"}, {"china", "~us/+russia"}};
    for (const char* condition : {"distance", "approach", "both"}) {
        INFO(condition);
        const auto model = wedge(condition);
        // Met: the target counts on omega rho = 1; the actor pays omega and gains V: +1.
        CHECK(payoff_at(model, turned, "russia") == Approx(1.0));
        CHECK(payoff_at(model, turned, "us") == Approx(1.0));
    }
    CHECK(payoff_at(wedge("approach"), both_ways, "us") == Approx(1.0));
    CHECK(payoff_at(wedge("approach"), both_ways, "russia") == Approx(1.0));
    for (const char* condition : {"distance", "both"}) {  // not met, kappa 1: nothing paid, nothing won
        INFO(condition);
        CHECK(payoff_at(wedge(condition), both_ways, "us") == 0.0);
        CHECK(payoff_at(wedge(condition), both_ways, "russia") == 0.0);
    }
}

TEST_CASE("partnership: unreturned warmth costs q", "[drivers]") {
    const auto model = model_from(kTriangle + "drivers:\n  partnership:\n    q: {russia: 0.7}\n");
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/-russia"}}, "russia") == Approx(-0.7));
    CHECK(payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/+china"}, {"china", "~us/~russia"}}, "russia") == 0.0);
}

TEST_CASE("threat: the log form keeps growing with the power gap, up to its cap", "[drivers]") {
    auto opposed_payoff = [](const std::string& china_power, const std::string& growth) {
        const auto model = model_from("players:\n  us: {power: 10}\n  russia: {power: 1}\n  china: {power: " + china_power +
                                      "}\ndrivers:\n  threat:\n    growth: " + growth + "\n    R: 20\n    theta: {russia: 1}\n"
                                      "    prox: {russia: {china: 1}}\n");
        return payoff_at(model, {{"us", "~russia/~china"}, {"russia", "~us/~china"}, {"china", "~us/-russia"}}, "russia");
    };
    CHECK(opposed_payoff("9", "share") == Approx(-0.9));
    CHECK(opposed_payoff("16", "share") == Approx(-16.0 / 17.0));
    CHECK(opposed_payoff("9", "log") == Approx(-std::log(10.0) / std::log(21.0)));
    CHECK(opposed_payoff("16", "log") == Approx(-std::log(17.0) / std::log(21.0)));
    CHECK(opposed_payoff("40", "log") == Approx(-1.0));  // beyond the cap: the full threat
}
