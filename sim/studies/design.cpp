// Experimental designs for parameter sweeps (see include/triad/studies/design.hpp).
#include "triad/studies/design.hpp"

#include "triad/core/parameters.hpp"
#include "triad/scenario/tree.hpp"

#include <boost/random/sobol.hpp>

#include <bit>
#include <charconv>
#include <cstdlib>
#include <cmath>
#include <limits>
#include <mutex>
#include <random>
#include <utility>

namespace triad {

namespace {

// ---- Counter-based randomness -------------------------------------------------------------
//
// Uniform points and Latin-hypercube jitter are hashes of (seed, index, axis) rather than
// draws from a stateful generator, so any point can be computed alone, in any order.

// SplitMix64's output function (Steele, Lea and Flood 2014): a bijection on 64-bit words with
// full avalanche, good enough to turn a counter into an independent-looking draw.
constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Distinct streams, so a uniform design and a Latin hypercube with the same seed do not share
// their draws, and the permutations are unrelated to the jitter.
constexpr std::uint64_t uniform_stream = 0x756E69666F726D00ULL;      // "uniform"
constexpr std::uint64_t lhs_jitter_stream = 0x6C68736A69747400ULL;   // "lhsjitt"
constexpr std::uint64_t lhs_permute_stream = 0x6C68737065726D00ULL;  // "lhsperm"

// Chaining the bijection after each input keeps every input's bits fully mixed into the next.
constexpr std::uint64_t counter_hash(std::uint64_t seed, std::uint64_t stream, std::uint64_t index,
                                     std::uint64_t axis) {
    std::uint64_t h = splitmix64(seed ^ stream);
    h = splitmix64(h ^ index);
    return splitmix64(h ^ axis);
}

// The top 53 bits as a double in [0, 1): every such value is exact, and 1 is never reached.
constexpr double unit_interval(std::uint64_t bits) {
    return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

// ---- Values from positions -----------------------------------------------------------------

// lower + (upper - lower) * t for t in [0, 1]. std::lerp gives exactly `lower` at t = 0 and
// exactly `upper` at t = 1, is monotone in t, and never overflows for finite bounds (the
// naive formula does when upper - lower exceeds the largest double, and then yields NaN).
double scale(const Axis& axis, double t) { return std::lerp(axis.lower, axis.upper, t); }

// ---- Grid values as the decimals they stand for ------------------------------------------
//
// lerp(0, 0.3, 1/6) is 0.049999999999999996: 0.3 and 1/6 are both rounded before they meet.
// A user who typed 0:0.3:7 meant 0.05, so a grid value is computed as an exact fraction of
// integers from the bounds' decimal digits and rounded once, by a single division.

// Doubles hold every integer of magnitude up to 2^53 exactly.
constexpr std::int64_t exact_integer_limit = std::int64_t{1} << 53;

// digits x 10^exponent: the shortest decimal that reads back to a double (0.3 -> 3, -1).
struct Decimal {
    std::int64_t digits = 0;
    int exponent = 0;
};

Decimal shortest_decimal(double value) {
    char text[40];
    const char* const end = std::to_chars(text, text + sizeof text, value, std::chars_format::scientific).ptr;
    const char* p = text;
    const bool negative = *p == '-';
    if (negative) ++p;
    Decimal out;
    int fraction_digits = 0;
    bool in_fraction = false;
    for (; p < end && *p != 'e'; ++p) {
        if (*p == '.') {
            in_fraction = true;
            continue;
        }
        out.digits = out.digits * 10 + (*p - '0');  // at most 17 digits: no overflow
        if (in_fraction) ++fraction_digits;
    }
    int exponent = 0;
    if (p < end) {  // "e+05", "e-07": from_chars takes no '+'
        p += p + 1 < end && p[1] == '+' ? 2 : 1;
        std::from_chars(p, end, exponent);
    }
    out.exponent = exponent - fraction_digits;
    if (negative) out.digits = -out.digits;
    return out;
}

// value x 10^power (power >= 0), or nullopt once the result would leave the exact integers.
std::optional<std::int64_t> times_power_of_ten(std::int64_t value, int power) {
    if (value > exact_integer_limit || value < -exact_integer_limit) return std::nullopt;
    for (int i = 0; i < power; ++i) {
        if (value > exact_integer_limit / 10 || value < -exact_integer_limit / 10) return std::nullopt;
        value *= 10;
    }
    return value;
}

// An axis of n values as integers: value k = (lower (n-1-k) + upper k) x scale / denominator,
// with lower and upper the bounds' digits on a common power of ten. Every product and sum
// that forms a numerator stays within the exact integers, so the division rounds only once.
struct DecimalGrid {
    std::int64_t lower = 0, upper = 0, scale = 1, denominator = 1;
};

std::optional<DecimalGrid> decimal_grid(const Axis& axis) {
    const Decimal lower = shortest_decimal(axis.lower), upper = shortest_decimal(axis.upper);
    const int exponent = std::min(lower.exponent, upper.exponent);
    const auto lower_digits = times_power_of_ten(lower.digits, lower.exponent - exponent);
    const auto upper_digits = times_power_of_ten(upper.digits, upper.exponent - exponent);
    const auto scale = times_power_of_ten(1, std::max(exponent, 0));
    const auto steps = static_cast<std::int64_t>(axis.count - 1);
    const auto denominator = times_power_of_ten(steps, std::max(-exponent, 0));
    if (!lower_digits || !upper_digits || !scale || !denominator || steps < 1) return std::nullopt;
    // |lower (n-1-k) + upper k| <= max(|lower|, |upper|) (n-1), and that times the scale.
    const std::int64_t largest = std::max(std::abs(*lower_digits), std::abs(*upper_digits));
    if (largest > exact_integer_limit / steps / *scale) return std::nullopt;
    return DecimalGrid{*lower_digits, *upper_digits, *scale, *denominator};
}

// Sampled designs draw from [lower, upper): rounding in the scaling can land exactly on
// `upper` (or on a stratum's upper edge), so step back to the largest value below it.
double below(double value, double edge, double lower) {
    return value >= edge && lower < edge ? std::nextafter(edge, lower) : value;
}

// An unbiased integer in [0, bound) from a 64-bit engine. Written out rather than using
// std::uniform_int_distribution, whose algorithm differs between standard libraries; the
// engine itself (mt19937_64) is fully specified, so permutations are the same everywhere.
std::uint64_t bounded(std::mt19937_64& engine, std::uint64_t bound) {
    // Reject the lowest 2^64 mod bound outputs so every residue is equally likely.
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = engine();
        if (r >= threshold) return r % bound;
    }
}

// One random permutation of 0..points-1 per axis, axis-major: axis a's stratum for point i
// is strata[a * points + i].
std::vector<std::uint32_t> build_strata(std::uint64_t seed, std::size_t points, std::size_t axes) {
    std::vector<std::uint32_t> strata(points * axes);
    for (std::size_t a = 0; a < axes; ++a) {
        std::mt19937_64 engine(splitmix64(splitmix64(seed ^ lhs_permute_stream) ^ a));
        const auto permutation = std::span(strata).subspan(a * points, points);
        for (std::size_t i = 0; i < points; ++i) permutation[i] = static_cast<std::uint32_t>(i);
        // Fisher-Yates, from the back.
        for (std::size_t i = points; i-- > 1;) {
            const auto j = static_cast<std::size_t>(bounded(engine, i + 1));
            std::swap(permutation[i], permutation[j]);
        }
    }
    return strata;
}

// The permutations of the design used most recently, so that design_point, which builds a
// sampler per call, computes them once per design rather than once per point.
std::shared_ptr<const std::vector<std::uint32_t>> cached_strata(std::uint64_t seed, std::size_t points,
                                                                std::size_t axes) {
    struct Key {
        std::uint64_t seed = 0;
        std::size_t points = 0;
        std::size_t axes = 0;
        bool operator==(const Key&) const = default;
    };
    static std::mutex mutex;
    static Key cached_key;
    static std::shared_ptr<const std::vector<std::uint32_t>> cached;

    const Key key{seed, points, axes};
    {
        const std::lock_guard lock(mutex);
        if (cached && cached_key == key) return cached;
    }
    // Built outside the lock: two threads may both build the same permutations, which is
    // wasteful but harmless, and nobody waits behind a long build of a different design.
    auto built = std::make_shared<const std::vector<std::uint32_t>>(build_strata(seed, points, axes));
    const std::lock_guard lock(mutex);
    cached_key = key;
    cached = built;
    return built;
}

std::string describe_axes(const std::vector<Axis>& axes) {
    if (axes.empty()) return "no parameters";
    std::string text;
    for (const Axis& axis : axes) {
        if (!text.empty()) text += ", ";
        text += axis.path + " [" + format_number(axis.lower) + ", " + format_number(axis.upper) + "]";
    }
    return text;
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

}  // namespace

// ---- Kinds ---------------------------------------------------------------------------------

std::string_view to_string(DesignKind kind) {
    switch (kind) {
        case DesignKind::grid: return "grid";
        case DesignKind::uniform: return "uniform";
        case DesignKind::latin_hypercube: return "lhs";
        case DesignKind::sobol: return "sobol";
    }
    return "unknown";
}

std::optional<DesignKind> parse_design_kind(std::string_view text) {
    if (text == "grid") return DesignKind::grid;
    if (text == "uniform") return DesignKind::uniform;
    if (text == "lhs" || text == "latin_hypercube") return DesignKind::latin_hypercube;
    if (text == "sobol") return DesignKind::sobol;
    return std::nullopt;
}

// ---- Design --------------------------------------------------------------------------------

std::size_t Design::size() const {
    if (axes.empty()) return 0;
    if (kind != DesignKind::grid) return points;
    std::size_t product = 1;
    for (const Axis& axis : axes) {
        if (axis.count == 0) return 0;
        if (product > max_grid_points / axis.count)
            throw Error("the grid over " + describe_axes(axes) + " has more than " +
                        std::to_string(max_grid_points) + " points");
        product *= axis.count;
    }
    return product;
}

std::string Design::describe() const {
    std::string text(to_string(kind));
    if (kind == DesignKind::grid) {
        std::string counts;
        // Saturating product: describe() must not throw, even for a grid too large to run.
        std::size_t product = axes.empty() ? 0 : 1;
        bool too_many = false;
        for (const Axis& axis : axes) {
            if (!counts.empty()) counts += " x ";
            counts += std::to_string(axis.count);
            if (axis.count == 0) product = 0;
            if (product != 0 && !too_many) {
                if (product > max_grid_points / axis.count) too_many = true;
                else product *= axis.count;
            }
        }
        const std::string total = too_many && product != 0
                                      ? "more than " + std::to_string(max_grid_points)
                                      : std::to_string(product);
        text += axes.size() == 1 ? " " + total : " " + counts + " = " + total;
        text += " points over ";
    } else if (kind == DesignKind::sobol) {
        text += " " + std::to_string(points) + " points over ";
    } else {
        text += " " + std::to_string(points) + " points, seed " + std::to_string(seed) + ", over ";
    }
    return text + describe_axes(axes);
}

// ---- Parsing an axis -----------------------------------------------------------------------

Axis parse_axis(std::string_view text, const SourceLocation& where) {
    const std::string quoted = "'" + std::string(text) + "'";
    const std::string form = "write PATH=LO:HI:N for a grid or PATH=LO:HI for sampled designs, "
                             "e.g. russia.regime_fear=0:3:31";
    const auto equals = text.find('=');
    if (equals == std::string_view::npos)
        throw InputError(where, "sweep axis " + quoted + " has no '='", form);
    Axis axis;
    axis.path = std::string(trim(text.substr(0, equals)));
    if (axis.path.empty())
        throw InputError(where, "sweep axis " + quoted + " has no parameter path before '='", form);

    std::vector<std::string_view> fields;
    std::string_view rest = text.substr(equals + 1);
    for (;;) {
        const auto colon = rest.find(':');
        fields.push_back(trim(rest.substr(0, colon)));
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    if (fields.size() != 2 && fields.size() != 3)
        throw InputError(where, "sweep axis " + quoted + " needs two or three numbers after '=' (LO:HI or LO:HI:N), found " +
                                    std::to_string(fields.size()) + " fields",
                         form);

    std::vector<double> numbers;
    for (const std::string_view field : fields) {
        const std::optional<double> number = parse_number(field);
        if (!number)
            throw InputError(where, "sweep axis " + quoted + ": '" + std::string(field) + "' is not a number", form);
        if (!std::isfinite(*number))
            throw InputError(where, "sweep axis " + quoted + ": '" + std::string(field) + "' is not a finite number");
        numbers.push_back(*number);
    }
    axis.lower = numbers[0];
    axis.upper = numbers[1];
    if (axis.lower > axis.upper)
        throw InputError(where, "sweep axis " + quoted + ": lower bound " + format_number(axis.lower) +
                                    " is above upper bound " + format_number(axis.upper),
                         "swap them: " + axis.path + "=" + format_number(axis.upper) + ":" +
                             format_number(axis.lower) + (fields.size() == 3 ? ":" + std::string(fields[2]) : ""));
    if (fields.size() == 3) {
        const double count = numbers[2];
        if (count < 1 || count != std::floor(count))
            throw InputError(where, "sweep axis " + quoted + ": the number of values N must be a whole number >= 1, not " +
                                        std::string(fields[2]));
        if (count > static_cast<double>(max_grid_points))
            throw InputError(where, "sweep axis " + quoted + ": " + std::string(fields[2]) +
                                        " values is more than a grid can hold (" +
                                        std::to_string(max_grid_points) + ")");
        axis.count = static_cast<std::size_t>(count);
    }
    return axis;
}

double grid_value(const Axis& axis, std::size_t k) {
    if (axis.count <= 1) return axis.lower;
    if (const auto grid = decimal_grid(axis)) {
        const auto steps = static_cast<std::int64_t>(axis.count - 1), i = static_cast<std::int64_t>(k);
        const std::int64_t numerator = (grid->lower * (steps - i) + grid->upper * i) * grid->scale;
        return static_cast<double>(numerator) / static_cast<double>(grid->denominator);
    }
    return scale(axis, static_cast<double>(k) / static_cast<double>(axis.count - 1));
}

// ---- Sampling ------------------------------------------------------------------------------

DesignSampler::DesignSampler(const Design& design) : design_(design) {
    const std::vector<Axis>& axes = design_.axes;
    if (axes.empty()) throw Error("a sweep design needs at least one parameter axis");
    for (const Axis& axis : axes) {
        if (!std::isfinite(axis.lower) || !std::isfinite(axis.upper) || axis.lower > axis.upper)
            throw Error("sweep axis " + axis.path + " has an invalid range [" + format_number(axis.lower) +
                        ", " + format_number(axis.upper) + "]");
        if (design_.kind == DesignKind::grid && axis.count == 0)
            throw Error("grid axis " + axis.path + " has no values (count 0)");
    }
    if (design_.kind != DesignKind::grid && design_.points == 0)
        throw Error("a " + std::string(to_string(design_.kind)) + " design needs at least one point");
    size_ = design_.size();

    switch (design_.kind) {
        case DesignKind::grid:
        case DesignKind::uniform: break;
        case DesignKind::latin_hypercube:
            if (size_ > std::numeric_limits<std::uint32_t>::max())
                throw Error("a Latin hypercube is limited to " +
                            std::to_string(std::numeric_limits<std::uint32_t>::max()) + " points, not " +
                            std::to_string(size_));
            strata_ = cached_strata(design_.seed, size_, axes.size());
            break;
        case DesignKind::sobol: {
            constexpr std::size_t max_dimension = boost::random::default_sobol_table::max_dimension;
            if (axes.size() > max_dimension)
                throw Error("a Sobol design supports at most " + std::to_string(max_dimension) + " axes, not " +
                            std::to_string(axes.size()));
            // Boost's sobol engine skips the origin: its vector i (0-based) is the Gray-code
            // Sobol point i + 1 (Antonov-Saleev ordering), so the first point is (0.5, ..., 0.5).
            // We keep that ordering; the origin would put every parameter at its lower bound.
            // Boost's discard(z) counts scalars (z / dimension vectors), and seed(n) positions the
            // engine so that the next vector is vector n. Point i is the XOR of direction numbers
            // selected by the set bits of gray(i + 1); seed(2^(r+1) - 2) puts the engine on the
            // sequence number whose Gray code is 2^r, i.e. on direction r alone, which is how the
            // directions are read out of Boost (whose lattice is private).
            boost::random::sobol engine(axes.size());
            direction_bits_ = static_cast<unsigned>(std::bit_width(static_cast<std::uint64_t>(size_)));
            directions_.resize(std::size_t{direction_bits_} * axes.size());
            for (unsigned r = 0; r < direction_bits_; ++r) {
                // Wraps to 2^64 - 2 for r = 63, which is what is wanted.
                engine.seed((std::uint64_t{2} << r) - 2);
                for (std::size_t a = 0; a < axes.size(); ++a) directions_[r * axes.size() + a] = engine();
            }
            break;
        }
    }
}

void DesignSampler::point(std::size_t index, std::span<double> out) const {
    const std::vector<Axis>& axes = design_.axes;
    if (out.size() != axes.size())
        throw Error("a design point has " + std::to_string(axes.size()) + " values, not " +
                    std::to_string(out.size()));
    if (index >= size_)
        throw Error("point " + std::to_string(index) + " is outside the design's " + std::to_string(size_) +
                    " points");

    switch (design_.kind) {
        case DesignKind::grid: {
            // Mixed radix, last axis fastest: the order of nested for-loops over the axes.
            std::size_t rest = index;
            for (std::size_t a = axes.size(); a-- > 0;) {
                const Axis& axis = axes[a];
                const std::size_t k = rest % axis.count;
                rest /= axis.count;
                out[a] = grid_value(axis, k);
            }
            break;
        }
        case DesignKind::uniform:
            for (std::size_t a = 0; a < axes.size(); ++a) {
                const Axis& axis = axes[a];
                const double u = unit_interval(counter_hash(design_.seed, uniform_stream, index, a));
                out[a] = below(scale(axis, u), axis.upper, axis.lower);
            }
            break;
        case DesignKind::latin_hypercube: {
            const auto n = static_cast<double>(size_);
            for (std::size_t a = 0; a < axes.size(); ++a) {
                const Axis& axis = axes[a];
                const double stratum = (*strata_)[a * size_ + index];
                const double u = unit_interval(counter_hash(design_.seed, lhs_jitter_stream, index, a));
                // stratum + u can round up to stratum + 1 once stratum is large; scaling is
                // monotone, so the value lies in [edge(stratum), edge(stratum + 1)] and only the
                // upper edge itself needs stepping back to stay in its own stratum.
                const double value = scale(axis, (stratum + u) / n);
                const double lower_edge = scale(axis, stratum / n);
                const double upper_edge = scale(axis, (stratum + 1.0) / n);
                out[a] = std::max(below(value, upper_edge, axis.lower), lower_edge);
            }
            break;
        }
        case DesignKind::sobol: {
            const std::uint64_t sequence = static_cast<std::uint64_t>(index) + 1;
            const std::uint64_t gray = sequence ^ (sequence >> 1);
            for (std::size_t a = 0; a < axes.size(); ++a) {
                std::uint64_t bits = 0;
                for (std::uint64_t g = gray; g != 0; g &= g - 1)
                    bits ^= directions_[static_cast<std::size_t>(std::countr_zero(g)) * axes.size() + a];
                // Exact for the first 2^53 points, whose coordinates have at most 53 bits.
                out[a] = below(scale(axes[a], unit_interval(bits)), axes[a].upper, axes[a].lower);
            }
            break;
        }
    }
}

void design_point(const Design& design, std::size_t index, std::span<double> out) {
    DesignSampler(design).point(index, out);
}

}  // namespace triad
