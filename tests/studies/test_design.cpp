#include "triad/studies/design.hpp"

#include "support.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

using namespace triad;
using triad::test::require_input_error;

namespace {

Axis axis(std::string path, double lower, double upper, std::size_t count = 0) {
    return Axis{std::move(path), lower, upper, count};
}

// Every point of the design, in index order, flattened point-major.
std::vector<double> all_points(const Design& design) {
    const DesignSampler sampler(design);
    const std::size_t width = design.axes.size();
    std::vector<double> values(sampler.size() * width);
    for (std::size_t i = 0; i < sampler.size(); ++i)
        sampler.point(i, std::span(values).subspan(i * width, width));
    return values;
}

std::vector<double> one_point(const Design& design, std::size_t index) {
    std::vector<double> values(design.axes.size());
    design_point(design, index, values);
    return values;
}

// The stratum k with lerp(lower, upper, k/N) <= value < lerp(lower, upper, (k+1)/N), the
// edges computed exactly as the library does; -1 if there is none.
long stratum_of(double value, const Axis& a, std::size_t n) {
    const auto edge = [&](std::size_t k) {
        return std::lerp(a.lower, a.upper, static_cast<double>(k) / static_cast<double>(n));
    };
    // The edges increase with k: find the last edge at or below the value.
    std::size_t low = 0, high = n;  // invariant: edge(low) <= value (if any) and edge(high) > value
    if (!(edge(0) <= value)) return -1;
    while (high - low > 1) {
        const std::size_t middle = low + (high - low) / 2;
        (edge(middle) <= value ? low : high) = middle;
    }
    if (value < edge(low + 1)) return static_cast<long>(low);
    return -1;
}

// Boost's sobol engine read sequentially, as doubles in [0, 1) (top 53 bits).
std::vector<double> boost_sobol_sequence(std::size_t dimension, std::size_t points) {
    boost::random::sobol engine(dimension);
    std::vector<double> values(dimension * points);
    for (double& v : values) v = static_cast<double>(engine() >> 11) * 0x1.0p-53;
    return values;
}

// True when every elementary box of area 2^-m in the unit square ([i/2^a, (i+1)/2^a) x
// [j/2^b, (j+1)/2^b) with a + b = m) holds exactly one of the 2^m points.
bool is_base2_net(const std::vector<std::pair<double, double>>& points, int m) {
    if (points.size() != (std::size_t{1} << m)) return false;
    for (int a = 0; a <= m; ++a) {
        const int b = m - a;
        std::vector<int> counts(std::size_t{1} << m, 0);
        for (const auto& [x, y] : points) {
            const auto i = static_cast<std::size_t>(std::ldexp(x, a));  // exact: dyadic values
            const auto j = static_cast<std::size_t>(std::ldexp(y, b));
            ++counts[(i << b) | j];
        }
        if (!std::all_of(counts.begin(), counts.end(), [](int c) { return c == 1; })) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("design kinds have names", "[design]") {
    for (const DesignKind kind :
         {DesignKind::grid, DesignKind::uniform, DesignKind::latin_hypercube, DesignKind::sobol})
        CHECK(parse_design_kind(to_string(kind)) == kind);
    CHECK(to_string(DesignKind::latin_hypercube) == "lhs");
    CHECK(parse_design_kind("latin_hypercube") == DesignKind::latin_hypercube);
    CHECK_FALSE(parse_design_kind("random").has_value());
    CHECK_FALSE(parse_design_kind("").has_value());
}

TEST_CASE("a grid runs like nested loops, first axis slowest, ends exact", "[design]") {
    Design design;
    design.axes = {axis("x", 0.0, 1.0, 3), axis("y", 10.0, 20.0, 2)};
    REQUIRE(design.size() == 6);
    const std::vector<double> expected = {0.0, 10.0, 0.0, 20.0, 0.5, 10.0, 0.5, 20.0, 1.0, 10.0, 1.0, 20.0};
    CHECK(all_points(design) == expected);
    CHECK(one_point(design, 3) == std::vector<double>{0.5, 20.0});

    SECTION("endpoints are the bounds themselves") {
        Design fine;
        fine.axes = {axis("a", 0.1, 0.7, 7), axis("b", -1e308, 1e308, 4)};
        const std::vector<double> values = all_points(fine);
        CHECK(values.front() == 0.1);  // point 0: (lower, lower)
        CHECK(values[1] == -1e308);
        CHECK(values[values.size() - 2] == 0.7);  // last point: (upper, upper)
        CHECK(values.back() == 1e308);
        for (const double v : values) CHECK(std::isfinite(v));  // no overflow of upper - lower
        // Interior values are the linspace within rounding, and increase along the axis.
        for (std::size_t k = 0; k < 7; ++k)
            CHECK(values[k * 4 * 2] == Approx(0.1 + 0.1 * static_cast<double>(k)).epsilon(1e-15));
    }
    SECTION("a single value is the lower bound") {
        Design single;
        single.axes = {axis("a", 2.0, 5.0, 1), axis("b", 0.0, 1.0, 2)};
        CHECK(all_points(single) == std::vector<double>{2.0, 0.0, 2.0, 1.0});
    }
    CHECK(design.describe() == "grid 3 x 2 = 6 points over x [0, 1], y [10, 20]");
}

// The values a user means by LO:HI:N are the decimals LO + (HI - LO) k / (N - 1); as doubles,
// the nearest ones, i.e. the literals written below (0.05 is the double nearest 0.05).
TEST_CASE("grid values are the decimals the bounds imply", "[design]") {
    const auto values = [](double lower, double upper, std::size_t count) {
        std::vector<double> out;
        for (std::size_t k = 0; k < count; ++k) out.push_back(grid_value(axis("x", lower, upper, count), k));
        return out;
    };
    // Interpolating in binary gives 0.049999999999999996, 0.09999999999999999, 0.19999999999999998.
    CHECK(values(0.0, 0.3, 7) == std::vector<double>{0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3});
    CHECK(values(0.1, 0.7, 7) == std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7});
    CHECK(values(-1.0, 1.0, 5) == std::vector<double>{-1.0, -0.5, 0.0, 0.5, 1.0});
    CHECK(values(0.0, 1e-6, 11)[3] == 3e-7);
    CHECK(values(2.5, 1200.0, 3) == std::vector<double>{2.5, 601.25, 1200.0});
    // A value that is no short decimal is the double nearest the exact fraction.
    CHECK(values(0.0, 1.0, 4)[1] == 1.0 / 3.0);
    CHECK(values(2.0, 5.0, 1) == std::vector<double>{2.0});
    SECTION("the grid's points are these values") {
        Design design;
        design.axes = {axis("x", 0.0, 0.3, 7)};
        CHECK(one_point(design, 1) == std::vector<double>{0.05});
    }
    SECTION("long digits fall back to interpolation, ends still exact and values increasing") {
        for (const auto& [lower, upper] : {std::pair{-1e308, 1e308}, std::pair{0.1234567890123456, 0.9876543210987654},
                                           std::pair{0.0, 0.3}}) {
            const std::vector<double> v = values(lower, upper, 1001);
            CHECK(v.front() == lower);
            CHECK(v.back() == upper);
            CHECK(std::is_sorted(v.begin(), v.end()));
            CHECK(std::adjacent_find(v.begin(), v.end()) == v.end());
        }
    }
}

TEST_CASE("design descriptions", "[design]") {
    Design grid;
    grid.axes = {axis("russia.regime_fear", 0, 3, 31), axis("ambition.a.china.russia", 0, 3, 31)};
    CHECK(grid.describe() ==
          "grid 31 x 31 = 961 points over russia.regime_fear [0, 3], ambition.a.china.russia [0, 3]");
    Design sobol{DesignKind::sobol, {axis("wedge.omega", 0.5, 1.25)}, 1000, 1};
    CHECK(sobol.describe() == "sobol 1000 points over wedge.omega [0.5, 1.25]");
    Design lhs{DesignKind::latin_hypercube, {axis("x", -1, 1), axis("y", 0, 2)}, 500, 7};
    CHECK(lhs.describe() == "lhs 500 points, seed 7, over x [-1, 1], y [0, 2]");
    Design uniform{DesignKind::uniform, {axis("x", -1, 1)}, 20, 3};
    CHECK(uniform.describe() == "uniform 20 points, seed 3, over x [-1, 1]");
}

TEST_CASE("grid size is limited to 2^40 points", "[design]") {
    Design design;
    design.axes = {axis("a", 0, 1, std::size_t{1} << 20), axis("b", 0, 1, std::size_t{1} << 20)};
    CHECK(design.size() == std::size_t{1} << 40);
    design.axes.push_back(axis("c", 0, 1, 2));
    CHECK_THROWS_AS(design.size(), Error);
    CHECK_THROWS_WITH(design.size(), Catch::Contains("more than 1099511627776 points"));
    CHECK_THROWS_AS(DesignSampler(design), Error);
    CHECK_NOTHROW(design.describe());
    // Sampled designs ignore the counts.
    design.kind = DesignKind::sobol;
    design.points = 10;
    CHECK(design.size() == 10);
}

TEST_CASE("invalid designs and indices are errors", "[design]") {
    std::vector<double> out(1);
    Design empty;
    CHECK_THROWS_AS(design_point(empty, 0, out), Error);
    Design no_points{DesignKind::uniform, {axis("x", 0, 1)}, 0, 1};
    CHECK_THROWS_AS(design_point(no_points, 0, out), Error);
    Design zero_count{DesignKind::grid, {axis("x", 0, 1, 0)}, 0, 1};
    CHECK_THROWS_AS(design_point(zero_count, 0, out), Error);
    Design reversed{DesignKind::sobol, {axis("x", 1, 0)}, 4, 1};
    CHECK_THROWS_AS(design_point(reversed, 0, out), Error);
    Design not_finite{DesignKind::uniform, {axis("x", 0, std::nan(""))}, 4, 1};
    CHECK_THROWS_AS(design_point(not_finite, 0, out), Error);

    for (const DesignKind kind :
         {DesignKind::grid, DesignKind::uniform, DesignKind::latin_hypercube, DesignKind::sobol}) {
        Design design{kind, {axis("x", 0, 1, 5)}, 5, 1};
        INFO(to_string(kind));
        CHECK_NOTHROW(design_point(design, 4, out));
        CHECK_THROWS_AS(design_point(design, 5, out), Error);
        std::vector<double> wrong(2);
        CHECK_THROWS_AS(design_point(design, 0, wrong), Error);
    }
}

TEST_CASE("uniform points are in range, reproducible and order independent", "[design]") {
    Design design{DesignKind::uniform, {axis("x", -2, 5), axis("y", 0, 1e-3), axis("z", 3, 3)}, 2000, 42};
    const std::vector<double> values = all_points(design);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Axis& a = design.axes[i % 3];
        CHECK(a.lower <= values[i]);
        if (a.lower < a.upper) CHECK(values[i] < a.upper);
        else CHECK(values[i] == a.lower);
    }
    CHECK(all_points(design) == values);

    // The values fill the range: mean near the middle, both ends approached.
    double sum = 0.0, low = 5.0, high = -2.0;
    for (std::size_t i = 0; i < 2000; ++i) {
        sum += values[i * 3];
        low = std::min(low, values[i * 3]);
        high = std::max(high, values[i * 3]);
    }
    CHECK(sum / 2000 == Approx(1.5).margin(0.2));
    CHECK(low < -1.9);
    CHECK(high > 4.9);

    Design other = design;
    other.seed = 43;
    const std::vector<double> other_values = all_points(other);
    std::size_t same = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (i % 3 != 2 && values[i] == other_values[i]) ++same;
    CHECK(same == 0);

    // Points computed alone, in a shuffled order, are the points of the sequential pass.
    std::vector<std::size_t> order(2000);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::shuffle(order.begin(), order.end(), std::mt19937_64(5));
    for (const std::size_t i : order) {
        const std::vector<double> point = one_point(design, i);
        REQUIRE(point == std::vector<double>(values.begin() + static_cast<long>(i * 3),
                                             values.begin() + static_cast<long>(i * 3 + 3)));
    }
}

TEST_CASE("a Latin hypercube puts one point in each stratum of each axis", "[design]") {
    for (const std::size_t n : {std::size_t{1}, std::size_t{7}, std::size_t{100}}) {
        for (const std::uint64_t seed : {std::uint64_t{1}, std::uint64_t{99}}) {
            Design design{DesignKind::latin_hypercube,
                          {axis("x", -2, 5), axis("y", 0, 1e-3), axis("z", -1e308, 1e308), axis("w", 0, 1)},
                          n,
                          seed};
            INFO("N = " << n << ", seed " << seed);
            const std::vector<double> values = all_points(design);
            for (std::size_t a = 0; a < design.axes.size(); ++a) {
                std::vector<int> counts(n, 0);
                for (std::size_t i = 0; i < n; ++i) {
                    const long k = stratum_of(values[i * design.axes.size() + a], design.axes[a], n);
                    REQUIRE(k >= 0);
                    ++counts[static_cast<std::size_t>(k)];
                }
                CHECK(std::all_of(counts.begin(), counts.end(), [](int c) { return c == 1; }));
            }
            CHECK(all_points(design) == values);
            // Order independence through design_point (which rebuilds or reuses permutations).
            for (std::size_t i = n; i-- > 0;) {
                const std::vector<double> point = one_point(design, i);
                REQUIRE(point == std::vector<double>(values.begin() + static_cast<long>(i * 4),
                                                     values.begin() + static_cast<long>(i * 4 + 4)));
            }
        }
    }
    SECTION("different seeds give different hypercubes") {
        Design a{DesignKind::latin_hypercube, {axis("x", 0, 1), axis("y", 0, 1)}, 50, 1};
        Design b = a;
        b.seed = 2;
        CHECK(all_points(a) != all_points(b));
    }
    SECTION("the stratum edge is never crossed, even with 2^20 strata") {
        // With many strata, stratum + jitter can round up to the next stratum's edge.
        Design big{DesignKind::latin_hypercube, {axis("x", 0, 1)}, std::size_t{1} << 20, 3};
        const std::vector<double> values = all_points(big);
        std::vector<char> seen(values.size(), 0);
        for (const double v : values) {
            const auto k = static_cast<std::size_t>(std::ldexp(v, 20));  // exact: N is 2^20
            REQUIRE(k < seen.size());
            REQUIRE(seen[k] == 0);
            seen[k] = 1;
        }
    }
}

TEST_CASE("one sampler serves many threads", "[design]") {
    const Design design{DesignKind::latin_hypercube, {axis("x", 0, 1), axis("y", -3, 3)}, 4000, 11};
    const DesignSampler sampler(design);
    const std::vector<double> expected = all_points(design);
    std::vector<std::vector<double>> results(4, std::vector<double>(expected.size()));
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            // Each thread walks the points in its own order.
            std::vector<std::size_t> order(sampler.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::shuffle(order.begin(), order.end(), std::mt19937_64(t));
            for (const std::size_t i : order) sampler.point(i, std::span(results[t]).subspan(i * 2, 2));
        });
    for (auto& thread : threads) thread.join();
    for (const auto& result : results) CHECK(result == expected);
}

