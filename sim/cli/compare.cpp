// triad compare: every prediction of every scenario, evaluated; where each claim holds, where
// it stops holding, and where the authors disagree.
#include "cli.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/studies/predictions.hpp"
#include "triad/core/version.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <thread>

namespace triad::cli {

namespace {

const char* kAbout =
    "Evaluates the predictions of scenarios: each author's claims, stated as an expected\n"
    "outcome over a region of parameter space (see scenarios/README.md, 'predictions:'). For\n"
    "every claim it reports the verdict (holds: met on at least the required share of its\n"
    "region; fails: met on at most the complement; partly: in between), the share of the\n"
    "region where it holds, the boundary where it stops holding (the parameter value where the\n"
    "outcome flips, by bisection along each axis through the region's centre) and the outcome\n"
    "at the centre. Each claim is evaluated in its own scenario, with its author's parameters.\n"
    "The table and markdown formats open with a count of verdicts per author.\n\n"
    "A second part, 'Where the authors disagree', pairs claims of different authors that\n"
    "contradict each other (on some target no outcome satisfies both) and asks where each is\n"
    "right on common ground: both are evaluated on ONE model and ONE region, so the shares say\n"
    "who wins where rather than how each fares on its own turf. The model is the nearest\n"
    "scenario file both authors' scenarios build on (through 'extends'; for the essays\n"
    "scenarios/baseline.yaml); the first claim's own scenario is used instead when there is no\n"
    "common file, when it has no timeline and the claims are about a run, or when a claim's\n"
    "parameters do not exist in it (the output says which model was used and why). The region\n"
    "is the union of both claims' regions (a parameter in both spans both ranges), on a grid\n"
    "with the smaller of the two claims' points per axis (4 per axis when 4 or more\n"
    "parameters vary, to keep the grid small). Every point goes to the first claim, the second\n"
    "or neither; the shares add up to 100%. Along each axis through the region's centre the\n"
    "first place where the winner changes is found by bisection ('flips').\n\n"
    "With --strict the exit code is 1 if a claim marked must_hold does not hold (for\n"
    "regression tests of scenarios). The csv format lists the claims only; the pairs are in\n"
    "the table, markdown and json formats.\n\n"
    "FILES may be scenario files or folders (searched recursively for .yaml files; files\n"
    "without predictions are skipped).\n\n"
    "Examples:\n"
    "  triad compare scenarios/\n"
    "  triad compare scenarios/essays --format markdown -o comparison.md\n"
    "  triad compare scenarios/ --format json --strict\n";

struct Evaluated {
    ClaimResult result;
    std::string file;
};

std::string boundary_text(const ClaimResult& r) {
    std::string out;
    for (const auto& b : r.boundaries) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.4g", b.value);
        out += (out.empty() ? "" : "; ") + b.path + " = " + buffer + (b.holds_below ? " (holds below)" : " (holds above)");
    }
    return out.empty() ? "none in the region" : out;
}

std::string region_text(const std::vector<Axis>& axes) {
    std::string out;
    for (const auto& a : axes)
        out += (out.empty() ? "" : ", ") + a.path + " " +
               (a.lower == a.upper ? format_number(a.lower) : "[" + format_number(a.lower) + ", " + format_number(a.upper) + "]");
    return out.empty() ? "the scenario as written" : out;
}

std::string region_text(const Claim& c) { return region_text(c.over); }

std::string percent(double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", 100.0 * share);
    return buffer;
}

// Scenario models loaded once each (claims' own files and the files they share), by canonical
// path: many pairs share one base.
class ScenarioCache {
public:
    const StageModel& get(const std::string& path) {
        const std::string key = std::filesystem::weakly_canonical(path).string();
        auto found = loaded_.find(key);
        if (found == loaded_.end()) found = loaded_.emplace(key, load_game(path, {})).first;
        if (!found->second.model) throw InputError({path, 0, 0}, "not a scenario file: claims and their models come from scenarios");
        return *found->second.model;
    }

private:
    std::map<std::string, LoadedGame> loaded_;
};

bool same_file(const std::string& a, const std::string& b) {
    return std::filesystem::weakly_canonical(a) == std::filesystem::weakly_canonical(b);
}

// The nearest file both scenarios are built from: each lists its extends chain base first,
// itself last, so the first of x's files (from the end) that y also lists.
std::optional<std::string> nearest_common_file(const Scenario& x, const Scenario& y) {
    for (auto file = x.files.rbegin(); file != x.files.rend(); ++file)
        for (const auto& other : y.files)
            if (same_file(*file, other)) return *file;
    return std::nullopt;
}

struct Compared {
    Disagreement result;
    std::string fallback_reason;  // empty when the common base was used
    std::string first_verdict, second_verdict;  // each claim's own, on its own region
};

InputError cannot_compare(const Claim& first, const Claim& second, const std::string& why) {
    // The first claim's own paths exist in its scenario (read_claims checked): the second's do not.
    return InputError(second.where, "claims '" + first.id + "' and '" + second.id +
                                        "' contradict each other but cannot be evaluated on one model (" + why +
                                        "): give them parameters that exist in a scenario both build on");
}

// A pair of contradicting claims on common ground: the nearest file both scenarios build on,
// else (no such file, no timeline for claims about a run, or a parameter missing there) the
// first claim's own scenario, with the reason.
Compared compare_pair(ScenarioCache& cache, const ClaimResult& a, const ClaimResult& b, int workers) {
    const Claim& first = a.claim;
    const Claim& second = b.claim;
    auto on = [&](const StageModel& model, const std::string& reason) {
        return Compared{evaluate_disagreement(model, first, second, workers), reason, a.verdict, b.verdict};
    };
    std::string reason = "the two scenarios build on no common file";
    const auto common = nearest_common_file(cache.get(first.scenario).scenario(), cache.get(second.scenario).scenario());
    if (common) {
        try {
            const StageModel& shared = cache.get(*common);
            const TreeNode* timeline = shared.scenario().document.find("timeline");
            if (first.analysis == SweepAnalysis::timeline && (!timeline || timeline->is_null()))
                reason = *common + " has no timeline";
            else
                return on(shared, "");
        } catch (const InputError& e) {
            reason = "in " + *common + ": " + e.message();
            if (same_file(*common, first.scenario)) throw cannot_compare(first, second, reason);  // nowhere else to go
        }
    }
    try {
        return on(cache.get(first.scenario), reason);
    } catch (const InputError& e) {
        throw cannot_compare(first, second, reason + "; in " + first.scenario + ": " + e.message());
    }
}

std::string expectations_text(const Claim& c) {
    std::string out;
    for (const auto& e : c.expect) out += (out.empty() ? "" : " and ") + e.describe();
    return out;
}

// "first", "second" or "neither" as the author's name.
std::string side_name(const Disagreement& d, const std::string& side) {
    return side == "first" ? d.first.author : side == "second" ? d.second.author : "neither";
}

std::string flips_text(const Disagreement& d) {
    std::string out;
    for (const auto& b : d.boundaries) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.4g", b.value);
        out += (out.empty() ? "" : "; ") + b.path + " = " + buffer + " (" + side_name(d, b.below) + " below, " +
               side_name(d, b.above) + " above)";
    }
    return out.empty() ? "no flip along any axis" : out;
}

