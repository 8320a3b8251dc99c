// libFuzzer harness: the bytes as a scenario, loaded as far as `triad validate` goes
// (sim/cli/validate.cpp): the YAML, the scenario's shape, the stage model and its game, then the
// sections later commands read (selection, timeline, uncertainty, claims).
//
// Rejecting an input with an exception derived from triad::Error is the loader doing its job.
// Anything else is a finding that libFuzzer must see, so it is not caught: std::bad_alloc or
// std::length_error (a size not checked before allocating), any other exception, a crash, a
// leak, a sanitizer report, or an input that runs past -timeout.
#include "triad/core/error.hpp"
#include "triad/dynamics/timeline.hpp"
#include "triad/scenario/input_file.hpp"
#include "triad/scenario/model.hpp"
#include "triad/scenario/scenario.hpp"
#include "triad/solvers/selection.hpp"
#include "triad/studies/predictions.hpp"
#include "triad/studies/uncertainty.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

namespace {

// `extends:` and `csv:` resolve next to the scenario, so a scenario "in" a folder that does not
// exist can reach no real file, and confinement (below) refuses every path leading out of it.
// The fuzzer must never read, let alone quote, the machine's files.
const std::string kFolder = "/nonexistent-triad-fuzz";
const std::string kFilename = kFolder + "/fuzz.yaml";

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (std::filesystem::exists(kFolder)) {
        std::fprintf(stderr, "fuzz_scenario: %s exists; remove it, the harness relies on its absence\n",
                     kFolder.c_str());
        std::abort();
    }
    // The program's policy (sim/cli/main.cpp) with no --allow-path roots; the size limits stay
    // the defaults, as a user would have them.
    triad::InputPolicy policy = triad::input_policy();
    policy.confine = true;
    policy.roots.clear();
    triad::set_input_policy(std::move(policy));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        // What load_game does for a scenario, from text instead of a file (loaded_game.cpp).
        const triad::StageModel model(triad::parse_scenario(text, kFilename));
        (void)triad::read_selection_rule(model.scenario());
        if (model.scenario().document.find("timeline")) (void)triad::read_timeline(model);
        (void)triad::read_uncertainty(model);
        (void)triad::read_claims(model);
    } catch (const triad::Error&) {
        // A rejected input: expected.
    }
    return 0;
}
