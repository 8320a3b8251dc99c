#include "cli.hpp"
#include "set_option.hpp"

#include "triad/core/output.hpp"
#include "triad/scenario/input_file.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <set>

namespace triad::cli {

namespace {

// The options filled from positional arguments (FILE, KIND), which help shows by name rather
// than as '--file arg'. An unbounded trailing one ("files" after positional.add("files", -1))
// reports its name for every later position, so the first few positions name them all.
std::set<std::string> positional_names(const po::positional_options_description& positional) {
    std::set<std::string> names;
    const unsigned shown = std::min(positional.max_total_count(), 16u);
    for (unsigned i = 0; i < shown; ++i) names.insert(positional.name_for_position(i));
    return names;
}

bool takes_many(const po::positional_options_description& positional, const std::string& name) {
    return positional.max_total_count() > 16u && positional.name_for_position(16) == name;
}

// The name a positional argument goes by: the value name its command declared
// (po::value(&file)->value_name("FILE")), without Boost's " (=default)", else its option name
// in capitals; "FILE..." when it takes many.
std::string argument_name(const po::option_description& option, const po::positional_options_description& positional) {
    std::string name = option.semantic()->name();
    name = name.substr(0, name.find(" (="));
    if (name.empty() || name == "arg") {
        name = option.long_name();
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return takes_many(positional, option.long_name()) ? name + "..." : name;
}

// The first example of a command's help ("  triad solve scenarios/baseline.yaml"), without a
// line continuation or a trailing comment; empty when the help has none.
std::string first_example(const std::string& about, const std::string& command) {
    const std::string start = "triad " + command + " ";
    std::size_t from = 0;
    while (from < about.size()) {
        const std::size_t end = std::min(about.find('\n', from), about.size());
        std::string line = about.substr(from, end - from);
        from = end + 1;
        const std::size_t text = line.find_first_not_of(' ');
        if (text == std::string::npos || line.compare(text, start.size(), start) != 0) continue;
        line = line.substr(text);
        for (const std::string cut : {" #", " \\", " &&"})
            if (const std::size_t at = line.find(cut); at != std::string::npos) line.resize(at);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        return line;
    }
    return {};
}

// "triad solve needs a FILE: scenario (.yaml) or Gambit game (.nfg); e.g. triad solve ...".
std::string missing_argument(const po::option_description& option, const po::positional_options_description& positional,
                             const std::string& command, const std::string& about) {
    std::string name = argument_name(option, positional);
    const bool many = name.size() > 3 && name.compare(name.size() - 3, 3, "...") == 0;
    if (many) name.resize(name.size() - 3);
    std::string text = "triad " + command + " needs " + (many ? "at least one " : "a ") + name;
    if (!option.description().empty()) text += ": " + option.description();
    if (const std::string example = first_example(about, command); !example.empty()) text += "; e.g. " + example;
    return text;
}

void print_help(std::ostream& out, const std::string& usage, const std::string& about, const po::options_description& options,
                const po::positional_options_description& positional) {
    const std::set<std::string> arguments = positional_names(positional);
    po::options_description visible("Options");  // every command names its table so; Boost 1.74 cannot read it back
    std::vector<std::pair<std::string, std::string>> listed;  // name, description
    std::size_t width = 0;
    for (const auto& option : options.options()) {
        if (arguments.count(option->long_name())) {
            listed.emplace_back(argument_name(*option, positional), option->description());
            width = std::max(width, listed.back().first.size());
        } else {
            visible.add(option);
        }
    }
    out << "Usage: " << usage << "\n\n" << about << "\n";
    if (!listed.empty()) {
        out << "Arguments:\n";
        for (const auto& [name, description] : listed)
            out << "  " << name << std::string(width + 2 - name.size(), ' ') << description << "\n";
        out << "\n";
    }
    out << visible << "\n";
}

}  // namespace

Format parse_format(const std::string& text, const std::string& command,
                    const std::vector<std::string>& allowed) {
    if (std::find(allowed.begin(), allowed.end(), text) == allowed.end())
        throw UsageError("unknown format '" + text + "'; " + suggest(text, allowed), command);
    if (text == "json") return Format::json;
    if (text == "csv") return Format::csv;
    return Format::table;
}

std::optional<po::variables_map> parse_command(const Args& args, const std::string& command,
                                               const std::string& usage, const std::string& about,
                                               po::options_description& options,
                                               const po::positional_options_description& positional) {
    // Every command that reads scenarios may widen the folders their extends: and csv: reach.
    const bool reads_scenarios = command != "list" && command != "merge";
    if (reads_scenarios)
        options.add_options()("allow-path", po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
                              "let scenarios read files (extends:, csv:) under DIR too, besides their own project "
                              "tree; repeatable (docs/safety.md)");
    options.add_options()("help,h", "show this help");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            print_help(std::cout, usage, about, options, positional);
            return std::nullopt;
        }
        po::notify(vm);
        if (reads_scenarios && vm.count("allow-path"))
            for (const std::string& folder : vm["allow-path"].as<std::vector<std::string>>()) {
                std::error_code error;
                if (!std::filesystem::is_directory(folder, error))
                    throw UsageError("--allow-path " + folder + ": no such folder", command);
                allow_tree(folder);
            }
    } catch (const po::required_option& e) {
        // A missing FILE is named as the usage line names it, not as "the option '--file'".
        std::string name = e.get_option_name();
        name.erase(0, name.find_first_not_of('-'));
        const po::option_description* option = options.find_nothrow(name, false);
        if (option && positional_names(positional).count(name))
            throw UsageError(missing_argument(*option, positional, command, about), command);
        throw UsageError(e.what(), command);
    } catch (const po::error& e) {
        throw UsageError(e.what(), command);
    }
    return vm;
}

void add_set_option(po::options_description& options, const std::string& effect) {
    options.add_options()("set,s", po::value<std::vector<std::string>>()->composing()->value_name("PATH=VALUE"),
                          ("set a parameter: " + effect + "; repeatable (paths: 'triad params FILE')").c_str());
}

void add_set_option(po::options_description& options) {
    add_set_option(options, "its value in the stage game, before solving");
}

void add_sampling_options(po::options_description& options, SamplingArgs& args) {
    options.add_options()
        ("samples,n", po::value(&args.samples)->default_value(args.samples),
         "draws per region (and per arm: cause present, absent) of the values a claim does not fix; 400 keeps every 95% interval within +-5 points")
        ("seed", po::value(&args.seed)->default_value(args.seed), "seed of the draws (Latin hypercube): the same seed, the same figures")
        ("no-uncertainty", po::bool_switch(&args.no_uncertainty),
         "hold every value a claim does not fix at the scenario's own (a grid over the region, as before uncertainty existed)");
}

SamplingOptions sampling_of(const SamplingArgs& args, const std::string& command) {
    if (args.samples < 2 || args.samples > 1000000) throw UsageError("--samples must be between 2 and 1000000", command);
    if (args.seed < 0) throw UsageError("--seed must be a whole number >= 0", command);
    SamplingOptions sampling;
    sampling.samples = static_cast<std::size_t>(args.samples);
    sampling.seed = static_cast<std::uint64_t>(args.seed);
    sampling.uncertainty = !args.no_uncertainty;
    return sampling;
}

void emit(const std::string& text, const std::string& output_path) {
    if (output_path.empty() || output_path == "-") {
        std::cout << text;
        std::cout.flush();
        return;
    }
    write_file_atomically(output_path, text);
}

}  // namespace triad::cli
