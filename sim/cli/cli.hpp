// The triad program: one function per command, each a thin layer over the library.
// Errors are thrown (triad::InputError, UsageError) and caught once, in main.cpp.
#pragma once

#include "triad/solvers/equilibrium.hpp"
#include "triad/core/error.hpp"
#include "triad/core/game.hpp"
#include "triad/scenario/loaded_game.hpp"
#include "triad/scenario/model.hpp"
#include "triad/studies/region_sample.hpp"

#include <boost/program_options.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace triad::cli {

namespace po = boost::program_options;

// A mistake on the command line (exit code 2, with a pointer to --help).
class UsageError : public Error {
public:
    UsageError(const std::string& message, std::string command)
        : Error(message), command_(std::move(command)) {}
    [[nodiscard]] const std::string& command() const { return command_; }

private:
    std::string command_;
};

using Args = std::vector<std::string>;

int run_validate(const Args& args);
int run_solve(const Args& args);
int run_export(const Args& args);
int run_params(const Args& args);
int run_list(const Args& args);
int run_sustain(const Args& args);
int run_explain(const Args& args);
int run_reach(const Args& args);
int run_run(const Args& args);
int run_sweep_command(const Args& args);
int run_merge(const Args& args);
int run_compare(const Args& args);
int run_report(const Args& args);

// --- shared by the commands (common.cpp) ---

enum class Format { table, json, csv };
[[nodiscard]] Format parse_format(const std::string& text, const std::string& command,
                                  const std::vector<std::string>& allowed = {"table", "json", "csv"});

// Parse `args` against `options` (+ positional names), printing help and returning nullopt
// when --help was asked for. `about` is the teaching text shown above the options.
[[nodiscard]] std::optional<po::variables_map> parse_command(
    const Args& args, const std::string& command, const std::string& usage, const std::string& about,
    po::options_description& options, const po::positional_options_description& positional);

// Write `text` to -o FILE (atomically) or standard output.
void emit(const std::string& text, const std::string& output_path);

// Options every game command shares.
void add_set_option(po::options_description& options);

// The sampling options of the commands that evaluate claims (compare, report): --samples,
// --seed, --no-uncertainty, read into SamplingOptions with their ranges checked.
struct SamplingArgs {
    long long samples = 400, seed = 1;
    bool no_uncertainty = false;
};
void add_sampling_options(po::options_description& options, SamplingArgs& args);
[[nodiscard]] SamplingOptions sampling_of(const SamplingArgs& args, const std::string& command);

}  // namespace triad::cli