// "scenarios/baseline.yaml, 25 points over A [0, 1], B [2, 3]" (+ why, for a fallback).
std::string shared_region_text(const Compared& c) {
    const Disagreement& d = c.result;
    std::string out = d.shared_scenario;
    if (!c.fallback_reason.empty()) out += " (" + d.first.author + "'s own scenario: " + c.fallback_reason + ")";
    if (d.region.empty()) return out + ", at its own parameter values";
    return out + ", " + std::to_string(d.points) + (d.points == 1 ? " point over " : " points over ") + region_text(d.region);
}

void write_disagreements_json(JsonWriter& json, const std::vector<Compared>& compared) {
    json.key("disagreements").begin_array();
    for (const auto& c : compared) {
        const Disagreement& d = c.result;
        json.begin_object().field("first", d.first.id).field("second", d.second.id);
        json.field("first_author", d.first.author).field("second_author", d.second.author);
        json.field("shared_scenario", d.shared_scenario).field("region", region_text(d.region)).field("points", d.points);
        json.field("first_share", d.first_share).field("second_share", d.second_share).field("neither_share", d.neither_share);
        json.key("boundary").begin_array();
        for (const auto& b : d.boundaries)
            json.begin_object().field("parameter", b.path).field("value", b.value).field("below", b.below).field("above", b.above).end_object();
        json.end_array().field("evidence", d.evidence);
        // Each claim on its own region, as before the shared comparison (notebooks read these).
        json.field("first_verdict", c.first_verdict).field("second_verdict", c.second_verdict);
        json.field("first_region", region_text(d.first)).field("second_region", region_text(d.second)).end_object();
    }
    json.end_array();
}