TEST_CASE("Sobol points follow the published sequence, without the origin", "[design]") {
    // Boost's engine starts at Gray-code point 1, skipping the origin.
    Design line{DesignKind::sobol, {axis("x", 0, 1)}, 8, 1};
    CHECK(all_points(line) == std::vector<double>{0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875});

    Design plane{DesignKind::sobol, {axis("x", 0, 1), axis("y", 0, 1)}, 64, 1};
    const std::vector<double> values = all_points(plane);
    const std::vector<double> second = {values[1], values[3], values[5], values[7], values[9]};
    CHECK(second == std::vector<double>{0.5, 0.25, 0.75, 0.375, 0.875});

    std::vector<std::pair<double, double>> points;
    for (std::size_t i = 0; i < 32; ++i) points.emplace_back(values[2 * i], values[2 * i + 1]);

    // The first 4 points in Boost's order hit each quadrant once (though not each horizontal
    // or vertical strip of width 1/4: that needs the origin, as below).
    std::vector<int> quadrants(4, 0);
    for (std::size_t i = 0; i < 4; ++i) ++quadrants[(points[i].first >= 0.5 ? 2 : 0) + (points[i].second >= 0.5 ? 1 : 0)];
    CHECK(quadrants == std::vector<int>{1, 1, 1, 1});
    CHECK_FALSE(is_base2_net({points.begin(), points.begin() + 4}, 2));
    std::vector<std::pair<double, double>> four_with_origin = {{0.0, 0.0}};
    four_with_origin.insert(four_with_origin.end(), points.begin(), points.begin() + 3);
    CHECK(is_base2_net(four_with_origin, 2));
    // Sequence numbers 0..15 (the origin, then Boost's first 15) and 16..31 (Boost's points
    // 15..30) are (0,4,2)-nets: one point in each elementary box of area 1/16.
    std::vector<std::pair<double, double>> with_origin = {{0.0, 0.0}};
    with_origin.insert(with_origin.end(), points.begin(), points.begin() + 15);
    CHECK(is_base2_net(with_origin, 4));
    CHECK(is_base2_net({points.begin() + 15, points.begin() + 31}, 4));
    // Boost's first 16 alone are not: point 15 (sequence number 16) is not where the origin was.
    CHECK_FALSE(is_base2_net({points.begin(), points.begin() + 16}, 4));

    SECTION("ranges scale the unit points") {
        Design scaled{DesignKind::sobol, {axis("x", 2, 6), axis("y", -1, 1)}, 3, 1};
        CHECK(all_points(scaled) == std::vector<double>{4.0, 0.0, 5.0, -0.5, 3.0, 0.5});
    }
}

