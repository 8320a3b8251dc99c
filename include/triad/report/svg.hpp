// Small pieces for drawing figures as inline SVG: escaping, numbers, and colours that stay
// apart for colour-blind readers and in greyscale (the Okabe-Ito palette, with hatching
// where a figure also needs to read in black and white).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace triad {

[[nodiscard]] std::string xml_escape(std::string_view text);

// A number for a label or a coordinate: at most 4 significant digits ("0.05", "1.25", "12.7").
[[nodiscard]] std::string short_number(double value);

// The colour of an outcome label, the same wherever it appears in a report: configurations,
// players (an alignment or a side backed), roles and `abstain` have fixed colours; any other
// label takes the palette's colours in turn, by the order given in `others`.
[[nodiscard]] std::string label_colour(const std::string& label, const std::vector<std::string>& others = {});

// A colour on a sequential ramp (dark to light, readable in greyscale) at t in [0, 1].
[[nodiscard]] std::string ramp_colour(double t);

// The <defs> every figure's patterns refer to: "hatch" (diagonal lines) and "dots".
[[nodiscard]] std::string svg_pattern_defs();

}  // namespace triad