void write_disagreements_text(std::ostream& out, const std::vector<Compared>& compared, bool markdown) {
    if (markdown) {
        out << "\n### Where the authors disagree\n\n"
               "Each pair on one shared model and region: the share of the region where each claim is right.\n\n";
        if (compared.empty()) {
            out << "- none among these claims\n";
            return;
        }
        out << "| first | second | shared region | first right | second right | neither | where it flips |\n"
               "|---|---|---|---|---|---|---|\n";
        for (const auto& c : compared) {
            const Disagreement& d = c.result;
            out << "| " << d.first.author << ": " << expectations_text(d.first) << " (`" << d.first.id << "`) | " << d.second.author
                << ": " << expectations_text(d.second) << " (`" << d.second.id << "`) | " << shared_region_text(c) << " | "
                << percent(d.first_share) << " | " << percent(d.second_share) << " | " << percent(d.neither_share) << " | "
                << flips_text(d) << " |\n";
        }
        return;
    }
    out << "Where the authors disagree (each pair on one shared model and region)\n";
    if (compared.empty()) out << "  none among these claims\n";
    for (const auto& c : compared) {
        const Disagreement& d = c.result;
        out << "  " << d.first.author << " vs " << d.second.author << "  [" << d.first.id << " vs " << d.second.id << "]  on "
            << shared_region_text(c) << "\n    " << d.first.author << " right (" << expectations_text(d.first) << ") on "
            << percent(d.first_share) << "; " << d.second.author << " right (" << expectations_text(d.second) << ") on "
            << percent(d.second_share) << "; neither " << percent(d.neither_share) << "\n    flips: " << flips_text(d)
            << "\n    at the centre: " << d.evidence << "\n";
    }
}

// The verdicts per author, first: what a reader wants before the details.
void write_summary(std::ostream& out, const std::vector<Evaluated>& all, bool markdown) {
    if (all.empty()) return;
    std::vector<std::string> authors;
    std::map<std::string, std::map<std::string, int>> counts;
    for (const auto& e : all) {
        const std::string& author = e.result.claim.author;
        if (!counts.count(author)) authors.push_back(author);
        ++counts[author][e.result.verdict];
    }
    auto line = [&](const std::map<std::string, int>& c) {
        const int total = c.count("holds") ? c.at("holds") : 0;
        const int partly = c.count("partly") ? c.at("partly") : 0;
        const int fails = c.count("fails") ? c.at("fails") : 0;
        return std::to_string(total + partly + fails) + " claims: " + std::to_string(total) + " hold, " + std::to_string(partly) +
               " hold in part, " + std::to_string(fails) + " fail";
    };
    std::map<std::string, int> overall;
    for (const auto& e : all) ++overall[e.result.verdict];
    if (markdown) {
        out << "**" << line(overall) << "**\n\n| author | claims | hold | in part | fail |\n|---|---|---|---|---|\n";
        for (const auto& a : authors) {
            auto& c = counts[a];
            out << "| " << a << " | " << c["holds"] + c["partly"] + c["fails"] << " | " << c["holds"] << " | " << c["partly"] << " | "
                << c["fails"] << " |\n";
        }
        out << "\n";
    } else {
        out << "Summary: " << line(overall) << "\n";
        for (const auto& a : authors) out << "  " << a << ": " << line(counts[a]) << "\n";
        out << "\n";
    }
}

}  // namespace

