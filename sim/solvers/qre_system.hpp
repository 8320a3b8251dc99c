// The logit QRE equations H(z) = 0 of a game and their Jacobian, for the path follower in
// qre.cpp (a private header of the solvers layer). Unknowns z = (x, lambda): x holds every
// player's log-probabilities, player by player (player i's block starts at offset[i]), and
// lambda is last. Player i's block of equations uses its first row (offset[i]) for the
// normalisation sum_a exp(x_ia) = 1 and the rows offset[i] + a, a >= 1, for the log-odds
// equations, so the Jacobian's row and column blocks line up.
#pragma once

#include "triad/core/game.hpp"

#include <Eigen/Dense>

#include <vector>

namespace triad::qre_detail {

// Where each player's unknowns start; offset.back() is M, the number of log-probabilities.
struct Layout {
    std::vector<int> offset;

    explicit Layout(const Game& game) : offset(game.player_count() + 1, 0) {
        for (int i = 0; i < game.player_count(); ++i)
            offset[i + 1] = offset[i] + game.space.actions(i);
    }
    [[nodiscard]] int players() const { return static_cast<int>(offset.size()) - 1; }
    [[nodiscard]] int unknowns() const { return offset.back(); }
    [[nodiscard]] int actions(int player) const { return offset[player + 1] - offset[player]; }
};

// v[(i,a)] = player i's expected payoff from action a against the others' sigma and, when
// WithDerivatives, its derivatives in the others' probabilities (qre_system.cpp explains how).
template <bool WithDerivatives>
void payoff_pass(const Game& game, const Layout& layout, const double* sigma, double* v, double* d);

// The QRE equations H(z) = 0 of one game, with scratch space reused across evaluations.
class QreSystem {
public:
    QreSystem(const Game& game, const Layout& layout)
        : game_(game), layout_(layout), m_(layout.unknowns()), sigma_(m_), values_(m_),
          derivatives_(m_, m_) {}

    [[nodiscard]] int unknowns() const { return m_; }

    // H(z), length M.
    void residual(const Eigen::VectorXd& z, Eigen::VectorXd& h) {
        set_point(z);
        payoff_pass<false>(game_, layout_, sigma_.data(), values_.data(), nullptr);
        fill_residual(z, h);
    }

    // H(z) and its Jacobian dH/dz (M x (M + 1), lambda's column last), from one payoff pass.
    void residual_and_jacobian(const Eigen::VectorXd& z, Eigen::VectorXd& h, Eigen::MatrixXd& jac) {
        set_point(z);
        payoff_pass<true>(game_, layout_, sigma_.data(), values_.data(), derivatives_.data());
        fill_residual(z, h);
        fill_jacobian(z(m_), jac);
    }

private:
    void set_point(const Eigen::VectorXd& z) { sigma_ = z.head(m_).array().exp(); }

    void fill_residual(const Eigen::VectorXd& z, Eigen::VectorXd& h) const {
        const double lambda = z(m_);
        h.resize(m_);
        for (int i = 0; i < layout_.players(); ++i) {
            const int o = layout_.offset[i];
            const int count = layout_.actions(i);
            h(o) = sigma_.segment(o, count).sum() - 1.0;
            for (int a = 1; a < count; ++a)
                h(o + a) = z(o + a) - z(o) - lambda * (values_(o + a) - values_(o));
        }
    }

    // Row (i,a), a >= 1:  d/dx_ia = 1, d/dx_i0 = -1,
    //   d/dx_jb = -lambda (D[(i,a),(j,b)] - D[(i,0),(j,b)]) sigma_j(b)   (chain rule through exp),
    //   d/dlambda = -(v_i(a) - v_i(0)).
    // Row (i,0): d/dx_ib = sigma_i(b).
    void fill_jacobian(double lambda, Eigen::MatrixXd& jac) const {
        jac.setZero(m_, m_ + 1);
        for (int i = 0; i < layout_.players(); ++i) {
            const int o = layout_.offset[i];
            const int count = layout_.actions(i);
            jac.block(o, o, 1, count) = sigma_.segment(o, count).transpose();
            for (int a = 1; a < count; ++a) {
                const int r = o + a;
                jac(r, r) = 1.0;
                jac(r, o) = -1.0;
                for (int j = 0; j < layout_.players(); ++j) {
                    if (j == i) continue;
                    const int oj = layout_.offset[j];
                    for (int b = 0; b < layout_.actions(j); ++b)
                        jac(r, oj + b) =
                            -lambda * (derivatives_(r, oj + b) - derivatives_(o, oj + b)) * sigma_(oj + b);
                }
                jac(r, m_) = -(values_(r) - values_(o));
            }
        }
    }

    const Game& game_;
    const Layout& layout_;
    int m_;
    Eigen::VectorXd sigma_;
    Eigen::VectorXd values_;
    Eigen::MatrixXd derivatives_;
};

}  // namespace triad::qre_detail
