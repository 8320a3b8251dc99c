// Many runs of one timeline with derived seeds (`triad run --runs N`): the share of runs in each
// configuration per period, and for every shift (what, from, to) how many runs made it, when,
// and why (the causes of the first run that made it).
#pragma once

#include "triad/dynamics/run_record.hpp"
#include "triad/dynamics/timeline.hpp"

#include <map>
#include <string>
#include <vector>

namespace triad {

struct ShiftSpread {
    ShiftSubject what;
    std::string from, to;
    std::map<double, int> dates;     // time -> number of shifts at that time
    std::vector<ShiftCause> causes;  // of the first run that made the shift
    int count = 0;                   // runs that made the shift (at least once)
    int occurrences = 0;             // shifts counted over all runs: a run may make one twice
    double share = 0.0;              // count / runs: at most 1
    double mean_time = 0.0;          // mean of the dates, weighted by their counts
};

struct Ensemble {
    std::size_t runs = 0;
    // configuration_share[period][label]: the share of runs in that configuration.
    std::vector<std::map<std::string, double>> configuration_share;
    std::vector<ShiftSpread> shifts;  // ordered by (to_string(what), from, to)
};

// Aggregates runs of `timeline` (at least one; all with its period count).
[[nodiscard]] Ensemble summarize_runs(const Timeline& timeline, const std::vector<RunResult>& runs);

}  // namespace triad
