// The drivers shipped with triad, one file each in this folder. Private to the library:
// users reach them through the registry (triad/drivers.hpp).
#pragma once

#include "triad/scenario/drivers.hpp"

#include <limits>

namespace triad::drivers {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

DriverSpec partnership();
DriverSpec hostility();
DriverSpec regime_security();
DriverSpec junior_partner();
DriverSpec threat();
DriverSpec wedge();
DriverSpec pivot();
DriverSpec ambition();
DriverSpec entrapment();
DriverSpec table();
DriverSpec memory();

// Helpers shared by the stance drivers.
// max over players k not in {i, j} of f(k), or 0 when there is no such k, per profile.
template <typename F>
Eigen::VectorXd max_over_others(int players, int i, int j, Eigen::Index size, F f) {
    Eigen::VectorXd best = Eigen::VectorXd::Zero(size);
    bool any = false;
    for (int k = 0; k < players; ++k) {
        if (k == i || k == j) continue;
        const Eigen::VectorXd v = f(k);
        best = any ? best.cwiseMax(v) : v;
        any = true;
    }
    return best;
}

}  // namespace triad::drivers
