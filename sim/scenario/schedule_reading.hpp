// What the schedule readers share: the form readers that parse_schedule (schedule.cpp)
// dispatches to, defined in schedule_points.cpp and schedule_csv.cpp. Private to the library.
#pragma once

#include "triad/scenario/schedule.hpp"
#include "triad/scenario/tree.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace triad::schedule_detail {

// Sorts `points` by time. If two share a time, leaves `points` as they were and returns
// their original indices, the earlier-written first.
std::optional<std::pair<std::size_t, std::size_t>> sort_by_time(std::vector<SchedulePoint>& points);

// The readers of one form each. `body` is the value under the schedule map's kind key, `node`
// the whole map (where the form's options are); `path` names the parameter in messages.
LinearForm parse_linear(const TreeNode& body, const std::string& path);
ExponentialForm parse_exponential(const TreeNode& body, const std::string& path);
StepsForm parse_steps(const TreeNode& node, const TreeNode& body, const std::string& path,
                      const std::map<std::string, double>& event_dates);
CsvForm parse_csv_schedule(const TreeNode& node, const TreeNode& body, const std::string& path,
                           const std::string& base_folder);

}  // namespace triad::schedule_detail
