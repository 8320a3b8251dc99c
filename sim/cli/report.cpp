// triad report: the comparison as one self-contained HTML page, and a short summary.
#include "cli.hpp"

#include "triad/report/html_report.hpp"
#include "triad/studies/report_figures.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

namespace triad::cli {

namespace {

const char* kAbout =
    "Runs the comparison of 'triad compare' and writes it as one HTML page that opens offline\n"
    "in any browser and prints well: no scripts, fonts or images from the network, every figure\n"
    "inline SVG, colours from the Okabe-Ito palette with hatching so that it reads in greyscale.\n\n"
    "The page has the verdicts counted by author, a table of every claim linking to its\n"
    "section, and per claim: the author's words and passage, the verdict with its figures, and\n"
    "a phase map over two parameters (the claim's causes first, spanning where the cause is\n"
    "present and absent, then its region, then the uncertain values that move its outcome\n"
    "most), coloured by the outcome, hatched where the claim does not hold, with the boundary\n"
    "drawn and the cause-present and placebo regions outlined. A dated claim shows its\n"
    "scenario's run against the record instead. Each disagreement gets a map of who is right.\n"
    "The foot records every scenario's content hash, the seed, the sample count and the\n"
    "program's version. The terminal gets a short summary: the verdicts counted, the claims\n"
    "the model supports and those whose outcome it contradicts, and the report's path.\n\n"
    "Examples:\n"
    "  triad report scenarios/ -o report.html\n"
    "  triad report scenarios/essays/katz.yaml --resolution 24 -o katz.html\n"
    "  triad report scenarios/ --samples 100 --seed 3 -o quick.html\n";

}  // namespace

int run_report(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> inputs;
    std::string output = "report.html";
    int threads = 0;
    SamplingArgs sampling_args;
    FigureOptions figure_options;
    long long resolution = static_cast<long long>(figure_options.resolution);
    options.add_options()
        ("inputs", po::value(&inputs)->multitoken()->value_name("FILE"), "scenario files or folders (default: scenarios)")
        ("output,o", po::value(&output)->default_value(output), "the HTML file to write (atomically)");
    add_sampling_options(options, sampling_args);
    options.add_options()
        ("resolution", po::value(&resolution)->default_value(resolution), "cells per axis of each phase map (4 to 64)")
        ("threads,j", po::value(&threads), "worker threads (default: all cores; the report is the same for any count)");
    po::positional_options_description positional;
    positional.add("inputs", -1);
    const auto vm = parse_command(args, "report", "triad report [FILES or folders] [-o report.html] [--resolution N]", kAbout, options,
                                  positional);
    if (!vm) return 0;
    if (inputs.empty()) inputs = {"scenarios"};
    const SamplingOptions sampling = sampling_of(sampling_args, "report");
    if (resolution < 4 || resolution > 64) throw UsageError("--resolution must be between 4 and 64", "report");
    const int workers = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const Comparison comparison = compare_scenarios(scenario_files(inputs), workers, true, sampling);
    figure_options.resolution = static_cast<std::size_t>(resolution);
    figure_options.threads = workers;
    const ReportFigures figures = compute_report_figures(comparison, figure_options);
    std::string command = "triad report";
    for (const auto& a : args) command += " " + a;
    emit(render_html_report(comparison, figures, {command}), output);
    std::cout << render_report_summary(comparison) << "Report: " << output << "\n";
    return 0;
}

}  // namespace triad::cli
