// The comparison as an HTML page (html_report.hpp).
#include "triad/report/html_report.hpp"

#include "triad/core/version.hpp"
#include "triad/report/compare_report.hpp"
#include "triad/report/figure_svg.hpp"
#include "triad/report/svg.hpp"

#include <cctype>
#include <map>
#include <optional>
#include <sstream>

namespace triad {

namespace {

constexpr Verdict kVerdicts[] = {Verdict::supported, Verdict::regardless, Verdict::holds, Verdict::partly, Verdict::fails};

const char* kStyle = R"(
body { font-family: Georgia, 'DejaVu Serif', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
h1, h2, h3 { font-family: 'DejaVu Sans', Arial, sans-serif; }
h3 { margin-top: 2.2rem; border-top: 1px solid #bbb; padding-top: 0.8rem; }
table { border-collapse: collapse; margin: 1rem 0; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.85rem; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
blockquote { margin: 0.5rem 0 0.5rem 1rem; padding-left: 0.8rem; border-left: 3px solid #999; font-style: italic; }
.verdict { font-family: 'DejaVu Sans', Arial, sans-serif; font-weight: bold; padding: 0 0.3rem; border: 1px solid #333; }
.supported { background: #bfe3d6; } .regardless { background: #fde3b8; } .holds { background: #cfe3f3; }
.partly { background: #eeeeee; } .fails { background: #f6c9b4; }
.figures { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 0.85rem; }
figure { margin: 0.6rem 0; } figcaption { font-size: 0.8rem; color: #333; max-width: 40rem; }
footer { margin-top: 3rem; font-size: 0.8rem; color: #333; border-top: 1px solid #999; }
@media print { h3 { page-break-before: auto; } figure { page-break-inside: avoid; } }
)";

std::string anchor(const std::string& id) {
    std::string out;
    for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
    return out;
}

std::string verdict_badge(Verdict v) {
    const std::string name(to_string(v));
    return "<span class=\"verdict " + name + "\">" + name + "</span>";
}

void write_counts(std::ostream& out, const Comparison& comparison) {
    std::vector<std::string> authors;
    std::map<std::string, std::map<Verdict, int>> counts;
    for (const auto& e : comparison.claims) {
        if (!counts.count(e.result.claim.author)) authors.push_back(e.result.claim.author);
        ++counts[e.result.claim.author][e.result.verdict];
    }
    out << "<table><tr><th>author</th>";
    for (Verdict v : kVerdicts) out << "<th>" << to_string(v) << "</th>";
    out << "</tr>";
    for (const auto& a : authors) {
        out << "<tr><td>" << xml_escape(a) << "</td>";
        for (Verdict v : kVerdicts) out << "<td>" << counts[a][v] << "</td>";
        out << "</tr>";
    }
    out << "</table>";
}

void write_claim_table(std::ostream& out, const Comparison& comparison) {
    out << "<table><tr><th>author</th><th>claim</th><th>verdict</th><th>with its cause</th><th>without</th></tr>";
    for (const auto& e : comparison.claims) {
        const ClaimResult& r = e.result;
        out << "<tr><td>" << xml_escape(r.claim.author) << "</td><td><a href=\"#" << anchor(r.claim.id) << "\">" << xml_escape(r.claim.id)
            << "</a></td><td>" << verdict_badge(r.verdict) << "</td><td>" << percent_whole(r.share) << "</td><td>"
            << (r.share_absent ? percent_whole(*r.share_absent) : "") << "</td></tr>";
    }
    out << "</table>";
}

std::string held_text(const PhaseMap& map) {
    std::string out;
    for (const auto& [path, value] : map.held) out += (out.empty() ? "" : ", ") + path + " at " + short_number(value);
    return out;
}

// The record's marks on one timeline: the dated claims of its file.
std::vector<DatedMark> marks_of(const Comparison& comparison, const std::string& file, std::vector<std::size_t>& claim_of_mark) {
    std::vector<DatedMark> marks;
    for (std::size_t c = 0; c < comparison.claims.size(); ++c) {
        const auto& e = comparison.claims[c];
        if (e.file != file || !is_dated(e.result.claim)) continue;
        const Expectation& first = e.result.claim.expect.front();
        DatedMark m;
        m.id = e.result.claim.id;
        m.from = first.window_from.value_or(0.0);
        m.to = first.window_to.value_or(m.from);
        m.expected = claim_expectations_text(e.result.claim);
        m.held = outcome_holds(e.result.verdict);
        marks.push_back(m);
        claim_of_mark.push_back(c);
    }
    return marks;
}

void write_claim(std::ostream& out, const Comparison& comparison, const ReportFigures& figures, std::size_t c) {
    const EvaluatedClaim& e = comparison.claims[c];
    const ClaimResult& r = e.result;
    const Claim& claim = r.claim;
    out << "<h3 id=\"" << anchor(claim.id) << "\">" << xml_escape(claim.author) << ": " << xml_escape(claim.claim) << "</h3>";
    if (!claim.passage.empty()) out << "<blockquote>" << xml_escape(claim.passage) << "</blockquote>";
    out << "<p>" << verdict_badge(r.verdict) << " " << xml_escape(claim_verdict_text(r)) << "</p><p class=\"figures\">expects "
        << xml_escape(claim_expectations_text(claim)) << "; region: " << xml_escape(claim_region_text(claim)) << "; "
        << xml_escape(claim_sample_text(r));
    if (r.probability) out << "; mean probability of the expected outcome " << short_number(*r.probability);
    if (r.equilibrium_share) out << "; an equilibrium meets it on " << percent_whole(*r.equilibrium_share);
    out << "<br>boundaries: " << xml_escape(claim_boundary_text(r)) << "<br>at the centre: " << xml_escape(r.evidence) << " ["
        << xml_escape(claim.id) << ", " << xml_escape(e.file) << "]</p>";
    out << "<figure>";
    if (is_dated(claim)) {
        for (const TimelineFigure& t : figures.timelines) {
            if (t.file != e.file) continue;
            std::vector<std::size_t> claim_of_mark;
            const auto marks = marks_of(comparison, e.file, claim_of_mark);
            std::optional<std::size_t> mine;
            for (std::size_t m = 0; m < claim_of_mark.size(); ++m)
                if (claim_of_mark[m] == c) mine = m;
            out << timeline_svg(t, marks, mine, {claim.id, "the run's configuration over time, this claim's window outlined", {}})
                << "<figcaption>The scenario's run and the record; the outlined window is this claim's.</figcaption>";
        }
    } else {
        const PhaseMap& map = figures.claims[c];
        out << phase_map_svg(map, figures.long_names, {claim.id, "where the claim holds over " + map.column, {}}) << "<figcaption>";
        if (map.axes.empty())
            out << "The scenario as written: the claim fixes no parameter and the scenario declares no uncertain value.";
        else
            out << "Axes: " << xml_escape(map.axes_chosen) << ". Every other value at the scenario's own"
                << (map.held.empty() ? "" : "; held: " + xml_escape(held_text(map))) << ". Each cell is one "
                << (claim.analysis == SweepAnalysis::timeline ? "run of the timeline" : "stage analysis")
                << " (the verdict above draws the other values from their ranges; the map does not).";
        out << "</figcaption>";
    }
    out << "</figure>";
    if (!claim.note.empty()) out << "<p><em>Note.</em> " << xml_escape(claim.note) << "</p>";
}

void write_pair(std::ostream& out, const ComparedPair& pair, const PhaseMap& map, const ReportFigures& figures, std::size_t k) {
    const Disagreement& d = pair.result;
    const std::string id = "pair-" + std::to_string(k + 1);
    out << "<h3 id=\"" << id << "\">" << xml_escape(d.first.author) << " vs " << xml_escape(d.second.author) << " ("
        << xml_escape(d.first.id) << " vs " << xml_escape(d.second.id) << ")</h3><p>" << xml_escape(d.first.author) << ": "
        << xml_escape(claim_expectations_text(d.first)) << "; " << xml_escape(d.second.author) << ": "
        << xml_escape(claim_expectations_text(d.second)) << ".</p><p class=\"figures\">on " << xml_escape(pair_region_text(pair)) << "<br>"
        << xml_escape(pair_shares_text(d)) << "<br>flips: " << xml_escape(pair_flips_text(d)) << "</p><figure>"
        << phase_map_svg(map, figures.long_names, {id, "who is right over the shared region", {d.first.author, d.second.author}})
        << "<figcaption>Axes: " << xml_escape(map.axes_chosen) << (map.held.empty() ? "" : "; held: " + xml_escape(held_text(map)))
        << "; every other value at the shared scenario's own.</figcaption></figure>";
}

}  // namespace

std::string render_html_report(const Comparison& comparison, const ReportFigures& figures, const ReportMeta& meta) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>triad: the essays' claims against the model</title>"
        << "<style>" << kStyle << "</style></head><body>\n<h1>The essays' claims against the model</h1>"
        << "<p>Each claim is an author's expected outcome over a region of parameters and, where the author gives a reason, the "
           "cause that produces it. A claim is <b>supported</b> when its outcome holds where the cause is present and is clearly rarer "
           "where it is absent (on the same draws of everything else); <b>regardless</b> when it holds without the cause too; "
           "<b>holds</b> when it holds and names no cause; <b>partly</b> and <b>fails</b> when its outcome does not hold. The "
           "counts are not a score of who is right: they say what this model does with each argument (docs/model.md, section 7).</p>";
    const SamplingOptions& s = comparison.sampling;
    out << "<p class=\"figures\">" << comparison.claims.size() << " claims; "
        << (s.uncertainty ? std::to_string(s.samples) + " Latin-hypercube draws per region and arm, seed " + std::to_string(s.seed)
                          : std::string("values a claim does not fix held at the scenario's own (--no-uncertainty)"))
        << ".</p><h2>Verdicts by author</h2>";
    write_counts(out, comparison);
    out << "<h2>Every claim</h2>";
    write_claim_table(out, comparison);
    out << "<h2>The claims one by one</h2>";
    for (std::size_t c = 0; c < comparison.claims.size(); ++c) write_claim(out, comparison, figures, c);
    out << "<h2 id=\"disagreements\">Where the authors disagree</h2><p>Each pair of contradicting claims on one model and one "
           "region: the map shows who is right where (blue the first author, orange and dotted the second, grey neither).</p>";
    if (comparison.disagreements.empty()) out << "<p>None among these claims.</p>";
    for (std::size_t k = 0; k < comparison.disagreements.size(); ++k)
        write_pair(out, comparison.disagreements[k], figures.disagreements[k], figures, k);
    if (!figures.timelines.empty()) out << "<h2>Timelines against the record</h2>";
    for (const TimelineFigure& t : figures.timelines) {
        std::vector<std::size_t> claim_of_mark;
        const auto marks = marks_of(comparison, t.file, claim_of_mark);
        out << "<figure>" << timeline_svg(t, marks, std::nullopt, {"timeline-" + anchor(t.file), "configuration over time against the record", {}})
            << "<figcaption>" << xml_escape(t.file) << "</figcaption></figure>";
    }
    out << "<footer><p>triad " << kVersion << "; " << xml_escape(meta.command) << "; seed " << s.seed << ", " << s.samples
        << " samples per arm.</p><table><tr><th>scenario</th><th>content hash</th></tr>";
    for (const auto& [file, hash] : figures.scenario_hashes) out << "<tr><td>" << xml_escape(file) << "</td><td>" << hash << "</td></tr>";
    out << "</table></footer></body></html>\n";
    return out.str();
}

std::string render_report_summary(const Comparison& comparison) {
    std::map<Verdict, int> overall;
    for (const auto& e : comparison.claims) ++overall[e.result.verdict];
    std::ostringstream out;
    out << comparison.claims.size() << " claims:";
    for (Verdict v : kVerdicts) out << " " << to_string(v) << " " << overall[v];
    out << "\n";
    for (Verdict v : {Verdict::supported, Verdict::fails}) {
        out << (v == Verdict::supported ? "The model supports (outcome and cause):\n" : "The model contradicts (the outcome fails):\n");
        bool any = false;
        for (const auto& e : comparison.claims)
            if (e.result.verdict == v) {
                out << "  " << e.result.claim.author << ": " << e.result.claim.id << " (" << percent_whole(e.result.share)
                    << (e.result.share_absent ? ", " + percent_whole(*e.result.share_absent) + " without its cause" : std::string()) << ")\n";
                any = true;
            }
        if (!any) out << "  none\n";
    }
    return out.str();
}

}  // namespace triad
