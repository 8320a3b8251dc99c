// Reading and writing games in Gambit's strategic-form (.nfg) file format.
//
// The format is documented by the Gambit project in "Game representation formats", sections
// "The strategic game (.nfg) file format, payoff version" and "... outcome version"
// (https://gambitproject.readthedocs.io/en/latest/formats.html). In short:
//
// Both versions open with a prologue:
//     NFG 1 R "title" { "Player 1" "Player 2" ... }
// `NFG` names the format, `1` is the only version there is, and the letter says how numbers
// were once stored (`R` rational, `D` double; the distinction is obsolete and both are read the
// same way). Then comes the game's title and the players' names, each a double-quoted string
// (a backslash makes the next character literal, so `\"` is a quote and `\\` a backslash).
// Whitespace, newlines included, is insignificant outside strings.
//
// Payoff version. After the players comes either a list of strategy counts, `{ 3 2 }`, or a
// nested list of strategy names, `{ { "U" "M" "D" } { "L" "R" } }`, then an optional comment
// string, then a flat list of numbers: for every pure profile, the payoff of each player in
// player order. Profiles are enumerated like an odometer with player 1's strategy turning
// fastest: (1,1,..), (2,1,..), .., (m1,1,..), (1,2,..), ... Player 1's strategy varying
// fastest is exactly triad's ProfileSpace order, so profile k of the file is index k here.
// When only counts are given the strategies are named "1", "2", ...
//
// Outcome version. After the strategy names (never counts) and the optional comment comes a
// list of outcomes, `{ { "name" 1, 2 } { "" 0 3 } ... }`, each a name and one payoff per
// player (commas between payoffs are optional). Outcomes are numbered 1, 2, ... in the order
// listed. The body is then one outcome number per profile, in the same odometer order; 0 is the
// null outcome, which pays every player zero.
//
// Numbers may be integers, decimals (`.5`, `2.`, `1e-3`) or fractions (`3/4`), with an
// optional sign. triad holds payoffs as doubles, so a fraction becomes the nearest double of
// the quotient; numbers that are not finite as doubles are rejected.
//
// The reader accepts both versions; the writer always produces the payoff version with
// strategy names. A game's stances (if any) are not part of the format and are not written.
#pragma once

#include "triad/core/game.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace triad {

// Parses the text of a .nfg file. `filename` is only used to name the place of an error.
// Throws InputError (file:line:col, 1-based, and what was expected) on malformed input.
// The game has no stances.
[[nodiscard]] Game parse_nfg(std::string_view text, const std::string& filename);

// Reads and parses a .nfg file; throws InputError naming the file if it cannot be read.
[[nodiscard]] Game read_nfg(const std::string& path);

// Writes the payoff version with strategy names and an empty comment. Each double is written
// in its shortest form that reads back to the same value, so parse_nfg(write_nfg(g))
// reproduces every payoff bit for bit. Throws triad::Error if the game fails Game::check().
void write_nfg(const Game& game, std::ostream& out);

}  // namespace triad
