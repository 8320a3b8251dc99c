// Aggregating the runs of a timeline (ensemble.hpp).
#include "triad/dynamics/ensemble.hpp"

#include <set>
#include <tuple>

namespace triad {

Ensemble summarize_runs(const Timeline& timeline, const std::vector<RunResult>& runs) {
    Ensemble e;
    e.runs = runs.size();
    const int periods = timeline.periods();
    const double share = 1.0 / static_cast<double>(runs.size());
    e.configuration_share.resize(static_cast<std::size_t>(periods));
    for (const auto& run : runs)
        for (int k = 0; k < periods; ++k) e.configuration_share[k][configuration_label(run.periods[k])] += share;
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, ShiftSpread> spreads;
    for (const auto& run : runs) {
        std::set<Key> made;  // a run that goes back and forth makes a shift twice, but counts once
        for (const auto& s : run.shifts) {
            // Keyed by the subject's text, so that the order is the one the reports have always had.
            const Key key{to_string(s.what), s.from, s.to};
            ShiftSpread& d = spreads[key];
            if (d.dates.empty()) d.what = s.what;
            d.dates[s.time] += 1;
            if (d.causes.empty()) d.causes = s.causes;
            if (made.insert(key).second) ++d.count;
        }
    }
    for (auto& [key, d] : spreads) {
        d.from = std::get<1>(key);
        d.to = std::get<2>(key);
        double sum = 0.0;
        for (const auto& [time, c] : d.dates) d.occurrences += c, sum += time * c;
        d.share = d.count * share;
        d.mean_time = sum / d.occurrences;
        e.shifts.push_back(std::move(d));
    }
    return e;
}

}  // namespace triad
