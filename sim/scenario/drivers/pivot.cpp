// pivot: the value of one's structural role in the triangle.
//     u_i += psi_i * score(role_i)
// Roles are read from the profile as in triangle.hpp (Dittmer 1981); scores default to Yu-Shan
// Wu's ranking (pivot 5, friend 4, partner 3, wing 2, foe 1, outcast 0). With more than three
// players the scores of i's roles in every triple containing i are added. `scoring: triples`
// uses instead score_i = sum over pairs {j, k} of the others of (w_ij + w_ik - w_jk), which
// needs no roles, counts hedged dyads, and ranks signed roles as Wu does. Katz: Putin's
// preference to "let the tigers fight" and see who wins, the pivot's advantage.
#include "builtin.hpp"

#include "triad/core/triangle.hpp"

#include <array>
#include <cmath>
#include <optional>

namespace triad::drivers {

namespace {

// psi_i, the weight of the role, and score(r), each role's score (Wu's ranking by default).
std::vector<ParamSpec> pivot_params() {
    std::vector<ParamSpec> params = {
        {.symbol = "psi", .name = "role_weight", .index = IndexKind::player,
         .help = "weight i puts on its structural role"},
    };
    ParamSpec score{.symbol = "score", .name = "role_score", .index = IndexKind::role,
                    .lower = -kUnbounded, .help = "score of each role (Wu's ranking by default)"};
    score.defaults_by_index.assign(wu_role_scores().begin(), wu_role_scores().end());
    params.push_back(score);
    return params;
}

// `scoring: triples`: psi_i times the sum over pairs {j, k} of the others of w_ij + w_ik - w_jk.
std::vector<BasisTerm> triples_terms(const DriverContext& ctx) {
    std::vector<BasisTerm> terms;
    const int n = ctx.players();
    const auto size = static_cast<Eigen::Index>(ctx.game().space.size());
    const auto& t = ctx.tensors();
    for (int i = 0; i < n; ++i) {
        Eigen::VectorXd basis = Eigen::VectorXd::Zero(size);
        for (int j = 0; j < n; ++j)
            for (int k = j + 1; k < n; ++k)
                if (j != i && k != i) basis += *t.warmth(i, j) + *t.warmth(i, k) - *t.warmth(j, k);
        terms.push_back(ctx.term(i, 1.0, {ctx.entry("psi", i)}, std::move(basis)));
    }
    return terms;
}

// count[i][r](profile): in how many triples player i holds role r. A triple's roles depend
// only on its three warmths, each one of -1, -1/2, 0, 1/2, 1: they are read once for each of
// the 125 combinations and looked up per profile.
std::vector<std::vector<Eigen::VectorXd>> role_counts(const DriverContext& ctx) {
    const int n = ctx.players();
    const auto size = static_cast<Eigen::Index>(ctx.game().space.size());
    std::vector<std::vector<Eigen::VectorXd>> count(
        n, std::vector<Eigen::VectorXd>(kRoleCount, Eigen::VectorXd::Zero(size)));
    const auto& t = ctx.tensors();
    const auto level = [](double w) { return static_cast<int>(std::lround(2.0 * w)) + 2; };  // 0..4
    for (int first = 0; first < n; ++first)
        for (int second = first + 1; second < n; ++second)
            for (int third = second + 1; third < n; ++third) {
                std::array<std::optional<TriadReading>, 125> reading;
                const Eigen::VectorXd &wij = *t.warmth(first, second), &wik = *t.warmth(first, third), &wjk = *t.warmth(second, third);
                for (Eigen::Index p = 0; p < size; ++p) {
                    const int code = level(wij(p)) * 25 + level(wik(p)) * 5 + level(wjk(p));
                    if (!reading[code]) {
                        Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
                        w(first, second) = w(second, first) = wij(p);
                        w(first, third) = w(third, first) = wik(p);
                        w(second, third) = w(third, second) = wjk(p);
                        reading[code] = read_triad(w, first, second, third);
                    }
                    for (int a = 0; a < 3; ++a)
                        count[reading[code]->players[a]][static_cast<int>(reading[code]->roles[a])](p) += 1.0;
                }
            }
    return count;
}

// `scoring: roles`: one term psi_i * score(r) per role r that player i holds somewhere.
std::vector<BasisTerm> role_terms(const DriverContext& ctx) {
    std::vector<BasisTerm> terms;
    std::vector<std::vector<Eigen::VectorXd>> count = role_counts(ctx);
    for (int i = 0; i < ctx.players(); ++i)
        for (int r = 0; r < kRoleCount; ++r)
            if (count[i][r].any())
                terms.push_back(ctx.term(i, 1.0, {ctx.entry("psi", i), ctx.entry("score", r)},
                                         std::move(count[i][r])));
    return terms;
}

}  // namespace

DriverSpec pivot() {
    DriverSpec spec{
        .name = "pivot",
        .summary = "value of the structural role: pivot, friend, partner, wing, foe, outcast",
        .formula = "+ psi_i * score(role_i)",
        .sources = "Dittmer, World Politics 1981 (roles); Wu, Issues & Studies 1996 (ranking); Katz (\"let them fight\")",
        .params = pivot_params(),
        .settings = {{.name = "scoring", .kind = SettingSpec::Kind::choice, .choices = {"roles", "triples"},
                      .help = "roles: Wu's role scores; triples: sum of w_ij + w_ik - w_jk"}},
    };
    spec.build = [](const DriverContext& ctx) {
        return ctx.choice_setting("scoring") == "triples" ? triples_terms(ctx) : role_terms(ctx);
    };
    return spec;
}

}  // namespace triad::drivers
