#include "triad/core/output.hpp"

#include "triad/core/error.hpp"
#include "triad/core/parameters.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace triad {

std::string json_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    for (unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out += buffer;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out;
}

std::string csv_cell(std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_ << '\n';
    for (std::size_t i = 0; i < first_.size(); ++i) out_ << "  ";
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ << ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ << '{';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ << '}';
    if (first_.empty() && pretty_) out_ << '\n';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ << '[';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ << ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    out_ << '"' << json_escape(name) << "\":";
    if (pretty_) out_ << ' ';
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    out_ << '"' << json_escape(text) << '"';
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    if (!std::isfinite(number)) throw NumericalError("refusing to write a non-finite number to JSON");
    before_value();
    out_ << format_number(number == 0.0 ? 0.0 : number);  // no "-0"
    return *this;
}

JsonWriter& JsonWriter::value(long long number) {
    before_value();
    out_ << number;
    return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
    before_value();
    out_ << (flag ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ << "null";
    return *this;
}

void write_file_atomically(const std::string& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code error;
    if (!fs::is_directory(folder, error)) throw Error("cannot write " + path + ": no folder " + folder.string());
    if (fs::is_directory(target, error)) throw Error("cannot write " + path + ": it is a folder");
    const std::string temporary =
        (folder / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp")).string();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) throw Error("cannot write " + path + ": " + std::strerror(errno));
    // Every step is checked: a full disk may show only at the write, the fsync or the close,
    // and the earlier file at `path` must survive any of them.
    const auto fail = [&](const std::string& step, int code) {
        ::close(fd);
        ::unlink(temporary.c_str());
        throw Error("cannot write " + path + " (" + step + "): " + std::strerror(code) + "; an earlier " + path +
                    " is left as it was");
    };
    for (std::string_view rest = content; !rest.empty();) {
        const ssize_t wrote = ::write(fd, rest.data(), rest.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) fail("write", wrote < 0 ? errno : ENOSPC);
        rest.remove_prefix(static_cast<std::size_t>(wrote));
    }
    if (::fsync(fd) != 0) fail("sync", errno);
    if (::close(fd) != 0) {
        const int code = errno;
        ::unlink(temporary.c_str());
        throw Error("cannot write " + path + " (close): " + std::strerror(code));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int code = errno;
        ::unlink(temporary.c_str());
        throw Error("cannot replace " + path + ": " + std::strerror(code));
    }
}

}  // namespace triad
