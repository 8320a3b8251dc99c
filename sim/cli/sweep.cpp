// triad sweep and triad merge: an analysis over a design of parameter points, streamed to CSV
// or JSON Lines; resumable, shardable across machines, and mergeable.
#include "cli.hpp"
#include "set_option.hpp"
#include "progress.hpp"
#include "sweep_mpi.hpp"

#include "triad/core/parameters.hpp"
#include "triad/core/strings.hpp"
#include "triad/report/sweep_file.hpp"
#include "triad/report/sweep_merge.hpp"
#include "triad/report/sweep_output.hpp"
#include "triad/studies/sweep.hpp"
#include "triad/studies/sweep_section.hpp"

#include <algorithm>
#include <atomic>
#include <optional>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

namespace triad::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted = true; }

const char* kAbout =
    "Runs an analysis at every point of a design over one or more parameters and writes one\n"
    "row per point, in point order, as the points finish. The file opens with '#' lines that\n"
    "record the program version, the scenario's content hash, the design, the seed, the\n"
    "analysis and the command line, then one CSV header row (or JSON Lines objects).\n\n"
    "Designs: grid (PATH=LO:HI:N, N values per axis, the first axis varying slowest), uniform,\n"
    "lhs (Latin hypercube) and sobol (PATH=LO:HI, with --points and --seed).\n"
    "Analyses: stage (default: the selection rule's prediction per point: configuration,\n"
    "alignments, roles and their probabilities, and the number of pure equilibria), pure (the\n"
    "pure equilibria: how many, and their configurations and alignments) and timeline (the\n"
    "scenario's timeline per point: first shift, final configuration, share of periods in\n"
    "each configuration). --columns picks and orders the output columns.\n\n"
    "All cores are used by default (--threads); the output is identical for any thread count.\n"
    "With -o FILE the rows go chunk by chunk to FILE.partial, which is renamed to FILE once the\n"
    "last row is written and synced: FILE is always complete, and an earlier FILE survives a\n"
    "failed sweep. An interrupted sweep (Ctrl-C, kill, crash, full disk) leaves whole rows in\n"
    "FILE.partial; rerunning the same command with --resume continues them and ends with the\n"
    "same file as an uninterrupted run. A second sweep on the same FILE while one runs fails\n"
    "at once (a lock on FILE.partial). Every write is checked: a failure exits non-zero.\n"
    "--shard K/N computes only the K-th of N equal slices (K from 1), for job arrays on a\n"
    "cluster; 'triad merge' joins the shards' files after checking they come from one sweep.\n"
    "--boundary PATH finds, along that grid axis and for every value of the other axes, where\n"
    "the --boundary-of column changes, by bisection to --boundary-tolerance. The default column\n"
    "is the outcome's configuration: 'configuration' (stage), 'configurations' (pure: those of\n"
    "its equilibria), 'final_configuration' (timeline); else the first column. When the column\n"
    "never changes, a line on standard error says so.\n\n"
    "A scenario may declare its sweep under 'sweep:' (design, points, seed, analysis, columns,\n"
    "params: {PATH: LO:HI:N}); command-line options override it.\n\n"
    "Examples:\n"
    "  triad sweep scenarios/baseline.yaml --param russia.regime_fear=0:3:31 \\\n"
    "      --param ambition.a.china.russia=0:3:31 -o map.csv\n"
    "  triad sweep scenarios/baseline.yaml --design sobol --points 4096 \\\n"
    "      --param russia.regime_fear=0:3 --param wedge.omega=0:4 --analysis pure\n"
    "  triad sweep scenarios/baseline.yaml --param ambition.a.china.russia=0:4:41 \\\n"
    "      --param russia.regime_fear=0:3:4 --boundary ambition.a.china.russia\n"
    "  triad sweep ... --shard 2/8 -o part2.csv        then   triad merge part*.csv -o all.csv\n";

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, sep))
        if (!item.empty()) out.push_back(item);
    return out;
}

