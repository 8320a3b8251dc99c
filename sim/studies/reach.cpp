// The smallest normalised change that gives a wanted outcome (reach.hpp).
#include "triad/studies/reach.hpp"

#include "claim_detail.hpp"

#include "triad/core/error.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/strings.hpp"
#include "triad/scenario/tree.hpp"
#include "triad/studies/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace triad {

namespace {

using detail::all_hold;
using detail::columns_of;

// Grid values per axis of the first sample, by number of parameters (1, 2, 3); more use a
// Latin hypercube of kSampledPoints.
constexpr std::size_t kGridValues[] = {33, 17, 9};
constexpr std::size_t kSampledPoints = 512;
// Rays refined from holding samples, at most, and how far apart their directions must be.
constexpr std::size_t kSeeds = 8;
constexpr double kDistinctCosine = 0.95;
// Steps of the scan along a ray before bisection, and the compass search's first perturbation.
constexpr int kRaySteps = 16;
constexpr double kFirstTurn = 0.25;
// The compass search stops when its perturbation of the (unit) direction falls below this:
// the distance then changes by less than its square, far below what a reader acts on.
constexpr double kLastTurn = 2e-3;
// A parameter whose share of the change is below this does not count as used.
constexpr double kUsedShare = 0.1;

// The search in normalised coordinates u_i = (x_i - x0_i) / (HI_i - LO_i).
class Search {
public:
    Search(const StageModel& model, const std::vector<Axis>& axes, const std::vector<Expectation>& want, SweepAnalysis analysis,
           std::vector<double> start)
        : want_(want), start_(std::move(start)), spec_(make_sweep(model, Design{DesignKind::grid, axes, 0, 1}, analysis,
                                                                   columns_wanted(model, want, analysis))),
          evaluator_(model, spec_), axes_(axes) {}

    [[nodiscard]] const std::vector<std::string>& columns() const { return spec_.columns; }
    [[nodiscard]] const SweepSpec& spec() const { return spec_; }
    [[nodiscard]] std::size_t dimension() const { return axes_.size(); }
    [[nodiscard]] std::size_t evaluations() const { return evaluations_; }
    [[nodiscard]] double width(std::size_t i) const { return axes_[i].upper - axes_[i].lower; }

    [[nodiscard]] std::vector<double> values_at(const std::vector<double>& u) const {
        std::vector<double> x(u.size());
        for (std::size_t i = 0; i < u.size(); ++i) x[i] = std::clamp(start_[i] + u[i] * width(i), axes_[i].lower, axes_[i].upper);
        return x;
    }
    [[nodiscard]] std::vector<double> normalised(const std::vector<double>& x) const {
        std::vector<double> u(x.size());
        for (std::size_t i = 0; i < x.size(); ++i) u[i] = (x[i] - start_[i]) / width(i);
        return u;
    }

    std::vector<std::string> cells_at(const std::vector<double>& u) {
        ++evaluations_;
        return evaluator_.evaluate(values_at(u));
    }
    bool holds(const std::vector<double>& u) { return all_hold(want_, spec_.columns, cells_at(u)); }

    // The largest t with t * direction inside the box.
    [[nodiscard]] double box_exit(const std::vector<double>& direction) const {
        double t = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < direction.size(); ++i) {
            if (direction[i] > 0.0) t = std::min(t, (axes_[i].upper - start_[i]) / width(i) / direction[i]);
            if (direction[i] < 0.0) t = std::min(t, (axes_[i].lower - start_[i]) / width(i) / direction[i]);
        }
        return std::isfinite(t) ? t : 0.0;
    }

