// triad sweep and triad merge: an analysis over a design of parameter points, streamed to CSV
// or JSON Lines; resumable, shardable across machines, and mergeable.
#include "cli.hpp"
#include "sweep_files.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/studies/sweep.hpp"
#include "triad/core/version.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#ifdef TRIAD_WITH_MPI
#include <mpi.h>
#include <sched.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <vector>
#endif

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
    "With -o FILE each chunk of rows is appended and flushed as it finishes, so an interrupted\n"
    "sweep (Ctrl-C, kill, crash) leaves whole rows; rerunning the same command with --resume\n"
    "continues where it stopped and ends with the same file as an uninterrupted run.\n"
    "--shard K/N computes only the K-th of N equal slices (K from 1), for job arrays on a\n"
    "cluster; 'triad merge' joins the shards' files after checking they come from one sweep.\n"
    "--boundary PATH finds, along that grid axis and for every value of the other axes, where\n"
    "the --boundary-of column (default: the configuration, else the first column) changes, by\n"
    "bisection to --boundary-tolerance.\n\n"
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

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(text);
    while (std::getline(in, item, sep))
        if (!item.empty()) out.push_back(item);
    return out;
}

class Progress {
public:
    Progress(std::size_t total, bool show) : total_(total), show_(show && ::isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
    void update(std::size_t done) {
        if (!show_) return;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        const double rate = elapsed > 0 ? done / elapsed : 0.0;
        const double left = rate > 0 ? (total_ - done) / rate : 0.0;
        const int width = 30;
        const int filled = total_ ? static_cast<int>(width * done / total_) : width;
        std::fprintf(stderr, "\r  [%s%s] %zu/%zu points  %.0f/s  %.0fs left   ", std::string(filled, '#').c_str(),
                     std::string(width - filled, ' ').c_str(), done, total_, rate, left);
        std::fflush(stderr);
    }
    void finish() {
        if (show_) std::fprintf(stderr, "\n");
    }

private:
    std::size_t total_;
    bool show_;
    std::chrono::steady_clock::time_point start_;
};

std::string format_row(const SweepRow& row, const SweepSpec& spec, bool jsonl) {
    std::string out;
    if (jsonl) {
        std::ostringstream buffer;
        JsonWriter json(buffer, false);
        json.begin_object().field("index", row.index);
        for (std::size_t a = 0; a < row.point.size(); ++a) json.field(spec.design.axes[a].path, row.point[a]);
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const auto number = parse_number(row.cells[c]);
            if (number && !row.cells[c].empty()) json.field(spec.columns[c], *number);
            else json.field(spec.columns[c], row.cells[c]);
        }
        json.end_object();
        return buffer.str() + "\n";
    }
    out = std::to_string(row.index);
    for (double v : row.point) out += "," + format_number(v);
    for (const auto& c : row.cells) out += "," + csv_cell(c);
    return out + "\n";
}

