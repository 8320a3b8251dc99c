// Where a sweep's rows go, durably: standard output, or a file that is only ever complete.
//
// With a file, rows are appended chunk by chunk to FILE.partial, which holds an advisory lock
// (flock) for as long as the sweep runs: a second sweep on the same FILE fails at once instead
// of mixing its rows in. Every write is checked; a failure (a full disk) is an error, never a
// quiet success. FILE itself appears only when the last row is written and synced: it is
// renamed from FILE.partial, so an earlier good FILE survives any failure until then. An
// interrupted sweep leaves FILE.partial with whole rows, and --resume continues it after
// checking that it holds the rows of the same sweep. docs/safety.md describes the guarantees.
#pragma once

#include "triad/report/sweep_file.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace triad {

class SweepOutput {
public:
    // Rows to standard output; the header is written at once.
    SweepOutput(const SweepHeader& header, bool jsonl);
    // Rows to `path` (through path + ".partial"). With `resume`, continues the rows already in
    // the partial file (or, when there is none, in an unfinished `path`) from point `first` on,
    // after checking they belong to the sweep `header` describes; throws InputError if not.
    SweepOutput(const std::string& path, const SweepHeader& header, bool jsonl, std::size_t first, bool resume);
    ~SweepOutput();
    SweepOutput(const SweepOutput&) = delete;
    SweepOutput& operator=(const SweepOutput&) = delete;

    // The first point still to compute (after the rows a resumed file already holds).
    [[nodiscard]] std::size_t next_point() const { return next_point_; }

    // Appends whole rows; throws triad::Error if they cannot all be written.
    void write(std::string_view rows);

    // All rows written: syncs the file and renames it to its final name (or flushes stdout).
    void finish();

    // The sweep stopped early: syncs what was written and keeps the partial file for --resume.
    void keep_partial();

    [[nodiscard]] const std::string& partial_path() const { return partial_; }

private:
    void write_all(std::string_view bytes);
    void resume_from(const SweepHeader& header, bool jsonl, std::size_t first);
    [[noreturn]] void fail_write(int code) const;

    std::string path_, partial_;
    int fd_ = -1;  // -1: standard output
    std::size_t next_point_ = 0;
    std::chrono::steady_clock::time_point last_sync_ = std::chrono::steady_clock::now();
};

// The name of the file an unfinished sweep to `path` writes.
[[nodiscard]] std::string partial_sweep_path(const std::string& path);

}  // namespace triad
