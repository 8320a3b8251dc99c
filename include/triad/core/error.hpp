// Errors a user can act on.
//
// Every input problem is reported as an InputError that names the place (file, line, column),
// says what was expected and, for a misspelt name, suggests the closest valid one. The library
// never prints and never exits: the program's `main` catches these once and chooses the exit
// code (see sim/cli/main.cpp).
#pragma once

#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace triad {

// A place in an input file. Line and column are 1-based; 0 means "not known".
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;

    // "file:line:col", "file" or "" depending on what is known.
    [[nodiscard]] std::string str() const;
};

// Base of every error the library throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input: a scenario, a game file, a command-line value.
class InputError : public Error {
public:
    InputError(SourceLocation where, std::string message, std::string suggestion = {});

    [[nodiscard]] const SourceLocation& where() const { return where_; }
    [[nodiscard]] const std::string& message() const { return message_; }
    [[nodiscard]] const std::string& suggestion() const { return suggestion_; }

private:
    SourceLocation where_;
    std::string message_;
    std::string suggestion_;
};

// A computation produced a value that is not a finite number.
class NumericalError : public Error {
public:
    using Error::Error;
};

// Edit distance: insertions, deletions, substitutions and swaps of adjacent letters each
// cost 1 (optimal string alignment).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `name` by edit distance, if it is near enough to be a plausible
// typo (distance at most a third of the longer name, and at least 1 allowed), or if `name`
// is a prefix of exactly one candidate.
[[nodiscard]] std::optional<std::string> closest_name(std::string_view name,
                                                      std::span<const std::string> candidates);

// "did you mean 'x'?" when a close candidate exists, else "expected one of: a, b, c"
// (the list shortened when long).
[[nodiscard]] std::string suggest(std::string_view name, std::span<const std::string> candidates);

// Throws NumericalError naming `what` when `value` is NaN or infinite.
double require_finite(double value, std::string_view what);

}  // namespace triad