// Reads `sweep:` from the scenario: defaults for the command line.
void read_sweep_section(const Scenario& scenario, Design& design, std::string& analysis, std::string& columns) {
    const TreeNode* node = scenario.document.find("sweep");
    if (!node) return;
    node->expect_map("sweep (design, points, seed, analysis, columns, params)");
    static const std::vector<std::string> keys = {"design", "points", "seed", "analysis", "columns", "params"};
    node->check_keys(keys, "sweep");
    if (const TreeNode* d = node->find("design")) {
        const auto kind = parse_design_kind(d->as_string("the design"));
        if (!kind) throw InputError(d->where, "unknown design '" + d->scalar + "'", "use grid, uniform, lhs or sobol");
        design.kind = *kind;
    }
    if (const TreeNode* p = node->find("points")) design.points = static_cast<std::size_t>(p->as_integer("points"));
    if (const TreeNode* s = node->find("seed")) design.seed = static_cast<std::uint64_t>(s->as_integer("seed"));
    if (const TreeNode* a = node->find("analysis")) analysis = a->as_string("analysis");
    if (const TreeNode* c = node->find("columns")) {
        if (c->is_sequence()) {
            std::vector<std::string> names;
            for (const auto& item : c->items) names.push_back(item.as_string("a column"));
            columns = join(names, ",");
        } else {
            columns = c->as_string("columns");
        }
    }
    if (const TreeNode* params = node->find("params")) {
        params->expect_map("params (PATH: LO:HI:N)");
        for (const auto& entry : params->entries) {
            std::string spec;
            if (entry.value.is_sequence()) {
                std::vector<std::string> parts;
                for (const auto& item : entry.value.items) parts.push_back(item.as_string("a bound"));
                spec = join(parts, ":");
            } else {
                spec = entry.value.as_string("a range LO:HI:N");
            }
            design.axes.push_back(parse_axis(entry.key + "=" + spec, entry.value.where));
        }
    }
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
    if (of_column.empty()) of_column = std::find(spec.columns.begin(), spec.columns.end(), "configuration") != spec.columns.end()
                                           ? "configuration" : spec.columns.front();
    if (std::find(spec.columns.begin(), spec.columns.end(), of_column) == spec.columns.end())
        throw UsageError("--boundary-of names no column '" + of_column + "'; " + suggest(of_column, spec.columns), "sweep");
    const Axis& axis = design.axes[along];
    if (tolerance <= 0.0) tolerance = (axis.upper - axis.lower) / std::max<std::size_t>(1, axis.count - 1) * 1e-3;

    std::ostringstream out;
    out << "# triad sweep --boundary\n# version: " << kVersion << "\n# scenario: " << loaded.path
        << "\n# content_hash: " << loaded.content_hash << "\n# design: " << design.describe() << "\n# boundary: "
        << axis.path << " of " << of_column << ", tolerance " << format_number(tolerance) << "\n# command: " << command << "\n";
    for (std::size_t a = 0; a < design.axes.size(); ++a)
        if (a != along) out << design.axes[a].path << ",";
    out << "from,to,lower,upper,boundary\n";
    for (const auto& b : find_boundaries(*loaded.model, spec, along, of_column, tolerance)) {
        for (double v : b.others) out << format_number(v) << ",";
        out << csv_cell(b.from) << "," << csv_cell(b.to) << "," << format_number(b.lower) << "," << format_number(b.upper) << ","
            << format_number(0.5 * (b.lower + b.upper)) << "\n";
    }
    emit(out.str(), output);
    return 0;
}

#ifdef TRIAD_WITH_MPI
// ---------------------------------------------------------------------------------------------
// MPI mode (docs/cluster.md): only in a build with TRIAD_MPI=ON, and only under mpirun or srun
// with more than one rank. Rank r computes the r-th of `world` equal slices of the points to
// compute (inside the user's --shard slice, if any) with all its threads, and sends its rows,
// formatted, to rank 0. Rank 0 writes the header and its own rows, then every other rank's rows
// in rank order, so the file is the one a single process writes (but for '# command:').
// A rank sends its rows only once rank 0 asks for them ("go"), so rank 0 holds no more than
// the message it is writing; until then a rank spools its formatted rows to a temporary file.

constexpr int kGoTag = 1;    // rank 0 -> rank r, empty: send your rows now
constexpr int kRowsTag = 2;  // rank r -> rank 0: rows as text; an empty message ends them
constexpr std::size_t kMaxMessage = std::size_t{8} << 20;  // bytes (MPI counts are int)

struct MpiWorld {
    int rank = 0;
    int size = 1;
};

MpiWorld mpi_world() {
    MpiWorld world;
    int initialized = 0, finalized = 0;
    MPI_Initialized(&initialized);
    MPI_Finalized(&finalized);
    if (!initialized || finalized) return world;
    MPI_Comm_rank(MPI_COMM_WORLD, &world.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &world.size);
    return world;
}

// Default threads of a rank: the cores it may run on (mpirun and srun bind ranks), but no more
// than its share of the node's cores among the ranks on that node. Collective.
int mpi_default_threads() {
    MPI_Comm node;
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    int local = 1;
    MPI_Comm_size(node, &local);
    MPI_Comm_free(&node);
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    cpu_set_t set;
    const int usable = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : cores;
    return std::max(1, std::min(usable > 0 ? usable : cores, cores / std::max(1, local)));
}

