// triad list: what is registered: drivers, solvers and learning rules.
#include "cli.hpp"

#include "triad/report/catalog_report.hpp"

#include <algorithm>
#include <iostream>

namespace triad::cli {

int run_list(const Args& args) {
    po::options_description options("Options");
    std::string what, format_text;
    options.add_options()
        ("what", po::value(&what)->default_value("drivers"), "what to list: drivers, solvers or rules")
        ("format,f", po::value(&format_text)->default_value("text"), "output: text or json");
    po::positional_options_description positional;
    positional.add("what", 1);
    const auto vm = parse_command(
        args, "list", "triad list drivers|solvers|rules [--format text|json]",
        "drivers: every registered driver, the term it adds to a player's payoff (docs/model.md's\n"
        "notation), the essays it encodes, and each parameter with its symbol, long name,\n"
        "indexing, default and bounds. This is the same declaration the scenario loader checks\n"
        "against, so it is always current.\n"
        "solvers: every solution method of 'triad solve --method', with its options.\n"
        "rules: every learning rule a timeline can give its players, with its options.\n",
        options, positional);
    if (!vm) return 0;
    static const std::vector<std::string> lists = {"drivers", "solvers", "rules"};
    if (std::find(lists.begin(), lists.end(), what) == lists.end())
        throw UsageError("nothing called '" + what + "' to list; " + suggest(what, lists), "list");
    const Format format = parse_format(format_text == "text" ? "table" : format_text, "list", {"table", "json"});
    const bool json = format == Format::json;
    if (what == "rules") std::cout << (json ? render_rules_json() : render_rules_text());
    else if (what == "solvers") std::cout << (json ? render_solvers_json() : render_solvers_text());
    else std::cout << (json ? render_drivers_json() : render_drivers_text());
    return 0;
}

}  // namespace triad::cli
