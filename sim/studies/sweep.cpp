#include "triad/studies/sweep.hpp"

#include "triad/dynamics/timeline.hpp"
#include "triad/solvers/equilibrium.hpp"
#include "triad/solvers/pure.hpp"
#include "triad/solvers/qre.hpp"
#include "triad/solvers/stationary.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/core/strings.hpp"
#include "triad/core/triangle.hpp"

#include "ordered_chunks.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <thread>

namespace triad {

std::string_view to_string(SweepAnalysis analysis) {
    switch (analysis) {
        case SweepAnalysis::pure: return "pure";
        case SweepAnalysis::stage: return "stage";
        case SweepAnalysis::timeline: return "timeline";
    }
    return "stage";
}

std::optional<SweepAnalysis> parse_sweep_analysis(std::string_view text) {
    if (text == "pure") return SweepAnalysis::pure;
    if (text == "stage") return SweepAnalysis::stage;
    if (text == "timeline") return SweepAnalysis::timeline;
    return std::nullopt;
}

std::vector<std::string> sweep_columns(const Game& game, SweepAnalysis analysis) {
    std::vector<std::string> out;
    const bool triangle = game.has_stances() && game.player_count() == 3;
    switch (analysis) {
        case SweepAnalysis::pure:
            out = {"pure_count"};
            if (triangle) out.push_back("configurations");
            if (game.has_stances())
                for (const auto& p : game.players) out.push_back(p + "_alignments");
            break;
        case SweepAnalysis::stage:
            if (triangle) out = {"configuration", "configuration_probability"};
            for (const auto& p : game.players)
                if (game.has_stances()) {
                    out.push_back(p + "_alignment");
                    out.push_back(p + "_alignment_probability");
                    if (triangle) out.push_back(p + "_role");
                }
            for (const Crisis& crisis : game.crises)
                for (int i : crisis.backers) {
                    out.push_back(game.players[i] + "_backs");
                    out.push_back(game.players[i] + "_backs_probability");
                }
            out.push_back("pure_count");
            if (game.has_stances()) {
                if (triangle) out.push_back("configuration_distribution");
                for (const auto& p : game.players) {
                    out.push_back(p + "_alignment_distribution");
                    if (triangle) out.push_back(p + "_role_distribution");
                }
                for (const Crisis& crisis : game.crises)
                    for (int i : crisis.backers) out.push_back(game.players[i] + "_backs_distribution");
                out.push_back("equilibria");
            }
            break;
        case SweepAnalysis::timeline:
            out = {"first_shift_time", "first_shift_what", "first_shift_from", "first_shift_to", "shifts"};
            if (triangle) {
                out.push_back("final_configuration");
                for (const auto& c : configuration_names()) out.push_back("share_" + std::string(c));
                out.push_back("configuration_path");
            }
            for (const auto& p : game.players)
                if (game.has_stances()) {
                    out.push_back(p + "_alignment_path");
                    if (triangle) out.push_back(p + "_role_path");
                }
            break;
    }
    return out;
}

namespace {

// An axis over a scheduled parameter would give identical rows: the schedule overwrites it.
void refuse_scheduled_axes(const StageModel& model, const Timeline& timeline, const SweepSpec& spec) {
    for (std::size_t a = 0; a < spec.axis_entries.size(); ++a)
        for (std::size_t e : spec.axis_entries[a])
            if (const ScheduledParameter* s = schedule_driving(timeline, e))
                throw InputError(s->schedule.where(),
                                 "a sweep varies " + model.parameters()[e].path + ", but this schedule for " + s->schedule.path() +
                                     " sets it in every period of the timeline: every row would be the same",
                                 "sweep a parameter the schedule does not drive, or the schedule's own values in a copy of the scenario");
}

}  // namespace

SweepSpec make_sweep(const StageModel& model, Design design, SweepAnalysis analysis, std::vector<std::string> columns) {
    SweepSpec spec;
    const SourceLocation where{"--param", 0, 0};
    // Two axes on one parameter would overwrite each other: the later one wins while the
    // earlier one's column still shows values that were never used.
    std::map<std::size_t, std::size_t> axis_of_entry;
    for (std::size_t a = 0; a < design.axes.size(); ++a) {
        const Axis& axis = design.axes[a];
        auto entries = model.parameters().resolve(axis.path, where);
        for (std::size_t e : entries) {
            model.parameters().check_value(e, axis.lower, where);
            model.parameters().check_value(e, axis.upper, where);
            const auto [at, fresh] = axis_of_entry.emplace(e, a);
            if (!fresh)
                throw InputError(where, "the axes " + design.axes[at->second].path + " and " + axis.path +
                                            " both set " + model.parameters()[e].path,
                                 "sweep each parameter on one axis only");
        }
        spec.axis_entries.push_back(std::move(entries));
    }
    if (analysis == SweepAnalysis::timeline && !spec.axis_entries.empty()) refuse_scheduled_axes(model, read_timeline(model), spec);
    const std::vector<std::string> available = sweep_columns(model.game(), analysis);
    if (columns.empty())  // label paths are long: only on request
        for (const auto& c : available)
            if (!is_long_column(c)) columns.push_back(c);
    for (const auto& c : columns)
        if (std::find(available.begin(), available.end(), c) == available.end())
            throw InputError({"--columns", 0, 0}, "the " + std::string(to_string(analysis)) + " analysis has no column '" + c + "'",
                             suggest(c, available));
    if (analysis == SweepAnalysis::timeline) (void)read_timeline(model);  // errors now, not mid-sweep
    spec.design = std::move(design);
    spec.analysis = analysis;
    spec.columns = std::move(columns);
    return spec;
}

bool is_long_column(std::string_view column) {
    return column.ends_with("_path") || column.ends_with("_distribution") || column == "equilibria";
}

std::string label_path(const std::vector<double>& times, const std::vector<std::string>& labels) {
    std::string out;
    for (std::size_t k = 0; k < labels.size(); ++k)
        if (k == 0 || labels[k] != labels[k - 1]) out += (out.empty() ? "" : ";") + format_number(times[k]) + ":" + labels[k];
    return out;
}

std::vector<PathSegment> read_label_path(const std::string& text) {
    std::vector<PathSegment> out;
    for (const std::string& item : split(text, ';')) {
        const auto colon = item.find(':');
        const auto time = colon == std::string::npos ? std::nullopt : parse_number(item.substr(0, colon));
        if (!time) throw Error("malformed label path entry '" + item + "' (expected TIME:LABEL)");
        out.push_back({*time, item.substr(colon + 1)});
    }
    return out;
}

std::pair<std::size_t, std::size_t> shard_range(std::size_t size, int k, int n) {
    // floor(size * k / n) without overflow: size = q n + r gives q k + floor(r k / n).
    const auto boundary = [&](std::size_t j) {
        const std::size_t parts = static_cast<std::size_t>(n);
        return (size / parts) * j + (size % parts) * j / parts;
    };
    return {boundary(static_cast<std::size_t>(k)), boundary(static_cast<std::size_t>(k + 1))};
}

namespace {

std::string cell(double v) { return format_number(v); }

// An outcome distribution by the stage column it describes: "configuration",
// "PLAYER_alignment", "PLAYER_role", "PLAYER_backs".
std::vector<std::pair<std::string, const std::map<std::string, double>*>> outcome_columns(const Game& game,
                                                                                          const OutcomeDistribution& d) {
    std::vector<std::pair<std::string, const std::map<std::string, double>*>> out;
    if (!d.configuration.empty()) out.emplace_back("configuration", &d.configuration);
    for (int i = 0; i < game.player_count(); ++i) {
        if (static_cast<std::size_t>(i) < d.alignment.size()) out.emplace_back(game.players[i] + "_alignment", &d.alignment[i]);
        if (static_cast<std::size_t>(i) < d.role.size() && !d.role[i].empty()) out.emplace_back(game.players[i] + "_role", &d.role[i]);
        if (static_cast<std::size_t>(i) < d.backs.size() && !d.backs[i].empty()) out.emplace_back(game.players[i] + "_backs", &d.backs[i]);
    }
    return out;
}

// "china:0.7;us:0.3" (see sweep.hpp, the _distribution columns).
std::string distribution_cell(const std::map<std::string, double>* d) {
    std::string out;
    for (const auto& [label, p] : *d) out += (out.empty() ? "" : ";") + label + ":" + cell(p);
    return out;
}

// "configuration=stable_marriage,russia_alignment=china,...": each column's most likely label.
std::string modal_labels(const Game& game, const OutcomeDistribution& d) {
    std::string out;
    for (const auto& [column, distribution] : outcome_columns(game, d)) {
        if (distribution->empty()) continue;
        const auto best = std::max_element(distribution->begin(), distribution->end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        out += (out.empty() ? "" : ",") + column + "=" + best->first;
    }
    return out;
}

std::string joined(const std::set<std::string>& labels) {
    std::string out;
    for (const auto& l : labels) out += (out.empty() ? "" : ";") + l;
    return out;
}

using Values = std::map<std::string, std::string>;  // cell by column name

// The pure analysis: how many pure equilibria, and the configurations and alignments they show.
void pure_values(const Game& game, Values& values) {
    const int n = game.player_count();
    const auto eqs = pure_equilibrium_profiles(game, payoff_tolerance(game)).profiles;
    values["pure_count"] = std::to_string(eqs.size());
    if (!game.has_stances()) return;
    std::set<std::string> configurations;
    std::vector<std::set<std::string>> alignments(n);
    for (const std::size_t e : eqs) {
        const Structure s = read_structure(warmth_matrix(game, e));
        if (n == 3) configurations.insert(std::string(to_string(s.triads.front().configuration)));
        for (int i = 0; i < n; ++i) alignments[i].insert(alignment_label(game, s.alignment[i]));
    }
    values["configurations"] = joined(configurations);
    for (int i = 0; i < n; ++i) values[game.players[i] + "_alignments"] = joined(alignments[i]);
}

// The selected outcome's labels and their probabilities.
void prediction_values(const Game& game, const Prediction& p, Values& values) {
    values["configuration"] = p.selected_configuration;
    values["configuration_probability"] = cell(p.configuration_probability);
    for (int i = 0; i < game.player_count() && game.has_stances(); ++i) {
        values[game.players[i] + "_alignment"] = p.selected_alignment[i];
        values[game.players[i] + "_alignment_probability"] = cell(p.alignment_probability[i]);
        if (!p.selected_role.empty()) values[game.players[i] + "_role"] = p.selected_role[i];
        if (!p.selected_backs.empty() && !p.backs[i].empty()) {
            values[game.players[i] + "_backs"] = p.selected_backs[i];
            values[game.players[i] + "_backs_probability"] = cell(p.backs_probability[i]);
        }
    }
}

// Every pure equilibrium's labels or, in a game without one, the QRE limit's most likely ones
// ("can the model reach the expected outcome at all?"). Tracing the QRE costs about ten stage
// analyses, so it stands in only where it must.
// Listed for the first kMaxListedEquilibria equilibria only (then "|..."): each costs a pass
// over the profiles, and a degenerate game may have a million.
std::string reachable_labels(const Game& game, const std::vector<std::size_t>& eqs) {
    std::string reachable;
    Eigen::VectorXd one_hot = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(game.space.size()));
    for (std::size_t k = 0; k < eqs.size(); ++k) {
        if (k == kMaxListedEquilibria) {
            reachable += "|...";
            break;
        }
        one_hot(static_cast<Eigen::Index>(eqs[k])) = 1.0;
        reachable += (reachable.empty() ? "" : "|") + modal_labels(game, outcome_distribution(game, one_hot));
        one_hot(static_cast<Eigen::Index>(eqs[k])) = 0.0;
    }
    if (eqs.empty()) {
        const QreResult qre = trace_qre(game);
        reachable = modal_labels(game, outcome_distribution(game, product_distribution(game, qre.limit.strategy)));
    }
    return reachable;
}

// The stage analysis, each part only when a column shows it: the selection rule's prediction
// (a stationary distribution, perhaps a QRE trace), the pure count, the distributions and the
// reachable outcomes.
void stage_values(const Game& game, const Scenario& scenario, const StageNeeds& needs, Values& values) {
    std::optional<Prediction> p;
    if (needs.prediction) {
        p = predict(game, read_selection_rule(scenario));
        prediction_values(game, *p, values);
    }
    std::vector<std::size_t> eqs;
    if (needs.pure) {
        eqs = pure_equilibrium_profiles(game, payoff_tolerance(game)).profiles;
        values["pure_count"] = std::to_string(eqs.size());
    }
    if (!needs.outcomes || !game.has_stances()) return;
    if (p) {
        const OutcomeDistribution selected{p->configuration, p->alignment, p->role, p->backs};
        for (const auto& [column, distribution] : outcome_columns(game, selected))
            values[column + "_distribution"] = distribution_cell(distribution);
    }
    if (needs.pure) values["equilibria"] = reachable_labels(game, eqs);
}

// The label paths of a run: each player's alignment and role, and the configuration.
void path_values(const Game& game, const RunResult& run, Values& values) {
    const int n = game.player_count();
    std::vector<double> times;
    for (const auto& r : run.periods) times.push_back(r.time);
    std::vector<std::string> labels(run.periods.size());
    for (int i = 0; i < n && game.has_stances(); ++i) {
        for (std::size_t k = 0; k < labels.size(); ++k) labels[k] = alignment_label(game, run.periods[k].alignment[i]);
        values[game.players[i] + "_alignment_path"] = label_path(times, labels);
        if (n != 3) continue;
        for (std::size_t k = 0; k < labels.size(); ++k) {
            const TriadReading& t = *run.periods[k].triangle;
            for (int a = 0; a < 3; ++a)
                if (t.players[a] == i) labels[k] = std::string(to_string(t.roles[a]));
        }
        values[game.players[i] + "_role_path"] = label_path(times, labels);
    }
    if (n == 3 && game.has_stances()) {
        for (std::size_t k = 0; k < labels.size(); ++k)
            labels[k] = std::string(to_string(run.periods[k].triangle->configuration));
        values["configuration_path"] = label_path(times, labels);
    }
}

// The timeline analysis: the first shift, the shift count, the paths (when a column asks:
// long strings) and the configurations' shares of the run.
void timeline_values(const Game& game, const RunResult& run, bool wants_paths, Values& values) {
    if (!run.shifts.empty()) {
        const ShiftEvent& s = run.shifts.front();
        values["first_shift_time"] = cell(s.time);
        values["first_shift_what"] = to_string(s.what);
        values["first_shift_from"] = s.from;
        values["first_shift_to"] = s.to;
    }
    values["shifts"] = std::to_string(run.shifts.size());
    if (wants_paths) path_values(game, run, values);
    if (game.player_count() == 3 && game.has_stances()) {
        std::map<std::string, double> share;
        for (const auto& r : run.periods) share[std::string(to_string(r.triangle->configuration))] += 1.0 / run.periods.size();
        values["final_configuration"] = std::string(to_string(run.periods.back().triangle->configuration));
        for (const auto& c : configuration_names()) values["share_" + std::string(c)] = cell(share[std::string(c)]);
    }
}

}  // namespace

SweepEvaluator::SweepEvaluator(const StageModel& model, const SweepSpec& spec)
    : base_(model), spec_(spec), model_(model),
      wants_paths_(std::any_of(spec.columns.begin(), spec.columns.end(), [](const std::string& c) { return c.ends_with("_path"); })) {
    for (const auto& c : spec.columns) {
        const bool from_pure = c == "pure_count" || c == "equilibria";
        stage_needs_.pure = stage_needs_.pure || from_pure;
        stage_needs_.prediction = stage_needs_.prediction || !from_pure;
        stage_needs_.outcomes = stage_needs_.outcomes || c.ends_with("_distribution") || c == "equilibria";
    }
    if (spec.analysis == SweepAnalysis::timeline) {
        timeline_ = read_timeline(model);
        if (!timeline_->initial) timeline_->initial = default_initial_profile(model, *timeline_);
        refuse_scheduled_axes(model, *timeline_, spec);
    }
}

std::vector<std::string> SweepEvaluator::evaluate(std::span<const double> point) {
    model_.reset_to(base_);
    for (std::size_t a = 0; a < point.size(); ++a)
        for (std::size_t e : spec_.axis_entries[a]) model_.set(e, point[a]);
    const Game& game = model_.game();
    Values values;
    switch (spec_.analysis) {
        case SweepAnalysis::pure: pure_values(game, values); break;
        case SweepAnalysis::stage: stage_values(game, model_.scenario(), stage_needs_, values); break;
        case SweepAnalysis::timeline: {
            const RunResult run = run_timeline(model_, *timeline_, timeline_->seed, {.explain_shifts = false, .record_parameters = false});
            timeline_values(game, run, wants_paths_, values);
            break;
        }
    }
    std::vector<std::string> cells;
    cells.reserve(spec_.columns.size());
    for (const auto& c : spec_.columns) cells.push_back(values[c]);
    return cells;
}

std::string SweepEvaluator::evaluate_column(std::span<const double> point, const std::string& column) {
    const auto cells = evaluate(point);
    for (std::size_t c = 0; c < spec_.columns.size(); ++c)
        if (spec_.columns[c] == column) return cells[c];
    throw Error("no column '" + column + "' in this sweep");
}

std::vector<Boundary> find_boundaries(const StageModel& model, const SweepSpec& spec, std::size_t along,
                                      const std::string& column, double tolerance) {
    const Design& design = spec.design;
    if (design.kind != DesignKind::grid) throw Error("boundaries need a grid design");
    const Axis& axis = design.axes.at(along);
    Design others = design;
    others.axes.erase(others.axes.begin() + static_cast<long>(along));
    const std::size_t combinations = others.axes.empty() ? 1 : others.size();
    SweepEvaluator evaluator(model, spec);
    std::vector<Boundary> out;
    std::vector<double> point(design.axes.size()), rest(others.axes.size());
    const std::size_t n = std::max<std::size_t>(1, axis.count);
    // The sweep's own grid values, so that the labels either side are those of its rows.
    auto grid_x = [&](std::size_t i) { return grid_value(axis, i); };
    for (std::size_t k = 0; k < combinations; ++k) {
        if (!others.axes.empty()) design_point(others, k, rest);
        for (std::size_t a = 0, r = 0; a < design.axes.size(); ++a)
            if (a != along) point[a] = rest[r++];
        auto label_at = [&](double x) {
            point[along] = x;
            return evaluator.evaluate_column(point, column);
        };
        std::string previous = label_at(grid_x(0));
        for (std::size_t i = 1; i < n; ++i) {
            double lo = grid_x(i - 1), hi = grid_x(i);
            const std::string next = label_at(hi);
            if (next == previous) continue;
            while (hi - lo > tolerance) {  // the label at lo is `previous`, at hi it is not
                const double mid = 0.5 * (lo + hi);
                if (label_at(mid) == previous) lo = mid;
                else hi = mid;
            }
            out.push_back({rest, previous, label_at(hi), lo, hi});
            previous = next;
        }
    }
    return out;
}

std::string default_boundary_column(const SweepSpec& spec) {
    // pure_count, the pure analysis's first column, rarely changes where the outcome does.
    for (const char* label : {"configuration", "configurations", "final_configuration"})
        if (std::find(spec.columns.begin(), spec.columns.end(), label) != spec.columns.end()) return label;
    if (spec.columns.empty()) throw Error("a sweep without columns has no boundary to find");
    return spec.columns.front();
}

std::size_t run_sweep(const StageModel& model, const SweepSpec& spec, const SweepOptions& options,
                      const std::function<void(const std::vector<SweepRow>&)>& emit) {
    const DesignSampler sampler(spec.design);
    return run_sweep(model, spec, options, [&](std::size_t index, std::span<double> out) { sampler.point(index, out); }, emit);
}

std::size_t run_sweep(const StageModel& model, const SweepSpec& spec, const SweepOptions& options, const PointSource& point_of,
                      const std::function<void(const std::vector<SweepRow>&)>& emit) {
    const std::size_t first = options.first, last = std::max(options.first, options.last);
    const std::size_t chunk = std::max<std::size_t>(1, options.chunk);
    const std::size_t chunks = (last - first + chunk - 1) / chunk;
    const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(std::max<std::size_t>(1, chunks))));
    sweep_detail::OrderedChunks queue(chunks, static_cast<std::size_t>(threads) * 4, options.stop);

    auto worker = [&] {
        try {
            SweepEvaluator evaluator(model, spec);
            std::vector<double> point(spec.design.axes.size());
            while (const auto c = queue.take()) {
                std::vector<SweepRow> rows;
                const std::size_t begin = first + *c * chunk, end = std::min(last, begin + chunk);
                for (std::size_t index = begin; index < end; ++index) {
                    point_of(index, point);
                    rows.push_back({index, point, evaluator.evaluate(point)});
                }
                queue.put(*c, std::move(rows));
            }
        } catch (...) {
            queue.fail(std::current_exception());
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) pool.emplace_back(worker);  // the calling thread writes

    std::size_t emitted_to = first;
    for (std::size_t c = 0; c < chunks; ++c) {
        const auto rows = queue.wait_for(c);
        if (!rows) break;
        try {
            emit(*rows);
        } catch (...) {
            queue.fail(std::current_exception());  // the writer failed (a full disk): stop the workers
            break;
        }
        if (!rows->empty()) emitted_to = rows->back().index + 1;
        if (options.stop && options.stop->load()) break;  // whole chunks so far; the rest on --resume
    }
    queue.finish(emitted_to >= last);
    for (auto& t : pool) t.join();
    queue.rethrow();
    return emitted_to;
}

}  // namespace triad
