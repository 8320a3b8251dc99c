// Labels of a period record (run_record.hpp).
#include "triad/dynamics/run_record.hpp"

namespace triad {

std::string to_string(const ShiftSubject& what) {
    return what.kind == ShiftSubject::Kind::configuration ? std::string("configuration") : what.player_name + " alignment";
}

std::string configuration_label(const PeriodRecord& r) {
    return r.triangle ? std::string(to_string(r.triangle->configuration)) : std::string("-");
}

std::string role_label(const PeriodRecord& r, int i) {
    if (!r.triangle) return "-";
    for (int a = 0; a < 3; ++a)
        if (r.triangle->players[a] == i) return std::string(to_string(r.triangle->roles[a]));
    return "-";
}

}  // namespace triad
