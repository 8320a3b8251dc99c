// A claim's region sampled with its cause present and absent and its other values drawn
// (region_sample.hpp).
#include "triad/studies/region_sample.hpp"

#include <algorithm>
#include <cmath>

namespace triad {

std::span<const double> RegionSample::point(std::size_t arm, std::size_t sample) const {
    const std::size_t width = axes.size();
    return {values.data() + (arm * samples + sample) * width, width};
}

std::uint64_t text_stream(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
    return h;
}

namespace {

// A contrast's arms, in the order of arm_names: the cause present, then absent.
constexpr std::size_t kAbsentArm = 1;

// The range a cause's coordinate maps to in one arm.
std::pair<double, double> cause_range(const Cause& cause, std::size_t arm_index) {
    if (cause.kind == Cause::Kind::irrelevant) {
        const double width = (cause.present_upper - cause.present_lower) / static_cast<double>(kIrrelevantSlices);
        const double lower = cause.present_lower + width * static_cast<double>(arm_index);
        const bool last = arm_index + 1 == kIrrelevantSlices;  // ends exactly at the range's end
        return {lower, last ? cause.present_upper : lower + width};
    }
    if (arm_index == kAbsentArm) return {cause.absent_lower, cause.absent_upper};
    return {cause.present_lower, cause.present_upper};
}

std::vector<std::string> arm_names(const std::vector<Cause>& causes) {
    if (causes.empty()) return {"region"};
    const bool irrelevant = causes.front().kind == Cause::Kind::irrelevant;
    for (const Cause& c : causes)
        if ((c.kind == Cause::Kind::irrelevant) != irrelevant)
            throw InputError(c.where, "a claim's causes are all present/absent or all irrelevant, not a mix");
    if (irrelevant) return {"low third", "middle third", "high third"};
    return {"present", "absent"};
}

// The sample's axes: the region's own, then the causes', then (with uncertainty on) every
// uncertain value the region does not set. Returns the distribution of each uncertain axis.
std::vector<const Distribution*> add_axes(RegionSample& sample, const ParameterSet& parameters, const std::vector<Axis>& over,
                                          const std::vector<Cause>& causes, const std::vector<UncertainValue>& uncertainty,
                                          bool with_uncertainty) {
    std::vector<bool> fixed(parameters.size(), false);  // entries the region sets
    auto add_axis = [&](Axis axis, std::vector<std::size_t> entries) {
        for (std::size_t e : entries) fixed[e] = true;
        sample.axes.push_back(std::move(axis));
        sample.entries.push_back(std::move(entries));
    };
    for (const Axis& a : over) add_axis(a, parameters.resolve(a.path, {}));
    for (const Cause& c : causes) {
        const double lower = std::min(c.present_lower, c.kind == Cause::Kind::contrast ? c.absent_lower : c.present_lower);
        const double upper = std::max(c.present_upper, c.kind == Cause::Kind::contrast ? c.absent_upper : c.present_upper);
        add_axis({c.path, lower, upper, 0}, parameters.resolve(c.path, c.where));
    }
    sample.region_axes = sample.axes.size();
    sample.cause_axes = causes.size();
    std::vector<const Distribution*> drawn_from;
    if (with_uncertainty)
        for (const UncertainValue& u : uncertainty) {
            std::vector<std::size_t> entries;
            for (std::size_t e : u.entries)
                if (!fixed[e]) entries.push_back(e);
            if (entries.empty()) continue;
            add_axis({u.path, u.distribution.lower, u.distribution.upper, 0}, std::move(entries));
            drawn_from.push_back(&u.distribution);
        }
    sample.drawn = !drawn_from.empty();
    return drawn_from;
}

// The unit points every arm shares (sample.samples of them, axis by axis): a grid of
// `grid_points` along each axis that varies, or a Latin hypercube when values are drawn.
std::vector<double> unit_points(RegionSample& sample, const std::vector<Cause>& causes, std::size_t grid_points,
                                const SamplingOptions& options, std::uint64_t stream) {
    Design unit;
    for (std::size_t a = 0; a < sample.axes.size(); ++a) {
        bool varies = sample.axes[a].lower < sample.axes[a].upper;
        if (a >= sample.region_axes - sample.cause_axes && a < sample.region_axes) {
            const Cause& c = causes[a - (sample.region_axes - sample.cause_axes)];
            varies = c.present_lower < c.present_upper || (c.kind == Cause::Kind::contrast && c.absent_lower < c.absent_upper);
        }
        unit.axes.push_back({sample.axes[a].path, 0.0, 1.0, varies ? grid_points : 1});
    }
    if (sample.drawn) {
        unit.kind = DesignKind::latin_hypercube;
        unit.points = options.samples;
        unit.seed = stream ^ (options.seed * 0x9E3779B97F4A7C15ULL);
    }
    std::vector<double> units;
    if (unit.axes.empty()) {
        sample.samples = 1;  // the model's own point
        return units;
    }
    const DesignSampler sampler(unit);
    sample.samples = sampler.size();
    units.resize(sample.samples * unit.axes.size());
    for (std::size_t s = 0; s < sample.samples; ++s)
        sampler.point(s, std::span<double>(units.data() + s * unit.axes.size(), unit.axes.size()));
    return units;
}

}  // namespace

RegionSample sample_region(const StageModel& model, const std::vector<Axis>& over, std::size_t grid_points,
                           const std::vector<Cause>& causes, const std::vector<UncertainValue>& uncertainty,
                           const SamplingOptions& options, std::uint64_t stream) {
    RegionSample sample;
    sample.arms = arm_names(causes);
    const auto drawn_from = add_axes(sample, model.parameters(), over, causes, uncertainty, options.uncertainty);
    const std::vector<double> units = unit_points(sample, causes, grid_points, options, stream);
    // Each arm maps the shared unit points into its own ranges: the region's axes and the
    // uncertain values alike, the causes' axes into the arm's range.
    const std::size_t width = sample.axes.size();
    sample.values.resize(sample.arms.size() * sample.samples * width);
    for (std::size_t arm = 0; arm < sample.arms.size(); ++arm)
        for (std::size_t s = 0; s < sample.samples; ++s)
            for (std::size_t a = 0; a < width; ++a) {
                const double u = units[s * width + a];
                double& value = sample.values[(arm * sample.samples + s) * width + a];
                if (a < sample.region_axes - sample.cause_axes) {
                    value = std::lerp(sample.axes[a].lower, sample.axes[a].upper, u);
                } else if (a < sample.region_axes) {
                    const auto [lower, upper] = cause_range(causes[a - (sample.region_axes - sample.cause_axes)], arm);
                    value = std::lerp(lower, upper, u);
                } else {
                    value = drawn_from[a - sample.region_axes]->quantile(u);
                }
            }
    return sample;
}

SweepSpec sample_sweep(const StageModel& model, const RegionSample& sample, SweepAnalysis analysis, std::vector<std::string> columns) {
    SweepSpec spec = make_sweep(model, Design{}, analysis, std::move(columns));  // checks the columns
    spec.design.axes = sample.axes;
    spec.axis_entries = sample.entries;
    return spec;
}

void evaluate_sample(const StageModel& model, const RegionSample& sample, const SweepSpec& spec, int threads,
                     const std::function<void(std::size_t arm, std::size_t sample, const std::vector<std::string>& cells)>& consume) {
    const std::size_t per_arm = sample.samples;
    auto point_of = [&](std::size_t index, std::span<double> out) {
        const auto p = sample.point(index / per_arm, index % per_arm);
        std::copy(p.begin(), p.end(), out.begin());
    };
    run_sweep(model, spec, {.first = 0, .last = sample.size(), .threads = threads, .chunk = 16}, point_of,
              [&](const std::vector<SweepRow>& rows) {
                  for (const auto& row : rows) consume(row.index / per_arm, row.index % per_arm, row.cells);
              });
}

}  // namespace triad
