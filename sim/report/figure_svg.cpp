// Figures as SVG (figure_svg.hpp).
#include "triad/report/figure_svg.hpp"

#include "triad/core/parameters.hpp"
#include "triad/report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace triad {

namespace {

// Where the plot sits inside its figure, in SVG units.
constexpr double kLeft = 70.0, kTop = 12.0, kWidth = 360.0, kHeight = 270.0, kStrip = 40.0;

// Cell k of an axis with `count` values covers [value_k - step/2, value_k + step/2].
struct Scale {
    double lower = 0.0, step = 1.0, origin = 0.0, length = 1.0;
    std::size_t count = 1;
    bool reversed = false;  // y grows downward on screen
    [[nodiscard]] double at(double value) const {
        const double span = step * static_cast<double>(count);
        const double t = (value - (lower - 0.5 * step)) / span;
        return reversed ? origin + length * (1.0 - t) : origin + length * t;
    }
    [[nodiscard]] double cell_start(std::size_t k) const { return at(lower + (static_cast<double>(k) - 0.5) * step); }
    [[nodiscard]] double cell_end(std::size_t k) const { return at(lower + (static_cast<double>(k) + 0.5) * step); }
};

Scale scale_of(const Axis& axis, double origin, double length, bool reversed) {
    Scale s;
    s.lower = axis.lower;
    s.count = std::max<std::size_t>(axis.count, 1);
    s.step = s.count > 1 ? (axis.upper - axis.lower) / static_cast<double>(s.count - 1) : 1.0;
    s.origin = origin;
    s.length = length;
    s.reversed = reversed;
    return s;
}

bool all_numeric(const std::vector<std::string>& labels) {
    bool any = false;
    for (const auto& l : labels) {
        if (l.empty()) continue;
        if (!parse_number(l)) return false;
        any = true;
    }
    return any;
}

std::string axis_title(const Axis& axis, const std::map<std::string, std::string>& long_names) {
    const auto found = long_names.find(axis.path);
    std::string title = axis.path;
    if (found != long_names.end() && !found->second.empty() && axis.path.find(found->second) == std::string::npos)
        title += " (" + found->second + ")";
    return xml_escape(title);
}

// The fill of every cell.
struct CellPaint {
    std::vector<std::string> fill;
    std::vector<std::pair<std::string, std::string>> legend;  // colour, text
};

CellPaint paint(const PhaseMap& map, const MapLabels& labels) {
    CellPaint out;
    if (!labels.sides.empty()) {  // who is right
        static const char* colours[3] = {"#BBBBBB", "#0072B2", "#E69F00"};
        for (CellVerdict v : map.verdicts) out.fill.push_back(colours[static_cast<int>(v)]);
        out.legend = {{colours[1], labels.sides[0] + " right"}, {colours[2], labels.sides[1] + " right (dotted)"}, {colours[0], "neither"}};
        return out;
    }
    if (all_numeric(map.labels)) {
        double lo = INFINITY, hi = -INFINITY;
        for (const auto& l : map.labels)
            if (const auto v = parse_number(l)) lo = std::min(lo, *v), hi = std::max(hi, *v);
        for (const auto& l : map.labels) {
            const auto v = parse_number(l);
            out.fill.push_back(!v ? "#FFFFFF" : ramp_colour(hi > lo ? (*v - lo) / (hi - lo) : 0.5));
        }
        out.legend = {{ramp_colour(0.0), map.column + " " + short_number(lo)}, {ramp_colour(1.0), map.column + " " + short_number(hi)}};
        if (std::find(map.labels.begin(), map.labels.end(), "") != map.labels.end()) out.legend.push_back({"#FFFFFF", "none"});
        return out;
    }
    std::vector<std::string> seen;
    for (const auto& l : map.labels)
        if (std::find(seen.begin(), seen.end(), l) == seen.end()) seen.push_back(l);
    std::sort(seen.begin(), seen.end());
    for (const auto& l : map.labels) out.fill.push_back(label_colour(l, seen));
    for (const auto& l : seen) out.legend.push_back({label_colour(l, seen), map.column + " = " + (l.empty() ? "none" : l)});
    return out;
}

// Where a phase map's cells fall: x along the first axis, y along the second (a strip when
// there is one axis, a single square when there is none).
struct MapLayout {
    bool two = false;  // two axes: a plane, not a strip
    std::size_t nx = 1, ny = 1;
    double width = kWidth, height = kHeight;
    Scale x, y;
};

MapLayout map_layout(const PhaseMap& map) {
    MapLayout l;
    l.two = map.axes.size() >= 2;
    l.nx = map.axes.empty() ? 1 : std::max<std::size_t>(map.axes[0].count, 1);
    l.ny = l.two ? std::max<std::size_t>(map.axes[1].count, 1) : 1;
    l.height = l.two ? kHeight : kStrip;
    l.width = map.axes.empty() ? kStrip : kWidth;
    const Axis unit{"", 0.0, 0.0, 1};
    l.x = scale_of(map.axes.empty() ? unit : map.axes[0], kLeft, l.width, false);
    l.y = scale_of(l.two ? map.axes[1] : unit, kTop, l.height, true);
    return l;
}

// Cells, merged along x where neighbours look the same; a claim's failing cells hatched, the
// second side's cells of a disagreement dotted.
void write_cells(std::ostream& out, const PhaseMap& map, const CellPaint& painted, const MapLayout& l, bool claim) {
    for (std::size_t iy = 0; iy < l.ny; ++iy) {
        std::size_t ix = 0;
        while (ix < l.nx) {
            const std::size_t k = iy * l.nx + ix;
            std::size_t end = ix + 1;
            while (end < l.nx && painted.fill[iy * l.nx + end] == painted.fill[k] && map.verdicts[iy * l.nx + end] == map.verdicts[k]) ++end;
            const double x0 = l.x.cell_start(ix), x1 = l.x.cell_start(end);
            const double y0 = l.y.cell_end(iy), y1 = l.y.cell_start(iy);
            out << "<rect x=\"" << short_number(x0) << "\" y=\"" << short_number(y0) << "\" width=\"" << short_number(x1 - x0 + 0.3)
                << "\" height=\"" << short_number(y1 - y0 + 0.3) << "\" fill=\"" << painted.fill[k] << "\"/>";
            const bool marked = map.verdicts[k] == (claim ? CellVerdict::neither : CellVerdict::second);
            if (marked)
                out << "<rect x=\"" << short_number(x0) << "\" y=\"" << short_number(y0) << "\" width=\"" << short_number(x1 - x0)
                    << "\" height=\"" << short_number(y1 - y0) << "\" fill=\"url(#" << (claim ? "hatch" : "dots") << ")\"/>";
            ix = end;
        }
    }
}

// The boundary: cell edges between different verdicts.
void write_verdict_edges(std::ostream& out, const PhaseMap& map, const MapLayout& l) {
    out << "<g stroke=\"#000\" stroke-width=\"2.2\" stroke-linecap=\"square\">";
    for (std::size_t iy = 0; iy < l.ny; ++iy)
        for (std::size_t ix = 0; ix < l.nx; ++ix) {
            const CellVerdict v = map.verdicts[iy * l.nx + ix];
            if (ix + 1 < l.nx && map.verdicts[iy * l.nx + ix + 1] != v) {
                const double xe = l.x.cell_end(ix);
                out << "<line x1=\"" << short_number(xe) << "\" y1=\"" << short_number(l.y.cell_end(iy)) << "\" x2=\"" << short_number(xe)
                    << "\" y2=\"" << short_number(l.y.cell_start(iy)) << "\"/>";
            }
            if (iy + 1 < l.ny && map.verdicts[(iy + 1) * l.nx + ix] != v) {
                const double ye = l.y.cell_end(iy);
                out << "<line x1=\"" << short_number(l.x.cell_start(ix)) << "\" y1=\"" << short_number(ye) << "\" x2=\""
                    << short_number(l.x.cell_end(ix)) << "\" y2=\"" << short_number(ye) << "\"/>";
            }
        }
    out << "</g>";
}

// The claim's boxes: the first solid, the placebo dashed.
void write_boxes(std::ostream& out, const PhaseMap& map, const MapLayout& l) {
    for (std::size_t b = 0; b < map.boxes.size(); ++b) {
        const MapBox& box = map.boxes[b];
        const double x0 = map.axes.empty() ? kLeft : l.x.at(box.x_lower), x1 = map.axes.empty() ? kLeft + l.width : l.x.at(box.x_upper);
        const double y0 = l.two ? l.y.at(box.y_upper) : kTop, y1 = l.two ? l.y.at(box.y_lower) : kTop + l.height;
        out << "<rect x=\"" << short_number(std::min(x0, x1)) << "\" y=\"" << short_number(std::min(y0, y1)) << "\" width=\""
            << short_number(std::abs(x1 - x0)) << "\" height=\"" << short_number(std::abs(y1 - y0))
            << "\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.5\"" << (b == 0 ? "" : " stroke-dasharray=\"6 4\"") << "/>";
    }
}

// The frame, then (opening the text group the legend closes) each axis's ticks and title.
void write_frame_and_axes(std::ostream& out, const PhaseMap& map, const MapLayout& l, const std::map<std::string, std::string>& long_names) {
    out << "<rect x=\"" << kLeft << "\" y=\"" << kTop << "\" width=\"" << l.width << "\" height=\"" << l.height
        << "\" fill=\"none\" stroke=\"#333\"/><g font-family=\"sans-serif\" font-size=\"11\" fill=\"#222\">";
    if (!map.axes.empty()) {
        const Axis& a = map.axes[0];
        for (double v : {a.lower, 0.5 * (a.lower + a.upper), a.upper})
            out << "<text x=\"" << short_number(l.x.at(v)) << "\" y=\"" << kTop + l.height + 14 << "\" text-anchor=\"middle\">" << short_number(v)
                << "</text>";
        out << "<text x=\"" << kLeft + l.width / 2 << "\" y=\"" << kTop + l.height + 30 << "\" text-anchor=\"middle\">" << axis_title(a, long_names)
            << "</text>";
    }
    if (l.two) {
        const Axis& a = map.axes[1];
        for (double v : {a.lower, 0.5 * (a.lower + a.upper), a.upper})
            out << "<text x=\"" << kLeft - 6 << "\" y=\"" << short_number(l.y.at(v) + 4) << "\" text-anchor=\"end\">" << short_number(v) << "</text>";
        out << "<text transform=\"translate(" << 14 << "," << kTop + l.height / 2 << ") rotate(-90)\" text-anchor=\"middle\">"
            << axis_title(a, long_names) << "</text>";
    }
}

// The legend from `top` down: the colours, the hatching (claims), the boxes; it closes the text group.
void write_map_legend(std::ostream& out, const PhaseMap& map, const CellPaint& painted, double top, bool claim) {
    double ly = top;
    for (const auto& [colour, text] : painted.legend) {
        out << "<rect x=\"" << kLeft << "\" y=\"" << ly - 9 << "\" width=\"14\" height=\"10\" fill=\"" << colour << "\" stroke=\"#333\"/>"
            << "<text x=\"" << kLeft + 20 << "\" y=\"" << ly << "\">" << xml_escape(text) << "</text>";
        ly += 16;
    }
    if (claim)
        out << "<rect x=\"" << kLeft << "\" y=\"" << ly - 9 << "\" width=\"14\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#333\"/>"
            << "<text x=\"" << kLeft + 20 << "\" y=\"" << ly << "\">hatched: the claim does not hold; thick line: where that changes</text>";
    ly += 16;
    if (!map.boxes.empty()) {
        out << "<text x=\"" << kLeft << "\" y=\"" << ly << "\">solid outline: " << xml_escape(map.boxes[0].label);
        if (map.boxes.size() > 1) out << "; dashed: " << xml_escape(map.boxes[1].label);
        out << "</text>";
    }
    out << "</g>";
}

}  // namespace

