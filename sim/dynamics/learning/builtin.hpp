// The learning rules shipped with triad, one file each in this folder (private to the library).
#pragma once

#include "triad/dynamics/learning.hpp"

namespace triad::learning {

LearningRuleSpec best_response();
LearningRuleSpec logit();
LearningRuleSpec fictitious_play();
LearningRuleSpec replicator();
LearningRuleSpec equilibrium_tracking();

}  // namespace triad::learning
