// Tests of the Gambit .nfg reader and writer (include/triad/scenario/nfg.hpp).
//
// Expected payoffs are worked out by hand from the files in tests/data, remembering that
// profiles run with player 1's strategy fastest: in a 2x2 game the payoff list is
// (1,1) (2,1) (1,2) (2,2).
#include "triad/core/error.hpp"
#include "triad/scenario/nfg.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Catch::Matchers::Contains;

std::string data_path(const std::string& name) { return std::string(TRIAD_TEST_DATA) + "/" + name; }

// Payoff of `player` when the players play these strategies (0-based).
double payoff(const triad::Game& game, int player, std::vector<int> actions) {
    return game.payoffs[player](static_cast<Eigen::Index>(game.space.index(actions)));
}

// The InputError parse_nfg throws on `text`, or nullopt if it throws none.
std::optional<triad::InputError> error_of(const std::string& text) {
    try {
        (void)triad::parse_nfg(text, "bad.nfg");
    } catch (const triad::InputError& error) {
        return error;
    }
    return std::nullopt;
}

void check_prisoners_dilemma(const triad::Game& game) {
    REQUIRE(game.player_count() == 2);
    CHECK(game.title == "Prisoner's dilemma");
    CHECK(game.players == std::vector<std::string>{"Row", "Column"});
    REQUIRE(game.space.size() == 4);
    CHECK_FALSE(game.has_stances());
    // Strategy 0 is cooperate, 1 is defect.
    CHECK(payoff(game, 0, {0, 0}) == 3);
    CHECK(payoff(game, 1, {0, 0}) == 3);
    CHECK(payoff(game, 0, {1, 0}) == 5);  // u_1(defect, cooperate)
    CHECK(payoff(game, 1, {1, 0}) == 0);
    CHECK(payoff(game, 0, {0, 1}) == 0);
    CHECK(payoff(game, 1, {0, 1}) == 5);  // u_2(cooperate, defect)
    CHECK(payoff(game, 0, {1, 1}) == 1);
    CHECK(payoff(game, 1, {1, 1}) == 1);
}

const std::string kPdHeader = "NFG 1 R \"PD\" { \"Row\" \"Column\" } { 2 2 }\n";
const std::string kPdNamed =
    "NFG 1 R \"PD\" { \"Row\" \"Column\" }\n{ { \"C\" \"D\" } { \"C\" \"D\" } }\n";

}  // namespace

TEST_CASE("nfg: the three spellings of the prisoner's dilemma agree", "[nfg]") {
    const triad::Game counts = triad::read_nfg(data_path("nfg_pd_counts.nfg"));
    const triad::Game names = triad::read_nfg(data_path("nfg_pd_names.nfg"));
    const triad::Game outcomes = triad::read_nfg(data_path("nfg_pd_outcomes.nfg"));

    check_prisoners_dilemma(counts);
    check_prisoners_dilemma(names);
    check_prisoners_dilemma(outcomes);

    CHECK(counts.actions == std::vector<std::vector<std::string>>{{"1", "2"}, {"1", "2"}});
    const std::vector<std::string> named{"Cooperate", "Defect"};
    CHECK(names.actions == std::vector<std::vector<std::string>>{named, named});
    CHECK(outcomes.actions == names.actions);
    for (int i = 0; i < 2; ++i) {
        CHECK(counts.payoffs[i] == names.payoffs[i]);
        CHECK(counts.payoffs[i] == outcomes.payoffs[i]);
    }
}

TEST_CASE("nfg: three players are ordered with player 1 fastest", "[nfg]") {
    const triad::Game game = triad::read_nfg(data_path("nfg_three_player.nfg"));
    REQUIRE(game.player_count() == 3);
    REQUIRE(game.space.size() == 8);
    // The file lists (A,B,C) = 111, 211, 121, 221, 112, 212, 122, 222.
    CHECK(payoff(game, 0, {0, 0, 0}) == 0);
    CHECK(payoff(game, 0, {1, 0, 0}) == 1);   // second line: A switched first
    CHECK(payoff(game, 1, {1, 1, 0}) == 13);  // fourth line
    CHECK(payoff(game, 2, {0, 0, 1}) == 24);  // fifth line: C switched last
    CHECK(payoff(game, 2, {1, 0, 1}) == 25);
    CHECK(payoff(game, 0, {0, 1, 1}) == 6);
    CHECK(payoff(game, 1, {1, 1, 1}) == 17);
    CHECK(game.actions[2] == std::vector<std::string>{"1", "2"});
}

