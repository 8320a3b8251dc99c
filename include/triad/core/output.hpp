// Writing results other tools can read: JSON, CSV cells, and files replaced atomically.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// A streaming JSON writer that produces compact, valid JSON with keys in the order written.
// Numbers use the shortest text that reads back to the same double; NaN or infinity is
// refused (NumericalError) rather than written as invalid JSON.
class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out, bool pretty = true) : out_(out), pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(long long number);
    JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    // key(name).value(v) in one call.
    template <typename T>
    JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

private:
    void before_value();
    void newline();
    std::ostream& out_;
    bool pretty_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
};

[[nodiscard]] std::string json_escape(std::string_view text);
// A CSV cell, quoted when it holds a comma, quote or newline (RFC 4180).
[[nodiscard]] std::string csv_cell(std::string_view text);

// Write `content` to `path` through a temporary file in the same folder and a rename, so that
// readers never see a half-written file. Throws triad::Error if it cannot.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace triad