std::string no_boundary_message(const SweepSpec& spec, std::size_t along, const std::string& column) {
    const Axis& axis = spec.design.axes[along];
    std::string text = "triad: no boundary: " + column + " is the same at all " + std::to_string(axis.count) +
                       " grid values of " + axis.path;
    if (spec.design.axes.size() > 1) text += ", for every value of the other axes";
    std::vector<std::string> others;
    for (const auto& c : spec.columns)
        if (c != column) others.push_back(c);
    if (!others.empty()) text += "; --boundary-of follows another column: " + join(others, ", ");
    return text;
}

int run_boundary(const LoadedGame& loaded, const SweepSpec& spec, const std::string& axis_path, std::string of_column,
                 double tolerance, const std::string& output, const std::string& command) {
    const Design& design = spec.design;
    if (design.kind != DesignKind::grid) throw UsageError("--boundary needs a grid design", "sweep");
    std::size_t along = design.axes.size();
    for (std::size_t a = 0; a < design.axes.size(); ++a)
        if (design.axes[a].path == axis_path) along = a;
    if (along == design.axes.size()) {
        std::vector<std::string> paths;
        for (const auto& a : design.axes) paths.push_back(a.path);
        throw UsageError("--boundary names '" + axis_path + "', which is not a swept axis; " + suggest(axis_path, paths), "sweep");
    }
    if (of_column.empty()) of_column = default_boundary_column(spec);
    if (std::find(spec.columns.begin(), spec.columns.end(), of_column) == spec.columns.end())
        throw UsageError("--boundary-of names no column '" + of_column + "'; " + suggest(of_column, spec.columns), "sweep");
    const Axis& axis = design.axes[along];
    if (tolerance <= 0.0) tolerance = (axis.upper - axis.lower) / std::max<std::size_t>(1, axis.count - 1) * 1e-3;

    const std::vector<Boundary> boundaries = find_boundaries(*loaded.model, spec, along, of_column, tolerance);
    emit(render_boundaries_csv(loaded, spec, along, of_column, tolerance, command, boundaries), output);
    // A file of headers alone would look like a failed run: say that the column never changed.
    if (boundaries.empty()) std::cerr << no_boundary_message(spec, along, of_column) << "\n";
    return 0;
}


// What the command line asks for, as its options are read.
struct SweepCommand {
    std::string file, design_text, analysis_text, columns_text, format_text, output, shard_text, boundary, boundary_of;
    std::vector<std::string> params;
    std::size_t points = 0, chunk = 256;
    long long seed = -1;
    int threads = 0;
    bool resume = false, quiet = false;
    double boundary_tolerance = 0.0;
    bool points_given = false;  // --points was given (0 is not "unset")
    std::vector<std::string> sets;
};

po::options_description sweep_options(SweepCommand& c) {
    po::options_description options("Options");
    options.add_options()
        ("file", po::value(&c.file)->value_name("FILE")->required(), "scenario (.yaml)")
        ("param,p", po::value(&c.params)->composing(), "PATH=LO:HI:N (grid) or PATH=LO:HI (sampled); repeatable")
        ("design,d", po::value(&c.design_text), "grid (default), uniform, lhs or sobol")
        ("points,n", po::value(&c.points), "number of points of a sampled design")
        ("seed", po::value(&c.seed), "seed of the uniform and lhs designs (default 1)")
        ("analysis,a", po::value(&c.analysis_text), "stage (default), pure or timeline")
        ("columns", po::value(&c.columns_text), "comma-separated output columns (default: all of the analysis)")
        ("format,f", po::value(&c.format_text)->default_value("csv"), "csv or jsonl")
        ("output,o", po::value(&c.output), "write to this file (through FILE.partial, see above) instead of standard output")
        ("threads,j", po::value(&c.threads), "worker threads (default: all cores)")
        ("chunk", po::value(&c.chunk)->default_value(256), "points per chunk (unit of work and of writing)")
        ("shard", po::value(&c.shard_text), "K/N: compute only the K-th of N slices of the design (K from 1)")
        ("resume", po::bool_switch(&c.resume), "continue an interrupted sweep in -o FILE")
        ("quiet,q", po::bool_switch(&c.quiet), "no progress bar")
        ("boundary", po::value(&c.boundary), "PATH: find where --boundary-of changes along this grid axis")
        ("boundary-of", po::value(&c.boundary_of), "the column whose change marks the boundary (default: the configuration, see above)")
        ("boundary-tolerance", po::value(&c.boundary_tolerance), "bisection stops below this width (default: step/1000)");
    add_set_option(options, "its value at every point (a swept axis on the same path overrides it)");
    return options;
}