TEST_CASE("nfg: Gambit's documented example reads the same in both versions", "[nfg]") {
    // Selten (IJGT 75), Figure 2, as shown in Gambit's format documentation.
    const triad::Game by_payoff = triad::parse_nfg(
        "NFG 1 R \"Selten (IJGT, 75), Figure 2, normal form\"\n"
        "{ \"Player 1\" \"Player 2\" } { 3 2 }\n\n"
        "1 1 0 2 0 2 1 1 0 3 2 0\n",
        "e02.nfg");
    const triad::Game by_outcome = triad::parse_nfg(
        "NFG 1 R \"Selten (IJGT, 75), Figure 2, normal form\" { \"Player 1\" \"Player 2\" }\n\n"
        "{\n{ \"1\" \"2\" \"3\" }\n{ \"1\" \"2\" }\n}\n\n"
        "{\n{ \"\" 1, 1 }\n{ \"\" 0, 2 }\n{ \"\" 0, 2 }\n{ \"\" 1, 1 }\n{ \"\" 0, 3 }\n"
        "{ \"\" 2, 0 }\n}\n1 2 3 4 5 6\n",
        "e02-outcome.nfg");
    REQUIRE(by_payoff.space.counts() == std::vector<int>{3, 2});
    CHECK(payoff(by_payoff, 0, {2, 0}) == 0);  // third pair "0 2"
    CHECK(payoff(by_payoff, 1, {2, 0}) == 2);
    CHECK(payoff(by_payoff, 1, {1, 1}) == 3);  // fifth pair "0 3"
    CHECK(payoff(by_payoff, 0, {2, 1}) == 2);  // sixth pair "2 0"
    CHECK(by_payoff.actions == by_outcome.actions);
    for (int i = 0; i < 2; ++i) CHECK(by_payoff.payoffs[i] == by_outcome.payoffs[i]);
}

TEST_CASE("nfg: fractions, decimals, exponents and signs", "[nfg]") {
    const triad::Game game = triad::read_nfg(data_path("nfg_rationals.nfg"));
    CHECK(payoff(game, 0, {0, 0}) == 0.75);
    CHECK(payoff(game, 1, {0, 0}) == -0.5);
    CHECK(payoff(game, 0, {1, 0}) == 0.001);
    CHECK(payoff(game, 1, {1, 0}) == 0.5);
    CHECK(payoff(game, 0, {0, 1}) == 2.0);
    CHECK(payoff(game, 1, {0, 1}) == -25.0);
    CHECK(payoff(game, 0, {1, 1}) == 2.5);
    CHECK(payoff(game, 1, {1, 1}) == 1.0 / 3.0);
}

TEST_CASE("nfg: outcome 0 is the null outcome", "[nfg]") {
    const triad::Game game = triad::read_nfg(data_path("nfg_null_outcome.nfg"));
    CHECK(payoff(game, 0, {0, 0}) == 1);
    CHECK(payoff(game, 1, {0, 0}) == -1);
    CHECK(payoff(game, 0, {1, 0}) == 0);
    CHECK(payoff(game, 1, {1, 0}) == 0);
    CHECK(payoff(game, 0, {0, 1}) == 0);
    CHECK(payoff(game, 1, {0, 1}) == 0);
    CHECK(payoff(game, 0, {1, 1}) == -1);
    CHECK(payoff(game, 1, {1, 1}) == 1);
}

