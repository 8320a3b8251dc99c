#include "triad/core/game.hpp"

#include "triad/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace triad {

std::string_view to_string(Stance stance) {
    switch (stance) {
        case Stance::align: return "align";
        case Stance::hedge: return "hedge";
        case Stance::oppose: return "oppose";
    }
    return "hedge";
}

std::optional<Stance> parse_stance(std::string_view text) {
    if (text == "align" || text == "+1" || text == "1") return Stance::align;
    if (text == "hedge" || text == "0") return Stance::hedge;
    if (text == "oppose" || text == "-1") return Stance::oppose;
    return std::nullopt;
}

std::optional<std::size_t> profile_count(std::span<const int> action_counts, std::size_t limit) {
    std::size_t total = 1;
    for (int count : action_counts) {
        if (count < 1) return std::nullopt;
        if (total > limit / static_cast<std::size_t>(count)) return std::nullopt;
        total *= static_cast<std::size_t>(count);
    }
    return total;
}

ProfileSpace::ProfileSpace(std::vector<int> action_counts) : counts_(std::move(action_counts)) {
    for (int count : counts_)
        if (count < 1) throw Error("every player needs at least one action");
    auto total = profile_count(counts_);
    if (!total)
        throw Error("the profile space has more than " + std::to_string(kMaxProfiles) +
                    " profiles");
    size_ = *total;
    strides_.resize(counts_.size());
    std::size_t stride = 1;
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        strides_[i] = stride;
        stride *= static_cast<std::size_t>(counts_[i]);
    }
}

std::size_t ProfileSpace::index(std::span<const int> actions) const {
    std::size_t profile = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i)
        profile += static_cast<std::size_t>(actions[i]) * strides_[i];
    return profile;
}

void ProfileSpace::decode(std::size_t profile, std::span<int> actions) const {
    for (std::size_t i = 0; i < counts_.size(); ++i) {
        actions[i] = static_cast<int>(profile % static_cast<std::size_t>(counts_[i]));
        profile /= static_cast<std::size_t>(counts_[i]);
    }
}

int Game::player_index(std::string_view name) const {
    for (std::size_t i = 0; i < players.size(); ++i)
        if (players[i] == name) return static_cast<int>(i);
    return -1;
}

int Game::action_index(int player, std::string_view name) const {
    const auto& names = actions[player];
    for (std::size_t a = 0; a < names.size(); ++a)
        if (names[a] == name) return static_cast<int>(a);
    return -1;
}

void Game::check() const {
    const auto n = players.size();
    if (n == 0) throw Error("a game needs at least one player");
    if (actions.size() != n || payoffs.size() != n || space.counts().size() != n)
        throw Error("game '" + title + "': players, actions and payoffs disagree in size");
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<int>(actions[i].size()) != space.actions(static_cast<int>(i)))
            throw Error("game '" + title + "': action count of " + players[i] + " is wrong");
        if (static_cast<std::size_t>(payoffs[i].size()) != space.size())
            throw Error("game '" + title + "': payoff array of " + players[i] + " is wrong");
        if (!payoffs[i].allFinite())
            throw NumericalError("game '" + title + "': a payoff of " + players[i] +
                                 " is not a finite number");
        if (!backing.empty() && static_cast<int>(backing[i].size()) != space.actions(static_cast<int>(i)))
            throw Error("game '" + title + "': backing choices of " + players[i] + " are wrong");
    }
    if (crises.empty() != backing.empty()) throw Error("game '" + title + "': crises and backing choices disagree");
}

const Crisis* Game::crisis_of_backer(int player) const {
    for (const Crisis& c : crises)
        if (std::find(c.backers.begin(), c.backers.end(), player) != c.backers.end()) return &c;
    return nullptr;
}

MixedProfile pure_as_mixed(const Game& game, std::size_t profile) {
    MixedProfile strategy(game.players.size());
    for (int i = 0; i < game.player_count(); ++i) {
        strategy[i] = Eigen::VectorXd::Zero(game.space.actions(i));
        strategy[i](game.space.action_of(profile, i)) = 1.0;
    }
    return strategy;
}

Eigen::VectorXd action_values(const Game& game, const MixedProfile& strategy, int player) {
    const auto& space = game.space;
    const int n = space.players();
    Eigen::VectorXd values = Eigen::VectorXd::Zero(space.actions(player));
    std::vector<int> actions(n, 0);
    // Walk every profile once, carrying the probability of the others' actions.
    for (std::size_t profile = 0; profile < space.size(); ++profile) {
        double weight = 1.0;
        for (int j = 0; j < n && weight != 0.0; ++j)
            if (j != player) weight *= strategy[j](actions[j]);
        if (weight != 0.0) values(actions[player]) += weight * game.payoffs[player](profile);
        for (int j = 0; j < n; ++j) {  // odometer increment, player 0 fastest
            if (++actions[j] < space.actions(j)) break;
            actions[j] = 0;
        }
    }
    return values;
}

std::vector<double> expected_payoffs(const Game& game, const MixedProfile& strategy) {
    std::vector<double> out(game.players.size());
    for (int i = 0; i < game.player_count(); ++i)
        out[i] = strategy[i].dot(action_values(game, strategy, i));
    return out;
}

double regret(const Game& game, const MixedProfile& strategy) {
    double worst = 0.0;
    for (int i = 0; i < game.player_count(); ++i) {
        const Eigen::VectorXd values = action_values(game, strategy, i);
        worst = std::max(worst, values.maxCoeff() - strategy[i].dot(values));
    }
    return require_finite(worst, "regret");
}

double pure_regret(const Game& game, std::size_t profile) {
    double worst = 0.0;
    for (int i = 0; i < game.player_count(); ++i) {
        const double current = game.payoffs[i](profile);
        for (int a = 0; a < game.space.actions(i); ++a)
            worst = std::max(worst, game.payoffs[i](game.space.with_action(profile, i, a)) - current);
    }
    return worst;
}

Eigen::MatrixXd expected_warmth(const Game& game, const MixedProfile& strategy) {
    const int n = game.player_count();
    Eigen::MatrixXd s = Eigen::MatrixXd::Zero(n, n);  // expected stance of i toward j
    for (int i = 0; i < n; ++i)
        for (int a = 0; a < game.space.actions(i); ++a)
            for (int j = 0; j < n; ++j)
                if (j != i) s(i, j) += strategy[i](a) * value(game.stance(i, a, j));
    return 0.5 * (s + s.transpose());
}

Eigen::MatrixXd warmth_matrix(const Game& game, std::size_t profile) {
    const int n = game.player_count();
    Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            if (i != j) w(i, j) = game.warmth(profile, i, j);
    return w;
}

std::string stance_action_name(const std::vector<std::string>& players, int self,
                               std::span<const Stance> stances) {
    std::string name;
    for (std::size_t j = 0; j < players.size(); ++j) {
        if (static_cast<int>(j) == self) continue;
        if (!name.empty()) name += '/';
        const Stance s = stances[j];
        name += s == Stance::align ? '+' : s == Stance::oppose ? '-' : '~';
        name += players[j];
    }
    return name;
}

}  // namespace triad
