// SVG pieces (svg.hpp).
#include "triad/report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

namespace triad {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string short_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", std::abs(value) < 1e-12 ? 0.0 : value);
    return buffer;
}

namespace {

// Okabe and Ito, "Color Universal Design" (2008): eight colours told apart by readers with any
// common colour-vision deficiency.
constexpr std::array<const char*, 7> kPalette = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"};

const std::map<std::string, std::string>& fixed_colours() {
    static const std::map<std::string, std::string> colours = {
        // configurations
        {"stable_marriage", "#0072B2"}, {"romantic_triangle", "#E69F00"}, {"unit_veto", "#555555"}, {"menage_a_trois", "#009E73"},
        // players: an alignment, or the side a player backs
        {"us", "#56B4E9"}, {"russia", "#D55E00"}, {"china", "#CC79A7"}, {"balanced", "#DDDDDD"}, {"abstain", "#DDDDDD"},
        // roles
        {"pivot", "#009E73"}, {"friend", "#56B4E9"}, {"partner", "#0072B2"}, {"wing", "#F0E442"}, {"foe", "#D55E00"},
        {"outcast", "#555555"},
        {"", "#FFFFFF"}, {"-", "#FFFFFF"}};
    return colours;
}

}  // namespace

std::string label_colour(const std::string& label, const std::vector<std::string>& others) {
    const auto& fixed = fixed_colours();
    if (const auto found = fixed.find(label); found != fixed.end()) return found->second;
    const auto at = std::find(others.begin(), others.end(), label);
    const std::size_t k = at == others.end() ? std::hash<std::string>{}(label) : static_cast<std::size_t>(at - others.begin());
    return kPalette[k % kPalette.size()];
}

std::string ramp_colour(double t) {
    // From dark blue through teal to light yellow: lightness grows with t.
    static const double stops[3][3] = {{0x26, 0x2C, 0x6B}, {0x21, 0x91, 0x8C}, {0xF5, 0xE9, 0x6B}};
    t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
    const int segment = t < 0.5 ? 0 : 1;
    const double u = t < 0.5 ? t * 2.0 : (t - 0.5) * 2.0;
    char buffer[8];
    int rgb[3];
    for (int c = 0; c < 3; ++c) rgb[c] = static_cast<int>(std::lround(stops[segment][c] + u * (stops[segment + 1][c] - stops[segment][c])));
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
    return buffer;
}

std::string svg_pattern_defs() {
    return "<defs>"
           "<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
           "<path d=\"M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5\" stroke=\"#000\" stroke-opacity=\"0.45\" stroke-width=\"1\"/></pattern>"
           "<pattern id=\"dots\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
           "<circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#000\" fill-opacity=\"0.5\"/></pattern>"
           "</defs>";
}

}  // namespace triad
