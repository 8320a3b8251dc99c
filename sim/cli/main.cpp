// triad: strategic game-theory simulator of the US-Russia-China triangle.
// This file only dispatches to a command and turns errors into messages and exit codes:
//   0 success, 1 bad input (a scenario, a game file, a value), 2 bad command line,
//   3 a numerical failure or an internal error.
#include "cli.hpp"

#include "triad/core/strings.hpp"
#include "triad/core/version.hpp"
#include "triad/scenario/input_file.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>

#ifdef TRIAD_WITH_MPI
#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#endif

namespace {

#ifdef TRIAD_WITH_MPI
// MPI (only 'triad sweep' uses it, docs/cluster.md) is started when the program was launched
// by mpirun or srun, and finished on every way out of main. Without a launcher the program
// runs as a plain single process.
bool launched_by_mpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
        if (std::getenv(name)) return true;
    return false;
}

struct MpiSession {
    bool active = false;
    MpiSession(int& argc, char**& argv) {
        if (!launched_by_mpi()) return;
        int provided = 0;
        MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
        active = true;
        // Messages go out in whole lines, so those of several ranks do not interleave.
        std::setvbuf(stderr, nullptr, _IOLBF, BUFSIZ);
        std::cerr.unsetf(std::ios::unitbuf);
    }
    ~MpiSession() {
        int finalized = 0;
        if (active && MPI_Finalized(&finalized) == MPI_SUCCESS && !finalized) MPI_Finalize();
    }
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    // An error in one rank ends the whole job, so the other ranks never wait for it forever.
    void abort_job(int code) const {
        int size = 1;
        if (!active || MPI_Comm_size(MPI_COMM_WORLD, &size) != MPI_SUCCESS || size <= 1) return;
        std::cerr.flush();
        std::fflush(nullptr);
        MPI_Abort(MPI_COMM_WORLD, code);
    }
};
#endif

struct Command {
    int (*run)(const triad::cli::Args&);
    const char* summary;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"validate", {triad::cli::run_validate, "check scenario and game files: the first problem in each, with its file:line:col"}},
        {"solve", {triad::cli::run_solve, "build a scenario's stage game (or read a .nfg game) and find its equilibria"}},
        {"export", {triad::cli::run_export, "write a scenario's stage game as a Gambit .nfg file"}},
        {"params", {triad::cli::run_params, "list every parameter path of a scenario with its value and bounds"}},
        {"list", {triad::cli::run_list, "list what is registered, with formulas, parameters and options: drivers, solvers or learning rules"}},
        {"run", {triad::cli::run_run, "play a scenario's timeline: learning, memory, events, and when alignment shifts"}},
        {"sweep", {triad::cli::run_sweep_command, "run an analysis over a grid or sample of parameter points (CSV, resumable, shardable)"}},
        {"merge", {triad::cli::run_merge, "join the files of a sharded sweep"}},
        {"compare", {triad::cli::run_compare, "test the essays' claims against their causes, under uncertainty, and where the authors disagree"}},
        {"report", {triad::cli::run_report, "the comparison as one HTML page: a phase map per claim and per disagreement, offline"}},
        {"explain", {triad::cli::run_explain, "why each player plays what it plays: every action's payoff split by driver"}},
        {"reach", {triad::cli::run_reach, "the smallest change of some parameters that gives a wanted outcome"}},
        {"sustain", {triad::cli::run_sustain, "find the discount factors at which grim trigger sustains a pure profile"}},
    };
    return table;
}

void print_usage(std::ostream& out) {
    out << "triad " << triad::kVersion
        << " - a game-theory simulator of the US-Russia-China strategic triangle\n\n"
           "Usage: triad COMMAND [OPTIONS] [FILES]\n\nCommands:\n";
    std::size_t width = 0;  // the longest command name, so that the summaries line up
    for (const auto& [name, command] : commands()) width = std::max(width, name.size());
    for (const auto& [name, command] : commands())
        out << "  " << name << std::string(width + 2 - name.size(), ' ') << command.summary << "\n";
    out << "\nRun 'triad COMMAND --help' for a command's options and examples.\n"
           "Start with:  triad solve scenarios/baseline.yaml\n"
           "Scenario format: scenarios/README.md\n";
}

// No arguments, help and --version are answered without running a command: the exit code,
// or none when args[0] names a command to run.
std::optional<int> answer_without_command(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        if (args.size() >= 2 && commands().count(args[1])) {
            return commands().at(args[1]).run({"--help"});
        }
        print_usage(std::cout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "version") {
        std::cout << "triad " << triad::kVersion << "\n";
        return 0;
    }
    return std::nullopt;
}

// Runs the command args[0] names, confined to its project tree, and checks that its results
// reached standard output.
int run_command(const std::vector<std::string>& args) {
    const auto found = commands().find(args[0]);
    if (found == commands().end()) {
        std::vector<std::string> names;
        for (const auto& [name, command] : commands()) names.push_back(name);
        throw triad::cli::UsageError("unknown command '" + args[0] + "'; " + triad::suggest(args[0], names), "");
    }
    // The program reads a scenario's references only inside its project tree and the
    // folders given with --allow-path (docs/safety.md); the library by itself does not.
    triad::InputPolicy policy = triad::input_policy();
    policy.confine = true;
    triad::set_input_policy(std::move(policy));
    const int code = found->second.run(std::vector<std::string>(args.begin() + 1, args.end()));
    // A result that did not reach standard output (a full disk, a closed pipe) is a failure.
    std::cout.flush();
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout)
        throw triad::Error("cannot write the results to standard output (a full disk or a closed pipe?)");
    return code;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef TRIAD_WITH_MPI
    const MpiSession mpi(argc, argv);
    const auto failed = [&mpi](int code) {
        mpi.abort_job(code);
        return code;
    };
#else
    const auto failed = [](int code) { return code; };
#endif
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (const auto code = answer_without_command(args)) return *code;
    // Messages may carry text from a hostile file (a name, a key): escape control characters
    // so that it cannot drive the terminal.
    const auto message = [](const std::exception& e) { return triad::printable(e.what()); };
    try {
        return run_command(args);
    } catch (const triad::cli::UsageError& e) {
        std::cerr << "triad: error: " << message(e) << "\n";
        std::cerr << "Run 'triad " << (e.command().empty() ? "" : e.command() + " ") << "--help' for usage.\n";
        return failed(2);
    } catch (const triad::InputError& e) {
        std::cerr << "triad: error: " << message(e) << "\n";
        return failed(1);
    } catch (const triad::NumericalError& e) {
        std::cerr << "triad: numerical error: " << message(e) << "\n";
        return failed(3);
    } catch (const triad::Error& e) {
        std::cerr << "triad: error: " << message(e) << "\n";
        return failed(1);
    } catch (const std::exception& e) {
        std::cerr << "triad: internal error: " << message(e) << "\n";
        return failed(3);
    }
}
