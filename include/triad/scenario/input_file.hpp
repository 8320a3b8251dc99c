// Reading input files safely: which files may be read, and how large an input may grow.
//
// A scenario is often written by someone else. Its `extends:` and its schedules' `csv:` name
// further files, so a shared scenario could otherwise make triad read any file on the machine
// (a private key, /dev/zero) and quote it in a message, or blow a few hundred bytes of YAML
// aliases up into gigabytes. Every input therefore goes through read_input_file: regular files
// only, a size limit checked before reading, and, when the policy confines reads (the program
// does; library callers may), only files inside the allowed folder trees. docs/safety.md
// explains the rules for users.
#pragma once

#include "triad/core/error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

struct InputLimits {
    std::uintmax_t max_file_bytes = 64u << 20;  // 64 MiB: the largest shipped input is 0.1 MiB
    std::size_t max_yaml_nodes = 1'000'000;     // after aliases are expanded; a scenario has ~10^3
    int max_nesting = 64;                       // levels of maps and lists; a scenario needs < 10
    int max_extends = 64;                       // files in one extends chain; the essays use 3
};

struct InputPolicy {
    // When true, files named inside inputs (extends:, csv:) must lie in the project tree of the
    // file naming them or in one of `roots` (the program's --allow-path folders).
    bool confine = false;
    std::vector<std::filesystem::path> roots;  // canonical folders
    InputLimits limits;
};

[[nodiscard]] const InputPolicy& input_policy();
void set_input_policy(InputPolicy policy);

// Adds a folder tree to the readable ones (canonical form; a file adds its folder).
void allow_tree(const std::filesystem::path& path);

// The limits as set by the environment: TRIAD_MAX_INPUT_MB raises the file size limit.
[[nodiscard]] InputLimits limits_from_environment();

// The bytes of a regular file no larger than the limit. Errors name the file (and `cited_at`,
// the place that named it, when given) and never quote its content.
[[nodiscard]] std::string read_input_file(const std::string& path, const SourceLocation& cited_at = {});

// The file whose presence makes a folder the top of a project (".triad-project").
inline constexpr const char* project_marker = ".triad-project";

// The folder tree a file's references may reach: the nearest enclosing folder that holds the
// project marker, else the file's own folder. Empty when the file's folder cannot be resolved.
[[nodiscard]] std::filesystem::path project_tree(const std::string& file);

// Throws InputError at `cited_at` unless `path` is inside an allowed tree (when confined): the
// project tree of the file that names it (cited_at.file) or one of the policy's roots.
// `what` names the reference in the message ("extends", "the csv file").
void check_readable_place(const std::string& path, const SourceLocation& cited_at, std::string_view what);

}  // namespace triad
