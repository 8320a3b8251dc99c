// Schedules: one parameter's value as a function of time, for a scenario's timeline
// (docs/model.md section 5).
//
// A schedule is written under the parameter path it drives, in one of six forms:
//
//     3.5                                           constant (same as {constant: 3.5})
//     {linear: {1990: 0.2, 2020: 1.0}}              piecewise linear through the points
//     {exponential: {start: 1990, value: 0.5, rate: 0.05}}   value * exp(rate * (t - start))
//     {steps: {1949: 3.0, treaty_1950: 2.0}, before: 1.0}    piecewise constant
//     {csv: gdp.csv, time: year, value: gdp_current_usd, where: {country: China}, scale: 1e-12}
//     {sequence: [{until: 1992, linear: {1950: 0.3, 1991: 0.9}}, {csv: gdp.csv, ...}]}
//
// Outside its points a linear schedule holds its first value before the first point and its
// last value after the last one: a trend an analyst drew between two dates says nothing about
// other dates, and holding is the least surprising guess. A step takes effect at its date (a
// number or the name of an event) and lasts until the next step; before the first step the
// value is `before`, which defaults to the earliest step's value. A CSV series, by contrast, is
// data: asking for a time outside its first and last rows is an error, because extrapolating
// measured data silently would pass guesses off as facts. `outside: hold` makes the analyst's
// choice explicit instead: the first row's value before the series, the last row's after it.
//
// A sequence joins schedules end to end, for a quantity whose source changes over time (an
// estimate for the Soviet Union, then the World Bank's series for Russia). Each piece but the
// last ends, exclusively, at its `until:` date, in increasing order; the last runs on. A piece is
// any other schedule form, written as a map (a constant as {constant: x}).
//
// CSV files are read once, at parse time: a header row naming the columns, then one row per
// observation; cells may be quoted ("a,b", with "" for a quote). `time` names the time column
// (default `year`), `value` the value column (it may be left out when the file has exactly
// two columns), `where` keeps only rows whose named columns hold exactly the given text, and
// `scale` multiplies every value (default 1). Values between rows are interpolated linearly.
#pragma once

#include "triad/core/error.hpp"
#include "triad/scenario/tree.hpp"

#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace triad {

struct SchedulePoint {
    double time = 0.0;
    double value = 0.0;
};

struct ConstantForm {
    double value = 0.0;
};

struct LinearForm {
    std::vector<SchedulePoint> points;  // sorted by time, at least one, times distinct
};

struct ExponentialForm {
    double start = 0.0;
    double value = 0.0;
    double rate = 0.0;
};

struct StepsForm {
    double before = 0.0;               // the value before the first step
    std::vector<SchedulePoint> steps;  // sorted by date, at least one, dates distinct
};

struct CsvForm {
    std::string file;                   // as written in the scenario
    std::string filter;                 // the `where` values joined by ", " (for messages)
    std::vector<SchedulePoint> points;  // sorted by time, scaled, at least one, times distinct
    bool hold_outside = false;          // `outside: hold`: hold the end values, don't fail
};

class Schedule;

struct SequenceForm {
    std::vector<double> until;                             // one less than pieces, increasing
    std::vector<std::shared_ptr<const Schedule>> pieces;   // at least two
};

using ScheduleForm = std::variant<ConstantForm, LinearForm, ExponentialForm, StepsForm, CsvForm, SequenceForm>;

// One parameter's value over time.
class Schedule {
public:
    // `form` must satisfy the invariants noted on its fields (parse_schedule guarantees them).
    Schedule(std::string path, SourceLocation where, ScheduleForm form);

    // Throws InputError (at the schedule's place) for a time outside a CSV series' range, a
    // non-finite time, or an exponential that overflows.
    [[nodiscard]] double value_at(double time) const;
    [[nodiscard]] const std::string& path() const { return path_; }  // as written
    [[nodiscard]] const SourceLocation& where() const { return where_; }
    [[nodiscard]] const ScheduleForm& form() const { return form_; }
    // "constant 3.5", "linear through 3 points", "csv gdp.csv (China), 1960-2023", ...
    [[nodiscard]] std::string describe() const;

private:
    std::string path_;
    SourceLocation where_;
    ScheduleForm form_;
};

// The schedule forms' names, in the order the documentation lists them.
[[nodiscard]] const std::vector<std::string>& schedule_kinds();

// Parse the schedule written for `path` at `node`. `base_folder` resolves relative CSV file
// names (the scenario file's folder; empty means the current directory). `event_dates` maps
// event names to dates so that steps may be keyed by event name as well as by date.
[[nodiscard]] Schedule parse_schedule(const std::string& path, const TreeNode& node,
                                      const std::string& base_folder,
                                      const std::map<std::string, double>& event_dates);

}  // namespace triad
