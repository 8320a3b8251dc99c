// What `triad sustain` prints: for a target profile and a punishment, each player's payoffs
// from cooperating, deviating and being punished, its critical discount factor against its
// own, and the verdict; as a table, JSON or CSV.
#pragma once

#include "triad/dynamics/sustain.hpp"
#include "triad/scenario/loaded_game.hpp"

#include <string>
#include <vector>

namespace triad {

struct SustainReport {
    const LoadedGame& loaded;
    Punishment requested;          // what the user asked for (the result says what was used)
    SustainResult result;
    std::vector<double> discount;  // each player's discount factor
    std::vector<bool> held;        // discount >= delta*
    bool sustainable = false;
};

[[nodiscard]] std::string render_sustain_table(const SustainReport& report);
[[nodiscard]] std::string render_sustain_json(const SustainReport& report);
[[nodiscard]] std::string render_sustain_csv(const SustainReport& report);

}  // namespace triad