// Sends rows to rank 0 in messages of whole rows (at most about kMaxMessage bytes each).
void send_rows(const char* data, std::size_t size) {
    while (size > 0) {
        std::size_t piece = size;
        if (piece > kMaxMessage) {
            const std::string_view head(data, kMaxMessage);
            const std::size_t cut = head.rfind('\n');
            piece = cut != std::string_view::npos ? cut + 1 : kMaxMessage;
        }
        MPI_Send(data, static_cast<int>(piece), MPI_CHAR, 0, kRowsTag, MPI_COMM_WORLD);
        data += piece;
        size -= piece;
    }
}

// A non-root rank's side. Until rank 0 asks for its rows, the rank spools them to an unlinked
// file in $TMPDIR (memory stays flat however large its slice); then it sends the spool and,
// from there on, each chunk as it finishes.
class RowSender {
public:
    RowSender() { MPI_Irecv(&go_byte_, 0, MPI_CHAR, 0, kGoTag, MPI_COMM_WORLD, &go_request_); }
    ~RowSender() {
        if (spool_) std::fclose(spool_);
    }
    RowSender(const RowSender&) = delete;
    RowSender& operator=(const RowSender&) = delete;

    void add(const std::string& text) {
        if (!go_) {
            int flag = 0;
            MPI_Test(&go_request_, &flag, MPI_STATUS_IGNORE);
            go_ = flag != 0;
        }
        if (!go_) return spool(text);
        send_spool();
        send_rows(text.data(), text.size());
    }
    void finish() {
        if (!go_) MPI_Wait(&go_request_, MPI_STATUS_IGNORE);
        go_ = true;
        send_spool();
        MPI_Send(&go_byte_, 0, MPI_CHAR, 0, kRowsTag, MPI_COMM_WORLD);  // the end of this rank's rows
    }

private:
    void spool(const std::string& text) {
        if (!spool_) {
            const char* tmp = std::getenv("TMPDIR");
            const std::string dir = tmp && *tmp ? tmp : "/tmp";
            std::string path = dir + "/triad-sweep-XXXXXX";
            const int fd = ::mkstemp(path.data());
            if (fd < 0) throw Error("MPI sweep: cannot create a spool file in " + dir + " (set TMPDIR)");
            ::unlink(path.c_str());
            spool_ = ::fdopen(fd, "w+b");
            if (!spool_) throw Error("MPI sweep: cannot open a spool file in " + dir);
        }
        if (std::fwrite(text.data(), 1, text.size(), spool_) != text.size())
            throw Error("MPI sweep: cannot write the spool file (is $TMPDIR full?)");
    }
    void send_spool() {
        if (!spool_) return;
        if (std::fflush(spool_) != 0 || std::fseek(spool_, 0, SEEK_SET) != 0)
            throw Error("MPI sweep: cannot read back the spool file");
        std::vector<char> block(kMaxMessage);
        std::string rows;  // read but not yet sent: whole rows are sent, a partial one waits
        std::size_t n = 0;
        while ((n = std::fread(block.data(), 1, block.size(), spool_)) > 0) {
            rows.append(block.data(), n);
            const std::size_t cut = rows.rfind('\n');
            if (cut == std::string::npos) continue;
            send_rows(rows.data(), cut + 1);
            rows.erase(0, cut + 1);
        }
        if (std::ferror(spool_)) throw Error("MPI sweep: cannot read back the spool file");
        send_rows(rows.data(), rows.size());
        std::fclose(spool_);
        spool_ = nullptr;
    }

    std::FILE* spool_ = nullptr;
    bool go_ = false;
    char go_byte_ = 0;
    MPI_Request go_request_ = MPI_REQUEST_NULL;
};

