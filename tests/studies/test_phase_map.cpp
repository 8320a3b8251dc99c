// Phase maps: the cells a claim's and a disagreement's maps show, against a hand-solved game.
#include "triad/studies/phase_map.hpp"

#include "support.hpp"

using namespace triad;

namespace {

// scenarios/examples/taiwan_crisis.yaml with claims: Russia, warm to China, backs it when
// backing costs less than leaving it alone (e < l = 1: 2 - e against 2 - 1) and abstains when
// it costs more (hand-solved in scenarios/README.md, "Crises").
StageModel crisis_with_claims(const std::string& predictions) {
    return StageModel(parse_scenario("extends: " + triad::test::source_path("scenarios/examples/taiwan_crisis.yaml") +
                                         "\npredictions:\n" + predictions,
                                     "crisis_claims.yaml"));
}

const std::string kStaysOut = R"(  - id: stays-out
    author: A
    claim: Russia stays out because backing costs it.
    cause: {entrapment.e.russia: {present: [1.5, 3], absent: [0, 0.5]}}
    expect: {russia.backs: abstain}
)";

}  // namespace

TEST_CASE("a claim's map spans its cause over both arms, and its cells follow the hand-solved threshold", "[phase_map]") {
    const StageModel model = crisis_with_claims(kStaysOut);
    const PhaseMap map = claim_phase_map(model, read_claims(model).front(), 7, 2);
    REQUIRE(map.axes.size() >= 1);
    CHECK(map.axes[0].path == "entrapment.e.russia");
    CHECK(map.axes[0].lower == 0.0);  // the hull of absent [0, 0.5] and present [1.5, 3]
    CHECK(map.axes[0].upper == 3.0);
    CHECK(map.column == "russia_backs");
    const std::size_t nx = map.axes[0].count;
    REQUIRE(nx == 7);
    const std::size_t rows = map.axes.size() > 1 ? map.axes[1].count : 1;
    REQUIRE(map.labels.size() == nx * rows);
    // Grid values 0, 0.5, ..., 3 along e: below 1 Russia backs China, above it abstains (at
    // exactly 1 the two tie, and the selection splits them).
    for (std::size_t iy = 0; iy < rows; ++iy)
        for (std::size_t ix = 0; ix < nx; ++ix) {
            const double e = 0.5 * static_cast<double>(ix);
            INFO("e = " << e << ", row " << iy);
            if (e < 0.9) {
                CHECK(map.labels[iy * nx + ix] == "china");
                CHECK(map.verdicts[iy * nx + ix] == CellVerdict::neither);
            } else if (e > 1.1) {
                CHECK(map.labels[iy * nx + ix] == "abstain");
                CHECK(map.verdicts[iy * nx + ix] == CellVerdict::first);
            }
        }
    // The boxes: the cause present (solid) and absent (the placebo), on e's axis.
    REQUIRE(map.boxes.size() == 2);
    CHECK(map.boxes[0].x_lower == 1.5);
    CHECK(map.boxes[0].x_upper == 3.0);
    CHECK(map.boxes[1].x_lower == 0.0);
    CHECK(map.boxes[1].x_upper == 0.5);
}

TEST_CASE("a disagreement's map says who is right in each cell", "[phase_map]") {
    const StageModel model = crisis_with_claims(kStaysOut + R"(  - id: backs-china
    author: B
    claim: Russia backs China when backing is cheap.
    over: {entrapment.e.russia: [0, 3]}
    expect: {russia.backs: china}
)");
    const auto claims = read_claims(model);
    REQUIRE(contradict(claims[0], claims[1]));
    SamplingOptions grid;
    grid.uncertainty = false;
    const Disagreement d = evaluate_disagreement(model, claims[0], claims[1], 1, grid);
    const PhaseMap map = disagreement_phase_map(model, d, 7, 1);
    REQUIRE(!map.axes.empty());
    CHECK(map.axes[0].path == "entrapment.e.russia");
    const std::size_t nx = map.axes[0].count;
    CHECK(map.verdicts[0] == CellVerdict::second);       // e = 0: Russia backs China, the second claim is right
    CHECK(map.verdicts[nx - 1] == CellVerdict::first);  // e = 3: it abstains, the first is right
}

TEST_CASE("a claim that fixes nothing, in a scenario without uncertainty, is one cell at the scenario's own point", "[phase_map]") {
    const StageModel model = crisis_with_claims(R"(  - id: as-written
    author: A
    claim: As written, Russia stays out.
    expect: {russia.backs: abstain}
)");
    const PhaseMap map = claim_phase_map(model, read_claims(model).front(), 5, 1);
    CHECK(map.axes.empty());
    REQUIRE(map.labels.size() == 1);
    CHECK(map.labels[0] == "abstain");  // e = 1.5 > l = 1 (scenarios/README.md, "Crises")
    CHECK(map.verdicts[0] == CellVerdict::first);
    CHECK(map.boxes.empty());
}
