// libFuzzer harness: the bytes as a Gambit .nfg game (include/triad/scenario/nfg.hpp), which is
// all `triad validate` does with an .nfg file; then the writer's promise that reading back what
// it writes gives the same game, bit for bit.
//
// Rejecting an input with an exception derived from triad::Error is the reader doing its job.
// Anything else is a finding and is left to escape: another exception (std::bad_alloc for a
// count not checked before allocating), a crash, a leak, a sanitizer report, a timeout, or a
// game that does not survive the round trip (abort, below).
#include "triad/core/error.hpp"
#include "triad/scenario/nfg.hpp"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "fuzz_nfg: round trip through write_nfg: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::optional<triad::Game> game;
    try {
        game = triad::parse_nfg(text, "fuzz.nfg");
    } catch (const triad::Error&) {
        return 0;  // a rejected input: expected
    }
    // Outside the try: a game the reader accepted must be writable and read back unchanged,
    // so an error here is a finding, not a rejection.
    std::ostringstream out;
    triad::write_nfg(*game, out);
    const triad::Game back = triad::parse_nfg(out.str(), "round-trip.nfg");
    if (back.title != game->title) finding("the title differs");
    if (back.players != game->players) finding("the players differ");
    if (back.actions != game->actions) finding("the strategy names differ");
    if (back.payoffs.size() != game->payoffs.size()) finding("the number of payoff vectors differs");
    for (std::size_t i = 0; i < back.payoffs.size(); ++i) {
        if (back.payoffs[i].size() != game->payoffs[i].size()) finding("a payoff vector's length differs");
        for (Eigen::Index k = 0; k < back.payoffs[i].size(); ++k)
            if (std::bit_cast<std::uint64_t>(back.payoffs[i](k)) != std::bit_cast<std::uint64_t>(game->payoffs[i](k)))
                finding("a payoff differs");
    }
    return 0;
}