int run_sweep_mpi(const LoadedGame& loaded, const SweepSpec& spec, const Header& header, std::size_t first,
                  std::size_t last, const std::string& output, bool jsonl, int threads, std::size_t chunk, bool quiet,
                  const MpiWorld& world) {
    const int default_threads = mpi_default_threads();  // collective: every rank calls it
    const auto [from, to] = shard_range(last - std::min(first, last), world.rank, world.size);
    const SweepOptions run_options{.first = first + from, .last = first + to,
                                   .threads = threads > 0 ? threads : default_threads, .chunk = chunk, .stop = nullptr};
    if (world.rank != 0) {
        RowSender sender;
        run_sweep(*loaded.model, spec, run_options, [&](const std::vector<SweepRow>& rows) {
            std::string text;
            for (const auto& row : rows) text += format_row(row, spec, jsonl);
            sender.add(text);
        });
        sender.finish();
        return 0;
    }

    // Rank 0: the header, exactly as a single process writes it, then the rows in rank order.
    std::FILE* out = stdout;
    if (!output.empty() && output != "-") {
        out = std::fopen(output.c_str(), "wb");
        if (!out) throw Error("cannot write " + output);
    }
    std::string text;
    for (const auto& l : header.lines) text += "# " + l + "\n";
    if (!jsonl) text += header.columns + "\n";
    std::fwrite(text.data(), 1, text.size(), out);
    std::fflush(out);

    Progress progress(last - std::min(first, last), !quiet);
    std::size_t done = 0;
    auto last_sync = std::chrono::steady_clock::now();
    // One write and a flush per chunk (or message) of whole rows; an fsync at most once a second.
    auto write = [&](const char* data, std::size_t size, std::size_t rows) {
        std::fwrite(data, 1, size, out);
        std::fflush(out);
        const auto now = std::chrono::steady_clock::now();
        if (out != stdout && now - last_sync > std::chrono::seconds(1)) {
            ::fsync(::fileno(out));
            last_sync = now;
        }
        done += rows;
        progress.update(done);
    };
    try {
        run_sweep(*loaded.model, spec, run_options, [&](const std::vector<SweepRow>& rows) {
            std::string chunk_text;
            for (const auto& row : rows) chunk_text += format_row(row, spec, jsonl);
            write(chunk_text.data(), chunk_text.size(), rows.size());
        });
        std::vector<char> buffer;
        for (int r = 1; r < world.size; ++r) {
            char go = 0;
            MPI_Send(&go, 0, MPI_CHAR, r, kGoTag, MPI_COMM_WORLD);
            for (;;) {
                MPI_Status status;
                MPI_Probe(r, kRowsTag, MPI_COMM_WORLD, &status);
                int count = 0;
                MPI_Get_count(&status, MPI_CHAR, &count);
                buffer.resize(static_cast<std::size_t>(std::max(count, 1)));
                MPI_Recv(buffer.data(), count, MPI_CHAR, r, kRowsTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                if (count == 0) break;
                write(buffer.data(), static_cast<std::size_t>(count),
                      static_cast<std::size_t>(std::count(buffer.begin(), buffer.begin() + count, '\n')));
            }
        }
    } catch (...) {
        if (out != stdout) std::fclose(out);
        throw;
    }
    progress.finish();
    if (out != stdout) std::fclose(out);
    return 0;
}
#endif  // TRIAD_WITH_MPI

}  // namespace

