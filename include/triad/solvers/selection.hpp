// One prediction per parameter point: the selection rule (docs/model.md section 3).
//
// Many triangle games have no pure equilibrium, or several, yet an analyst needs one answer per
// point ("where does Russia stand?") with a measure of how sure the model is. A selection rule
// turns a game into a Prediction: a distribution over configurations, each player's alignment
// and role (and, in a crisis, each backer's choice), and the most likely label of each with its
// probability.
//
//   stable (default)  the stationary distribution of logit dynamics at `lambda`; the selected
//                     configuration, alignments and roles are the most probable ones
//   qre               the product distribution of the logit QRE limit
//   pure              uniform over the pure equilibria (falls back to stable when there are none)
//
// Ties (probabilities within `tie_tolerance`) are broken by the QRE limit's distribution when
// tie_break is `qre`, else by label order. A scenario sets its rule under `selection:`.
#pragma once

#include "triad/core/game.hpp"
#include "triad/scenario/scenario.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

// How a rule turns a game into a distribution over profiles (see the list above).
enum class SelectionMethod { stable, qre, pure };
// How near-ties between labels are broken: by the QRE limit, or by label order.
enum class TieBreak { qre, none };

// The names a scenario writes ("stable", "qre", "pure"; "qre", "none"), and back: nullopt for
// any other text.
[[nodiscard]] std::string_view to_string(SelectionMethod method);
[[nodiscard]] std::string_view to_string(TieBreak tie_break);
[[nodiscard]] std::optional<SelectionMethod> parse_selection_method(std::string_view text);
[[nodiscard]] std::optional<TieBreak> parse_tie_break(std::string_view text);

// Probabilities this close to the best count as tied: far above the rounding of a stationary
// solve (residual 1e-14), far below any difference an analyst would act on.
inline constexpr double kDefaultTieTolerance = 1e-6;

struct SelectionRule {
    SelectionMethod method = SelectionMethod::stable;
    double lambda = 10.0;  // rationality of the stable method
    TieBreak tie_break = TieBreak::qre;
    double tie_tolerance = kDefaultTieTolerance;
};

// The rule of a scenario's `selection:` section (defaults where absent); errors are located.
[[nodiscard]] SelectionRule read_selection_rule(const Scenario& scenario);
[[nodiscard]] std::string describe(const SelectionRule& rule);

struct Prediction {
    std::string rule;  // describe(rule), plus any fallback taken
    std::optional<std::size_t> profile;  // the single most likely pure profile
    Eigen::VectorXd distribution;        // the rule's probability of every pure profile
    std::map<std::string, double> configuration;           // three-player stance games
    std::vector<std::map<std::string, double>> alignment;  // per player
    std::vector<std::map<std::string, double>> role;       // per player, three players
    std::string selected_configuration;
    double configuration_probability = 0.0;
    std::vector<std::string> selected_alignment;
    std::vector<double> alignment_probability;
    std::vector<std::string> selected_role;
    std::vector<double> role_probability;
    // In a crisis: each player's backing distribution, and the selected choice with its
    // probability (empty and 0 for players who do not back).
    std::vector<std::map<std::string, double>> backs;
    std::vector<std::string> selected_backs;
    std::vector<double> backs_probability;
    std::vector<std::string> notes;
};

[[nodiscard]] Prediction predict(const Game& game, const SelectionRule& rule);

// The distribution over pure profiles induced by independent mixed strategies.
[[nodiscard]] Eigen::VectorXd product_distribution(const Game& game, const MixedProfile& strategy);

}  // namespace triad
