// Helpers shared by claim_evaluation.cpp and disagreements.cpp: reading a sweep row against
// expectations, and the first flip along an axis;
// private to the library.
#pragma once

#include "triad/studies/predictions.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triad::detail {

// The sweep columns a list of expectations reads, each once, in order of first use.
std::vector<std::string> columns_of(const std::vector<Expectation>& expectations);

// Do all of `expectations` hold for a row whose `cells` follow `columns`?
bool all_hold(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
              const std::vector<std::string>& cells);

// "russia_alignment=china, configuration 1958-1965=unit_veto": what the expectations see in
// one row, each item once.
std::string evidence_text(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
                          const std::vector<std::string>& cells);

// Where a class changes along an axis: the value, and the class just below and just above it.
struct Flip {
    double value = 0.0;
    int below = 0, above = 0;
};

// The first place along axis `a`, on the line through `centre` (any base point), where `classify` (a point ->
// a class) changes: the axis's grid values are scanned in order and the first change is
// narrowed by bisection to a thousandth of a grid step. Later changes are not sought: the
// first is the boundary a reader asks about ("up to where does it hold?").
template <class Classify>
std::optional<Flip> first_flip(const Axis& axis, std::size_t a, const std::vector<double>& centre, Classify&& classify) {
    if (axis.count < 2) return std::nullopt;
    std::vector<double> point = centre;
    auto class_at = [&](double x) {
        point[a] = x;
        return classify(point);
    };
    const double step = (axis.upper - axis.lower) / static_cast<double>(axis.count - 1);
    const int previous = class_at(axis.lower);
    for (std::size_t i = 1; i < axis.count; ++i) {
        double lo = axis.lower + step * static_cast<double>(i - 1), hi = axis.lower + step * static_cast<double>(i);
        if (i + 1 == axis.count) hi = axis.upper;
        int above = class_at(hi);
        if (above == previous) continue;
        const double tolerance = step * 1e-3;
        while (hi - lo > tolerance) {
            const double mid = 0.5 * (lo + hi);
            const int at_mid = class_at(mid);
            if (at_mid == previous) {
                lo = mid;
            } else {
                hi = mid;
                above = at_mid;
            }
        }
        return Flip{0.5 * (lo + hi), previous, above};
    }
    return std::nullopt;
}

}  // namespace triad::detail
