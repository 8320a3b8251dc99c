// The `uncertainty:` section: distributions of a scenario's values (uncertainty.hpp).
#include "triad/studies/uncertainty.hpp"

#include "triad/core/parameters.hpp"
#include "triad/scenario/tree.hpp"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace triad {

namespace {

// A normal distribution is also cut at 8 standard deviations: the mass beyond (1e-15) is
// below what a sample of any practical size sees, and it keeps the support finite when the
// parameter's bounds are not.
constexpr double kNormalReach = 8.0;

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

double Distribution::quantile(double u) const {
    u = std::clamp(u, 0.0, 1.0);
    double x = lower;
    switch (kind) {
        case Kind::uniform: x = std::lerp(lower, upper, u); break;
        case Kind::triangular: {
            // Inverse of the piecewise-quadratic CDF, split at the mode's probability.
            const double width = upper - lower;
            if (width <= 0.0) return lower;
            const double at_mode = (mode - lower) / width;
            x = u < at_mode ? lower + std::sqrt(u * width * (mode - lower))
                            : upper - std::sqrt((1.0 - u) * width * (upper - mode));
            break;
        }
        case Kind::normal: {
            const double a = normal_cdf((lower - mean) / sd), b = normal_cdf((upper - mean) / sd);
            const double p = a + u * (b - a);
            if (p <= 0.0) return lower;
            if (p >= 1.0) return upper;
            x = mean - sd * std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p);
            break;
        }
    }
    return std::clamp(x, lower, upper);  // rounding must not step outside the support
}

std::string Distribution::describe() const {
    switch (kind) {
        case Kind::uniform: return "uniform [" + format_number(lower) + ", " + format_number(upper) + "]";
        case Kind::triangular:
            return "triangular [" + format_number(lower) + ", " + format_number(mode) + ", " + format_number(upper) + "]";
        case Kind::normal:
            return "normal (" + format_number(mean) + ", " + format_number(sd) + ") on [" + format_number(lower) + ", " +
                   format_number(upper) + "]";
    }
    return "";
}

namespace {

// Two or three numbers of a distribution's list, e.g. [LO, MODE, HI].
std::vector<double> numbers(const TreeNode& node, std::size_t count, const std::string& what) {
    if (!node.is_sequence() || node.items.size() != count)
        throw InputError(node.where, "expected " + what);
    std::vector<double> out;
    for (const auto& item : node.items) out.push_back(item.as_number("a number of " + what));
    return out;
}

Distribution read_distribution(const TreeNode& node) {
    Distribution d;
    if (node.is_sequence()) {
        const auto v = numbers(node, 2, "[LO, HI] (a uniform range)");
        d.lower = v[0];
        d.upper = v[1];
        if (d.lower > d.upper) throw InputError(node.where, "the low end " + format_number(d.lower) + " is above the high end " + format_number(d.upper));
        return d;
    }
    node.expect_map("a range [LO, HI], {triangular: [LO, MODE, HI]} or {normal: [MEAN, SD]}");
    static const std::vector<std::string> kinds = {"triangular", "normal", "uniform"};
    node.check_keys(kinds, "a distribution");
    if (node.entries.size() != 1) throw InputError(node.where, "a distribution has exactly one kind: triangular, normal or uniform");
    const TreeEntry& entry = node.entries.front();
    if (entry.key == "uniform") return read_distribution(entry.value);
    if (entry.key == "triangular") {
        const auto v = numbers(entry.value, 3, "[LO, MODE, HI] (a triangular distribution)");
        d.kind = Distribution::Kind::triangular;
        d.lower = v[0];
        d.mode = v[1];
        d.upper = v[2];
        if (!(d.lower <= d.mode && d.mode <= d.upper))
            throw InputError(entry.value.where, "a triangular distribution needs LO <= MODE <= HI");
        return d;
    }
    const auto v = numbers(entry.value, 2, "[MEAN, SD] (a normal distribution)");
    d.kind = Distribution::Kind::normal;
    d.mean = v[0];
    d.sd = v[1];
    if (!(d.sd > 0.0)) throw InputError(entry.value.where, "a normal distribution needs SD > 0");
    d.lower = d.mean - kNormalReach * d.sd;
    d.upper = d.mean + kNormalReach * d.sd;
    return d;
}

}  // namespace

std::vector<UncertainValue> read_uncertainty(const StageModel& model) {
    std::vector<UncertainValue> values;
    const TreeNode* node = model.scenario().document.find("uncertainty");
    if (!node || node->is_null()) return values;
    node->expect_map("uncertainty (PATH: [LO, HI] | {triangular: [LO, MODE, HI]} | {normal: [MEAN, SD]})");
    const ParameterSet& parameters = model.parameters();
    for (const auto& entry : node->entries) {
        UncertainValue value;
        value.path = entry.key;
        value.where = entry.key_where;
        value.entries = parameters.resolve(entry.key, entry.key_where);
        value.distribution = read_distribution(entry.value);
        Distribution& d = value.distribution;
        for (std::size_t e : value.entries) {
            const ParamSpec& spec = *parameters[e].spec;
            if (d.kind == Distribution::Kind::normal) {  // truncated to the bounds
                d.lower = std::max(d.lower, spec.lower);
                d.upper = std::min(d.upper, spec.upper);
                if (d.lower > d.upper)
                    throw InputError(entry.value.where, "this normal distribution puts no mass inside the bounds of " + parameters[e].path);
            } else {
                parameters.check_value(e, d.lower, entry.value.where);
                parameters.check_value(e, d.upper, entry.value.where);
            }
        }
        value.distribution_where = entry.value.where;
        values.push_back(std::move(value));
    }
    // A more specific key (fewer entries) takes its entries from broader ones; among equally
    // specific keys the later wins. Decided per entry, in linear time over the keys' entries.
    std::vector<std::size_t> owner(parameters.size(), values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        for (std::size_t e : values[k].entries) {
            const std::size_t current = owner[e];
            if (current == values.size() || values[k].entries.size() <= values[current].entries.size()) owner[e] = k;
        }
    for (std::size_t k = 0; k < values.size(); ++k) std::erase_if(values[k].entries, [&](std::size_t e) { return owner[e] != k; });
    std::erase_if(values, [](const UncertainValue& v) { return v.entries.empty(); });
    for (const auto& value : values)
        for (std::size_t e : value.entries) {
            const Distribution& d = value.distribution;
            const double own = parameters.value(e);
            if (own < d.lower || own > d.upper)
                throw InputError(value.distribution_where,
                                 "the scenario's own value of " + parameters[e].path + " (" + format_number(own) +
                                     ") lies outside its range, " + d.describe(),
                                 "give a range that contains the value (an essay that changes a value restates its range)");
        }
    return values;
}

}  // namespace triad
