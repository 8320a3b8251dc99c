// The figures of the HTML report, computed: a phase map per claim and per disagreement, and
// for each scenario with dated claims its timeline against the record (report/html_report.hpp
// draws them). Every figure is a pure function of the comparison and the scenarios, so the
// same inputs give the same report whatever the thread count.
#pragma once

#include "triad/studies/comparison.hpp"
#include "triad/studies/phase_map.hpp"

#include <map>
#include <string>
#include <vector>

namespace triad {

// A timeline scenario's configuration over time: per period, the share of seeded runs in each
// configuration (one run when no rule is stochastic), its events, and its dated claims.
struct TimelineFigure {
    std::string file;
    std::vector<double> times;
    std::vector<std::map<std::string, double>> shares;  // per period: configuration -> share of runs
    std::size_t runs = 1;
    std::vector<std::pair<std::string, double>> events;  // name, time
};

struct ReportFigures {
    std::vector<PhaseMap> claims;         // one per comparison.claims entry (empty axes: a dated claim)
    std::vector<PhaseMap> disagreements;  // one per comparison.disagreements entry
    std::vector<TimelineFigure> timelines;
    std::map<std::string, std::string> long_names;  // parameter path -> the parameter's long name
    std::vector<std::pair<std::string, std::string>> scenario_hashes;  // every file read, with its content hash
};

struct FigureOptions {
    std::size_t resolution = 16;  // cells per map axis
    std::size_t timeline_runs = 20;  // seeded runs of a stochastic timeline
    int threads = 1;
};

[[nodiscard]] ReportFigures compute_report_figures(const Comparison& comparison, const FigureOptions& options);

// Is the claim dated (`at:`), so that its figure is its scenario's timeline?
[[nodiscard]] bool is_dated(const Claim& claim);

}  // namespace triad
