// The report's figures (report_figures.hpp).
#include "triad/studies/report_figures.hpp"

#include "triad/dynamics/timeline.hpp"

#include <filesystem>

namespace triad {

bool is_dated(const Claim& claim) {
    for (const Expectation& e : claim.expect)
        if (e.window_from) return true;
    return false;
}

namespace {

std::string canonical(const std::string& path) { return std::filesystem::weakly_canonical(path).string(); }

// Models by file, each loaded once.
class Models {
public:
    const StageModel& get(const std::string& path) {
        const std::string key = canonical(path);
        auto found = models_.find(key);
        if (found == models_.end()) found = models_.emplace(key, StageModel(load_scenario(path))).first;
        return found->second;
    }

private:
    std::map<std::string, StageModel> models_;
};

TimelineFigure timeline_figure(const StageModel& model, const std::string& file, std::size_t stochastic_runs) {
    TimelineFigure figure;
    figure.file = file;
    Timeline timeline = read_timeline(model);
    if (!timeline.initial) timeline.initial = default_initial_profile(model, timeline);
    figure.runs = timeline.stochastic() ? stochastic_runs : 1;
    for (const TimelineEvent& e : timeline.events) figure.events.emplace_back(e.name, e.at);
    for (std::size_t r = 0; r < figure.runs; ++r) {
        const RunResult run = run_timeline(model, timeline, run_seed(timeline.seed, static_cast<int>(r)),
                                           {.explain_shifts = false, .record_parameters = false});
        if (figure.times.empty()) {
            for (const PeriodRecord& p : run.periods) figure.times.push_back(p.time);
            figure.shares.resize(run.periods.size());
        }
        for (std::size_t k = 0; k < run.periods.size(); ++k)
            figure.shares[k][configuration_label(run.periods[k])] += 1.0 / static_cast<double>(figure.runs);
    }
    return figure;
}

void remember_long_names(std::map<std::string, std::string>& names, const StageModel& model, const std::vector<Axis>& axes) {
    for (const Axis& a : axes) {
        if (names.count(a.path)) continue;
        try {
            const auto entries = model.parameters().resolve(a.path);
            names[a.path] = model.parameters()[entries.front()].spec->name;
        } catch (const InputError&) {
            names[a.path] = "";
        }
    }
}

}  // namespace

ReportFigures compute_report_figures(const Comparison& comparison, const FigureOptions& options) {
    ReportFigures figures;
    Models models;
    std::vector<std::string> timeline_files;
    for (const EvaluatedClaim& e : comparison.claims) {
        const StageModel& model = models.get(e.file);
        const Claim& claim = e.result.claim;
        if (is_dated(claim)) {
            figures.claims.emplace_back();
            const std::string key = canonical(e.file);
            if (std::find(timeline_files.begin(), timeline_files.end(), key) == timeline_files.end()) {
                timeline_files.push_back(key);
                figures.timelines.push_back(timeline_figure(model, e.file, options.timeline_runs));
            }
            continue;
        }
        figures.claims.push_back(claim_phase_map(model, claim, options.resolution, options.threads));
        remember_long_names(figures.long_names, model, figures.claims.back().axes);
    }
    for (const ComparedPair& pair : comparison.disagreements) {
        const StageModel& shared = models.get(pair.result.shared_scenario);
        figures.disagreements.push_back(disagreement_phase_map(shared, pair.result, options.resolution, options.threads));
        remember_long_names(figures.long_names, shared, figures.disagreements.back().axes);
    }
    for (const std::string& file : comparison.files) figures.scenario_hashes.emplace_back(file, load_scenario(file).content_hash);
    return figures;
}

}  // namespace triad
