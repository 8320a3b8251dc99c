// The --set option with a text of the command's own: what setting a parameter does depends on
// the command (solve builds the game from it, run starts the timeline from it, sweep holds it at
// every point the axes do not move). Shared by the command files; private to the cli.
#pragma once

#include <boost/program_options.hpp>

#include <string>

namespace triad::cli {

// Adds "-s [ --set ] PATH=VALUE" described as "set a parameter: EFFECT; repeatable (...)".
// The one-argument add_set_option in cli.hpp uses the effect of solving.
void add_set_option(boost::program_options::options_description& options, const std::string& effect);

}  // namespace triad::cli