int run_compare(const Args& args) {
    po::options_description options("Options");
    std::vector<std::string> inputs;
    std::string format_text, output;
    bool strict = false;
    int threads = 0;
    options.add_options()
        ("inputs", po::value(&inputs)->multitoken(), "scenario files or folders (default: scenarios)")
        ("format,f", po::value(&format_text)->default_value("table"), "table, markdown, json or csv")
        ("output,o", po::value(&output), "write to this file (atomically) instead of standard output")
        ("strict", po::bool_switch(&strict), "exit 1 if a must_hold claim does not hold")
        ("threads,j", po::value(&threads), "worker threads (default: all cores)");
    po::positional_options_description positional;
    positional.add("inputs", -1);
    const auto vm = parse_command(args, "compare", "triad compare [FILES or folders] [--format table|markdown|json|csv] [-o OUT] [--strict]",
                                  kAbout, options, positional);
    if (!vm) return 0;
    static const std::vector<std::string> formats = {"table", "markdown", "json", "csv"};
    if (std::find(formats.begin(), formats.end(), format_text) == formats.end())
        throw UsageError("unknown format '" + format_text + "'; " + suggest(format_text, formats), "compare");
    if (inputs.empty()) inputs = {"scenarios"};
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        namespace fs = std::filesystem;
        if (fs::is_directory(input)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(input))
                if (entry.path().extension() == ".yaml") found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }
    const int workers = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    ScenarioCache cache;
    std::vector<Evaluated> all;
    for (const auto& file : files) {
        const StageModel& model = cache.get(file);
        for (const auto& claim : read_claims(model)) all.push_back({evaluate_claim(model, claim, workers), file});
    }
    std::vector<Compared> compared;
    if (format_text != "csv")  // csv lists the claims only
        for (std::size_t a = 0; a < all.size(); ++a)
            for (std::size_t b = a + 1; b < all.size(); ++b)
                if (contradict(all[a].result.claim, all[b].result.claim))
                    compared.push_back(compare_pair(cache, all[a].result, all[b].result, workers));
    std::ostringstream out;
    if (format_text == "json") {
        JsonWriter json(out);
        json.begin_object().field("version", kVersion);
        json.key("predictions").begin_array();
        for (const auto& e : all) {
            const ClaimResult& r = e.result;
            json.begin_object().field("id", r.claim.id).field("author", r.claim.author).field("claim", r.claim.claim);
            json.field("scenario", e.file).field("analysis", to_string(r.claim.analysis)).field("region", region_text(r.claim));
            json.key("expect").begin_array();
            for (const auto& x : r.claim.expect) json.value(x.describe());
            json.end_array();
            json.field("verdict", r.verdict).field("share", r.share).field("points", r.points).field("must_hold", r.claim.must_hold);
            json.key("boundary").begin_array();
            for (const auto& b : r.boundaries) json.begin_object().field("parameter", b.path).field("value", b.value).field("holds_below", b.holds_below).end_object();
            json.end_array().field("evidence", r.evidence).end_object();
        }
        json.end_array();
        write_disagreements_json(json, compared);
        json.end_object();
    } else if (format_text == "csv") {
        out << "# triad " << kVersion << " compare\nid,author,verdict,share,boundary,claim,scenario,evidence\n";
        for (const auto& e : all) {
            const ClaimResult& r = e.result;
            out << csv_cell(r.claim.id) << "," << csv_cell(r.claim.author) << "," << r.verdict << "," << format_number(r.share) << ","
                << csv_cell(boundary_text(r)) << "," << csv_cell(r.claim.claim) << "," << csv_cell(e.file) << "," << csv_cell(r.evidence) << "\n";
        }
    } else {
        const bool markdown = format_text == "markdown";
        write_summary(out, all, markdown);
        if (markdown) out << "| author | claim | verdict | share | where it stops holding | outcome at the centre |\n|---|---|---|---|---|---|\n";
        for (const auto& e : all) {
            const ClaimResult& r = e.result;
            if (markdown) {
                out << "| " << r.claim.author << " | " << r.claim.claim << " (`" << r.claim.id << "`) | " << r.verdict << " | "
                    << percent(r.share) << " | " << boundary_text(r) << " | " << r.evidence << " |\n";
            } else {
                out << r.claim.author << ": " << r.claim.claim << "\n    " << r.verdict << " on " << percent(r.share) << " of "
                    << region_text(r.claim) << " (" << r.points << " points)" << (r.claim.must_hold ? ", must hold" : "") << "\n    expects "
                    << r.claim.expect.front().describe() << (r.claim.expect.size() > 1 ? " and more" : "") << "; stops holding at "
                    << boundary_text(r) << "\n    at the centre: " << r.evidence << "   [" << r.claim.id << ", " << e.file << "]\n\n";
            }
        }
        if (all.empty()) out << "no predictions found in " << files.size() << " file(s)\n";
        write_disagreements_text(out, compared, markdown);
    }
    emit(out.str(), output);
    if (strict)
        for (const auto& e : all)
            if (e.result.claim.must_hold && e.result.verdict != "holds") {
                std::cerr << "triad: must_hold claim '" << e.result.claim.id << "' " << e.result.verdict << " (" << percent(e.result.share) << ")\n";
                return 1;
            }
    return 0;
}

}  // namespace triad::cli