std::string phase_map_svg(const PhaseMap& map, const std::map<std::string, std::string>& long_names, const MapLabels& labels) {
    const MapLayout layout = map_layout(map);
    const CellPaint painted = paint(map, labels);
    const bool claim = labels.sides.empty();  // a claim's map (else who is right in a disagreement)
    const double legend_top = kTop + layout.height + 44.0;
    const double total_height = legend_top + 16.0 * static_cast<double>(painted.legend.size() + 3) + 8.0;
    std::ostringstream out;
    out << "<svg class=\"phase-map\" data-figure=\"" << xml_escape(labels.id) << "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\""
        << std::lround(total_height) << "\" viewBox=\"0 0 520 " << std::lround(total_height) << "\" role=\"img\" aria-label=\""
        << xml_escape(labels.aria) << "\">" << svg_pattern_defs();
    write_cells(out, map, painted, layout, claim);
    write_verdict_edges(out, map, layout);
    write_boxes(out, map, layout);
    write_frame_and_axes(out, map, layout, long_names);
    write_map_legend(out, map, painted, legend_top, claim);
    out << "</svg>";
    return out.str();
}

std::string timeline_svg(const TimelineFigure& figure, const std::vector<DatedMark>& marks, const std::optional<std::size_t>& highlight,
                         const MapLabels& labels) {
    const double start = figure.times.empty() ? 0.0 : figure.times.front();
    const double end = figure.times.empty() ? 1.0 : figure.times.back() + 1.0;
    const double left = 40.0, top = 12.0, width = 460.0, band = 50.0, ticks_y = top + band + 13.0, marks_top = top + band + 18.0;
    auto at = [&](double t) { return left + width * (t - start) / (end - start); };
    std::set<std::string> configurations;
    for (const auto& s : figure.shares)
        for (const auto& [label, share] : s) configurations.insert(label);
    const double legend_top = marks_top + 36.0;
    const double total = legend_top + 16.0 * static_cast<double>(configurations.size() + 2);
    std::ostringstream out;
    out << "<svg class=\"timeline-strip\" data-figure=\"" << xml_escape(labels.id) << "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\""
        << std::lround(total) << "\" viewBox=\"0 0 520 " << std::lround(total) << "\" role=\"img\" aria-label=\"" << xml_escape(labels.aria)
        << "\">";
    for (std::size_t k = 0; k < figure.times.size(); ++k) {
        const double x0 = at(figure.times[k]), x1 = at(k + 1 < figure.times.size() ? figure.times[k + 1] : end);
        double y = top;
        for (const auto& [label, share] : figure.shares[k]) {
            out << "<rect x=\"" << short_number(x0) << "\" y=\"" << short_number(y) << "\" width=\"" << short_number(x1 - x0 + 0.2)
                << "\" height=\"" << short_number(band * share) << "\" fill=\"" << label_colour(label) << "\"/>";
            y += band * share;
        }
    }
    out << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << width << "\" height=\"" << band << "\" fill=\"none\" stroke=\"#333\"/>";
    out << "<g font-family=\"sans-serif\" font-size=\"10\" fill=\"#222\">";
    for (const auto& [name, time] : figure.events)
        out << "<line x1=\"" << short_number(at(time)) << "\" y1=\"" << top << "\" x2=\"" << short_number(at(time)) << "\" y2=\"" << top + band
            << "\" stroke=\"#000\" stroke-dasharray=\"3 2\"><title>" << xml_escape(name) << " (" << short_number(time) << ")</title></line>";
    const double step = (end - start) > 40 ? 10.0 : 5.0;
    for (double t = std::ceil(start / step) * step; t <= end; t += step)
        out << "<text x=\"" << short_number(at(t)) << "\" y=\"" << ticks_y << "\" text-anchor=\"middle\">" << short_number(t) << "</text>";
    for (std::size_t m = 0; m < marks.size(); ++m) {
        const DatedMark& d = marks[m];
        const double cx = at(0.5 * (d.from + d.to) + 0.5), cy = marks_top + 12;
        if (highlight && *highlight == m)
            out << "<rect x=\"" << short_number(at(d.from)) << "\" y=\"" << top - 4 << "\" width=\"" << short_number(std::max(3.0, at(d.to + 1) - at(d.from)))
                << "\" height=\"" << band + 32 << "\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>";
        if (d.held)
            out << "<circle cx=\"" << short_number(cx) << "\" cy=\"" << cy << "\" r=\"4\" fill=\"#009E73\" stroke=\"#000\"><title>"
                << xml_escape(d.id + ": " + d.expected + " (held)") << "</title></circle>";
        else
            out << "<path d=\"M" << short_number(cx - 4) << "," << cy - 4 << " L" << short_number(cx + 4) << "," << cy + 4 << " M"
                << short_number(cx - 4) << "," << cy + 4 << " L" << short_number(cx + 4) << "," << cy - 4
                << "\" stroke=\"#D55E00\" stroke-width=\"2.5\"><title>" << xml_escape(d.id + ": " + d.expected + " (not held)") << "</title></path>";
    }
    double ly = legend_top;
    for (const auto& c : configurations) {
        out << "<rect x=\"" << left << "\" y=\"" << ly - 9 << "\" width=\"14\" height=\"10\" fill=\"" << label_colour(c) << "\" stroke=\"#333\"/><text x=\""
            << left + 20 << "\" y=\"" << ly << "\">" << xml_escape(c) << "</text>";
        ly += 16;
    }
    out << "<text x=\"" << left << "\" y=\"" << ly << "\">band: share of " << figure.runs << (figure.runs == 1 ? " run" : " seeded runs")
        << " in each configuration; dashed: events; below: the record (circle held, cross not)</text>";
    out << "</g></svg>";
    return out.str();
}

}  // namespace triad
