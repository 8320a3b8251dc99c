// Crises: the backing choices they add, how entrapment and partnership read them, and the
// labels a prediction can name (docs/model.md section 1.4).
#include "triad/scenario/crisis.hpp"

#include "triad/scenario/model.hpp"
#include "triad/solvers/selection.hpp"

#include "support.hpp"

using namespace triad;
using triad::test::model_from;
using triad::test::payoff_at;
using triad::test::require_input_error;

namespace {

const std::string kPlayers = "players:\n  us: {power: 23}\n  russia: {power: 1.8}\n  china: {power: 18}\n";
const std::string kTaiwan = "crises:\n  taiwan: {between: [us, china]}\n";

// Russia and China warm to each other, both cold to the US: the pattern in which warmth
// toward a partner stands in for fighting beside it.
std::map<std::string, std::string> partners(const std::string& russia) {
    return {{"us", "-russia/-china"}, {"russia", russia}, {"china", "-us/+russia"}};
}

}  // namespace

TEST_CASE("without a crisis the game is unchanged, and with one each backer's actions triple", "[crisis]") {
    const StageModel plain = model_from(kPlayers + "drivers:\n  entrapment: {e: 1}\n");
    CHECK(plain.game().space.size() == 729);
    CHECK_FALSE(plain.game().has_crises());
    const StageModel crisis = model_from(kPlayers + kTaiwan + "drivers:\n  entrapment: {e: 1}\n");
    const Game& game = crisis.game();
    const int us = game.player_index("us"), russia = game.player_index("russia"), china = game.player_index("china");
    CHECK(game.space.actions(us) == 9);
    CHECK(game.space.actions(china) == 9);
    REQUIRE(game.space.actions(russia) == 27);
    CHECK(game.space.size() == 2187);
    // Abstaining keeps the action's old name; the backing copies say which side.
    const int abstain = game.action_index(russia, "-us/+china");
    const int backs = game.action_index(russia, "-us/+china:backs-china");
    REQUIRE(abstain >= 0);
    REQUIRE(backs >= 0);
    CHECK(game.backing[russia][abstain] == -1);
    CHECK(game.backing[russia][backs] == china);
    CHECK(game.stance(russia, backs, china) == Stance::align);
    CHECK(game.action_index(russia, "-us/+china:backs-us") >= 0);
    REQUIRE(game.crisis_of_backer(russia) != nullptr);
    CHECK(game.crisis_of_backer(us) == nullptr);
}

TEST_CASE("in a crisis entrapment prices backing, not warmth", "[crisis]") {
    // Hand-computed: Russia warm with China (w = 1), China cold to the US (w = -1), e = 2.
    // Without a crisis the warmth proxy costs -e * w+_rc * w-_cu = -2.
    const std::string drivers = "drivers:\n  entrapment: {e: {russia: 2}}\n";
    const StageModel plain = model_from(kPlayers + drivers);
    CHECK(payoff_at(plain, partners("-us/+china"), "russia") == Approx(-2.0));
    // With the crisis declared, warmth alone costs nothing, and backing either side costs e.
    const StageModel crisis = model_from(kPlayers + kTaiwan + drivers);
    CHECK(payoff_at(crisis, partners("-us/+china"), "russia") == 0.0);
    CHECK(payoff_at(crisis, partners("-us/+china:backs-china"), "russia") == Approx(-2.0));
    CHECK(payoff_at(crisis, partners("-us/+china:backs-us"), "russia") == Approx(-2.0));
    // A pair that is not the crisis keeps the warmth proxy: the US, warm with Russia while
    // Russia is cold to China, still fears that entanglement (e_us = 1).
    const StageModel us_fear = model_from(kPlayers + kTaiwan + "drivers:\n  entrapment: {e: {us: 1}}\n");
    CHECK(payoff_at(us_fear, {{"us", "+russia/~china"}, {"russia", "+us/-china"}, {"china", "~us/-russia"}}, "us") ==
          Approx(-1.0));
}

