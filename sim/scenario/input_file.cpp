// Safe reading of input files (input_file.hpp).
#include "triad/scenario/input_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace triad {

namespace fs = std::filesystem;

namespace {

InputPolicy& policy_storage() {
    static InputPolicy policy{.confine = false, .roots = {}, .limits = limits_from_environment()};
    return policy;
}

std::string megabytes(std::uintmax_t bytes) {
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    char buffer[32];
    if (mb < 1)
        std::snprintf(buffer, sizeof buffer, "%.0f KB", mb * 1024.0);
    else
        std::snprintf(buffer, sizeof buffer, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    return buffer;
}

[[noreturn]] void fail(const std::string& path, const SourceLocation& cited_at, const std::string& message,
                       const std::string& suggestion = {}) {
    if (cited_at.file.empty()) throw InputError({path, 0, 0}, message, suggestion);
    throw InputError(cited_at, path + ": " + message, suggestion);
}

bool inside(const fs::path& file, const fs::path& root) {
    auto f = file.begin();
    for (auto r = root.begin(); r != root.end(); ++r, ++f) {
        if (r->empty()) continue;  // a trailing separator
        if (f == file.end() || *f != *r) return false;
    }
    return true;
}

}  // namespace

const InputPolicy& input_policy() { return policy_storage(); }

void set_input_policy(InputPolicy policy) { policy_storage() = std::move(policy); }

void allow_tree(const fs::path& path) {
    std::error_code error;
    fs::path folder = fs::is_directory(path, error) ? path : path.parent_path();
    if (folder.empty()) folder = ".";
    const fs::path canonical = fs::weakly_canonical(fs::absolute(folder, error), error);
    if (error) return;  // the read that follows reports the missing place
    policy_storage().roots.push_back(canonical);
}

InputLimits limits_from_environment() {
    InputLimits limits;
    if (const char* text = std::getenv("TRIAD_MAX_INPUT_MB")) {
        char* end = nullptr;
        const double mb = std::strtod(text, &end);
        if (end != text && *end == '\0' && mb > 0 && mb < 1e6)
            limits.max_file_bytes = static_cast<std::uintmax_t>(mb * 1024.0 * 1024.0);
    }
    return limits;
}

fs::path project_tree(const std::string& file) {
    std::error_code error;
    fs::path folder = fs::weakly_canonical(fs::absolute(fs::path(file), error), error).parent_path();
    if (error) return {};
    for (fs::path at = folder; !at.empty(); at = at.parent_path()) {
        if (fs::is_regular_file(at / project_marker, error)) return at;
        if (at == at.root_path()) break;
    }
    return folder;
}

void check_readable_place(const std::string& path, const SourceLocation& cited_at, std::string_view what) {
    const InputPolicy& policy = input_policy();
    if (!policy.confine) return;
    std::vector<fs::path> trees = policy.roots;
    if (!cited_at.file.empty())
        if (fs::path tree = project_tree(cited_at.file); !tree.empty()) trees.insert(trees.begin(), std::move(tree));
    std::error_code error;
    // Canonical: a symbolic link or ".." cannot lead out of an allowed tree unnoticed.
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path, error), error);
    if (!error)
        for (const auto& root : trees)
            if (inside(canonical, root)) return;
    std::string roots;
    for (const auto& root : trees) roots += (roots.empty() ? "" : ", ") + root.string();
    throw InputError(cited_at,
                     std::string(what) + " names " + path + ", outside the folders a scenario may read (" + roots + ")",
                     "if you trust this scenario, allow the folder with --allow-path " +
                         (canonical.has_parent_path() ? canonical.parent_path().string() : std::string(".")));
}

std::string read_input_file(const std::string& path, const SourceLocation& cited_at) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) fail(path, cited_at, "no such file");
        fail(path, cited_at, std::string("cannot read the file: ") + std::strerror(errno));
    }
    if (S_ISDIR(info.st_mode)) fail(path, cited_at, "is a folder, not a file", "name a .yaml file inside it");
    if (!S_ISREG(info.st_mode))
        fail(path, cited_at, "is not a regular file (a device, pipe or socket); triad reads only regular files");
    const std::uintmax_t limit = input_policy().limits.max_file_bytes;
    if (static_cast<std::uintmax_t>(info.st_size) > limit)
        fail(path, cited_at, "is " + megabytes(static_cast<std::uintmax_t>(info.st_size)) + ", more than the " +
                                 megabytes(limit) + " an input may have",
             "set TRIAD_MAX_INPUT_MB to raise the limit if the file is meant to be this large");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, cited_at, std::string("cannot read the file: ") + std::strerror(errno));
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t filled = 0;
    // The file may grow while it is read: stop at the size seen, plus one byte to notice.
    char extra = 0;
    for (;;) {
        char* into = filled < bytes.size() ? bytes.data() + filled : &extra;
        const std::size_t room = filled < bytes.size() ? bytes.size() - filled : 1;
        const ssize_t got = ::read(fd, into, room);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int code = errno;
            ::close(fd);
            fail(path, cited_at, std::string("cannot read the file: ") + std::strerror(code));
        }
        if (got == 0) break;
        if (into == &extra) {
            ::close(fd);
            fail(path, cited_at, "changed size while it was read", "read it again when nothing is writing it");
        }
        filled += static_cast<std::size_t>(got);
    }
    ::close(fd);
    bytes.resize(filled);
    return bytes;
}

}  // namespace triad
