// Sampling a claim's region: arms that share their draws (common random numbers), Latin
// hypercube strata, the grid without uncertainty, and values the region fixes left undrawn.
#include "triad/studies/region_sample.hpp"

#include "support.hpp"

#include <algorithm>
#include <set>

using namespace triad;

namespace {

StageModel uncertain_baseline() {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/baseline.yaml") +
                                         "\nuncertainty:\n  wedge.omega: [0, 4]\n  russia.regime_fear: [1, 5]\n",
                                     "uncertain.yaml"));
}

// Only this file's two ranges (the baseline's own are left out, so the test does not depend on them).
std::vector<UncertainValue> own_ranges(const StageModel& model) {
    std::vector<UncertainValue> out;
    for (auto& v : read_uncertainty(model))
        if (v.distribution_where.file == "uncertain.yaml") out.push_back(v);
    return out;
}

Cause contrast(const std::string& path, double p0, double p1, double a0, double a1) {
    Cause c;
    c.path = path;
    c.present_lower = p0;
    c.present_upper = p1;
    c.absent_lower = a0;
    c.absent_upper = a1;
    return c;
}

}  // namespace

TEST_CASE("a cause's arms share every draw but the cause's own range", "[region_sample]") {
    const StageModel model = uncertain_baseline();
    const std::vector<Axis> over = {{"ambition.a.china.russia", 0.0, 4.0, 0}};
    const RegionSample s = sample_region(model, over, 5, {contrast("threat.theta.russia", 2.0, 3.0, 0.0, 0.5)}, own_ranges(model),
                                         {.uncertainty = true, .samples = 64, .seed = 7}, 11);
    REQUIRE(s.drawn);
    REQUIRE(s.arms == std::vector<std::string>{"present", "absent"});
    REQUIRE(s.axes.size() == 4);  // over, cause, two uncertain values
    CHECK(s.region_axes == 2);
    CHECK(s.cause_axes == 1);
    CHECK(s.samples == 64);
    for (std::size_t i = 0; i < s.samples; ++i) {
        const auto present = s.point(0, i), absent = s.point(1, i);
        CHECK(present[0] == absent[0]);  // the region's own axis
        CHECK(present[2] == absent[2]);  // the drawn values
        CHECK(present[3] == absent[3]);
        CHECK(present[1] >= 2.0);
        CHECK(present[1] <= 3.0);
        CHECK(absent[1] >= 0.0);
        CHECK(absent[1] <= 0.5);
        // The same position within each arm's range: the cause's unit coordinate is shared.
        CHECK((present[1] - 2.0) / 1.0 == Approx((absent[1] - 0.0) / 0.5).margin(1e-12));
    }
}

TEST_CASE("drawn values fill every stratum once (a Latin hypercube)", "[region_sample]") {
    const StageModel model = uncertain_baseline();
    const RegionSample s = sample_region(model, {}, 5, {}, own_ranges(model), {.uncertainty = true, .samples = 50, .seed = 3}, 1);
    REQUIRE(s.axes.size() == 2);
    for (std::size_t a = 0; a < 2; ++a) {
        std::set<int> strata;
        const double lower = s.axes[a].lower, width = s.axes[a].upper - s.axes[a].lower;
        for (std::size_t i = 0; i < s.samples; ++i) strata.insert(static_cast<int>((s.point(0, i)[a] - lower) / width * 50.0));
        CHECK(strata.size() == 50);
    }
    // The stream separates claims; the same stream and seed repeat the draws exactly.
    const RegionSample again = sample_region(model, {}, 5, {}, own_ranges(model), {.uncertainty = true, .samples = 50, .seed = 3}, 1);
    const RegionSample other = sample_region(model, {}, 5, {}, own_ranges(model), {.uncertainty = true, .samples = 50, .seed = 3}, 2);
    CHECK(again.values == s.values);
    CHECK(other.values != s.values);
}

TEST_CASE("without uncertainty the region is a grid; what the region fixes is never drawn", "[region_sample]") {
    const StageModel model = uncertain_baseline();
    const std::vector<Axis> over = {{"wedge.omega", 0.0, 2.0, 0}, {"ambition.a.china.russia", 1.0, 1.0, 0}};
    const RegionSample grid = sample_region(model, over, 5, {}, own_ranges(model), {.uncertainty = false}, 1);
    CHECK_FALSE(grid.drawn);
    CHECK(grid.samples == 5);  // a fixed axis counts once
    CHECK(grid.point(0, 0)[0] == 0.0);
    CHECK(grid.point(0, 4)[0] == 2.0);
    CHECK(grid.point(0, 2)[1] == 1.0);
    // With uncertainty, wedge.omega is the region's: only the regime fear is drawn.
    const RegionSample drawn = sample_region(model, over, 5, {}, own_ranges(model), {.uncertainty = true, .samples = 20}, 1);
    REQUIRE(drawn.axes.size() == 3);
    CHECK(drawn.axes[2].path == "russia.regime_fear");
}

TEST_CASE("an irrelevant cause is split into thirds of its range", "[region_sample]") {
    const StageModel model = uncertain_baseline();
    Cause c;
    c.kind = Cause::Kind::irrelevant;
    c.path = "threat.theta.russia";
    c.present_lower = 0.0;
    c.present_upper = 3.0;
    const RegionSample s = sample_region(model, {}, 4, {c}, own_ranges(model), {.uncertainty = true, .samples = 30}, 5);
    REQUIRE(s.arms.size() == kIrrelevantSlices);
    for (std::size_t arm = 0; arm < s.arms.size(); ++arm)
        for (std::size_t i = 0; i < s.samples; ++i) {
            CHECK(s.point(arm, i)[0] >= static_cast<double>(arm));
            CHECK(s.point(arm, i)[0] <= static_cast<double>(arm + 1));
        }
}
