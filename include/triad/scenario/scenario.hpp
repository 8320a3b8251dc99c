// A scenario: the YAML file an analyst writes (format in scenarios/README.md).
//
// Loading checks the document's shape (known keys, types, players, actions, stances) and
// keeps each driver's section as a located tree; the StageModel (model.hpp) then checks the
// drivers' parameters against their declarations. `extends: other.yaml` merges this file over
// another, so an essay scenario states only where its author differs from the baseline.
#pragma once

#include "triad/core/game.hpp"
#include "triad/scenario/crisis.hpp"
#include "triad/scenario/tree.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace triad {

// A parameter value an action carries while it is played (`sets: {PATH: VALUE}`): policy as
// a choice (scenario/actions.hpp).
struct PolicySetting {
    std::string path;
    double value = 0.0;
    SourceLocation where;
    std::string policy = {};  // the policy it comes from; empty for an action's own `sets`
};

struct ActionDecl {
    std::string name;
    SourceLocation where;
    std::vector<Stance> stances;  // one per player, hedge toward self and unnamed players
    bool declares_stances = false;
    std::vector<PolicySetting> sets;
    int backs = -1;  // in a crisis: the side this action backs, -1 to abstain (crisis.hpp)
};

// A policy a player may adopt with any of its stances (`policies:` under a player): every
// action, declared or generated, gets a twin ACTION@POLICY that also carries `sets`; `with`
// keeps only the actions whose stance toward a named player is the given one.
struct PolicyDecl {
    std::string name;
    SourceLocation where;
    std::vector<PolicySetting> sets;
    std::vector<std::pair<int, Stance>> with;  // (player, stance): the twin exists only then
};

struct PlayerDecl {
    std::string name;
    SourceLocation where;
    double power = 1.0;  // P_i: relative power, e.g. GDP in trillions (docs/model.md section 2)
    SourceLocation power_where;
    // delta_i: how much the player values the future, for repeated-game sustainability.
    double discount = 0.9;
    SourceLocation discount_where;
    // Empty: every combination of stances (3^(N-1) actions), named as stance_action_name does.
    std::vector<ActionDecl> actions;
    std::vector<PolicyDecl> policies;
};

struct DriverDecl {
    std::string name;  // key under `drivers:`
    std::string type;  // the registered driver; `type:` or else the name
    SourceLocation where;
    TreeNode node;  // the driver's section (a map, or null for all defaults)
};

struct Scenario {
    std::string path;  // file it was loaded from ("<text>" for in-memory)
    std::string title;
    std::string description;
    std::vector<std::string> sources;  // "Author, Title, Venue, Year" per cited work
    std::vector<PlayerDecl> players;
    std::vector<DriverDecl> drivers;
    std::vector<CrisisDecl> crises;  // crisis.hpp; empty: none declared
    TreeNode document;                // the merged document, for sections read by later stages
    std::vector<std::string> files;   // this file and every file it extends
    std::string content_hash;         // 16 hex digits over the bytes of all those files

    [[nodiscard]] int player_index(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> player_names() const;
};

// Top-level keys a scenario may have.
[[nodiscard]] const std::vector<std::string>& scenario_keys();

// Load and check a scenario file (and the files it extends).
[[nodiscard]] Scenario load_scenario(const std::string& path);
// The same from text; `filename` is used in messages and to resolve `extends`.
[[nodiscard]] Scenario parse_scenario(std::string_view text, const std::string& filename);

// FNV-1a, 64 bit: a fast, stable, non-cryptographic fingerprint of content.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view bytes,
                                    std::uint64_t state = 0xcbf29ce484222325ULL);
[[nodiscard]] std::string hex16(std::uint64_t value);

}  // namespace triad
