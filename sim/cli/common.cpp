#include "cli.hpp"

#include "triad/core/output.hpp"

#include <iostream>

namespace triad::cli {

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
    options.add_options()("help,h", "show this help");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << "Usage: " << usage << "\n\n" << about << "\n" << options << "\n";
            return std::nullopt;
        }
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(e.what(), command);
    }
    return vm;
}

void add_set_option(po::options_description& options) {
    options.add_options()("set,s", po::value<std::vector<std::string>>()->composing(),
                          "PATH=VALUE: override a parameter before solving; repeatable "
                          "(paths: 'triad params FILE')");
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
