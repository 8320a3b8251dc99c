// The comparison of scenarios: claims, then contradicting pairs on a shared model (comparison.hpp).
#include "triad/studies/comparison.hpp"

#include "triad/core/error.hpp"
#include "triad/scenario/loaded_game.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace triad {

namespace {

// Scenario models loaded once each (claims' own files and the files they share), by canonical
// path: many pairs share one base.
class ScenarioCache {
public:
    const StageModel& get(const std::string& path) {
        const std::string key = std::filesystem::weakly_canonical(path).string();
        auto found = loaded_.find(key);
        if (found == loaded_.end()) found = loaded_.emplace(key, load_game(path, {})).first;
        if (!found->second.model) throw InputError({path, 0, 0}, "not a scenario file: claims and their models come from scenarios");
        return *found->second.model;
    }

private:
    std::map<std::string, LoadedGame> loaded_;
};

bool same_file(const std::string& a, const std::string& b) {
    return std::filesystem::weakly_canonical(a) == std::filesystem::weakly_canonical(b);
}

}  // namespace

std::optional<std::string> nearest_common_file(const Scenario& x, const Scenario& y) {
    for (auto file = x.files.rbegin(); file != x.files.rend(); ++file)
        for (const auto& other : y.files)
            if (same_file(*file, other)) return *file;
    return std::nullopt;
}

namespace {

InputError cannot_compare(const Claim& first, const Claim& second, const std::string& why) {
    // The first claim's own paths exist in its scenario (read_claims checked): the second's do not.
    return InputError(second.where, "claims '" + first.id + "' and '" + second.id +
                                        "' contradict each other but cannot be evaluated on one model (" + why +
                                        "): give them parameters that exist in a scenario both build on");
}

// A pair of contradicting claims on common ground: the nearest file both scenarios build on,
// else (no such file, no timeline for claims about a run, or a parameter missing there) the
// first claim's own scenario, else the second's, with the reason.
ComparedPair compare_pair(ScenarioCache& cache, const ClaimResult& a, const ClaimResult& b, int workers,
                          const SamplingOptions& sampling) {
    const Claim& first = a.claim;
    const Claim& second = b.claim;
    auto on = [&](const StageModel& model, const std::string& reason) {
        return ComparedPair{evaluate_disagreement(model, first, second, workers, sampling), reason, a.verdict, b.verdict};
    };
    std::string reason = "the two scenarios build on no common file";
    const auto common = nearest_common_file(cache.get(first.scenario).scenario(), cache.get(second.scenario).scenario());
    if (common) {
        try {
            const StageModel& shared = cache.get(*common);
            const TreeNode* timeline = shared.scenario().document.find("timeline");
            if (first.analysis == SweepAnalysis::timeline && (!timeline || timeline->is_null()))
                reason = *common + " has no timeline";
            else
                return on(shared, "");
        } catch (const InputError& e) {
            reason = "in " + *common + ": " + e.message();
        }
    }
    // Then each claim's own scenario, the first's before the second's: a parameter only one
    // essay declares (a policy of its own) exists in that essay's scenario.
    std::string why = reason;
    for (const std::string* own : {&first.scenario, &second.scenario}) {
        try {
            return on(cache.get(*own), reason);
        } catch (const InputError& e) {
            why += "; in " + *own + ": " + e.message();
        }
    }
    throw cannot_compare(first, second, why);
}

}  // namespace

std::vector<std::string> scenario_files(const std::vector<std::string>& inputs) {
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        namespace fs = std::filesystem;
        if (fs::is_directory(input)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(input))
                if (entry.path().extension() == ".yaml") found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }
    return files;
}

Comparison compare_scenarios(const std::vector<std::string>& files, int threads, bool disagreements,
                             const SamplingOptions& sampling) {
    Comparison comparison;
    comparison.files = files;
    comparison.sampling = sampling;
    ScenarioCache cache;
    for (const auto& file : files) {
        const StageModel& model = cache.get(file);
        for (const auto& claim : read_claims(model)) comparison.claims.push_back({evaluate_claim(model, claim, threads, sampling), file});
    }
    const auto& all = comparison.claims;
    if (disagreements)
        for (std::size_t a = 0; a < all.size(); ++a)
            for (std::size_t b = a + 1; b < all.size(); ++b)
                if (contradict(all[a].result.claim, all[b].result.claim))
                    comparison.disagreements.push_back(compare_pair(cache, all[a].result, all[b].result, threads, sampling));
    return comparison;
}

const EvaluatedClaim* first_failed_must_hold(const Comparison& comparison) {
    for (const auto& e : comparison.claims)
        if (e.result.claim.must_hold && !outcome_holds(e.result.verdict)) return &e;
    return nullptr;
}

}  // namespace triad
