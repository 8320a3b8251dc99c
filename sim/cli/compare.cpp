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
    "Tests the predictions of scenarios: each author's claims, stated as an expected outcome\n"
    "over a region of parameter space and, where the author gives a reason, the cause that\n"
    "produces it (see scenarios/README.md, 'predictions:', and docs/model.md, section 7).\n\n"
    "Each claim is evaluated where its cause is present and, as a placebo, where it is absent,\n"
    "on the SAME draws of every value the claim does not fix: those values come from the\n"
    "scenario's 'uncertainty:' section (a seeded Latin hypercube of --samples points). The\n"
    "verdicts:\n"
    "  supported   holds with its cause, and the share is lower by at least min_effect\n"
    "              without it (irrelevant causes: the share moves by at most min_effect)\n"
    "  regardless  holds, but about as well without its cause: the model does not back the\n"
    "              author's reason\n"
    "  holds       holds; the claim names no cause, so its reason was not tested\n"
    "  partly      holds on less than the required share (holds_if, default 90%)\n"
    "  fails       holds on at most the complement of that share\n"
    "Every share comes with a 95% Wilson interval. Stage claims also report the selection\n"
    "rule's mean probability of the expected outcome and the share of points where an\n"
    "equilibrium reaches it (can the model get there at all?). Boundaries are sought along\n"
    "each axis from five base points. Without any uncertain value (or with --no-uncertainty)\n"
    "a grid of 'points' values per axis is evaluated instead and its shares are exact.\n\n"
    "A second part, 'Where the authors disagree', pairs claims of different authors that\n"
    "contradict each other (on some target no outcome satisfies both) and asks where each is\n"
    "right on common ground: ONE model (the nearest scenario both build on, for the essays\n"
    "scenarios/baseline.yaml) and ONE region (the union of where both are asserted), sampled\n"
    "the same way; the shares say who is right where, and add up to 100%.\n\n"
    "The summary counts verdicts; it is not a score of who is right. With --strict the exit\n"
    "code is 1 if a claim marked must_hold has an outcome that does not hold (partly or\n"
    "fails). The csv format lists the claims only; json carries every figure, the seed and\n"
    "the sample count. FILES may be scenario files or folders (searched recursively for\n"
    ".yaml files; files without predictions are skipped).\n\n"
    "Examples:\n"
    "  triad compare scenarios/\n"
    "  triad compare scenarios/essays --format markdown -o comparison.md\n"
    "  triad compare scenarios/ --samples 1000 --seed 7 --format json\n"
    "  triad compare scenarios/essays/katz.yaml --no-uncertainty\n";

}  // namespace

int run_compare(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> inputs;
    std::string format_text, output;
    bool strict = false;
    int threads = 0;
    SamplingArgs sampling_args;
    options.add_options()
        ("inputs", po::value(&inputs)->value_name("FILE")->multitoken(), "scenario files or folders (default: scenarios)")
        ("format,f", po::value(&format_text)->default_value("table"), "table, markdown, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output");
    add_sampling_options(options, sampling_args);
    options.add_options()
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
    const SamplingOptions sampling = sampling_of(sampling_args, "compare");
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
