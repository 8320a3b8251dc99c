// A progress bar on standard error for long computations, shown only on a terminal.
#pragma once

#include <chrono>
#include <cstddef>

namespace triad::cli {

class Progress {
public:
    Progress(std::size_t total, bool show);
    void update(std::size_t done);
    void finish();

private:
    std::size_t total_;
    bool show_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace triad::cli
