// Evaluating a claim over its region (predictions.hpp): the share of the grid where it holds,
// its verdict, the evidence at the region's centre, and its boundary along each axis.
#include "triad/studies/predictions.hpp"

#include "claim_detail.hpp"

#include <algorithm>

namespace triad {

namespace {

std::size_t column_index(const std::vector<std::string>& columns, const std::string& column) {
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin());
}

}  // namespace

namespace detail {

std::vector<std::string> columns_of(const std::vector<Expectation>& expectations) {
    std::vector<std::string> columns;
    for (const auto& e : expectations)
        if (std::find(columns.begin(), columns.end(), e.column) == columns.end()) columns.push_back(e.column);
    return columns;
}

bool all_hold(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
              const std::vector<std::string>& cells) {
    for (const auto& e : expectations)
        if (!e.holds(cells[column_index(columns, e.column)])) return false;
    return true;
}

std::string evidence_text(const std::vector<Expectation>& expectations, const std::vector<std::string>& columns,
                          const std::vector<std::string>& cells) {
    std::string out;
    for (const auto& e : expectations) {
        std::string name = e.column;
        if (e.window_from) name = name.substr(0, name.size() - 5) + " " + format_number(*e.window_from) + "-" + format_number(*e.window_to);
        const std::string item = name + "=" + e.seen(cells[column_index(columns, e.column)]);
        if (out.find(item) == std::string::npos) out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

Design grid_over(const StageModel& model, const std::vector<Axis>& region) {
    Design design;
    design.kind = DesignKind::grid;
    design.axes = region;
    if (design.axes.empty()) {
        const auto& first = model.parameters()[0];
        design.axes.push_back({first.path, first.value, first.value, 1});
    }
    return design;
}

std::vector<double> centre_of(const Design& design) {
    std::vector<double> centre;
    for (const auto& a : design.axes) centre.push_back(0.5 * (a.lower + a.upper));
    return centre;
}

}  // namespace detail

using namespace detail;  // the helpers claim_detail.hpp shares between the two files

std::string claim_verdict(double share, double required) {
    if (share >= required - kShareTolerance) return "holds";
    if (share <= 1.0 - required + kShareTolerance) return "fails";
    return "partly";
}

ClaimResult evaluate_claim(const StageModel& model, const Claim& claim, int threads) {
    ClaimResult result;
    result.claim = claim;
    const std::vector<std::string> columns = columns_of(claim.expect);
    std::vector<Axis> region = claim.over;
    for (Axis& axis : region) axis.count = axis.lower == axis.upper ? 1 : claim.points;
    const SweepSpec spec = make_sweep(model, grid_over(model, region), claim.analysis, columns);
    std::size_t held = 0, total = 0;
    std::vector<std::string> only_row;  // a one-point region's cells: its centre, not evaluated twice
    run_sweep(model, spec, {.first = 0, .last = spec.design.size(), .threads = threads, .chunk = 16},
              [&](const std::vector<SweepRow>& rows) {
                  for (const auto& row : rows) {
                      held += all_hold(claim.expect, columns, row.cells) ? 1 : 0;
                      ++total;
                  }
                  if (spec.design.size() == 1) only_row = rows.front().cells;
              });
    result.points = total;
    result.share = total ? static_cast<double>(held) / static_cast<double>(total) : 0.0;
    result.verdict = claim_verdict(result.share, claim.share_required);
    // The centre of the region: the evidence, and the line along which boundaries are sought.
    const std::vector<double> centre = centre_of(spec.design);
    if (spec.design.size() == 1) {  // the region is its centre, and no axis can flip
        result.evidence = evidence_text(claim.expect, columns, only_row);
        return result;
    }
    SweepEvaluator evaluator(model, spec);
    result.evidence = evidence_text(claim.expect, columns, evaluator.evaluate(centre));
    for (std::size_t a = 0; a < spec.design.axes.size(); ++a) {
        const auto flip = first_flip(spec.design.axes[a], a, centre, [&](const std::vector<double>& point) {
            return all_hold(claim.expect, columns, evaluator.evaluate(point)) ? 1 : 0;
        });
        if (flip) result.boundaries.push_back({spec.design.axes[a].path, flip->value, flip->below == 1});
    }
    return result;
}

}  // namespace triad