TEST_CASE("Sobol points equal Boost's engine read in sequence", "[design]") {
    for (const std::size_t dimension : {1, 2, 3, 5, 40}) {
        INFO("dimension " << dimension);
        Design design{DesignKind::sobol, {}, 1500, 1};
        for (std::size_t a = 0; a < dimension; ++a) design.axes.push_back(axis("p" + std::to_string(a), 0, 1));
        CHECK(all_points(design) == boost_sobol_sequence(dimension, 1500));

        // Point i directly: Boost's seed(i) makes vector i the next one.
        boost::random::sobol engine(dimension);
        for (const std::size_t i : {std::size_t{1499}, std::size_t{0}, std::size_t{1023}, std::size_t{700}}) {
            engine.seed(i);
            std::vector<double> expected(dimension);
            for (double& v : expected) v = static_cast<double>(engine() >> 11) * 0x1.0p-53;
            CHECK(one_point(design, i) == expected);
        }
    }
    SECTION("far indices are reached directly") {
        Design design{DesignKind::sobol, {axis("x", 0, 1), axis("y", 0, 1)}, std::size_t{1} << 40, 1};
        boost::random::sobol engine(2);
        const std::size_t index = (std::size_t{1} << 40) - 3;
        engine.seed(index);
        std::vector<double> expected(2);
        for (double& v : expected) v = static_cast<double>(engine() >> 11) * 0x1.0p-53;
        CHECK(one_point(design, index) == expected);
    }
    SECTION("dimension is limited to Boost's 3667") {
        Design design{DesignKind::sobol, std::vector<Axis>(3667, axis("x", 0, 1)), 10, 1};
        std::vector<double> out(3667);
        CHECK_NOTHROW(design_point(design, 9, out));
        design.axes.push_back(axis("x", 0, 1));
        out.push_back(0.0);
        CHECK_THROWS_WITH(design_point(design, 0, out), Catch::Contains("at most 3667 axes"));
    }
}

