// The built-in learning rules. A new one is one file in this folder and one line here.
#include "builtin.hpp"

namespace triad {

void register_builtin_learning_rules(LearningRuleRegistry& registry) {
    registry.add(learning::best_response());
    registry.add(learning::logit());
    registry.add(learning::fictitious_play());
    registry.add(learning::replicator());
    registry.add(learning::equilibrium_tracking());
}

}  // namespace triad