    // The first t along a unit direction where the target holds (scan, then bisect to
    // `resolution`), searched up to min(limit, box exit); nullopt if none is seen.
    std::optional<double> first_entry(const std::vector<double>& direction, double limit, double resolution) {
        const double end = std::min(limit, box_exit(direction));
        if (!(end > 0.0)) return std::nullopt;
        double previous = 0.0;
        for (int k = 1; k <= kRaySteps; ++k) {
            const double t = end * k / kRaySteps;
            if (!holds(scaled(direction, t))) {
                previous = t;
                continue;
            }
            double lo = previous, hi = t;  // fails at lo (or lo is the start), holds at hi
            while (hi - lo > resolution) {
                const double mid = 0.5 * (lo + hi);
                if (holds(scaled(direction, mid))) hi = mid;
                else lo = mid;
            }
            return hi;
        }
        return std::nullopt;
    }

    static std::vector<double> scaled(const std::vector<double>& v, double t) {
        std::vector<double> out(v);
        for (double& x : out) x *= t;
        return out;
    }

private:
    static std::vector<std::string> columns_wanted(const StageModel& model, const std::vector<Expectation>& want, SweepAnalysis analysis) {
        std::vector<std::string> columns = columns_of(want);
        const std::vector<std::string> available = sweep_columns(model.game(), analysis);
        for (const Expectation& e : want) {
            const std::string distribution = e.column + "_distribution";
            if (std::find(available.begin(), available.end(), distribution) != available.end() &&
                std::find(columns.begin(), columns.end(), distribution) == columns.end())
                columns.push_back(distribution);
        }
        return columns;
    }

    const std::vector<Expectation>& want_;
    std::vector<double> start_;
    SweepSpec spec_;
    SweepEvaluator evaluator_;
    std::vector<Axis> axes_;
    std::size_t evaluations_ = 0;
};

double norm(const std::vector<double>& v) { return std::sqrt(std::inner_product(v.begin(), v.end(), v.begin(), 0.0)); }

std::vector<double> unit(std::vector<double> v) {
    const double n = norm(v);
    for (double& x : v) x /= n;
    return v;
}

// The wanted label's probability in a "label:p;label:p" cell, NaN when there is none to read.
double label_probability(const std::string& cell, const std::string& label) {
    for (const std::string& item : split(cell, ';')) {
        const auto colon = item.rfind(':');
        if (colon != std::string::npos && item.substr(0, colon) == label) return std::stod(item.substr(colon + 1));
    }
    return cell.empty() ? std::numeric_limits<double>::quiet_NaN() : 0.0;
}

ReachPoint point_at(Search& search, const std::vector<Expectation>& want, const std::vector<double>& u) {
    ReachPoint p;
    p.values = search.values_at(u);
    p.distance = norm(search.normalised(p.values));
    p.cells = search.cells_at(u);
    const auto& columns = search.columns();
    for (const Expectation& e : want) {
        const auto at = std::find(columns.begin(), columns.end(), e.column + "_distribution");
        const bool readable = at != columns.end() && e.test == Expectation::Test::equal && e.values.size() == 1;
        p.probability.push_back(readable ? label_probability(p.cells[at - columns.begin()], e.values.front())
                                         : std::numeric_limits<double>::quiet_NaN());
    }
    return p;
}

// Compass search over the ray's direction from a point where the target holds at distance r.
std::pair<std::vector<double>, double> refine(Search& search, std::vector<double> direction, double r, double resolution) {
    for (double turn = kFirstTurn; turn > std::max(resolution, kLastTurn); turn *= 0.5) {
        bool improved = true;
        while (improved) {
            improved = false;
            for (std::size_t i = 0; i < direction.size() && !improved; ++i)
                for (double sign : {1.0, -1.0}) {
                    std::vector<double> d = direction;
                    d[i] += sign * turn;
                    if (norm(d) == 0.0) continue;
                    d = unit(d);
                    const auto t = search.first_entry(d, r, resolution);
                    if (t && *t < r - resolution) {
                        direction = d;
                        r = *t;
                        improved = true;
                        break;
                    }
                }
        }
    }
    return {direction, r};
}