int run_sweep_command(const Args& args) {
    po::options_description options("Options");
    std::string file, design_text, analysis_text, columns_text, format_text, output, shard_text, boundary, boundary_of;
    std::vector<std::string> params;
    std::size_t points = 0, chunk = 256;
    long long seed = -1;
    int threads = 0;
    bool resume = false, quiet = false;
    double boundary_tolerance = 0.0;
    options.add_options()
        ("file", po::value(&file)->required(), "scenario (.yaml)")
        ("param,p", po::value(&params)->composing(), "PATH=LO:HI:N (grid) or PATH=LO:HI (sampled); repeatable")
        ("design,d", po::value(&design_text), "grid (default), uniform, lhs or sobol")
        ("points,n", po::value(&points), "number of points of a sampled design")
        ("seed", po::value(&seed), "seed of the uniform and lhs designs (default 1)")
        ("analysis,a", po::value(&analysis_text), "stage (default), pure or timeline")
        ("columns", po::value(&columns_text), "comma-separated output columns (default: all of the analysis)")
        ("format,f", po::value(&format_text)->default_value("csv"), "csv or jsonl")
        ("output,o", po::value(&output), "write to this file (appended chunk by chunk) instead of standard output")
        ("threads,j", po::value(&threads), "worker threads (default: all cores)")
        ("chunk", po::value(&chunk)->default_value(256), "points per chunk (unit of work and of writing)")
        ("shard", po::value(&shard_text), "K/N: compute only the K-th of N slices of the design (K from 1)")
        ("resume", po::bool_switch(&resume), "continue an interrupted sweep in -o FILE")
        ("quiet,q", po::bool_switch(&quiet), "no progress bar")
        ("boundary", po::value(&boundary), "PATH: find where --boundary-of changes along this grid axis")
        ("boundary-of", po::value(&boundary_of), "the column whose change marks the boundary")
        ("boundary-tolerance", po::value(&boundary_tolerance), "bisection stops below this width (default: step/1000)");
    add_set_option(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(args, "sweep", "triad sweep FILE --param PATH=LO:HI[:N]... [options]", kAbout, options, positional);
    if (!vm) return 0;
    if (format_text != "csv" && format_text != "jsonl")
        throw UsageError("unknown format '" + format_text + "'; " + suggest(format_text, std::vector<std::string>{"csv", "jsonl"}), "sweep");
    const bool jsonl = format_text == "jsonl";
    if (is_nfg_path(file)) throw InputError({file, 0, 0}, "a .nfg game has no parameters to sweep", "give a scenario file");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);

    Design design;
    std::string analysis_name = "stage";
    std::string scenario_columns;
    read_sweep_section(loaded.model->scenario(), design, analysis_name, scenario_columns);
    if (!params.empty()) {
        design.axes.clear();
        const SourceLocation where{"--param", 0, 0};
        for (const auto& p : params) design.axes.push_back(parse_axis(p, where));
    }
    if (design.axes.empty()) throw UsageError("nothing to sweep: give --param PATH=LO:HI:N (or a sweep: section)", "sweep");
    if (!design_text.empty()) {
        const auto kind = parse_design_kind(design_text);
        if (!kind)
            throw UsageError("unknown design '" + design_text + "'; " +
                                 suggest(design_text, std::vector<std::string>{"grid", "uniform", "lhs", "sobol"}), "sweep");
        design.kind = *kind;
    }
    if (vm->count("points")) design.points = points;
    if (seed >= 0) design.seed = static_cast<std::uint64_t>(seed);
    if (design.kind != DesignKind::grid && design.points == 0)
        throw UsageError("a " + std::string(to_string(design.kind)) + " design needs --points N", "sweep");
    if (design.kind == DesignKind::grid)
        for (const auto& a : design.axes)
            if (a.count == 0) throw UsageError("grid axis " + a.path + " needs a count: " + a.path + "=LO:HI:N", "sweep");
    if (!analysis_text.empty()) analysis_name = analysis_text;
    const auto analysis = parse_sweep_analysis(analysis_name);
    if (!analysis)
        throw UsageError("unknown analysis '" + analysis_name + "'; " +
                             suggest(analysis_name, std::vector<std::string>{"stage", "pure", "timeline"}), "sweep");
    const std::string columns_chosen = columns_text.empty() ? scenario_columns : columns_text;
    const SweepSpec spec = make_sweep(*loaded.model, design, *analysis, split(columns_chosen, ','));

    std::string command = "triad sweep";
    for (const auto& a : args) command += " " + a;

#ifdef TRIAD_WITH_MPI
    // Under mpirun the boundary search (bisection, written whole at the end) runs on rank 0 alone.
    if (!boundary.empty() && mpi_world().rank != 0) return 0;
#endif
    if (!boundary.empty()) return run_boundary(loaded, spec, boundary, boundary_of, boundary_tolerance, output, command);

    // The slice to compute.
    const std::size_t size = spec.design.size();
    std::size_t first = 0, last = size;
    std::string shard_line;
    if (!shard_text.empty()) {
        int k = 0, n = 0;
        char slash = 0;
        std::istringstream in(shard_text);
        if (!(in >> k >> slash >> n) || slash != '/' || n < 1 || k < 1 || k > n || !in.eof())
            throw UsageError("--shard takes K/N with 1 <= K <= N, e.g. 2/8", "sweep");
        std::tie(first, last) = shard_range(size, k - 1, n);
        shard_line = "shard: " + std::to_string(k) + "/" + std::to_string(n) + " (points " + std::to_string(first) + " to " +
                     std::to_string(last) + " of " + std::to_string(size) + ")";
    }
    Header header;
    header.lines = {"triad sweep", "version: " + std::string(kVersion), "scenario: " + loaded.path,
                    "content_hash: " + loaded.content_hash};
    if (!loaded.overrides.empty()) header.lines.push_back("overrides: --set " + join(loaded.overrides, " --set "));
    header.lines.push_back("design: " + spec.design.describe());
    header.lines.push_back("seed: " + std::to_string(spec.design.seed));
    header.lines.push_back("analysis: " + std::string(to_string(spec.analysis)));
    if (!shard_line.empty()) header.lines.push_back(shard_line);
    std::vector<std::string> column_names = {"index"};
    for (const auto& a : spec.design.axes) column_names.push_back(a.path);
    for (const auto& c : spec.columns) column_names.push_back(c);
    if (jsonl) header.lines.push_back("columns: " + join(column_names, ","));
    header.columns = jsonl ? "columns: " + join(column_names, ",") : join(column_names, ",");
    header.lines.push_back("command: " + command);

#ifdef TRIAD_WITH_MPI
    if (const MpiWorld world = mpi_world(); world.size > 1) {
        if (resume) throw UsageError("--resume is not supported under mpirun; rerun without mpirun, or use --shard", "sweep");
        return run_sweep_mpi(loaded, spec, header, first, last, output, jsonl, threads, chunk, quiet, world);
    }
#endif

    // Where to write, and from which point (resume).
    std::FILE* out = stdout;
    if (!output.empty() && output != "-") {
        bool append = false;
        if (resume && std::filesystem::exists(output)) {
            const SweepFile existing = read_sweep_file(output);
            std::string difference;
            if (!same_sweep(existing.header, header, false, difference))
                throw InputError({output, 0, 0}, "--resume: the file was written by a different sweep (" + difference + ")",
                                 "rerun the original command, or remove the file to start afresh");
            std::size_t expected = first;
            for (const auto& row : existing.rows) {
                if (row_index(row, jsonl) != expected)
                    throw InputError({output, 0, 0}, "--resume: rows are not consecutive at point " + std::to_string(expected),
                                     "remove the file to start afresh");
                ++expected;
            }
            std::filesystem::resize_file(output, existing.complete_bytes);  // drop a partial last line
            first = expected;
            append = true;
        }
        out = std::fopen(output.c_str(), append ? "ab" : "wb");
        if (!out) throw Error("cannot write " + output);
        if (!append) {
            std::string text;
            for (const auto& l : header.lines) text += "# " + l + "\n";
            if (!jsonl) text += header.columns + "\n";
            std::fwrite(text.data(), 1, text.size(), out);
            std::fflush(out);
        }
    } else {
        if (resume) throw UsageError("--resume needs -o FILE", "sweep");
        std::string text;
        for (const auto& l : header.lines) text += "# " + l + "\n";
        if (!jsonl) text += header.columns + "\n";
        std::fwrite(text.data(), 1, text.size(), out);
    }

    g_interrupted = false;
    auto previous_handler = std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    Progress progress(last - std::min(first, last), !quiet);
    std::size_t done = 0;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    SweepOptions run_options{.first = first, .last = last, .threads = threads > 0 ? threads : static_cast<int>(cores),
                             .chunk = chunk, .stop = &g_interrupted};
    std::size_t reached = first;
    auto last_sync = std::chrono::steady_clock::now();
    try {
        reached = run_sweep(*loaded.model, spec, run_options, [&](const std::vector<SweepRow>& rows) {
            std::string text;
            for (const auto& row : rows) text += format_row(row, spec, jsonl);
            // One write and a flush per chunk: an interruption leaves whole rows.
            std::fwrite(text.data(), 1, text.size(), out);
            std::fflush(out);
            // The flush makes each chunk whole for a crash of this process; an fsync at most
            // once a second also covers a crash of the machine without slowing fast sweeps.
            const auto now = std::chrono::steady_clock::now();
            if (out != stdout && now - last_sync > std::chrono::seconds(1)) {
                ::fsync(::fileno(out));
                last_sync = now;
            }
            done += rows.size();
            progress.update(done);
        });
    } catch (...) {
        if (out != stdout) std::fclose(out);
        std::signal(SIGINT, previous_handler);
        throw;
    }
    progress.finish();
    if (out != stdout) std::fclose(out);
    std::signal(SIGINT, previous_handler);
    if (reached < last) {
        std::fprintf(stderr, "triad: interrupted after point %zu of %zu; rerun the same command with --resume to continue\n",
                     reached, last);
        return 130;
    }
    return 0;
}

}  // namespace triad::cli
