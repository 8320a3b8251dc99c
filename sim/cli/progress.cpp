// The progress bar (progress.hpp).
#include "progress.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace triad::cli {

Progress::Progress(std::size_t total, bool show)
    : total_(total), show_(show && ::isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::size_t done) {
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

void Progress::finish() {
    if (show_) std::fprintf(stderr, "\n");
}

}  // namespace triad::cli
