// The least change that gives a wanted outcome: against exhaustive grids on 2- and 3-parameter
// problems, an unreachable target, a target already met, and the point checked by solving.
#include "triad/studies/reach.hpp"

#include "support.hpp"

#include "triad/scenario/scenario.hpp"
#include "triad/solvers/selection.hpp"

#include <cmath>

using namespace triad;

namespace {

StageModel scenario(const std::string& relative) { return StageModel(load_scenario(triad::test::source_path(relative))); }

struct GridBest {
    bool any = false;
    double distance = 0.0;
};

// Every point of an M^d grid over the box, solved independently of reach: the model set at the
// point, the selection rule's outcome read, the wanted alignment compared.
GridBest grid_best(const StageModel& base, const std::vector<Axis>& axes, int player, const std::string& label, bool negated,
                   std::size_t m) {
    std::vector<double> start;
    for (const Axis& a : axes) start.push_back(base.parameters().value(base.parameters().resolve(a.path, {}).front()));
    GridBest best;
    std::size_t total = 1;
    for (std::size_t i = 0; i < axes.size(); ++i) total *= m;
    StageModel model = base;
    for (std::size_t k = 0; k < total; ++k) {
        std::size_t rest = k;
        double squared = 0.0;
        for (std::size_t i = 0; i < axes.size(); ++i) {
            const double x = axes[i].lower + (axes[i].upper - axes[i].lower) * static_cast<double>(rest % m) / static_cast<double>(m - 1);
            rest /= m;
            model.set(axes[i].path, x);
            squared += std::pow((x - start[i]) / (axes[i].upper - axes[i].lower), 2);
        }
        const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
        const bool holds = (p.selected_alignment[player] == label) != negated;
        if (holds && (!best.any || std::sqrt(squared) < best.distance)) best = {true, std::sqrt(squared)};
    }
    return best;
}

// The point reach reports, solved again: does the target hold there?
bool holds_at(const StageModel& base, const ReachResult& r, int player, const std::string& label, bool negated) {
    StageModel model = base;
    for (std::size_t i = 0; i < r.axes.size(); ++i) model.set(r.axes[i].path, r.best.values[i]);
    const Prediction p = predict(model.game(), read_selection_rule(model.scenario()));
    return (p.selected_alignment[player] == label) != negated;
}

void require_grid_agreement(const StageModel& model, const std::vector<Axis>& axes, const std::string& want, int player,
                            const std::string& label, bool negated, std::size_t m) {
    const ReachResult r = reach(model, axes, parse_wants(model, {want}, SweepAnalysis::stage), SweepAnalysis::stage, {.threads = 2});
    const GridBest grid = grid_best(model, axes, player, label, negated, m);
    REQUIRE(grid.any);
    REQUIRE(r.found);
    CHECK(holds_at(model, r, player, label, negated));
    // The grid's best lies within half a cell diagonal of the boundary; reach must do as well.
    const double cell = std::sqrt(static_cast<double>(axes.size())) / static_cast<double>(m - 1);
    INFO("reach " << r.best.distance << " grid " << grid.distance << " cell " << cell << " evaluations " << r.evaluations);
    CHECK(r.best.distance <= grid.distance + 0.5 * cell);
    CHECK(r.best.distance >= grid.distance - cell);
    // The distance is the one defined: sqrt(sum ((x - x0) / (HI - LO))^2).
    double squared = 0.0;
    for (std::size_t i = 0; i < axes.size(); ++i) squared += std::pow((r.best.values[i] - r.start[i]) / (axes[i].upper - axes[i].lower), 2);
    CHECK(r.best.distance == Approx(std::sqrt(squared)).margin(1e-12));
}

}  // namespace

TEST_CASE("reach finds the exhaustive grid's best on a 2-parameter problem", "[reach]") {
    const StageModel model = scenario("scenarios/baseline.yaml");
    require_grid_agreement(model, {{"ambition.a.china.russia", 0, 4, 0}, {"russia.regime_fear", 0, 4, 0}}, "russia.alignment!=china", 1,
                           "china", true, 41);
}

TEST_CASE("reach finds the exhaustive grid's best on a 2-parameter problem with another boundary", "[reach]") {
    const StageModel model = scenario("tests/data/reach/tilt.yaml");
    require_grid_agreement(model, {{"partnership.g.russia.us", 0, 4, 0}, {"partnership.g.russia.china", 0, 4, 0}}, "russia.alignment=us", 1,
                           "us", false, 41);
}

TEST_CASE("reach finds the exhaustive grid's best on a 3-parameter problem", "[reach]") {
    const StageModel model = scenario("scenarios/baseline.yaml");
    require_grid_agreement(model,
                           {{"ambition.a.china.russia", 0, 4, 0}, {"partnership.g.russia.china", 0, 4, 0}, {"hostility.h.russia.china", 0, 4, 0}},
                           "russia.alignment!=china", 1, "china", true, 13);
}

TEST_CASE("reach reports an unreachable target as such, and a met one at distance 0", "[reach]") {
    const StageModel model = scenario("scenarios/baseline.yaml");
    const std::vector<Axis> axes = {{"ambition.a.russia.us", 0, 3, 0}, {"partnership.g.russia.us", 0, 4, 0}};
    const ReachResult never = reach(model, axes, parse_wants(model, {"russia.alignment=us"}, SweepAnalysis::stage), SweepAnalysis::stage);
    CHECK_FALSE(never.found);
    CHECK_FALSE(grid_best(model, axes, 1, "us", false, 21).any);
    REQUIRE(never.best.probability.size() == 1);
    CHECK(never.best.probability[0] >= 0.0);
    CHECK(never.best.probability[0] < 0.5);
    const ReachResult already = reach(model, axes, parse_wants(model, {"russia.alignment=china"}, SweepAnalysis::stage), SweepAnalysis::stage);
    CHECK(already.found);
    CHECK(already.best.distance == 0.0);
}

TEST_CASE("reach: bad targets and ranges are located errors", "[reach]") {
    const StageModel model = scenario("scenarios/baseline.yaml");
    triad::test::require_input_error([&] { (void)parse_wants(model, {"russia.alignmnt=us"}, SweepAnalysis::stage); }, 1,
                                     {"unknown expectation target 'russia.alignmnt'", "russia.alignment"});
    triad::test::require_input_error([&] { (void)parse_wants(model, {"russia.alignment"}, SweepAnalysis::stage); }, 0, {"TARGET=VALUE"});
    const auto want = parse_wants(model, {"russia.alignment=us"}, SweepAnalysis::stage);
    triad::test::require_input_error([&] { (void)reach(model, {{"wedge.rho", 0.5, 1.0, 0}}, want, SweepAnalysis::stage); }, 0,
                                     {"wedge.rho is 0.3, which the range [0.5, 1] must contain"});
}
