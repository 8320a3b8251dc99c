// Rendering a comparison of scenarios as text, Markdown, JSON or CSV (compare_report.hpp).
#include "triad/report/compare_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"
#include "triad/report/text.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace triad {

std::string percent_whole(double share) { return percent(share, 0); }

namespace {

std::string number_text(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

// "ambition.a.china.russia flips at 2.1-2.6 (holds below; 3 of 5 searches)", or "no flip
// found in 5 searches".
std::string boundary_text(const ClaimResult& r) {
    std::string out;
    for (const auto& b : r.boundaries) {
        std::string item = b.path + ": ";
        if (b.found == 0) {
            item += "no flip found in " + std::to_string(b.searches) + (b.searches == 1 ? " search" : " searches");
        } else {
            item += "flips at " + number_text(b.lowest) + (b.highest > b.lowest ? "-" + number_text(b.highest) : "") + " (holds " +
                    (b.holds_below ? "below" : "above") + "; " + std::to_string(b.found) + " of " + std::to_string(b.searches) +
                    " searches)";
        }
        out += (out.empty() ? "" : "; ") + item;
    }
    return out.empty() ? "no axis varies" : out;
}

// "97% [95-98%]".
std::string share_text(double share, const ShareInterval& interval) {
    if (interval.lower == interval.upper) return percent_whole(share);  // exact (a grid)
    return percent_whole(share) + " [" + percent(interval.lower, 0).substr(0, percent(interval.lower, 0).size() - 1) + "-" +
           percent_whole(interval.upper) + "]";
}

// A difference of shares in percentage points: "+57 points", "-3 points", "0 points".
std::string points_text(double difference) {
    const long rounded = std::lround(difference * 100.0);
    return (rounded > 0 ? "+" : "") + std::to_string(rounded) + (rounded == 1 || rounded == -1 ? " point" : " points");
}

std::string range_text(double lower, double upper) {
    return lower == upper ? format_number(lower) : "[" + format_number(lower) + ", " + format_number(upper) + "]";
}

std::string cause_text(const Claim& c, bool present) {
    std::string out;
    for (const auto& cause : c.causes)
        out += (out.empty() ? "" : ", ") + cause.path + " " +
               (present ? range_text(cause.present_lower, cause.present_upper) : range_text(cause.absent_lower, cause.absent_upper));
    return out;
}

// The verdict with its figures, in one line.
std::string verdict_line(const ClaimResult& r) {
    const Claim& c = r.claim;
    std::string out = std::string(to_string(r.verdict)) + ": holds on " + share_text(r.share, r.share_interval);
    if (c.causes.empty()) return out + " of its region (no cause named: its reason is not tested)";
    if (c.causes.front().kind == Cause::Kind::irrelevant) {
        out += " across " + cause_text(c, true) + "; by thirds";
        for (const auto& a : r.arms) out += " " + percent_whole(a.share);
        return out + ": spread " + std::to_string(std::lround(r.effect.value_or(0) * 100.0)) +
               " points (the author: it does not matter; allowed " + std::to_string(std::lround(c.min_effect * 100.0)) + ")";
    }
    return out + " with its cause (" + cause_text(c, true) + "), " + share_text(*r.share_absent, r.share_absent_interval) +
           " without it (" + cause_text(c, false) + "): effect " + points_text(r.effect.value_or(0)) + " (needs " +
           std::to_string(std::lround(c.min_effect * 100.0)) + ")";
}

std::string sample_text(const ClaimResult& r) {
    if (!r.drawn) return std::to_string(r.points) + (r.points == 1 ? " point" : " grid points") + ", no value drawn";
    return std::to_string(r.points) + " draws of " + std::to_string(r.uncertain_values) + " uncertain values (95% intervals)";
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

// The side as the author's name, or "neither".
std::string side_name(const Disagreement& d, Side side) {
    switch (side) {
        case Side::first: return d.first.author;
        case Side::second: return d.second.author;
        case Side::neither: break;
    }
    return "neither";
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
    return out + ", " + std::to_string(d.points) + (d.points == 1 ? " point over " : d.drawn ? " draws over " : " points over ") +
           region_text(d.region);
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
            json.begin_object().field("parameter", b.path).field("value", b.value).field("below", to_string(b.below)).field("above", to_string(b.above)).end_object();
        json.end_array().field("evidence", d.evidence);
        // Each claim on its own region, as before the shared comparison (notebooks read these).
        json.key("first_interval").begin_array().value(d.first_interval.lower).value(d.first_interval.upper).end_array();
        json.key("second_interval").begin_array().value(d.second_interval.lower).value(d.second_interval.upper).end_array();
        json.field("drawn", d.drawn).field("uncertain_values", d.uncertain_values);
        json.field("first_verdict", to_string(c.first_verdict)).field("second_verdict", to_string(c.second_verdict));
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
                << share_text(d.first_share, d.first_interval) << " | " << share_text(d.second_share, d.second_interval) << " | "
                << share_text(d.neither_share, d.neither_interval) << " | "
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
            << share_text(d.first_share, d.first_interval) << "; " << d.second.author << " right (" << expectations_text(d.second)
            << ") on " << share_text(d.second_share, d.second_interval) << "; neither " << share_text(d.neither_share, d.neither_interval)
            << "\n    flips: " << flips_text(d)
            << "\n    at the centre: " << d.evidence << "\n";
    }
}

constexpr Verdict kVerdicts[] = {Verdict::supported, Verdict::regardless, Verdict::holds, Verdict::partly, Verdict::fails};

const char* verdict_heading(Verdict v) {
    switch (v) {
        case Verdict::supported: return "supported";
        case Verdict::regardless: return "holds regardless of its cause";
        case Verdict::holds: return "holds (no cause named)";
        case Verdict::partly: return "partly";
        case Verdict::fails: return "fails";
    }
    return "";
}

// The verdicts counted, overall and per author: what a reader wants before the details. Not a
// score: a claim the model does not support may be right for reasons the model leaves out.
void write_summary(std::ostream& out, const Comparison& comparison, bool markdown) {
    const auto& all = comparison.claims;
    if (all.empty()) return;
    std::vector<std::string> authors;
    std::map<std::string, std::map<Verdict, int>> counts;
    std::map<Verdict, int> overall;
    for (const auto& e : all) {
        const std::string& author = e.result.claim.author;
        if (!counts.count(author)) authors.push_back(author);
        ++counts[author][e.result.verdict];
        ++overall[e.result.verdict];
    }
    const SamplingOptions& s = comparison.sampling;
    const std::string how = s.uncertainty ? "values a claim does not fix drawn from each scenario's uncertainty: " +
                                                std::to_string(s.samples) + " Latin-hypercube draws per region, seed " + std::to_string(s.seed)
                                          : "values a claim does not fix held at the scenario's own: --no-uncertainty";
    if (markdown) {
        out << "**" << all.size() << " claims** (" << how << "). Verdicts, not a score: see docs/model.md, section 7.\n\n| author |";
        for (Verdict v : kVerdicts) out << " " << verdict_heading(v) << " |";
        out << "\n|---|---|---|---|---|---|\n";
        for (const auto& a : authors) {
            out << "| " << a << " |";
            for (Verdict v : kVerdicts) out << " " << counts[a][v] << " |";
            out << "\n";
        }
        out << "| all |";
        for (Verdict v : kVerdicts) out << " " << overall[v] << " |";
        out << "\n\n";
        return;
    }
    out << "Summary of " << all.size() << " claims (" << how << ")\n  ";
    for (Verdict v : kVerdicts) out << verdict_heading(v) << " " << overall[v] << (v == Verdict::fails ? "\n" : ", ");
    for (const auto& a : authors) {
        out << "  " << a << ":";
        for (Verdict v : kVerdicts)
            if (counts[a][v]) out << " " << to_string(v) << " " << counts[a][v];
        out << "\n";
    }
    out << "A verdict tests the model, not the author: 'regardless' means the outcome holds without the cause the\n"
           "author gives, so the model does not support the author's reason.\n\n";
}

// A claim's causes: each parameter with its irrelevant range, or its present and absent ranges.
void json_causes(JsonWriter& json, const std::vector<Cause>& causes) {
    json.key("cause").begin_array();
    for (const auto& c : causes) {
        json.begin_object().field("parameter", c.path);
        if (c.kind == Cause::Kind::irrelevant) {
            json.key("irrelevant").begin_array().value(c.present_lower).value(c.present_upper).end_array();
        } else {
            json.key("present").begin_array().value(c.present_lower).value(c.present_upper).end_array();
            json.key("absent").begin_array().value(c.absent_lower).value(c.absent_upper).end_array();
        }
        json.end_object();
    }
    json.end_array();
}

// The verdict and the shares it rests on: present, absent, the effect, and each arm's.
void json_claim_shares(JsonWriter& json, const ClaimResult& r) {
    json.field("verdict", to_string(r.verdict)).field("share", r.share);
    json.key("share_interval").begin_array().value(r.share_interval.lower).value(r.share_interval.upper).end_array();
    if (r.share_absent) {
        json.field("share_absent", *r.share_absent);
        json.key("share_absent_interval").begin_array().value(r.share_absent_interval.lower).value(r.share_absent_interval.upper).end_array();
    } else {
        json.key("share_absent").null().key("share_absent_interval").null();
    }
    if (r.effect) json.field("effect", *r.effect); else json.key("effect").null();
    json.field("min_effect", r.claim.min_effect);
    json.key("arms").begin_array();
    for (const auto& a : r.arms) json.begin_object().field("arm", a.arm).field("share", a.share).field("held", a.held).field("points", a.points).end_object();
    json.end_array();
}

// Where the claim stops holding along each region axis: the searches, and the flips found.
void json_claim_boundaries(JsonWriter& json, const std::vector<ClaimBoundary>& boundaries) {
    json.key("boundary").begin_array();
    for (const auto& b : boundaries) {
        json.begin_object().field("parameter", b.path).field("searches", b.searches).field("found", b.found);
        if (b.found) json.field("lowest", b.lowest).field("highest", b.highest).field("holds_below", b.holds_below);
        json.end_object();
    }
    json.end_array();
}

// One evaluated claim: what it says, on which region, its verdict, shares and boundaries.
void json_evaluated_claim(JsonWriter& json, const EvaluatedClaim& e) {
    const ClaimResult& r = e.result;
    json.begin_object().field("id", r.claim.id).field("author", r.claim.author).field("claim", r.claim.claim);
    json.field("passage", r.claim.passage).field("note", r.claim.note);
    json.field("scenario", e.file).field("analysis", to_string(r.claim.analysis)).field("region", region_text(r.claim));
    json.key("expect").begin_array();
    for (const auto& x : r.claim.expect) json.value(x.describe());
    json.end_array();
    json_causes(json, r.claim.causes);
    json_claim_shares(json, r);
    json.field("samples", r.points).field("drawn", r.drawn).field("uncertain_values", r.uncertain_values);
    if (r.equilibrium_share) json.field("equilibrium_share", *r.equilibrium_share); else json.key("equilibrium_share").null();
    if (r.probability) json.field("probability", *r.probability); else json.key("probability").null();
    json.field("must_hold", r.claim.must_hold);
    json_claim_boundaries(json, r.boundaries);
    json.field("evidence", r.evidence).end_object();
}

}  // namespace

std::string claim_verdict_text(const ClaimResult& result) { return verdict_line(result); }
std::string claim_sample_text(const ClaimResult& result) { return sample_text(result); }
std::string claim_region_text(const Claim& claim) { return region_text(claim); }
std::string claim_expectations_text(const Claim& claim) { return expectations_text(claim); }
std::string claim_boundary_text(const ClaimResult& result) { return boundary_text(result); }
std::string pair_region_text(const ComparedPair& pair) { return shared_region_text(pair); }
std::string pair_flips_text(const Disagreement& d) { return flips_text(d); }
std::string pair_shares_text(const Disagreement& d) {
    return d.first.author + " right on " + share_text(d.first_share, d.first_interval) + ", " + d.second.author + " right on " +
           share_text(d.second_share, d.second_interval) + ", neither on " + share_text(d.neither_share, d.neither_interval);
}

std::string render_compare_json(const Comparison& comparison) {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object().field("version", kVersion);
    json.field("uncertainty", comparison.sampling.uncertainty).field("samples", comparison.sampling.samples);
    json.field("seed", comparison.sampling.seed);
    json.key("scenarios").begin_array();
    for (const auto& f : comparison.files) json.value(f);
    json.end_array();
    json.key("predictions").begin_array();
    for (const auto& e : comparison.claims) json_evaluated_claim(json, e);
    json.end_array();
    write_disagreements_json(json, comparison.disagreements);
    json.end_object();
    return out.str();
}

std::string render_compare_csv(const Comparison& comparison) {
    const auto& all = comparison.claims;
    std::ostringstream out;
    out << "# triad " << kVersion << " compare, " << (comparison.sampling.uncertainty ? "uncertainty on" : "uncertainty off")
        << ", samples " << comparison.sampling.samples << ", seed " << comparison.sampling.seed << "\n"
        << "id,author,verdict,share,share_low,share_high,share_absent,effect,samples,equilibrium_share,probability,boundary,claim,"
           "scenario,evidence\n";
    auto optional = [](const std::optional<double>& v) { return v ? format_number(*v) : std::string(); };
    for (const auto& e : all) {
        const ClaimResult& r = e.result;
        out << csv_cell(r.claim.id) << "," << csv_cell(r.claim.author) << "," << to_string(r.verdict) << "," << format_number(r.share)
            << "," << format_number(r.share_interval.lower) << "," << format_number(r.share_interval.upper) << ","
            << optional(r.share_absent) << "," << optional(r.effect) << "," << r.points << "," << optional(r.equilibrium_share) << ","
            << optional(r.probability) << "," << csv_cell(boundary_text(r)) << "," << csv_cell(r.claim.claim) << "," << csv_cell(e.file)
            << "," << csv_cell(r.evidence) << "\n";
    }
    return out.str();
}

std::string render_compare_text(const Comparison& comparison, bool markdown) {
    const auto& all = comparison.claims;
    std::ostringstream out;
    write_summary(out, comparison, markdown);
    if (markdown)
        out << "| author | claim | verdict | holds on | without its cause | equilibrium reaches it | where it flips | outcome at the centre |\n"
               "|---|---|---|---|---|---|---|---|\n";
    for (const auto& e : all) {
        const ClaimResult& r = e.result;
        if (markdown) {
            out << "| " << r.claim.author << " | " << r.claim.claim << (r.claim.passage.empty() ? "" : " <br>*\"" + r.claim.passage + "\"*")
                << " (`" << r.claim.id << "`) | " << to_string(r.verdict) << " | " << share_text(r.share, r.share_interval) << " | "
                << (r.share_absent ? share_text(*r.share_absent, r.share_absent_interval) : std::string("-")) << " | "
                << (r.equilibrium_share ? percent_whole(*r.equilibrium_share) : std::string("-")) << " | " << boundary_text(r) << " | "
                << r.evidence << " |\n";
            continue;
        }
        out << r.claim.author << ": " << r.claim.claim << "\n";
        if (!r.claim.passage.empty()) out << "    \"" << r.claim.passage << "\"\n";
        out << "    " << verdict_line(r) << "\n    " << (r.claim.over.empty() ? "no region of its own" : "over " + region_text(r.claim)) << "; "
            << sample_text(r)
            << (r.claim.must_hold ? "; must hold" : "") << "\n    expects " << expectations_text(r.claim) << "\n";
        if (r.equilibrium_share)
            out << "    the selection rule gives it with mean probability " << printf_number(r.probability.value_or(0), "%.2f")
                << "; an equilibrium (pure, else the QRE limit) meets it on " << percent_whole(*r.equilibrium_share) << "\n";
        out << "    boundaries: " << boundary_text(r) << "\n    at the centre: " << r.evidence << "   [" << r.claim.id << ", " << e.file
            << "]\n";
        if (!r.claim.note.empty()) out << "    note: " << r.claim.note << "\n";
        out << "\n";
    }
    if (all.empty()) out << "no predictions found in " << comparison.files.size() << " file(s)\n";
    write_disagreements_text(out, comparison.disagreements, markdown);
    return out.str();
}

}  // namespace triad
