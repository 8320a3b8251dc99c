// Experimental designs for parameter sweeps: which parameter values a sweep visits.
//
// A design is a list of axes (a parameter path and its range) and a rule that turns a point
// index into one value per axis: a grid (linspace per axis, nested like for-loops), uniform
// random points, a Latin hypercube, or a Sobol low-discrepancy sequence (docs/model.md, 6).
//
// Every point is a pure function of (design, index): no generator state is carried from one
// point to the next. That is what lets a sweep run on any number of threads, be split across
// machines (shards take index ranges) and resume after an interruption with identical results.
#pragma once

#include "triad/core/error.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// One swept parameter: its path (as written), range, and for grids the number of values.
struct Axis {
    std::string path;
    double lower = 0.0;
    double upper = 0.0;
    // Grid: values per axis (linspace, both ends included; 1 -> lower). Ignored by sampled designs.
    std::size_t count = 0;
};

// Value k (0 <= k < count) of a grid axis: lower + (upper - lower) * k / (count - 1), both
// ends exact. The bounds are taken as the decimals they print as, and the value is the double
// nearest that exact decimal fraction, so 0:0.3:7 gives 0.05, not 0.049999999999999996
// (floating-point interpolation's answer). Bounds whose digits are too long for exact integer
// arithmetic (beyond 2^53 after scaling) fall back to std::lerp. A single value is `lower`.
[[nodiscard]] double grid_value(const Axis& axis, std::size_t k);

enum class DesignKind { grid, uniform, latin_hypercube, sobol };

// "grid", "uniform", "lhs", "sobol".
[[nodiscard]] std::string_view to_string(DesignKind kind);
// Accepts the names to_string gives, and "latin_hypercube".
[[nodiscard]] std::optional<DesignKind> parse_design_kind(std::string_view text);

// The largest grid a design may describe (2^40 points): far beyond any sweep that can finish,
// and small enough that index arithmetic never overflows.
inline constexpr std::size_t max_grid_points = std::size_t{1} << 40;

struct Design {
    DesignKind kind = DesignKind::grid;
    std::vector<Axis> axes;
    std::size_t points = 0;  // sampled designs: number of points (grid: ignored)
    std::uint64_t seed = 1;  // uniform and lhs

    // Grid: product of the axes' counts (throws Error beyond max_grid_points); otherwise
    // `points`. A design without axes has size 0.
    [[nodiscard]] std::size_t size() const;
    // One line, e.g.
    //   "grid 31 x 31 = 961 points over russia.regime_fear [0, 3], ambition.a.china.russia [0, 3]"
    //   "sobol 1000 points over ..."    "lhs 500 points, seed 7, over ..."
    [[nodiscard]] std::string describe() const;
};

// Parse one --param value: "PATH=LO:HI:N" (grid) or "PATH=LO:HI" (sampled designs; N is
// optional there and then ignored, and an Axis without N has count 0). Throws InputError at
// `where`, naming the text, for a missing '=', an empty path, anything but two or three
// numbers, a non-finite number, LO > HI, or N that is not a whole number >= 1. The path is not
// checked: the caller resolves it against the scenario's parameters.
[[nodiscard]] Axis parse_axis(std::string_view text, const SourceLocation& where = {});

// Computes points of one design. Building it checks the design (throws Error for a design
// without axes, a sampled design with 0 points, a grid axis with count 0, a bound that is not
// finite or lower > upper, a Latin hypercube beyond 2^32 - 1 points or a Sobol design beyond
// 3667 axes) and precomputes what every point shares: the Latin hypercube's permutations
// (O(points x axes) time and memory) and the Sobol direction numbers. `point` is const and
// touches no shared mutable state, so one sampler may serve many threads at once.
class DesignSampler {
public:
    explicit DesignSampler(const Design& design);

    [[nodiscard]] const Design& design() const { return design_; }
    [[nodiscard]] std::size_t size() const { return size_; }

    // Point `index` (< size(), else Error): one value per axis, in the order of design().axes,
    // written to `out` (whose size must equal the number of axes, else Error). Every value
    // lies in [lower, upper]; sampled designs keep strictly below upper when lower < upper.
    void point(std::size_t index, std::span<double> out) const;

private:
    Design design_;
    std::size_t size_ = 0;
    // Latin hypercube: permutation of 0..points-1 per axis, axis-major. Shared with the cache
    // behind design_point, never modified after construction.
    std::shared_ptr<const std::vector<std::uint32_t>> strata_;
    // Sobol: direction numbers, bit-major (direction r of axis a at r * axes + a); the point
    // is the XOR of the directions selected by the Gray code of its sequence number.
    std::vector<std::uint64_t> directions_;
    unsigned direction_bits_ = 0;
};

// Point `index` of the design, one value per axis, written to `out` (size axes.size()).
// Deterministic and independent of any other point: the same (design, index) always gives the
// same values, whatever order points are computed in.
//
// Cost: this builds a DesignSampler for each call. That is cheap for grids, uniform and Sobol
// designs (Sobol: O(64 x axes) to set up Boost's engine). A Latin hypercube's permutations cost
// O(points x axes); design_point keeps the most recently used ones (per seed, point count and
// axis count) in a thread-safe cache, so a loop over one design computes them once. Hot loops
// should still build one DesignSampler and call its `point`.
void design_point(const Design& design, std::size_t index, std::span<double> out);

}  // namespace triad
