// Pure profiles as text (include/triad/core/profile_text.hpp).
#include "triad/core/profile_text.hpp"

#include "support.hpp"

using namespace triad;

TEST_CASE("parse_profile reads PLAYER=ACTION in any order and profile_text writes it back", "[profile_text]") {
    // Prisoner's dilemma actions: player 0 "row", player 1 "col"; player 0 varies fastest, so
    // (row=defect, col=cooperate) is index 1 + 2 * 0 = 1 and (cooperate, defect) is 2.
    Game game = test::two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    game.players = {"row", "col"};
    game.actions = {{"cooperate", "defect"}, {"cooperate", "defect"}};
    const SourceLocation where{"--profile", 0, 0};
    CHECK(parse_profile(game, "row=defect,col=cooperate", where) == 1);
    CHECK(parse_profile(game, " col = defect , row = cooperate ", where) == 2);
    CHECK(profile_text(game, 2) == "(cooperate, defect)");
    CHECK(profile_text(game, parse_profile(game, "row=defect,col=defect", where)) == "(defect, defect)");
}

TEST_CASE("parse_profile names what is wrong and what is valid", "[profile_text]") {
    Game game = test::two_by_two(3, 3, 0, 5, 5, 0, 1, 1);
    game.players = {"row", "col"};
    game.actions = {{"cooperate", "defect"}, {"cooperate", "defect"}};
    const SourceLocation where{"--profile", 0, 0};
    auto message = [&](const std::string& text) {
        try {
            (void)parse_profile(game, text, where);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(message("rwo=defect,col=defect"), Catch::Contains("unknown player 'rwo'") && Catch::Contains("did you mean 'row'"));
    CHECK_THAT(message("row=defekt,col=defect"), Catch::Contains("unknown action 'defekt'") && Catch::Contains("'defect'"));
    CHECK_THAT(message("row=defect,row=cooperate,col=defect"), Catch::Contains("named twice"));
    CHECK_THAT(message("row=defect"), Catch::Contains("no action given for col"));
    CHECK_THAT(message("row:defect,col=defect"), Catch::Contains("is not PLAYER=ACTION"));
}