TEST_CASE("nfg: layout is free-form", "[nfg]") {
    SECTION("CRLF line endings, tabs, no trailing newline, 'D' numbers") {
        const triad::Game game = triad::parse_nfg(
            "NFG\t1 D \"PD\"\r\n{ \"Row\"\r\n\"Column\" }{2 2}\r\n3\t3 5 0\r\n0 5 1 1", "crlf.nfg");
        CHECK(payoff(game, 0, {1, 0}) == 5);
    }
    SECTION("a byte-order mark and trailing blank lines") {
        const triad::Game game =
            triad::parse_nfg("\xEF\xBB\xBF" + kPdHeader + "3 3 5 0 0 5 1 1\n\n\n", "bom.nfg");
        CHECK(payoff(game, 1, {0, 1}) == 5);
    }
    SECTION("escapes and newlines inside strings") {
        const triad::Game game = triad::parse_nfg(
            "NFG 1 R \"a \\\"quoted\\\" \\\\ title\" { \"one\nline\" \"two\" }\n"
            "{ { \"x\" } { \"y\" } }\n1 2\n",
            "escapes.nfg");
        CHECK(game.title == "a \"quoted\" \\ title");
        CHECK(game.players[0] == "one\nline");
    }
    SECTION("an outcome list without a comment, commas optional") {
        const triad::Game game = triad::parse_nfg(
            kPdNamed + "{{\"\" 3,3}{\"\" 5 0}{\"\" 0 ,5}{\"\" 1, 1}}1 2 3 4", "tight.nfg");
        CHECK(payoff(game, 1, {0, 1}) == 5);
    }
}

