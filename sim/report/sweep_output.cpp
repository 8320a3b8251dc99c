// Durable sweep output (sweep_output.hpp): FILE.partial under flock, checked writes, rename.
#include "triad/report/sweep_output.hpp"

#include "triad/core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace triad {

namespace fs = std::filesystem;

namespace {

std::string reason(int code) { return std::strerror(code); }

// Opens `partial` (creating it) and takes its lock without waiting. A writer that finished
// renames the file it locked, so the name may point at a new file once the lock is ours:
// then open again, so that the lock held is always that of the file under the name.
int open_locked(const std::string& path, const std::string& partial) {
    for (int attempt = 0; attempt < 16; ++attempt) {
        const int fd = ::open(partial.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0) throw Error("cannot write " + partial + ": " + reason(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int code = errno;
            ::close(fd);
            if (code == EWOULDBLOCK)
                throw Error(path + " is being written by another triad sweep right now (it holds the lock on " + partial +
                            "); wait for it to finish, or give this sweep another -o FILE");
            throw Error("cannot lock " + partial + ": " + reason(code));
        }
        struct stat opened {}, named {};
        if (::fstat(fd, &opened) == 0 && ::stat(partial.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
            opened.st_ino == named.st_ino)
            return fd;
        ::close(fd);
    }
    throw Error("cannot lock " + partial + ": other sweeps keep replacing it");
}

off_t file_size(int fd) {
    struct stat info {};
    return ::fstat(fd, &info) == 0 ? info.st_size : 0;
}

// The rows of `file` must be points first, first + 1, ...: returns the next one.
std::size_t check_consecutive(const SweepFile& file, const std::string& path, bool jsonl, std::size_t first) {
    std::size_t expected = first;
    for (const auto& row : file.rows) {
        if (row_index(row, jsonl) != expected)
            throw InputError({path, 0, 0}, "--resume: the rows are not consecutive at point " + std::to_string(expected),
                             "remove " + path + " to start afresh");
        ++expected;
    }
    return expected;
}

}  // namespace

std::string partial_sweep_path(const std::string& path) { return path + ".partial"; }

SweepOutput::SweepOutput(const SweepHeader& header, bool jsonl) {
    const std::string text = header_text(header, jsonl);
    write_all(text);
}

SweepOutput::SweepOutput(const std::string& path, const SweepHeader& header, bool jsonl, std::size_t first, bool resume)
    : path_(path), partial_(partial_sweep_path(path)), next_point_(first) {
    if (fs::is_directory(path)) throw Error("cannot write " + path + ": it is a folder");
    fd_ = open_locked(path_, partial_);
    const bool was_empty = file_size(fd_) == 0;
    try {
        if (resume) {
            resume_from(header, jsonl, first);
        } else {
            if (::ftruncate(fd_, 0) != 0) fail_write(errno);
            write_all(header_text(header, jsonl));
        }
    } catch (...) {
        if (was_empty) ::unlink(partial_.c_str());  // leave no empty file of ours behind
        ::close(fd_);
        fd_ = -1;
        throw;
    }
}

void SweepOutput::resume_from(const SweepHeader& header, bool jsonl, std::size_t first) {
    // The rows to continue: those of the partial file, else those of an unfinished FILE
    // (written by a version of triad that appended to FILE itself).
    std::string source = partial_;
    if (file_size(fd_) == 0) {
        if (!fs::exists(path_)) {
            write_all(header_text(header, jsonl));
            return;
        }
        source = path_;
    }
    const SweepFile existing = read_sweep_file(source);
    std::string difference;
    if (!same_sweep(existing.header, header, false, difference))
        throw InputError({source, 0, 0}, "--resume: the file was written by a different sweep (" + difference + ")",
                         "rerun the original command, or remove " + source + " to start afresh");
    next_point_ = check_consecutive(existing, source, jsonl, first);
    if (source == partial_) {
        // Drop a partial last line (the write that an interruption cut).
        if (::ftruncate(fd_, static_cast<off_t>(existing.complete_bytes)) != 0) fail_write(errno);
        if (::lseek(fd_, 0, SEEK_END) < 0) fail_write(errno);
        return;
    }
    write_all(header_text(existing.header, jsonl));
    for (const auto& row : existing.rows) write_all(row + "\n");
}

SweepOutput::~SweepOutput() {
    if (fd_ >= 0) ::close(fd_);  // an error ended the sweep: the partial file keeps whole rows
}

void SweepOutput::fail_write(int code) const {
    if (fd_ < 0) throw Error("cannot write the results to standard output: " + reason(code));
    throw Error("cannot write " + partial_ + ": " + reason(code) +
                "; the rows written before are kept there: make room, then rerun the same command with --resume");
}

void SweepOutput::write_all(std::string_view bytes) {
    if (fd_ < 0) {
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0)
            fail_write(errno ? errno : EIO);
        return;
    }
    while (!bytes.empty()) {
        const ssize_t wrote = ::write(fd_, bytes.data(), bytes.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) fail_write(wrote < 0 ? errno : ENOSPC);
        bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

void SweepOutput::write(std::string_view rows) {
    write_all(rows);
    // Each chunk is whole in the file once written (a crash of this process loses no row);
    // an fsync at most once a second also covers a crash of the machine, without slowing
    // sweeps of many small chunks.
    if (fd_ < 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_sync_ > std::chrono::seconds(1)) {
        if (::fsync(fd_) != 0) fail_write(errno);
        last_sync_ = now;
    }
}

void SweepOutput::finish() {
    if (fd_ < 0) {
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) fail_write(errno ? errno : EIO);
        return;
    }
    if (::fsync(fd_) != 0) fail_write(errno);
    if (::rename(partial_.c_str(), path_.c_str()) != 0)
        throw Error("cannot rename " + partial_ + " to " + path_ + ": " + reason(errno) + "; the rows are complete in " +
                    partial_);
    // The rename itself reaches the disk with the folder's entry.
    const fs::path folder = fs::path(path_).has_parent_path() ? fs::path(path_).parent_path() : fs::path(".");
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw Error("cannot close " + path_ + ": " + reason(errno));
}

void SweepOutput::keep_partial() {
    if (fd_ < 0) {
        std::fflush(stdout);
        return;
    }
    if (::fsync(fd_) != 0) fail_write(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) throw Error("cannot close " + partial_ + ": " + reason(errno));
}

}  // namespace triad
