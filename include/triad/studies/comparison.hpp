// The comparison of scenarios that `triad compare` runs (docs/model.md section 7): every
// prediction of every scenario evaluated in its own scenario, then every pair of
// contradicting claims judged on one shared model.
//
// The shared model of a pair is the nearest scenario file both claims' scenarios build on
// (through `extends:`; for the essays, scenarios/baseline.yaml). The first claim's own scenario
// is used instead when there is no common file, when the common file has no timeline and the
// claims are about a run, or when a claim's parameters do not exist there; the pair then
// records why.
#pragma once

#include "triad/scenario/scenario.hpp"
#include "triad/studies/disagreements.hpp"
#include "triad/studies/predictions.hpp"

#include <optional>
#include <string>
#include <vector>

namespace triad {

struct EvaluatedClaim {
    ClaimResult result;
    std::string file;  // the scenario the claim comes from
};

struct ComparedPair {
    Disagreement result;
    std::string fallback_reason;  // empty when the common base was used
    Verdict first_verdict = Verdict::fails, second_verdict = Verdict::fails;  // each claim's own, on its own region
};

struct Comparison {
    std::vector<std::string> files;  // the scenario files read, in order
    SamplingOptions sampling;        // how regions were sampled (uncertainty, samples, seed)
    std::vector<EvaluatedClaim> claims;
    std::vector<ComparedPair> disagreements;
};

// The scenario files named by `inputs`: files as given, folders searched recursively for
// .yaml files (sorted, so the order does not depend on the file system).
[[nodiscard]] std::vector<std::string> scenario_files(const std::vector<std::string>& inputs);

// Evaluates every claim of every file with `threads` workers; with `disagreements`, also every
// pair of contradicting claims (in claim order) on its shared model. Throws InputError for a
// file that is not a scenario, or a pair that no model can hold.
[[nodiscard]] Comparison compare_scenarios(const std::vector<std::string>& files, int threads, bool disagreements,
                                           const SamplingOptions& sampling = {});

// The nearest file both scenarios are built from: each lists its extends chain base first,
// itself last, so the first of x's files (from the end) that y also lists.
[[nodiscard]] std::optional<std::string> nearest_common_file(const Scenario& x, const Scenario& y);

// The first claim marked must_hold whose outcome does not hold (partly or fails), if any (for
// --strict: a must_hold claim guards the scenario's outcome; `regardless` still passes).
[[nodiscard]] const EvaluatedClaim* first_failed_must_hold(const Comparison& comparison);

}  // namespace triad