// --format: true for JSON Lines, false for CSV.
bool jsonl_format(const std::string& format_text) {
    if (format_text != "csv" && format_text != "jsonl")
        throw UsageError("unknown format '" + format_text + "'; " + suggest(format_text, std::vector<std::string>{"csv", "jsonl"}), "sweep");
    return format_text == "jsonl";
}

// The scenario's `sweep:` design with the command line's --param, --design, --points and
// --seed put over it, checked for what each kind of design needs.
Design sweep_design(const SweepCommand& c, Design design) {
    if (!c.params.empty()) {
        design.axes.clear();
        const SourceLocation where{"--param", 0, 0};
        for (const auto& p : c.params) design.axes.push_back(parse_axis(p, where));
    }
    if (design.axes.empty()) throw UsageError("nothing to sweep: give --param PATH=LO:HI:N (or a sweep: section)", "sweep");
    if (!c.design_text.empty()) {
        const auto kind = parse_design_kind(c.design_text);
        if (!kind)
            throw UsageError("unknown design '" + c.design_text + "'; " +
                                 suggest(c.design_text, std::vector<std::string>{"grid", "uniform", "lhs", "sobol"}), "sweep");
        design.kind = *kind;
    }
    if (c.points_given) design.points = c.points;
    if (c.seed >= 0) design.seed = static_cast<std::uint64_t>(c.seed);
    if (design.kind != DesignKind::grid && design.points == 0)
        throw UsageError("a " + std::string(to_string(design.kind)) + " design needs --points N", "sweep");
    if (design.kind == DesignKind::grid)
        for (const auto& a : design.axes)
            if (a.count == 0) throw UsageError("grid axis " + a.path + " needs a count: " + a.path + "=LO:HI:N", "sweep");
    return design;
}

// The sweep the command runs: design, analysis and columns from the scenario's `sweep:`
// section, each overridden by the command line.
SweepSpec sweep_spec(const SweepCommand& c, const LoadedGame& loaded) {
    Design design;
    std::string analysis_name = "stage";
    std::string scenario_columns;
    read_sweep_section(loaded.model->scenario(), design, analysis_name, scenario_columns);
    design = sweep_design(c, std::move(design));
    if (!c.analysis_text.empty()) analysis_name = c.analysis_text;
    const auto analysis = parse_sweep_analysis(analysis_name);
    if (!analysis)
        throw UsageError("unknown analysis '" + analysis_name + "'; " +
                             suggest(analysis_name, std::vector<std::string>{"stage", "pure", "timeline"}), "sweep");
    const std::string columns_chosen = c.columns_text.empty() ? scenario_columns : c.columns_text;
    return make_sweep(*loaded.model, design, *analysis, split(columns_chosen, ','));
}

// The points [first, last) this process computes, and the header's shard line (empty
// without --shard K/N).
struct SweepSlice {
    std::size_t first = 0, last = 0;
    std::string shard_line;
};

SweepSlice sweep_slice(const std::string& shard_text, std::size_t size) {
    SweepSlice slice{0, size, ""};
    if (shard_text.empty()) return slice;
    int k = 0, n = 0;
    char slash = 0;
    std::istringstream in(shard_text);
    if (!(in >> k >> slash >> n) || slash != '/' || n < 1 || k < 1 || k > n || !in.eof())
        throw UsageError("--shard takes K/N with 1 <= K <= N, e.g. 2/8", "sweep");
    std::tie(slice.first, slice.last) = shard_range(size, k - 1, n);
    slice.shard_line = shard_header_line({k, n, slice.first, slice.last}, size);
    return slice;
}

