// The built-in drivers. A new driver is one file in this folder and one line here.
#include "builtin.hpp"

namespace triad {

void register_builtin_drivers(DriverRegistry& registry) {
    registry.add(drivers::partnership());
    registry.add(drivers::hostility());
    registry.add(drivers::regime_security());
    registry.add(drivers::junior_partner());
    registry.add(drivers::threat());
    registry.add(drivers::wedge());
    registry.add(drivers::pivot());
    registry.add(drivers::ambition());
    registry.add(drivers::entrapment());
    registry.add(drivers::table());
    registry.add(drivers::memory());
}

}  // namespace triad