TEST_CASE("in a crisis partnership prices abandonment and values backing", "[crisis]") {
    // l_russia = 1.5: Russia warm with China (w+ = 1) pays 1.5 unless it backs China.
    // y_china,russia = 0.8: China gains 0.8 * w+ = 0.8 when Russia backs it.
    const StageModel model =
        model_from(kPlayers + kTaiwan + "drivers:\n  partnership: {l: {russia: 1.5}, y: {china: {russia: 0.8}}}\n");
    CHECK(payoff_at(model, partners("-us/+china"), "russia") == Approx(-1.5));
    CHECK(payoff_at(model, partners("-us/+china"), "china") == 0.0);
    CHECK(payoff_at(model, partners("-us/+china:backs-china"), "russia") == 0.0);
    CHECK(payoff_at(model, partners("-us/+china:backs-china"), "china") == Approx(0.8));
    CHECK(payoff_at(model, partners("-us/+china:backs-us"), "russia") == Approx(-1.5));
    // Hedging toward China (w = 1/2): abandoning it costs half as much.
    CHECK(payoff_at(model, {{"us", "-russia/-china"}, {"russia", "-us/~china"}, {"china", "-us/+russia"}}, "russia") ==
          Approx(-0.75));
    // Backing China forfeits the tie with the US it fights: g_russia,us = 2, Russia warm with
    // the US (+us both ways, w+ = 1) pays 2 for backing China, nothing for abstaining.
    const StageModel agenda = model_from(kPlayers + kTaiwan + "drivers:\n  partnership: {g: {russia: {us: 2}}}\n");
    const std::map<std::string, std::string> warm_us = {{"us", "+russia/-china"}, {"russia", "+us/+china"}, {"china", "-us/+russia"}};
    std::map<std::string, std::string> backing = warm_us;
    backing["russia"] = "+us/+china:backs-china";
    CHECK(payoff_at(agenda, warm_us, "russia") == Approx(2.0));
    CHECK(payoff_at(agenda, backing, "russia") == Approx(0.0));
    // No crisis: neither parameter has any term.
    const StageModel plain = model_from(kPlayers + "drivers:\n  partnership: {l: {russia: 1.5}, y: {china: {russia: 0.8}}}\n");
    for (const auto& u : plain.game().payoffs) CHECK(u.cwiseAbs().maxCoeff() == 0.0);
}

TEST_CASE("the selection names each backer's choice, and it follows the costs", "[crisis]") {
    // Russia and China gain from warmth; backing China is worth l = 2 to Russia against an
    // entrapment cost e: Russia backs China when e < l and abstains when e > l.
    const std::string base = kPlayers + kTaiwan + "drivers:\n  partnership: {g: {russia: {china: 3}, china: {russia: 3}}, l: {russia: 2}}\n";
    for (const auto& [e, expected] : std::vector<std::pair<double, std::string>>{{0.5, "china"}, {3.5, "abstain"}}) {
        INFO("e = " << e);
        const StageModel model = model_from(base + "  entrapment: {e: {russia: " + format_number(e) + "}}\n");
        const Prediction p = predict(model.game(), SelectionRule{});
        const int russia = model.game().player_index("russia");
        REQUIRE(p.selected_backs.size() == 3);
        CHECK(p.selected_backs[russia] == expected);
        CHECK(p.backs_probability[russia] > 0.5);
        CHECK(p.selected_backs[model.game().player_index("us")].empty());  // a side does not back
        double total = 0.0;
        for (const auto& [label, mass] : p.backs[russia]) total += mass;
        CHECK(total == Approx(1.0));
    }
}

TEST_CASE("bad crises are reported where they are written", "[crisis]") {
    require_input_error([] { (void)model_from(kPlayers + "crises:\n  taiwan: {between: [us, chna]}\n"); }, 6,
                        {"unknown player 'chna'", "did you mean 'china'?"});
    require_input_error([] { (void)model_from(kPlayers + "crises:\n  taiwan: {between: [us]}\n"); }, 6,
                        {"between two players, not 1"});
    require_input_error([] { (void)model_from(kPlayers + "crises:\n  taiwan: {between: [us, us]}\n"); }, 6, {"as both sides"});
    require_input_error([] { (void)model_from(kPlayers + "crises:\n  taiwan: {between: [us, china], backers: [china]}\n"); },
                        6, {"is a side of crisis 'taiwan'"});
    require_input_error([] { (void)model_from(kPlayers + "crises:\n  taiwan: {betwen: [us, china]}\n"); }, 6,
                        {"did you mean 'between'?"});
    require_input_error([] {
        (void)model_from(kPlayers + "crises:\n  taiwan: {between: [us, china]}\n  korea: {between: [us, china]}\n");
    }, 7, {"russia would choose a side in two crises"});
    require_input_error([] {
        (void)model_from("players:\n  a: {actions: [x, y]}\n  b: {actions: [x, y]}\n  c: {actions: [x, y]}\n"
                         "crises:\n  k: {between: [a, b]}\n");
    }, 6, {"read through stances"});
}