TEST_CASE("nfg: malformed files name the line, column and what was expected", "[nfg]") {
    SECTION("missing header") {
        const auto error = error_of("\n\nGAME 1 R \"t\" { \"A\" } { 1 }\n1\n");
        REQUIRE(error);
        CHECK(error->where().file == "bad.nfg");
        CHECK(error->where().line == 3);
        CHECK(error->where().column == 1);
        CHECK_THAT(error->what(), Contains("bad.nfg:3:1:") && Contains("'NFG'"));
    }
    SECTION("empty file") {
        const auto error = error_of("");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains("bad.nfg:1:1:") && Contains("NFG"));
    }
    SECTION("wrong version") {
        const auto error = error_of("NFG 2 R \"t\" { \"A\" } { 1 }\n1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:5:") && Contains("version"));
    }
    SECTION("wrong number type letter") {
        const auto error = error_of("NFG 1 Q \"t\" { \"A\" } { 1 }\n1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:7:") && Contains("'R' or 'D'"));
    }
    SECTION("unterminated string") {
        const auto error = error_of("NFG 1 R \"t\" { \"A } { 1 }\n1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:15:") && Contains("unterminated"));
    }
    SECTION("strategy names never closed") {
        const auto error = error_of(
            "NFG 1 R \"t\" { \"A\" \"B\" }\n{ { \"a\" \"b\" }\n  { \"c\" \"d\" }\n\n");
        REQUIRE(error);
        CHECK(error->where().line == 3);
        CHECK(error->where().column == 14);
        CHECK_THAT(error->what(), Contains("unbalanced") && Contains("2:1"));
    }
    SECTION("a stray closing brace in the payoffs") {
        const auto error = error_of(kPdHeader + "3 3 5 0 }\n0 5 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":2:9:") && Contains("unbalanced"));
    }
    SECTION("a word where a payoff is expected") {
        const auto error = error_of(kPdHeader + "3 3\n5 0\n0 five\n1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":4:3:") && Contains("payoff") && Contains("'five'"));
    }
    SECTION("too few payoffs") {
        const auto error = error_of(kPdHeader + "3 3\n5 0\n0 5\n");
        REQUIRE(error);
        CHECK(error->where().line == 4);
        CHECK(error->where().column == 4);
        CHECK(error->message() == "expected 8 payoffs (4 profiles x 2 players), found 6");
    }
    SECTION("too few payoffs, four players") {
        std::string text = "NFG 1 R \"t\" { \"A\" \"B\" \"C\" \"D\" } { 3 2 1 1 }\n";
        for (int k = 0; k < 5; ++k) text += "1 2 3 4\n";
        const auto error = error_of(text);
        REQUIRE(error);
        CHECK(error->where().line == 6);
        CHECK(error->message() == "expected 24 payoffs (6 profiles x 4 players), found 20");
    }
    SECTION("too many payoffs") {
        const auto error = error_of(kPdHeader + "3 3 5 0\n0 5 1 1\n7\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":4:1:") && Contains("expected 8 payoffs") &&
                                      Contains("found 9"));
    }
    SECTION("trailing garbage") {
        const auto error = error_of(kPdHeader + "3 3 5 0 0 5 1 1\nend\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":3:1:") && Contains("end of the file"));
    }
    SECTION("a payoff that is not finite") {
        const auto error = error_of(kPdHeader + "3 3 5 0\n0 1e400 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":3:3:") && Contains("finite"));
    }
    SECTION("a fraction dividing by zero") {
        const auto error = error_of(kPdHeader + "3 3 5 0\n0 5 1/0 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":3:5:") && Contains("zero"));
    }
    SECTION("no players") {
        const auto error = error_of("NFG 1 R \"t\" { }\n{ }\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:13:") && Contains("at least one player"));
    }
    SECTION("a player with zero strategies, by count") {
        const auto error = error_of("NFG 1 R \"t\" { \"A\" \"B\" }\n{ 2 0 }\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":2:5:") && Contains("'B' has zero strategies"));
    }
    SECTION("a player with zero strategies, by name") {
        const auto error = error_of("NFG 1 R \"t\" { \"A\" \"B\" }\n{ { \"a\" }\n{ } }\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":3:1:") && Contains("zero strategies"));
    }
    SECTION("fewer strategy counts than players") {
        const auto error = error_of("NFG 1 R \"t\" { \"A\" \"B\" } { 2 }\n1 2 3 4\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:29:") && Contains("1 strategy count for 2 players"));
    }
    SECTION("a strategy count that is not a positive whole number") {
        const auto error = error_of("NFG 1 R \"t\" { \"A\" } { 2.5 }\n1 2\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":1:23:") && Contains("positive whole number"));
    }
    SECTION("a profile space too large") {
        const auto error = error_of("NFG 1 R \"t\" { \"A\" \"B\" \"C\" }\n{ 2 2 123456789 }\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":2:7:") && Contains("profiles"));
    }
    SECTION("an outcome number out of range") {
        const auto error = error_of(kPdNamed + "{ { \"\" 1 1 } { \"\" 2 2 } }\n1 2\n3 0\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":5:1:") && Contains("out of range") &&
                                      Contains("0 to 2"));
    }
    SECTION("an outcome with too many payoffs") {
        const auto error = error_of(kPdNamed + "{\n{ \"\" 1, 1 }\n{ \"x\" 1, 2, 3 }\n}\n1 2 1 2\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":5:13:") && Contains("outcome 2 has more than 2"));
    }
    SECTION("an outcome with too few payoffs") {
        const auto error = error_of(kPdNamed + "{\n{ \"x\" 1 }\n}\n1 1 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":4:9:") && Contains("outcome 1 has 1 payoff;"));
    }
    SECTION("an outcome without a name") {
        const auto error = error_of(kPdNamed + "{ { 1 1 } }\n1 1 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":3:5:") && Contains("name of outcome 1"));
    }
    SECTION("too few outcome numbers") {
        const auto error = error_of(kPdNamed + "{ { \"\" 1 1 } }\n1 1\n1\n");
        REQUIRE(error);
        CHECK(error->where().line == 5);
        CHECK(error->message() == "expected 4 outcome numbers (one per profile), found 3");
    }
    SECTION("too many outcome numbers") {
        const auto error = error_of(kPdNamed + "{ { \"\" 1 1 } }\n1 1 1 1 0\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":4:9:") && Contains("found 5"));
    }
    SECTION("an outcome number that is not a whole number") {
        const auto error = error_of(kPdNamed + "{ { \"\" 1 1 } }\n1 1.5 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":4:3:") && Contains("outcome number"));
    }
    SECTION("an outcome list after strategy counts") {
        const auto error = error_of(kPdHeader + "{ { \"\" 1 1 } }\n1 1 1 1\n");
        REQUIRE(error);
        CHECK_THAT(error->what(), Contains(":2:1:") && Contains("list of payoffs") &&
                                      Contains("strategies given by name"));
    }
}

TEST_CASE("nfg: a file that cannot be opened is named in the error", "[nfg]") {
    const std::string path = data_path("nfg_no_such_file.nfg");
    REQUIRE_THROWS_AS(triad::read_nfg(path), triad::InputError);
    REQUIRE_THROWS_WITH(triad::read_nfg(path), Contains(path) && Contains("no such file"));
}

TEST_CASE("nfg: write then read reproduces every payoff bit for bit", "[nfg]") {
    triad::Game game;
    game.title = "Awkward \"numbers\" \\ names";
    game.players = {"Alice \"A\"", "Bob\\B"};
    game.actions = {{"x", "y \"why\""}, {"p", "q\\", "r"}};
    game.space = triad::ProfileSpace({2, 3});
    const std::vector<double> first{0.1,     1 / 3.0, -2e-300, 123456789.123,
                                    -0.0,    5e-324,  std::numeric_limits<double>::max(),
                                    1e-310,  -7.0,    2.0 / 3.0, 1e21, 0.0};
    game.payoffs.assign(2, Eigen::VectorXd(6));
    for (int k = 0; k < 6; ++k) {
        game.payoffs[0](k) = first[k];
        game.payoffs[1](k) = first[6 + k];
    }

    std::ostringstream out;
    triad::write_nfg(game, out);
    const std::string text = out.str();
    CHECK(text.starts_with("NFG 1 R \"Awkward \\\"numbers\\\" \\\\ names\" "
                           "{ \"Alice \\\"A\\\"\" \"Bob\\\\B\" }\n"));
    CHECK_THAT(text, Contains("\n\"\"\n"));

    const triad::Game back = triad::parse_nfg(text, "round-trip.nfg");
    CHECK(back.title == game.title);
    CHECK(back.players == game.players);
    CHECK(back.actions == game.actions);
    CHECK(back.space.counts() == game.space.counts());
    for (int i = 0; i < 2; ++i) {
        for (int k = 0; k < 6; ++k) {
            INFO("player " << i << ", profile " << k);
            CHECK(back.payoffs[i](k) == game.payoffs[i](k));
            CHECK(std::signbit(back.payoffs[i](k)) == std::signbit(game.payoffs[i](k)));
        }
    }

    std::ostringstream again;
    triad::write_nfg(back, again);
    CHECK(again.str() == text);
}

TEST_CASE("nfg: a game read from a file writes back to the same game", "[nfg]") {
    const triad::Game game = triad::read_nfg(data_path("nfg_three_player.nfg"));
    std::ostringstream out;
    triad::write_nfg(game, out);
    const triad::Game back = triad::parse_nfg(out.str(), "three.nfg");
    CHECK(back.actions == game.actions);
    for (int i = 0; i < 3; ++i) CHECK(back.payoffs[i] == game.payoffs[i]);
}

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/scenario/model.hpp"

TEST_CASE("nfg: the baseline's stage game survives export and import with the same equilibria",
          "[nfg][equilibria]") {
    const triad::StageModel model(triad::load_scenario(std::string(TRIAD_SOURCE_DIR) + "/scenarios/baseline.yaml"));
    std::ostringstream out;
    triad::write_nfg(model.game(), out);
    const triad::Game back = triad::parse_nfg(out.str(), "baseline.nfg");
    REQUIRE(back.players == model.game().players);
    REQUIRE(back.actions == model.game().actions);
    for (std::size_t i = 0; i < back.payoffs.size(); ++i) CHECK(back.payoffs[i] == model.game().payoffs[i]);
    const double tol = triad::payoff_tolerance(model.game());
    const auto original = triad::pure_equilibria(model.game(), tol);
    const auto imported = triad::pure_equilibria(back, tol);
    REQUIRE(original.size() == imported.size());
    for (std::size_t e = 0; e < original.size(); ++e) {
        CHECK(original[e].profile == imported[e].profile);
        CHECK(original[e].payoffs == imported[e].payoffs);
    }
}
