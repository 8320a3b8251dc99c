#include "triad/scenario/drivers.hpp"

#include "triad/core/error.hpp"

#include <algorithm>

namespace triad {

double BasisTerm::compute_coefficient(const ParameterSet& params) const {
    double c = scale;
    for (std::size_t f : factors) c *= params.value(f);
    return c;
}

StanceTensors::StanceTensors(const Game& game) : n_(game.player_count()) {
    const std::size_t size = game.space.size();
    const auto cells = static_cast<std::size_t>(n_ * n_);
    stance_.resize(cells);
    warmth_.resize(cells);
    warm_.resize(cells);
    cold_.resize(cells);
    std::vector<Eigen::VectorXd> s(cells);
    for (int i = 0; i < n_; ++i)
        for (int j = 0; j < n_; ++j) {
            if (i == j) continue;
            Eigen::VectorXd v(size);
            for (std::size_t p = 0; p < size; ++p) v(p) = value(game.stance_in(p, i, j));
            s[i * n_ + j] = std::move(v);
        }
    for (int i = 0; i < n_; ++i)
        for (int j = 0; j < n_; ++j) {
            if (i == j) continue;
            const Eigen::VectorXd w = 0.5 * (s[i * n_ + j] + s[j * n_ + i]);
            warm_[i * n_ + j] = std::make_shared<const Eigen::VectorXd>(w.cwiseMax(0.0));
            cold_[i * n_ + j] = std::make_shared<const Eigen::VectorXd>((-w).cwiseMax(0.0));
            warmth_[i * n_ + j] = std::make_shared<const Eigen::VectorXd>(w);
        }
    for (std::size_t c = 0; c < cells; ++c)
        if (s[c].size() > 0) stance_[c] = std::make_shared<const Eigen::VectorXd>(std::move(s[c]));
    backs_.resize(cells);
    for (const Crisis& crisis : game.crises)
        for (int i : crisis.backers)
            for (int side : {crisis.first, crisis.second}) {
                Eigen::VectorXd v(size);
                for (std::size_t p = 0; p < size; ++p) v(p) = game.backs_in(p, i) == side ? 1.0 : 0.0;
                backs_[i * n_ + side] = std::make_shared<const Eigen::VectorXd>(std::move(v));
            }
}

Eigen::ArrayXd StanceTensors::stance_is(int i, int j, Stance v) const {
    const double target = value(v);
    return (stance(i, j)->array() == target).cast<double>();
}

std::size_t DriverContext::entry(std::string_view symbol, int first, int second) const {
    const DriverSpec& spec = *instance_.spec;
    const int p = spec.param_index(symbol);
    if (p < 0) throw Error("driver '" + spec.name + "' has no parameter '" + std::string(symbol) + "'");
    std::size_t slot = 0;
    switch (spec.params[p].index) {
        case IndexKind::scalar: slot = 0; break;
        case IndexKind::player:
        case IndexKind::role: slot = static_cast<std::size_t>(first); break;
        case IndexKind::dyad: slot = static_cast<std::size_t>(first * players() + second); break;
    }
    const std::size_t e = instance_.entry_of[p].at(slot);
    if (e == kNoEntry) throw Error("driver '" + spec.name + "': no entry for that index");
    return e;
}

int DriverContext::player_setting(const std::string& name) const {
    return instance_.player_settings.at(name);
}

const std::string& DriverContext::choice_setting(const std::string& name) const {
    return instance_.choice_settings.at(name);
}

BasisTerm DriverContext::term(int player, double scale, std::initializer_list<std::size_t> factors,
                              Basis basis) const {
    BasisTerm t;
    t.player = player;
    t.scale = scale;
    t.factors.assign(factors.begin(), factors.end());
    t.basis = std::move(basis);
    t.coefficient = t.compute_coefficient(params_);
    return t;
}

BasisTerm DriverContext::term(int player, double scale, std::initializer_list<std::size_t> factors,
                              Eigen::VectorXd basis) const {
    return term(player, scale, factors, std::make_shared<const Eigen::VectorXd>(std::move(basis)));
}

int DriverSpec::param_index(std::string_view symbol_or_name) const {
    for (std::size_t p = 0; p < params.size(); ++p)
        if (params[p].symbol == symbol_or_name || params[p].name == symbol_or_name)
            return static_cast<int>(p);
    return -1;
}

const DriverRegistry& builtin_drivers() {
    static const DriverRegistry registry = [] {
        DriverRegistry r;
        register_builtin_drivers(r);
        return r;
    }();
    return registry;
}

}  // namespace triad
