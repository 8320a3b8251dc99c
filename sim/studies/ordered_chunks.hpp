// The hand-over between run_sweep's worker threads and its writer (a private header of the
// studies layer): rows are computed in chunks in any order and written in index order.
#pragma once

#include "triad/studies/sweep.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace triad::sweep_detail {

// Chunks of rows computed by worker threads, handed to the writer in order. Workers may run
// ahead of the writer by at most `window` chunks (bounded memory). A worker checks for a stop
// before taking a chunk; a chunk once taken is always finished, so the writer knows chunk c
// will arrive exactly when c < next_chunk.
class OrderedChunks {
public:
    OrderedChunks(std::size_t chunks, std::size_t window, const std::atomic<bool>* stop)
        : chunks_(chunks), window_(window), stop_(stop) {}

    [[nodiscard]] bool stopped() const { return failed_.load() || (stop_ && stop_->load()); }

    // The next chunk for a worker, once the writer is close enough; nullopt when there is none.
    std::optional<std::size_t> take() {
        if (stopped()) return std::nullopt;
        const std::size_t c = next_chunk_.fetch_add(1);
        if (c >= chunks_) return std::nullopt;
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return c < emitted_chunks_ + window_ || failed_.load(); });
        if (failed_) return std::nullopt;
        return c;
    }

    void put(std::size_t c, std::vector<SweepRow> rows) {
        std::lock_guard lock(mutex_);
        done_.emplace(c, std::move(rows));
        ready_.notify_all();
    }

    // Chunk c for the writer, waiting for it; nullopt after a failure or a stop before it was taken.
    std::optional<std::vector<SweepRow>> wait_for(std::size_t c) {
        std::unique_lock lock(mutex_);
        // Wake up now and then to notice a stop requested from outside (a signal handler).
        while (!done_.count(c) && !failed_.load() && !(stopped() && c >= next_chunk_.load()))
            ready_.wait_for(lock, std::chrono::milliseconds(50));
        if (!done_.count(c)) return std::nullopt;
        std::vector<SweepRow> rows = std::move(done_[c]);
        done_.erase(c);
        ++emitted_chunks_;
        ready_.notify_all();
        return rows;
    }

    // The first error wins; every worker stops.
    void fail(std::exception_ptr error) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = error;
        failed_ = true;
        ready_.notify_all();
    }

    // The writer is done: release workers waiting on the window when it stopped early.
    void finish(bool complete) {
        std::lock_guard lock(mutex_);
        if (!failure_ && !complete) failed_ = stopped();
        ready_.notify_all();
    }

    void rethrow() const {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::size_t chunks_, window_;
    const std::atomic<bool>* stop_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::map<std::size_t, std::vector<SweepRow>> done_;  // finished chunks waiting for their turn
    std::atomic<std::size_t> next_chunk_{0};
    std::exception_ptr failure_;
    std::atomic<bool> failed_{false};
    std::size_t emitted_chunks_ = 0;
};


}  // namespace triad::sweep_detail
