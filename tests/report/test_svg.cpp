// SVG pieces and the figures drawn from them.
#include "triad/report/figure_svg.hpp"
#include "triad/report/svg.hpp"

#include "support.hpp"

using namespace triad;

using triad::test::count_occurrences;

TEST_CASE("text is escaped for XML, numbers are short", "[svg]") {
    CHECK(xml_escape("a < b & \"c\" > 'd'") == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;");
    CHECK(short_number(0.049999999999999996) == "0.05");
    CHECK(short_number(-1e-17) == "0");
    CHECK(short_number(12.6789) == "12.68");
}

TEST_CASE("labels keep one colour everywhere, and the ramp darkens toward 0", "[svg]") {
    CHECK(label_colour("stable_marriage") == label_colour("stable_marriage", {"x", "y"}));
    CHECK(label_colour("us") != label_colour("china"));
    CHECK(label_colour("x", {"x", "y"}) != label_colour("y", {"x", "y"}));
    // Lightness (the sum of the channels) grows along the ramp, so it reads in greyscale.
    auto lightness = [](const std::string& hex) {
        return std::stoi(hex.substr(1, 2), nullptr, 16) + std::stoi(hex.substr(3, 2), nullptr, 16) + std::stoi(hex.substr(5, 2), nullptr, 16);
    };
    CHECK(lightness(ramp_colour(0.0)) < lightness(ramp_colour(0.5)));
    CHECK(lightness(ramp_colour(0.5)) < lightness(ramp_colour(1.0)));
    CHECK(ramp_colour(std::nan("")) == ramp_colour(0.0));
}

TEST_CASE("a phase map draws every cell, hatches where the claim fails, and outlines its boxes", "[svg]") {
    PhaseMap map;
    map.axes = {{"wedge.omega", 0.0, 2.0, 3}, {"wedge.rho", 0.0, 1.0, 2}};
    map.column = "russia_alignment";
    map.labels = {"china", "china", "us", "china", "us", "us"};
    using enum CellVerdict;
    map.verdicts = {neither, neither, first, neither, first, first};
    map.boxes = {{"cause present", 1.0, 2.0, 0.0, 1.0}, {"cause absent (placebo)", 0.0, 0.5, 0.0, 1.0}};
    const std::string svg = phase_map_svg(map, {{"wedge.omega", "reward"}}, {"c1", "a map", {}});
    CHECK(count_occurrences(svg, "data-figure=\"c1\"") == 1);
    CHECK(count_occurrences(svg, "fill=\"url(#hatch)\"") == 3);       // the three cells where the claim fails (rows merged: 2 + 1)
    CHECK(count_occurrences(svg, "stroke-dasharray=\"6 4\"") == 1);  // the placebo box
    CHECK(svg.find("wedge.omega (reward)") != std::string::npos);
    CHECK(svg.find("russia_alignment = us") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    // The boundary: one vertical edge in each row, none between the rows (the rows' verdicts
    // differ only at column 1 vs 2 in the first row and 0 vs 1 in the second: one horizontal edge).
    CHECK(count_occurrences(svg, "<line") == 3);
}