// Parameters the compass search moved only a little are put back where they were when the
// target is still reached as near (within `resolution`): a change names what it needs.
std::pair<std::vector<double>, double> tidy(Search& search, std::vector<double> direction, double r, double resolution) {
    for (std::size_t i = 0; i < direction.size(); ++i) {
        if (direction[i] == 0.0 || std::abs(direction[i]) >= kUsedShare) continue;
        std::vector<double> d = direction;
        d[i] = 0.0;
        if (norm(d) == 0.0) continue;
        d = unit(d);
        const auto t = search.first_entry(d, r + 2 * resolution, resolution);
        if (t && *t <= r + resolution) {
            direction = d;
            r = *t;
        }
    }
    return {direction, r};
}

// The parameters a change uses: those with at least kUsedShare of its normalised length.
std::vector<bool> used(const Search& search, const ReachPoint& p) {
    const std::vector<double> u = search.normalised(p.values);
    const double n = norm(u);
    std::vector<bool> out(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) out[i] = n > 0.0 && std::abs(u[i]) >= kUsedShare * n;
    return out;
}

// The first sample: every point of a grid or a Latin hypercube over the box, evaluated on
// `threads`; returns the normalised points where the target holds, nearest first, and the
// point where the wanted label was most probable.
std::vector<std::vector<double>> sample(Search& search, const StageModel& model, const std::vector<Axis>& axes,
                                        const std::vector<Expectation>& want, const ReachOptions& options,
                                        std::vector<double>& most_probable, double& best_probability) {
    Design design;
    design.axes = axes;
    if (axes.size() <= 3) {
        for (Axis& a : design.axes) a.count = kGridValues[axes.size() - 1];
    } else {
        design.kind = DesignKind::latin_hypercube;
        design.points = kSampledPoints;
        design.seed = options.seed;
    }
    SweepSpec spec = search.spec();
    spec.design = design;
    std::vector<std::pair<double, std::vector<double>>> holding;
    best_probability = -1.0;
    SweepOptions sweep;
    sweep.last = design.size();
    sweep.threads = options.threads;
    run_sweep(model, spec, sweep, [&](const std::vector<SweepRow>& rows) {
        for (const SweepRow& row : rows) {
            const std::vector<double> u = search.normalised(row.point);
            if (all_hold(want, spec.columns, row.cells)) holding.emplace_back(norm(u), u);
            const auto at = std::find(spec.columns.begin(), spec.columns.end(), want.front().column + "_distribution");
            if (at != spec.columns.end() && want.front().values.size() == 1) {
                const double p = label_probability(row.cells[at - spec.columns.begin()], want.front().values.front());
                if (p > best_probability) {
                    best_probability = p;
                    most_probable = u;
                }
            }
        }
    });
    std::stable_sort(holding.begin(), holding.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::vector<double>> out;
    for (auto& [n, u] : holding) out.push_back(std::move(u));
    return out;
}

}  // namespace

std::vector<Expectation> parse_wants(const StageModel& model, const std::vector<std::string>& wants, SweepAnalysis analysis) {
    if (wants.empty()) throw InputError({"--want", 0, 0}, "name a target: --want TARGET=VALUE (e.g. russia.alignment=us)");
    std::string yaml;
    for (const std::string& w : wants) {
        const auto eq = w.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == w.size())
            throw InputError({"--want", 0, 0}, "'" + w + "' is not TARGET=VALUE or TARGET!=VALUE", "e.g. --want russia.alignment=us");
        const bool negated = w[eq - 1] == '!';
        const std::string target = w.substr(0, negated ? eq - 1 : eq), value = w.substr(eq + 1);
        // Quoted for YAML: action and label names may hold '+', '/', '~'.
        yaml += "\"" + target + "\": " + (negated ? "{not: \"" + value + "\"}" : "\"" + value + "\"") + "\n";
    }
    return read_expect(model, parse_yaml(yaml, "--want"), analysis);
}

std::vector<Axis> uncertainty_ranges(const StageModel& model) {
    std::vector<Axis> out;
    for (const UncertainValue& v : read_uncertainty(model)) {
        const double own = model.parameters().value(v.entries.front());
        const double lower = std::min(own, v.distribution.quantile(0.02)), upper = std::max(own, v.distribution.quantile(0.98));
        if (lower < upper) out.push_back({v.path, lower, upper, 0});  // a value held fixed is not searched
    }
    return out;
}