TEST_CASE("parse_axis reads PATH=LO:HI[:N]", "[design]") {
    const Axis grid = parse_axis("russia.regime_fear=0:3:31");
    CHECK(grid.path == "russia.regime_fear");
    CHECK(grid.lower == 0.0);
    CHECK(grid.upper == 3.0);
    CHECK(grid.count == 31);

    const Axis sampled = parse_axis(" ambition.a.china.russia = -1.5 : 2e0 ");
    CHECK(sampled.path == "ambition.a.china.russia");
    CHECK(sampled.lower == -1.5);
    CHECK(sampled.upper == 2.0);
    CHECK(sampled.count == 0);

    CHECK(parse_axis("x=1:1:1").count == 1);
    CHECK(parse_axis("x=.5:+1:1e3").count == 1000);
}

TEST_CASE("parse_axis reports bad text", "[design]") {
    const SourceLocation where{"sweep.yaml", 4, 3};
    const auto fails = [&](const std::string& text, std::initializer_list<std::string> fragments) {
        INFO("text: " << text);
        return require_input_error([&] { (void)parse_axis(text, where); }, 4, fragments);
    };
    const InputError missing = fails("x0:3:31", {"'x0:3:31'", "no '='"});
    CHECK_THAT(missing.suggestion(), Catch::Contains("PATH=LO:HI:N"));
    fails("=0:1", {"'=0:1'", "no parameter path"});
    fails("x=1", {"'x=1'", "two or three numbers", "found 1"});
    fails("x=0:1:2:3", {"'x=0:1:2:3'", "two or three numbers", "found 4"});
    fails("x=a:1", {"'x=a:1'", "'a' is not a number"});
    fails("x=0:", {"'x=0:'", "'' is not a number"});
    fails("x=0:inf", {"'x=0:inf'", "'inf' is not a finite number"});
    fails("x=nan:1:3", {"'x=nan:1:3'", "not a finite number"});
    fails("x=0:1e999", {"'x=0:1e999'", "not a number"});
    const InputError reversed = fails("x=3:1:5", {"'x=3:1:5'", "lower bound 3 is above upper bound 1"});
    CHECK(reversed.suggestion() == "swap them: x=1:3:5");
    fails("x=0:1:0", {"'x=0:1:0'", "whole number >= 1", "not 0"});
    fails("x=0:1:2.5", {"'x=0:1:2.5'", "whole number >= 1", "not 2.5"});
    fails("x=0:1:-3", {"'x=0:1:-3'", "whole number >= 1"});
    fails("x=0:1:1e20", {"'x=0:1:1e20'", "more than a grid can hold"});
}
