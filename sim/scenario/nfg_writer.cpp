// Writing games as Gambit .nfg files (the payoff version with strategy names): write_nfg and
// the quoting and shortest-decimal helpers it uses.
#include "triad/scenario/nfg.hpp"

#include <charconv>
#include <cstddef>
#include <ostream>
#include <string_view>

namespace triad {

namespace {

// ---------------------------------------------------------------------------------------------
// Writing

void write_quoted(std::ostream& out, std::string_view text) {
    out << '"';
    for (char c : text) {
        if (c == '"' || c == '\\') out << '\\';
        out << c;
    }
    out << '"';
}

// The shortest decimal that reads back as the same double (std::to_chars without precision).
void write_number(std::ostream& out, double value) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.write(buffer, end - buffer);
}

}  // namespace

void write_nfg(const Game& game, std::ostream& out) {
    game.check();
    out << "NFG 1 R ";
    write_quoted(out, game.title);
    out << " {";
    for (const auto& player : game.players) {
        out << ' ';
        write_quoted(out, player);
    }
    out << " }\n\n{\n";
    for (const auto& names : game.actions) {
        out << '{';
        for (const auto& name : names) {
            out << ' ';
            write_quoted(out, name);
        }
        out << " }\n";
    }
    out << "}\n\"\"\n\n";
    // One line per profile, in Gambit's order (player 1 fastest), all players' payoffs.
    for (std::size_t profile = 0; profile < game.space.size(); ++profile) {
        for (std::size_t i = 0; i < game.payoffs.size(); ++i) {
            if (i > 0) out << ' ';
            write_number(out, game.payoffs[i](static_cast<Eigen::Index>(profile)));
        }
        out << '\n';
    }
}

}  // namespace triad
