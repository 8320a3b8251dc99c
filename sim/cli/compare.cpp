// triad compare: every prediction of every scenario, evaluated; where each claim holds, where
// it stops holding, and where the authors disagree.
#include "cli.hpp"

#include "triad/output.hpp"
#include "triad/parameters.hpp"
#include "triad/predictions.hpp"
#include "triad/version.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
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
    "at the centre. A second part pairs claims of different authors that contradict each other\n"
    "(no outcome satisfies both) and says where each is right. With --strict the exit code is 1 if a claim marked must_hold does\n"
    "not hold (for regression tests of scenarios).\n\n"
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

std::string region_text(const Claim& c) {
    std::string out;
    for (const auto& a : c.over)
        out += (out.empty() ? "" : ", ") + a.path + " " +
               (a.lower == a.upper ? format_number(a.lower) : "[" + format_number(a.lower) + ", " + format_number(a.upper) + "]");
    return out.empty() ? "the scenario as written" : out;
}

std::string percent(double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", 100.0 * share);
    return buffer;
}

// Can some outcome satisfy both expectations (on the same target)? Labels mentioned by either
// side, plus one label neither mentions, are enough to decide for value tests.
bool compatible(const Expectation& a, const Expectation& b) {
    if (a.test == Expectation::Test::range || b.test == Expectation::Test::range) {
        if (a.test != b.test) return true;  // a number and a label test: no conflict to speak of
        const double lo = std::max(a.min.value_or(-1e300), b.min.value_or(-1e300));
        const double hi = std::min(a.max.value_or(1e300), b.max.value_or(1e300));
        return lo <= hi;
    }
    std::vector<std::string> candidates = a.values;
    candidates.insert(candidates.end(), b.values.begin(), b.values.end());
    candidates.push_back("\x01 none of these");
    for (const auto& c : candidates)
        if (a.holds(c) && b.holds(c)) return true;
    return false;
}

// Pairs of claims by different authors that contradict each other: on some shared target no
// outcome can satisfy both.
std::vector<std::pair<const Evaluated*, const Evaluated*>> disagreements(const std::vector<Evaluated>& all) {
    std::vector<std::pair<const Evaluated*, const Evaluated*>> out;
    for (std::size_t a = 0; a < all.size(); ++a)
        for (std::size_t b = a + 1; b < all.size(); ++b) {
            const Claim& x = all[a].result.claim;
            const Claim& y = all[b].result.claim;
            if (x.author == y.author) continue;
            bool contradict = false;
            for (const auto& e : x.expect)
                for (const auto& f : y.expect) contradict = contradict || (e.column == f.column && !compatible(e, f));
            if (contradict) out.emplace_back(&all[a], &all[b]);
        }
    return out;
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
    std::vector<Evaluated> all;
    for (const auto& file : files) {
        const LoadedGame loaded = load_game(file, {});
        for (const auto& claim : read_claims(*loaded.model)) all.push_back({evaluate_claim(*loaded.model, claim, workers), file});
    }
    const auto pairs = disagreements(all);
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
        json.end_array().key("disagreements").begin_array();
        for (const auto& [a, b] : pairs)
            json.begin_object().field("first", a->result.claim.id).field("second", b->result.claim.id)
                .field("first_share", a->result.share).field("second_share", b->result.share)
                .field("first_region", region_text(a->result.claim)).field("second_region", region_text(b->result.claim))
                .field("first_verdict", a->result.verdict).field("second_verdict", b->result.verdict).end_object();
        json.end_array().end_object();
    } else if (format_text == "csv") {
        out << "# triad " << kVersion << " compare\nid,author,verdict,share,boundary,claim,scenario,evidence\n";
        for (const auto& e : all) {
            const ClaimResult& r = e.result;
            out << csv_cell(r.claim.id) << "," << csv_cell(r.claim.author) << "," << r.verdict << "," << format_number(r.share) << ","
                << csv_cell(boundary_text(r)) << "," << csv_cell(r.claim.claim) << "," << csv_cell(e.file) << "," << csv_cell(r.evidence) << "\n";
        }
    } else {
        const bool markdown = format_text == "markdown";
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
        out << (markdown ? "\n### Where the authors disagree\n\n" : "Where the authors disagree\n");
        for (const auto& [a, b] : pairs) {
            const ClaimResult& x = a->result;
            const ClaimResult& y = b->result;
            out << (markdown ? "- " : "  ") << x.claim.author << " expects " << x.claim.expect.front().describe() << ", right on "
                << percent(x.share) << " of " << region_text(x.claim) << ";\n" << (markdown ? "  " : "    ") << y.claim.author
                << " expects " << y.claim.expect.front().describe() << ", right on " << percent(y.share) << " of "
                << region_text(y.claim) << "  [" << x.claim.id << " vs " << y.claim.id << "]\n";
        }
        if (pairs.empty()) out << (markdown ? "- none among these claims\n" : "  none among these claims\n");
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
