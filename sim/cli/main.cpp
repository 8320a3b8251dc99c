// triad: strategic game-theory simulator of the US-Russia-China triangle.
// This file only dispatches to a command and turns errors into messages and exit codes:
//   0 success, 1 bad input (a scenario, a game file, a value), 2 bad command line,
//   3 a numerical failure or an internal error.
#include "cli.hpp"

#include "triad/version.hpp"

#include <iostream>
#include <map>

namespace {

struct Command {
    int (*run)(const triad::cli::Args&);
    const char* summary;
};

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"validate", {triad::cli::run_validate, "check scenario files and report every problem with its place"}},
        {"solve", {triad::cli::run_solve, "build a scenario's stage game (or read a .nfg game) and find its equilibria"}},
        {"export", {triad::cli::run_export, "write a scenario's stage game as a Gambit .nfg file"}},
        {"params", {triad::cli::run_params, "list every parameter path of a scenario with its value and bounds"}},
        {"list", {triad::cli::run_list, "list the registered drivers with their parameters"}},
        {"run", {triad::cli::run_run, "play a scenario's timeline: learning, memory, events, and when alignment shifts"}},
        {"sweep", {triad::cli::run_sweep_command, "run an analysis over a grid or sample of parameter points (CSV, resumable, shardable)"}},
        {"merge", {triad::cli::run_merge, "join the files of a sharded sweep"}},
        {"sustain", {triad::cli::run_sustain, "find the discount factors at which grim trigger sustains a pure profile"}},
    };
    return table;
}

void print_usage(std::ostream& out) {
    out << "triad " << triad::kVersion
        << " - a game-theory simulator of the US-Russia-China strategic triangle\n\n"
           "Usage: triad COMMAND [OPTIONS] [FILES]\n\nCommands:\n";
    for (const auto& [name, command] : commands()) out << "  " << name << std::string(11 - name.size(), ' ') << command.summary << "\n";
    out << "\nRun 'triad COMMAND --help' for a command's options and examples.\n"
           "Start with:  triad solve scenarios/baseline.yaml\n"
           "Scenario format: scenarios/README.md\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
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
    const auto found = commands().find(args[0]);
    try {
        if (found == commands().end()) {
            std::vector<std::string> names;
            for (const auto& [name, command] : commands()) names.push_back(name);
            throw triad::cli::UsageError("unknown command '" + args[0] + "'; " + triad::suggest(args[0], names), "");
        }
        return found->second.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const triad::cli::UsageError& e) {
        std::cerr << "triad: error: " << e.what() << "\n";
        std::cerr << "Run 'triad " << (e.command().empty() ? "" : e.command() + " ") << "--help' for usage.\n";
        return 2;
    } catch (const triad::InputError& e) {
        std::cerr << "triad: error: " << e.what() << "\n";
        return 1;
    } catch (const triad::NumericalError& e) {
        std::cerr << "triad: numerical error: " << e.what() << "\n";
        return 3;
    } catch (const triad::Error& e) {
        std::cerr << "triad: error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "triad: internal error: " << e.what() << "\n";
        return 3;
    }
}
