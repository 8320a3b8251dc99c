// MPI mode of `triad sweep` (sweep_mpi.hpp): compiled only with TRIAD_MPI=ON.
#ifdef TRIAD_WITH_MPI
#include "sweep_mpi.hpp"

#include "progress.hpp"

#include "triad/core/error.hpp"
#include "triad/report/sweep_file.hpp"
#include "triad/report/sweep_output.hpp"

#include <mpi.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace triad::cli {

// ---------------------------------------------------------------------------------------------
// MPI mode (docs/cluster.md): only in a build with TRIAD_MPI=ON, and only under mpirun or srun
// with more than one rank. Rank r computes the r-th of `world` equal slices of the points to
// compute (inside the user's --shard slice, if any) with all its threads, and sends its rows,
// formatted, to rank 0. Rank 0 writes the header and its own rows, then every other rank's rows
// in rank order, so the file is the one a single process writes (but for '# command:').
// A rank sends its rows only once rank 0 asks for them ("go"), so rank 0 holds no more than
// the message it is writing; until then a rank spools its formatted rows to a temporary file.

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

namespace {

constexpr int kGoTag = 1;    // rank 0 -> rank r, empty: send your rows now
constexpr int kRowsTag = 2;  // rank r -> rank 0: rows as text; an empty message ends them
constexpr std::size_t kMaxMessage = std::size_t{8} << 20;  // bytes (MPI counts are int)

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

}  // namespace

int run_sweep_mpi(const LoadedGame& loaded, const SweepSpec& spec, const SweepHeader& header, std::size_t first,
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
            for (const auto& row : rows) text += format_sweep_row(row, spec, jsonl);
            sender.add(text);
        });
        sender.finish();
        return 0;
    }

    // Rank 0: the header, exactly as a single process writes it, then the rows in rank order.
    std::optional<SweepOutput> out;  // durable and locked, as in a single process (sweep_output.hpp)
    if (output.empty() || output == "-")
        out.emplace(header, jsonl);
    else
        out.emplace(output, header, jsonl, first, false);

    Progress progress(last - std::min(first, last), !quiet);
    std::size_t done = 0;
    // One checked write per chunk (or message) of whole rows.
    auto write = [&](const char* data, std::size_t size, std::size_t rows) {
        out->write(std::string_view(data, size));
        done += rows;
        progress.update(done);
    };
    {
        run_sweep(*loaded.model, spec, run_options, [&](const std::vector<SweepRow>& rows) {
            std::string chunk_text;
            for (const auto& row : rows) chunk_text += format_sweep_row(row, spec, jsonl);
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
    }
    progress.finish();
    out->finish();
    return 0;
}

}  // namespace triad::cli
#endif  // TRIAD_WITH_MPI