ReachResult reach(const StageModel& model, const std::vector<Axis>& over, const std::vector<Expectation>& want,
                  SweepAnalysis analysis, const ReachOptions& options) {
    ReachResult result;
    result.axes = over;
    if (over.empty()) throw InputError({"--over", 0, 0}, "no parameter to change", "name one: --over PATH=LO:HI");
    for (const Axis& a : over) {
        const double own = model.parameters().value(model.parameters().resolve(a.path, {"--over", 0, 0}).front());
        if (!(a.lower < a.upper) || own < a.lower || own > a.upper)
            throw InputError({"--over", 0, 0}, a.path + " is " + format_number(own) + ", which the range [" + format_number(a.lower) +
                                                   ", " + format_number(a.upper) + "] must contain (and LO < HI)");
        result.start.push_back(own);
    }
    Search search(model, over, want, analysis, result.start);
    result.columns = search.columns();
    const std::vector<double> origin(over.size(), 0.0);
    if (search.holds(origin)) {
        result.found = true;
        result.best = point_at(search, want, origin);
        result.evaluations = search.evaluations();
        return result;
    }
    std::vector<double> most_probable = origin;
    double best_probability = -1.0;
    const auto holding = sample(search, model, over, want, options, most_probable, best_probability);
    const std::size_t sampled = over.size() <= 3 ? static_cast<std::size_t>(std::pow(kGridValues[over.size() - 1], over.size()))
                                                 : kSampledPoints;
    if (holding.empty()) {
        result.best = point_at(search, want, most_probable);
        result.evaluations = search.evaluations() + sampled;
        return result;
    }
    // Seeds: the nearest holding samples in distinct directions, and each parameter alone.
    std::vector<std::vector<double>> seeds;
    for (const auto& u : holding) {
        if (seeds.size() >= kSeeds) break;
        const std::vector<double> d = unit(u);
        const bool distinct = std::none_of(seeds.begin(), seeds.end(), [&](const std::vector<double>& s) {
            return std::inner_product(s.begin(), s.end(), d.begin(), 0.0) > kDistinctCosine;
        });
        if (distinct) seeds.push_back(d);
    }
    std::vector<ReachPoint> found;
    for (const auto& d : seeds)
        if (const auto t = search.first_entry(d, std::numeric_limits<double>::infinity(), options.resolution)) {
            const auto [direction, r] = refine(search, d, *t, options.resolution);
            const auto [tidied, r_tidied] = tidy(search, direction, r, options.resolution);
            found.push_back(point_at(search, want, Search::scaled(tidied, r_tidied)));
        }
    for (std::size_t i = 0; i < over.size(); ++i)
        for (double sign : {1.0, -1.0}) {
            std::vector<double> d(over.size(), 0.0);
            d[i] = sign;
            if (const auto t = search.first_entry(d, std::numeric_limits<double>::infinity(), options.resolution))
                found.push_back(point_at(search, want, Search::scaled(d, *t)));
        }
    if (found.empty()) {  // the samples held, but no ray from the start reached them: take the nearest
        found.push_back(point_at(search, want, holding.front()));
    }
    std::stable_sort(found.begin(), found.end(), [](const ReachPoint& a, const ReachPoint& b) { return a.distance < b.distance; });
    result.found = true;
    result.best = found.front();
    std::vector<std::vector<bool>> taken = {used(search, result.best)};
    for (std::size_t k = 1; k < found.size() && result.alternatives.size() < options.alternatives; ++k) {
        const std::vector<bool> uses = used(search, found[k]);
        if (std::find(taken.begin(), taken.end(), uses) != taken.end()) continue;
        taken.push_back(uses);
        result.alternatives.push_back(found[k]);
    }
    result.evaluations = search.evaluations() + sampled;
    return result;
}

}  // namespace triad
