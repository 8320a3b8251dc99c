// triad compare: every prediction of every scenario, evaluated; where each claim holds, where
// it stops holding, and where the authors disagree.
#include "cli.hpp"

#include "triad/report/compare_report.hpp"
#include "triad/studies/comparison.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace triad::cli {

namespace {

const char* kAbout =
    "Evaluates the predictions of scenarios: each author's claims, stated as an expected\n"
    "outcome over a region of parameter space (see scenarios/README.md, 'predictions:'). For\n"
    "every claim it reports the verdict (holds: met on at least the required share of its\n"
    "region; fails: met on at most the complement; partly: in between), the share of the\n"
    "region where it holds, the boundary where it stops holding (the parameter value where the\n"
    "outcome flips, by bisection along each axis through the region's centre) and the outcome\n"
    "at the centre. Each claim is evaluated in its own scenario, with its author's parameters.\n"
    "The table and markdown formats open with a count of verdicts per author.\n\n"
    "A second part, 'Where the authors disagree', pairs claims of different authors that\n"
    "contradict each other (on some target no outcome satisfies both) and asks where each is\n"
    "right on common ground: both are evaluated on ONE model and ONE region, so the shares say\n"
    "who wins where rather than how each fares on its own turf. The model is the nearest\n"
    "scenario file both authors' scenarios build on (through 'extends'; for the essays\n"
    "scenarios/baseline.yaml); the first claim's own scenario is used instead when there is no\n"
    "common file, when it has no timeline and the claims are about a run, or when a claim's\n"
    "parameters do not exist in it (the output says which model was used and why). The region\n"
    "is the union of both claims' regions (a parameter in both spans both ranges), on a grid\n"
    "with the smaller of the two claims' points per axis (4 per axis when 4 or more\n"
    "parameters vary, to keep the grid small). Every point goes to the first claim, the second\n"
    "or neither; the shares add up to 100%. Along each axis through the region's centre the\n"
    "first place where the winner changes is found by bisection ('flips').\n\n"
    "With --strict the exit code is 1 if a claim marked must_hold does not hold (for\n"
    "regression tests of scenarios). The csv format lists the claims only; the pairs are in\n"
    "the table, markdown and json formats.\n\n"
    "FILES may be scenario files or folders (searched recursively for .yaml files; files\n"
    "without predictions are skipped).\n\n"
    "Examples:\n"
    "  triad compare scenarios/\n"
    "  triad compare scenarios/essays --format markdown -o comparison.md\n"
    "  triad compare scenarios/ --format json --strict\n";

}  // namespace

int run_compare(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> inputs;
    std::string format_text, output;
    bool strict = false, no_uncertainty = false;
    int threads = 0;
    SamplingOptions sampling;
    long long samples = static_cast<long long>(sampling.samples), seed = static_cast<long long>(sampling.seed);
    options.add_options()
        ("inputs", po::value(&inputs)->multitoken(), "scenario files or folders (default: scenarios)")
        ("format,f", po::value(&format_text)->default_value("table"), "table, markdown, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output")
        ("samples,n", po::value(&samples)->default_value(samples),
         "draws per region (and per arm: cause present, absent) of the values a claim does not fix; 400 keeps every 95% interval within +-5 points")
        ("seed", po::value(&seed)->default_value(seed), "seed of the draws (Latin hypercube): the same seed, the same figures")
        ("no-uncertainty", po::bool_switch(&no_uncertainty),
         "hold every value a claim does not fix at the scenario's own (a grid over the region, as before uncertainty existed)")
        ("strict", po::bool_switch(&strict), "exit 1 if a must_hold claim's outcome does not hold (partly or fails)")
        ("threads,j", po::value(&threads), "worker threads (default: all cores)");
    po::positional_options_description positional;
    positional.add("inputs", -1);
    const auto vm = parse_command(args, "compare", "triad compare [FILES or folders] [--format table|markdown|json|csv] [-o OUT] [--strict]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    static const std::vector<std::string> formats = {"table", "markdown", "json", "csv"};
    if (std::find(formats.begin(), formats.end(), format_text) == formats.end())
        throw UsageError("unknown format '" + format_text + "'; " + suggest(format_text, formats), "compare");
    if (inputs.empty()) inputs = {"scenarios"};
    if (samples < 2 || samples > 1000000) throw UsageError("--samples must be between 2 and 1000000", "compare");
    if (seed < 0) throw UsageError("--seed must be a whole number >= 0", "compare");
    sampling.samples = static_cast<std::size_t>(samples);
    sampling.seed = static_cast<std::uint64_t>(seed);
    sampling.uncertainty = !no_uncertainty;
    const int workers = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const bool csv = format_text == "csv";  // csv lists the claims only
    const Comparison comparison = compare_scenarios(scenario_files(inputs), workers, !csv, sampling);
    const std::string text = format_text == "json" ? render_compare_json(comparison)
                             : csv                 ? render_compare_csv(comparison)
                                                   : render_compare_text(comparison, format_text == "markdown");
    emit(text, output);
    if (strict)
        if (const EvaluatedClaim* failed = first_failed_must_hold(comparison)) {
            std::cerr << "triad: must_hold claim '" << failed->result.claim.id << "' " << to_string(failed->result.verdict) << " ("
                      << percent_whole(failed->result.share) << ")\n";
            return 1;
        }
    return 0;
}

}  // namespace triad::cli
