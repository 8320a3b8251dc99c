// triad params: every parameter path of a scenario, with value, bounds and driver.
#include "cli.hpp"
#include "set_option.hpp"

#include "triad/report/catalog_report.hpp"

namespace triad::cli {

int run_params(const Args& args) {
    po::options_description options("Options");
    std::string file, format_text, output;
    options.add_options()
        ("file", po::value(&file)->value_name("FILE")->required(), "scenario (.yaml)")
        ("format,f", po::value(&format_text)->default_value("text"), "output: text or json")
        ("output,o", po::value(&output), "write to this file instead of standard output");
    add_set_option(options, "the value listed for it, to check an override before using it");
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
    const std::string text = format == Format::json ? render_parameters_json(loaded) : render_parameters_text(loaded);
    emit(text, output);
    return 0;
}

}  // namespace triad::cli
