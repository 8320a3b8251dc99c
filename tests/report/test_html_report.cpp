// The HTML report: every claim and disagreement has its section and its figure, a dated claim
// shows its timeline, nothing is fetched from the network, and the foot records the inputs.
#include "triad/report/html_report.hpp"

#include "triad/core/version.hpp"

#include "support.hpp"

using namespace triad;

using triad::test::count_occurrences;

TEST_CASE("the report has one section and one figure per claim and per disagreement", "[html_report]") {
    const std::vector<std::string> files = {triad::test::source_path("tests/data/scenarios/claims.yaml"),
                                            triad::test::source_path("tests/data/scenarios/claims_other.yaml"),
                                            triad::test::source_path("scenarios/history.yaml")};
    SamplingOptions sampling;
    sampling.samples = 20;
    const Comparison comparison = compare_scenarios(files, 2, true, sampling);
    REQUIRE(!comparison.disagreements.empty());
    FigureOptions options;
    options.resolution = 4;
    options.threads = 2;
    const ReportFigures figures = compute_report_figures(comparison, options);
    REQUIRE(figures.claims.size() == comparison.claims.size());
    REQUIRE(figures.disagreements.size() == comparison.disagreements.size());
    REQUIRE(figures.timelines.size() == 1);  // history.yaml's dated claims share one timeline
    const std::string html = render_html_report(comparison, figures, {"triad report test"});
    const std::size_t sections = comparison.claims.size() + comparison.disagreements.size();
    CHECK(count_occurrences(html, "<h3 id=") == sections);
    // Each section's figure, plus the timelines' own section.
    CHECK(count_occurrences(html, "data-figure=") == sections + figures.timelines.size());
    std::size_t dated = 0;
    for (const auto& e : comparison.claims) dated += is_dated(e.result.claim);
    CHECK(dated >= 10);
    CHECK(count_occurrences(html, "class=\"timeline-strip\"") == dated + 1);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("src=\"http") == std::string::npos);
    CHECK(html.find(std::string("triad ") + kVersion) != std::string::npos);
    for (const auto& [file, hash] : figures.scenario_hashes) CHECK(html.find(hash) != std::string::npos);
    // Every claim in the table links to its section.
    for (const auto& e : comparison.claims) CHECK(html.find("href=\"#" + e.result.claim.id + "\"") != std::string::npos);
}

TEST_CASE("the terminal summary names the supported and the contradicted claims", "[html_report]") {
    Comparison comparison;
    EvaluatedClaim good, bad;
    good.result.claim.id = "good-claim";
    good.result.claim.author = "A";
    good.result.verdict = Verdict::supported;
    good.result.share = 0.97;
    good.result.share_absent = 0.1;
    bad.result.claim.id = "bad-claim";
    bad.result.claim.author = "B";
    bad.result.verdict = Verdict::fails;
    bad.result.share = 0.02;
    comparison.claims = {good, bad};
    const std::string text = render_report_summary(comparison);
    CHECK_THAT(text, Catch::Contains("2 claims: supported 1 regardless 0 holds 0 partly 0 fails 1"));
    CHECK_THAT(text, Catch::Contains("supports (outcome and cause):\n  A: good-claim (97%, 10% without its cause)"));
    CHECK_THAT(text, Catch::Contains("contradicts (the outcome fails):\n  B: bad-claim (2%)"));
}
