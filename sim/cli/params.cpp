// triad params: every parameter path of a scenario, with value, bounds and driver.
#include "cli.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace triad::cli {

namespace {

std::string bound(double v) { return std::isinf(v) ? (v > 0 ? "inf" : "-inf") : format_number(v); }

}  // namespace

int run_params(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, output;
    options.add_options()
        ("file", po::value(&file)->required(), "scenario (.yaml)")
        ("format,f", po::value(&format_text)->default_value("text"), "output: text or json")
        ("output,o", po::value(&output), "write to this file instead of standard output");
    add_set_option(options);
    po::positional_options_description positional;
    positional.add("file", 1);
    const auto vm = parse_command(
        args, "params", "triad params FILE [--set PATH=VALUE]... [--format text|json]",
        "Lists every parameter of a scenario, one per line as 'PATH VALUE', followed by its\n"
        "bounds, driver and player-first alias. These paths are what --set, schedules and sweeps\n"
        "accept. Paths read GROUP.PARAM[.PLAYER[.PLAYER]]: GROUP is a driver's name under\n"
        "'drivers:' (or 'players' for power), PARAM the model's symbol or its long name. A path\n"
        "without its players (e.g. partnership.g) sets every entry of that parameter at once.\n\n"
        "Examples:\n"
        "  triad params scenarios/baseline.yaml\n"
        "  triad params scenarios/baseline.yaml | grep regime\n",
        options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text == "text" ? "table" : format_text, "params", {"table", "json"});
    if (is_nfg_path(file)) throw InputError({file, 0, 0}, "a .nfg game has no parameters", "give a scenario file");
    const std::vector<std::string> sets = vm->count("set") ? (*vm)["set"].as<std::vector<std::string>>() : Args{};
    const LoadedGame loaded = load_game(file, sets);
    const ParameterSet& params = loaded.model->parameters();
    std::ostringstream out;
    if (format == Format::json) {
        JsonWriter json(out);
        json.begin_object();
        json.field("version", kVersion).field("scenario", file).field("content_hash", loaded.content_hash);
        json.key("parameters").begin_array();
        for (const auto& e : params.entries()) {
            json.begin_object();
            json.field("path", e.path);
            if (!e.alias.empty()) json.field("alias", e.alias);
            json.field("value", e.value);
            json.key("lower");
            std::isinf(e.spec->lower) ? json.null() : json.value(e.spec->lower);
            json.key("upper");
            std::isinf(e.spec->upper) ? json.null() : json.value(e.spec->upper);
            json.field("default", e.spec->default_at(e.first));
            json.field("driver", e.driver).field("group", e.group).field("name", e.spec->name);
            json.field("linear", e.spec->linear).field("help", e.spec->help);
            json.end_object();
        }
        json.end_array().end_object();
    } else {
        std::size_t width = 0;
        for (const auto& e : params.entries()) width = std::max(width, e.path.size() + 1 + format_number(e.value).size());
        for (const auto& e : params.entries()) {
            const std::string head = e.path + " " + format_number(e.value);
            out << std::left << std::setw(static_cast<int>(width)) << head << "  # [" << bound(e.spec->lower) << ", "
                << bound(e.spec->upper) << "] " << e.driver;
            if (!e.alias.empty()) out << ", alias " << e.alias;
            out << "\n";
        }
    }
    emit(out.str(), output);
    return 0;
}

}  // namespace triad::cli
