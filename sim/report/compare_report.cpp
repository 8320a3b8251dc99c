// Rendering a comparison of scenarios as text, Markdown, JSON or CSV (compare_report.hpp).
#include "triad/report/compare_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"
#include "triad/report/text.hpp"

#include <cstdio>
#include <map>
#include <sstream>

namespace triad {

std::string percent_whole(double share) { return percent(share, 0); }

namespace {

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
std::string shared_region_text(const ComparedPair& c) {
    const Disagreement& d = c.result;
    std::string out = d.shared_scenario;
    if (!c.fallback_reason.empty()) out += " (" + d.first.author + "'s own scenario: " + c.fallback_reason + ")";
    if (d.region.empty()) return out + ", at its own parameter values";
    return out + ", " + std::to_string(d.points) + (d.points == 1 ? " point over " : " points over ") + region_text(d.region);
}

void write_disagreements_json(JsonWriter& json, const std::vector<ComparedPair>& compared) {
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

void write_disagreements_text(std::ostream& out, const std::vector<ComparedPair>& compared, bool markdown) {
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
                << percent_whole(d.first_share) << " | " << percent_whole(d.second_share) << " | " << percent_whole(d.neither_share) << " | "
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
            << percent_whole(d.first_share) << "; " << d.second.author << " right (" << expectations_text(d.second) << ") on "
            << percent_whole(d.second_share) << "; neither " << percent_whole(d.neither_share) << "\n    flips: " << flips_text(d)
            << "\n    at the centre: " << d.evidence << "\n";
    }
}

// The verdicts per author, first: what a reader wants before the details.
void write_summary(std::ostream& out, const std::vector<EvaluatedClaim>& all, bool markdown) {
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

std::string render_compare_json(const Comparison& comparison) {
    const auto& all = comparison.claims;
    std::ostringstream out;
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
    write_disagreements_json(json, comparison.disagreements);
    json.end_object();
    return out.str();
}

std::string render_compare_csv(const Comparison& comparison) {
    const auto& all = comparison.claims;
    std::ostringstream out;
    out << "# triad " << kVersion << " compare\nid,author,verdict,share,boundary,claim,scenario,evidence\n";
    for (const auto& e : all) {
        const ClaimResult& r = e.result;
        out << csv_cell(r.claim.id) << "," << csv_cell(r.claim.author) << "," << r.verdict << "," << format_number(r.share) << ","
            << csv_cell(boundary_text(r)) << "," << csv_cell(r.claim.claim) << "," << csv_cell(e.file) << "," << csv_cell(r.evidence) << "\n";
    }
    return out.str();
}

std::string render_compare_text(const Comparison& comparison, bool markdown) {
    const auto& all = comparison.claims;
    std::ostringstream out;
    write_summary(out, all, markdown);
    if (markdown) out << "| author | claim | verdict | share | where it stops holding | outcome at the centre |\n|---|---|---|---|---|---|\n";
    for (const auto& e : all) {
        const ClaimResult& r = e.result;
        if (markdown) {
            out << "| " << r.claim.author << " | " << r.claim.claim << " (`" << r.claim.id << "`) | " << r.verdict << " | "
                << percent_whole(r.share) << " | " << boundary_text(r) << " | " << r.evidence << " |\n";
        } else {
            out << r.claim.author << ": " << r.claim.claim << "\n    " << r.verdict << " on " << percent_whole(r.share) << " of "
                << region_text(r.claim) << " (" << r.points << " points)" << (r.claim.must_hold ? ", must hold" : "") << "\n    expects "
                << r.claim.expect.front().describe() << (r.claim.expect.size() > 1 ? " and more" : "") << "; stops holding at "
                << boundary_text(r) << "\n    at the centre: " << r.evidence << "   [" << r.claim.id << ", " << e.file << "]\n\n";
        }
    }
    if (all.empty()) out << "no predictions found in " << comparison.files.size() << " file(s)\n";
    write_disagreements_text(out, comparison.disagreements, markdown);
    return out.str();
}


}  // namespace triad
