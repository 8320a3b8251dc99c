#include "triad/dynamics/sustain.hpp"

#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/core/error.hpp"
#include "triad/core/parameters.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace triad {

std::string_view to_string(Punishment punishment) {
    return punishment == Punishment::nash ? "nash" : "minmax";
}

std::optional<Punishment> parse_punishment(std::string_view text) {
    if (text == "nash") return Punishment::nash;
    if (text == "minmax") return Punishment::minmax;
    return std::nullopt;
}

namespace {

// Six significant digits: enough to read a note, short enough to read it easily.
std::string brief(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

double payoff(const Game& game, int player, std::size_t profile) {
    return game.payoffs[player](static_cast<Eigen::Index>(profile));
}

// The pure equilibrium worst for each player (first in profile order among ties).
void punish_by_nash_reversion(const Game& game, const std::vector<std::size_t>& equilibria, double tolerance,
                              SustainResult& result) {
    for (int i = 0; i < game.player_count(); ++i) {
        std::size_t worst = equilibria.front();
        for (const std::size_t eq : equilibria)
            if (payoff(game, i, eq) < payoff(game, i, worst) - tolerance) worst = eq;
        result.punished[i] = payoff(game, i, worst);
        result.punishment_profile[i] = worst;
    }
}

// The pure minmax of each player: the others' profile that minimises i's best-reply payoff,
// with i's best reply. Profiles where i plays its first action stand for the others' profiles.
void punish_by_minmax(const Game& game, double tolerance, SustainResult& result) {
    const ProfileSpace& space = game.space;
    for (int i = 0; i < game.player_count(); ++i) {
        std::optional<std::size_t> punishing;
        double lowest = 0.0;
        for (std::size_t others = 0; others < space.size(); ++others) {
            if (space.action_of(others, i) != 0) continue;
            std::size_t reply = others;
            for (int a = 1; a < space.actions(i); ++a) {
                const std::size_t p = space.with_action(others, i, a);
                if (payoff(game, i, p) > payoff(game, i, reply) + tolerance) reply = p;
            }
            if (!punishing || payoff(game, i, reply) < lowest - tolerance) {
                punishing = reply;
                lowest = payoff(game, i, reply);
            }
        }
        result.punished[i] = lowest;
        result.punishment_profile[i] = punishing;
    }
}

// C_i and D_i. The target's own action wins ties, so a "best deviation" always gains.
void cooperation_and_deviation(const Game& game, std::size_t target, double tolerance, SustainResult& result) {
    for (int i = 0; i < game.player_count(); ++i) {
        const int own = game.space.action_of(target, i);
        result.cooperative[i] = payoff(game, i, target);
        result.deviation[i] = result.cooperative[i];
        result.best_deviation[i] = own;
        for (int a = 0; a < game.space.actions(i); ++a) {
            const double value = payoff(game, i, game.space.with_action(target, i, a));
            if (value > result.deviation[i] + tolerance) {
                result.deviation[i] = value;
                result.best_deviation[i] = a;
            }
        }
    }
}

// The notes on a pure minmax punishment: its limits, and who it does not hold credibly.
void note_minmax(const Game& game, double tolerance, SustainResult& result) {
    result.notes.push_back(
        "pure minmax: the punishers use pure actions only; mixing can hold a player lower in some games "
        "(e.g. matching pennies), which would only lower the critical discount factors");
    std::vector<std::string> not_credible;
    for (int i = 0; i < game.player_count(); ++i)
        if (pure_regret(game, *result.punishment_profile[i]) > tolerance) not_credible.push_back(game.players[i]);
    if (!not_credible.empty()) {
        std::string names;
        for (const auto& name : not_credible) names += (names.empty() ? "" : ", ") + name;
        result.notes.push_back("the punishment of " + names +
                               " is not a stage equilibrium: some punisher would gain by stopping, so grim "
                               "trigger is a Nash but not necessarily a subgame-perfect equilibrium here");
    }
}

// P_i: Nash reversion, or the pure minmax when asked or when there is no pure equilibrium.
void punish(const Game& game, Punishment punishment, double tolerance, SustainResult& result) {
    if (punishment == Punishment::nash) {
        // Profiles only: all of them count, and a degenerate game may have a million.
        const auto equilibria = pure_equilibrium_profiles(game, tolerance).profiles;
        if (equilibria.empty()) {
            result.punishment = Punishment::minmax;
            result.notes.push_back(
                "the stage game has no pure equilibrium to revert to; punishing with the pure minmax instead");
        } else {
            punish_by_nash_reversion(game, equilibria, tolerance, result);
        }
    }
    if (result.punishment == Punishment::minmax) {
        punish_by_minmax(game, tolerance, result);
        note_minmax(game, tolerance, result);
    }
}

// delta*_i, judged with the tolerance so that no division is by (near) zero.
void critical_discounts(const Game& game, double tolerance, SustainResult& result) {
    for (int i = 0; i < game.player_count(); ++i) {
        const double gain = result.deviation[i] - result.cooperative[i];
        const double margin = result.cooperative[i] - result.punished[i];
        if (margin < -tolerance) {
            result.feasible = false;
            result.notes.push_back(game.players[i] + " cannot be held: cooperating pays " +
                                   brief(result.cooperative[i]) + ", less than the punishment's " +
                                   brief(result.punished[i]));
            continue;
        }
        if (gain <= tolerance) {
            result.critical[i] = 0.0;
            continue;
        }
        if (margin <= tolerance) {
            // C_i ties with P_i: the deviation gains now and costs nothing later.
            result.critical[i] = 1.0;
            result.notes.push_back(game.players[i] + " gains by deviating and the punishment costs it nothing (C = P = " +
                                   brief(result.cooperative[i]) +
                                   "), so no discount factor below 1 holds it");
            continue;
        }
        // Here D_i - P_i = gain + margin > 0, and the ratio lies in (0, 1).
        result.critical[i] = std::clamp(gain / (gain + margin), 0.0, 1.0);
    }
}

}  // namespace

SustainResult sustain(const Game& game, std::size_t target, Punishment punishment, double tolerance) {
    if (target >= game.space.size())
        throw Error("sustain: profile " + std::to_string(target) + " is outside the game's " +
                    std::to_string(game.space.size()) + " profiles");
    if (!std::isfinite(tolerance) || tolerance < 0.0)
        throw Error("sustain: the payoff tolerance must be a finite non-negative number");
    const int n = game.player_count();
    SustainResult result;
    result.target = target;
    result.punishment = punishment;
    result.cooperative.assign(n, 0.0);
    result.deviation.assign(n, 0.0);
    result.punished.assign(n, 0.0);
    result.best_deviation.assign(n, 0);
    result.critical.assign(n, std::nullopt);
    result.punishment_profile.assign(n, std::nullopt);
    cooperation_and_deviation(game, target, tolerance, result);
    punish(game, punishment, tolerance, result);
    critical_discounts(game, tolerance, result);
    result.required = result.feasible ? 0.0 : 1.0;
    for (const auto& c : result.critical)
        if (c) result.required = std::max(result.required, *c);
    return result;
}

bool holds(const SustainResult& result, int player, double discount) {
    if (player < 0 || static_cast<std::size_t>(player) >= result.critical.size())
        throw Error("sustain: no player " + std::to_string(player));
    if (!(discount >= 0.0 && discount < 1.0))
        throw Error("sustain: a discount factor must lie in [0, 1); got " + format_number(discount));
    const auto& critical = result.critical[player];
    return critical && discount >= *critical;
}

bool sustainable(const SustainResult& result, const std::vector<double>& discount) {
    if (discount.size() != result.critical.size())
        throw Error("sustain: " + std::to_string(discount.size()) + " discount factors for " +
                    std::to_string(result.critical.size()) + " players");
    bool all = true;
    // Every factor is checked (not just up to the first failure) so a bad one always throws.
    for (std::size_t i = 0; i < discount.size(); ++i) all = holds(result, static_cast<int>(i), discount[i]) && all;
    return all;
}

}  // namespace triad