// Ctrl-C and kill ask the sweep to stop after its chunk; both handlers are put back however
// the sweep ends (a library call of this process may follow it: a test, or a second command
// in one run).
struct InterruptHandlers {
    void (*interrupt)(int) = std::signal(SIGINT, on_interrupt);
    void (*terminate)(int) = std::signal(SIGTERM, on_interrupt);
    InterruptHandlers() = default;
    InterruptHandlers(const InterruptHandlers&) = delete;
    InterruptHandlers& operator=(const InterruptHandlers&) = delete;
    ~InterruptHandlers() {
        std::signal(SIGINT, interrupt);
        std::signal(SIGTERM, terminate);
    }
};

bool to_standard_output(const std::string& output) { return output.empty() || output == "-"; }

// Runs the points [first, last) into `out` chunk by chunk with a progress bar; returns the
// exit code: 0 when complete, 130 when interrupted (the rows so far kept for --resume).
int stream_sweep(const LoadedGame& loaded, const SweepSpec& spec, const SweepCommand& c, bool jsonl, SweepOutput& out,
                 std::size_t first, std::size_t last) {
    g_interrupted = false;
    const InterruptHandlers handlers;
    Progress progress(last - std::min(first, last), !c.quiet);
    std::size_t done = 0;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    SweepOptions run_options{.first = first, .last = last, .threads = c.threads > 0 ? c.threads : static_cast<int>(cores),
                             .chunk = c.chunk, .stop = &g_interrupted};
    const std::size_t reached = run_sweep(*loaded.model, spec, run_options, [&](const std::vector<SweepRow>& rows) {
        std::string text;
        for (const auto& row : rows) text += format_sweep_row(row, spec, jsonl);
        out.write(text);  // one checked write per chunk: an interruption leaves whole rows
        done += rows.size();
        progress.update(done);
    });
    progress.finish();
    if (reached < last) {
        out.keep_partial();
        std::fprintf(stderr, "triad: interrupted after point %zu of %zu; the rows so far are in %s: rerun the same command "
                             "with --resume to continue\n",
                     reached, last, to_standard_output(c.output) ? "standard output" : out.partial_path().c_str());
        return 130;
    }
    out.finish();
    return 0;
}

}  // namespace

int run_sweep_command(const Args& args) {
    SweepCommand c;
    po::options_description options = sweep_options(c);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "sweep", "triad sweep FILE --param PATH=LO:HI[:N]... [options]", kAbout, options, positional);
    if (!vm) return 0;
    const bool jsonl = jsonl_format(c.format_text);
    if (is_nfg_path(c.file)) throw InputError({c.file, 0, 0}, "a .nfg game has no parameters to sweep", "give a scenario file");
    c.sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    c.points_given = vm->count("points") > 0;
    const LoadedGame loaded = load_game(c.file, c.sets);
    const SweepSpec spec = sweep_spec(c, loaded);

    std::string command = "triad sweep";
    for (const auto& a : args) command += " " + a;

#ifdef TRIAD_WITH_MPI
    // Under mpirun the boundary search (bisection, written whole at the end) runs on rank 0 alone.
    if (!c.boundary.empty() && mpi_world().rank != 0) return 0;
#endif
    if (!c.boundary.empty()) return run_boundary(loaded, spec, c.boundary, c.boundary_of, c.boundary_tolerance, c.output, command);

    const SweepSlice slice = sweep_slice(c.shard_text, spec.design.size());
    const SweepHeader header = make_sweep_header(loaded, spec, slice.shard_line, command, jsonl);

#ifdef TRIAD_WITH_MPI
    if (const MpiWorld world = mpi_world(); world.size > 1) {
        if (c.resume) throw UsageError("--resume is not supported under mpirun; rerun without mpirun, or use --shard", "sweep");
        return run_sweep_mpi(loaded, spec, header, slice.first, slice.last, c.output, jsonl, c.threads, c.chunk, c.quiet, world);
    }
#endif

    // Where to write, and from which point (resume).
    if (c.resume && to_standard_output(c.output)) throw UsageError("--resume needs -o FILE", "sweep");
    std::optional<SweepOutput> out;
    if (to_standard_output(c.output))
        out.emplace(header, jsonl);
    else
        out.emplace(c.output, header, jsonl, slice.first, c.resume);
    return stream_sweep(loaded, spec, c, jsonl, *out, out->next_point(), slice.last);
}

}  // namespace triad::cli
