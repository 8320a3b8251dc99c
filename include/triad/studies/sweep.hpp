// Parameter sweeps: an analysis at every point of a design, streamed in point order
// (docs/model.md section 6).
//
// Each point sets the swept parameters on a copy of the scenario's stage model that is first
// reset to the scenario's own values, so a point's result depends only on the point, never on
// which thread computed it or what that thread computed before: the output is the same for
// any number of threads, and any slice of the design (a shard, a resumed tail) gives exactly
// the rows the full sweep would.
#pragma once

#include "triad/studies/design.hpp"
#include "triad/scenario/model.hpp"
#include "triad/dynamics/timeline.hpp"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace triad {

enum class SweepAnalysis { pure, stage, timeline };
[[nodiscard]] std::string_view to_string(SweepAnalysis analysis);
[[nodiscard]] std::optional<SweepAnalysis> parse_sweep_analysis(std::string_view text);

// The output columns an analysis offers, in their default order. The timeline analysis also
// offers `configuration_path`, `PLAYER_alignment_path` and `PLAYER_role_path`: the whole run as
// a label path (see label_path); these are left out of a sweep's default columns.
//
// The stage analysis of a stance game also offers, for claims (docs/model.md section 7),
// `configuration_distribution`, `PLAYER_alignment_distribution` and `PLAYER_role_distribution`
// (the selection rule's probability of each label, "china:0.7;us:0.3") and `equilibria`: the
// labels of every pure equilibrium or, where there is none, the QRE limit's most likely ones,
// one entry each, "configuration=unit_veto,russia_alignment=china,...|...". These too are left
// out by default.
[[nodiscard]] std::vector<std::string> sweep_columns(const Game& game, SweepAnalysis analysis);
// Is this one of the long columns a sweep leaves out unless asked (label paths, distributions,
// equilibria)?
[[nodiscard]] bool is_long_column(std::string_view column);

// A run's labels, one per period at `times`, written compactly as the time each label begins:
// "1950:stable_marriage;1956:unit_veto;1971:romantic_triangle". A label holds from its time
// until the next entry's (the last until the run ends).
[[nodiscard]] std::string label_path(const std::vector<double>& times, const std::vector<std::string>& labels);
struct PathSegment {
    double from = 0.0;
    std::string label;
};
// Reads a label path back; an empty text gives no segments. Throws Error when malformed.
[[nodiscard]] std::vector<PathSegment> read_label_path(const std::string& text);

struct SweepSpec {
    Design design;
    std::vector<std::vector<std::size_t>> axis_entries;  // parameter entries each axis sets
    SweepAnalysis analysis = SweepAnalysis::stage;
    std::vector<std::string> columns;                     // chosen among sweep_columns()
};

// Check the axes' paths and the columns against the model; InputError with a suggestion.
[[nodiscard]] SweepSpec make_sweep(const StageModel& model, Design design, SweepAnalysis analysis,
                                   std::vector<std::string> columns);

struct SweepRow {
    std::size_t index = 0;
    std::vector<double> point;       // one value per axis
    std::vector<std::string> cells;  // one per column
};

struct SweepOptions {
    std::size_t first = 0;          // first point index (a shard's start, or where to resume)
    std::size_t last = 0;           // one past the last index
    int threads = 1;
    std::size_t chunk = 256;        // points per unit of work and per write
    const std::atomic<bool>* stop = nullptr;  // set to stop after the chunk in progress
};

// Runs the analysis on points [first, last) and hands finished chunks, in point order, to
// `emit` (called on the calling thread; an exception it throws stops the workers and leaves
// run_sweep). Returns the index one past the last point emitted
// (less than `last` when stopped).
std::size_t run_sweep(const StageModel& model, const SweepSpec& spec, const SweepOptions& options,
                      const std::function<void(const std::vector<SweepRow>&)>& emit);

// The same over points that `point_of` computes (index -> one value per axis of spec.design,
// written to `out`) instead of the design's own: how claims evaluate their sampled regions.
// `point_of` is called from worker threads at once and must be a pure function of the index.
using PointSource = std::function<void(std::size_t index, std::span<double> out)>;
std::size_t run_sweep(const StageModel& model, const SweepSpec& spec, const SweepOptions& options, const PointSource& point_of,
                      const std::function<void(const std::vector<SweepRow>&)>& emit);

// Which parts of the stage analysis the chosen columns need (each is computed only then).
struct StageNeeds {
    bool prediction = false;  // the selection rule's outcome and its probabilities
    bool pure = false;        // the pure equilibria (pure_count, equilibria)
    bool outcomes = false;    // the distributions and the reachable outcomes
};

// The analysis at one point (used by run_sweep and by boundary bisection).
class SweepEvaluator {
public:
    SweepEvaluator(const StageModel& model, const SweepSpec& spec);
    // The cells of every column at parameter values `point`.
    [[nodiscard]] std::vector<std::string> evaluate(std::span<const double> point);
    // One column's cell only (cheaper for the stage analysis when it is all one needs).
    [[nodiscard]] std::string evaluate_column(std::span<const double> point, const std::string& column);

private:
    // Held by value: an evaluator outlives the arguments it was built from (a temporary spec,
    // a model copy that goes out of scope), and copies of a model share its immutable parts.
    StageModel base_;
    SweepSpec spec_;
    StageModel model_;
    std::optional<Timeline> timeline_;
    bool wants_paths_ = false;     // some column is a label path (built only then)
    StageNeeds stage_needs_;       // outcomes: some column is a distribution or the equilibria
};

// Where a column's label changes along one grid axis, for every grid value of the other axes:
// each change between neighbouring grid values is narrowed by bisection until the bracket
// [lower, upper] is narrower than `tolerance` (the label at `lower` is `from`, at `upper` `to`).
struct Boundary {
    std::vector<double> others;  // values of the other axes, in design order
    std::string from, to;
    double lower = 0.0, upper = 0.0;
};
[[nodiscard]] std::vector<Boundary> find_boundaries(const StageModel& model, const SweepSpec& spec, std::size_t axis,
                                                    const std::string& column, double tolerance);

// The column whose change a boundary search follows when none is named: the outcome's label
// where the analysis has one among spec.columns (stage: configuration; pure: configurations,
// the set of its equilibria's configurations; timeline: final_configuration), else the first
// column (pure_count for the pure analysis of a game that is not a stance triangle).
[[nodiscard]] std::string default_boundary_column(const SweepSpec& spec);

// The sub-range [first, last) of shard k (0-based) of n over `size` points.
[[nodiscard]] std::pair<std::size_t, std::size_t> shard_range(std::size_t size, int k, int n);

}  // namespace triad
