// triad list: what is registered: drivers, solvers and learning rules.
#include "cli.hpp"

#include "triad/core/strings.hpp"
#include "triad/report/catalog_report.hpp"

#include <algorithm>
#include <iostream>

namespace triad::cli {

namespace {

// The kinds of thing `triad list KIND` lists, and what the list shows of each. Without a
// kind the command prints this table, so nothing is listed by an unstated default.
struct ListKind {
    const char* name;
    const char* shows;
};
constexpr ListKind kKinds[] = {
    {"drivers", "the payoff drivers: the term each adds to a player's payoff (docs/model.md's\n"
                "           notation), the essays it encodes, and each parameter with its symbol, long\n"
                "           name, indexing, default and bounds (what the scenario loader checks against)"},
    {"solvers", "the solution methods of 'triad solve --method': what each finds, its source,\n"
                "           the games it takes and its options (--option NAME=VALUE) with their bounds"},
    {"rules", "the learning rules a timeline can give its players, with their options"},
};

std::string kinds_text() {
    std::string text;
    for (const ListKind& kind : kKinds)
        text += "  " + std::string(kind.name) + std::string(9 - std::string(kind.name).size(), ' ') + kind.shows + "\n";
    return text;
}

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (const ListKind& kind : kKinds) names.emplace_back(kind.name);
    return names;
}

}  // namespace

int run_list(const Args& args) {
    po::options_description options("Options");
    std::string what, format_text;
    options.add_options()
        ("what", po::value(&what)->value_name("KIND"), "what to list: drivers, solvers or rules")
        ("format,f", po::value(&format_text)->default_value("text"), "output: text or json");
    po::positional_options_description positional;
    positional.add("what", 1);
    const std::string about = "Lists what this build of triad has registered, from the declarations the program itself\n"
                              "reads, so the lists are always current. KIND is one of\n" +
                              kinds_text() +
                              "Without KIND it prints these kinds.\n\n"
                              "Examples:\n"
                              "  triad list drivers\n"
                              "  triad list solvers\n"
                              "  triad list rules --format json\n"
                              "  triad list drivers | grep -A8 '^wedge'\n";
    const auto vm = parse_command(args, "list", "triad list [KIND] [--format text|json]", about, options, positional);
    if (!vm) return 0;
    const Format format = parse_format(format_text == "text" ? "table" : format_text, "list", {"table", "json"});
    const bool json = format == Format::json;
    if (what.empty()) {
        if (json) throw UsageError("name what to list: " + join(kind_names(), ", "), "list");
        std::cout << "triad list KIND shows, for each KIND:\n" << kinds_text();
        return 0;
    }
    const std::vector<std::string> lists = kind_names();
    if (std::find(lists.begin(), lists.end(), what) == lists.end())
        throw UsageError("nothing called '" + what + "' to list; " + suggest(what, lists), "list");
    if (what == "rules") std::cout << (json ? render_rules_json() : render_rules_text());
    else if (what == "solvers") std::cout << (json ? render_solvers_json() : render_solvers_text());
    else std::cout << (json ? render_drivers_json() : render_drivers_text());
    return 0;
}

}  // namespace triad::cli
