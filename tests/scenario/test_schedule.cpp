#include "triad/scenario/schedule.hpp"

#include "support.hpp"

#include <cmath>

using namespace triad;
using triad::test::require_input_error;

namespace {

// The schedule written as the first (and only) entry of `yaml`, for the path `wedge.omega`;
// CSV files are looked up in tests/data.
Schedule schedule_from(const std::string& yaml, const std::map<std::string, double>& events = {},
                       const std::string& base_folder = TRIAD_TEST_DATA) {
    const TreeNode root = parse_yaml(yaml, "s.yaml");
    REQUIRE(root.is_map());
    REQUIRE(root.entries.size() == 1);
    return parse_schedule("wedge.omega", root.entries.front().value, base_folder, events);
}

// Expects parsing `yaml` to fail at `line` with each of `fragments` in the message.
void require_parse_error(const std::string& yaml, int line, std::initializer_list<std::string> fragments,
                         const std::map<std::string, double>& events = {}) {
    require_input_error([&] { (void)schedule_from(yaml, events); }, line, fragments);
}

}  // namespace

TEST_CASE("constant schedules: a plain number or {constant: x}", "[schedule]") {
    const Schedule plain = schedule_from("wedge.omega: 3.5\n");
    CHECK(plain.value_at(1900) == 3.5);
    CHECK(plain.value_at(2100) == 3.5);
    CHECK(plain.path() == "wedge.omega");
    CHECK(plain.where().line == 1);
    CHECK(plain.describe() == "constant 3.5");

    const Schedule mapped = schedule_from("wedge.omega: {constant: -2}\n");
    CHECK(mapped.value_at(2000) == -2.0);
}

TEST_CASE("linear schedules interpolate and hold their end values", "[schedule]") {
    // Written out of order on purpose: points are sorted by time.
    const Schedule s = schedule_from("wedge.omega: {linear: {1990: 0.2, 2020: 1.0, 2000: 0.5}}\n");
    CHECK(s.value_at(1980) == 0.2);  // held before the first point
    CHECK(s.value_at(1990) == 0.2);
    CHECK(s.value_at(1995) == Approx(0.35));  // 0.2 + 0.3 * 5/10
    CHECK(s.value_at(2000) == 0.5);
    CHECK(s.value_at(2010) == Approx(0.75));  // 0.5 + 0.5 * 10/20
    CHECK(s.value_at(2020) == 1.0);
    CHECK(s.value_at(2050) == 1.0);  // held after the last point
    CHECK(s.describe() == "linear through 3 points");

    const Schedule one = schedule_from("wedge.omega: {linear: {2000: 4}}\n");
    CHECK(one.value_at(1000) == 4.0);
    CHECK(one.value_at(3000) == 4.0);
    CHECK(one.describe() == "linear through 1 point");
}

TEST_CASE("exponential schedules grow from their start", "[schedule]") {
    const Schedule s = schedule_from("wedge.omega: {exponential: {start: 1990, value: 0.5, rate: 0.05}}\n");
    CHECK(s.value_at(1990) == 0.5);
    CHECK(s.value_at(2010) == Approx(0.5 * std::exp(1.0)));   // 0.05 * 20 = 1
    CHECK(s.value_at(1970) == Approx(0.5 * std::exp(-1.0)));  // before the start it shrinks back
    CHECK(s.describe() == "exponential from 0.5 at 1990, rate 0.05");
}

TEST_CASE("step schedules by date and by event name", "[schedule]") {
    const std::map<std::string, double> events = {{"treaty_1950", 1950.0}};
    const Schedule s =
        schedule_from("wedge.omega: {steps: {1991: 1.0, 1949: 3.0, treaty_1950: 2.0}}\n", events);
    CHECK(s.value_at(1940) == 3.0);  // before the first step: the earliest step's value
    CHECK(s.value_at(1949) == 3.0);
    CHECK(s.value_at(1949.5) == 3.0);
    CHECK(s.value_at(1950) == 2.0);  // the event's date
    CHECK(s.value_at(1990.9) == 2.0);
    CHECK(s.value_at(1991) == 1.0);
    CHECK(s.value_at(2050) == 1.0);
    CHECK(s.describe() == "steps at 3 dates");

    const Schedule with_before = schedule_from("wedge.omega: {steps: {1949: 3.0}, before: 0.5}\n");
    CHECK(with_before.value_at(1948) == 0.5);
    CHECK(with_before.value_at(1949) == 3.0);
}

TEST_CASE("csv schedules interpolate linearly between rows", "[schedule]") {
    // schedule_two_columns.csv: year,value with rows 2010 -> 5, 1990 -> 3, 2000 -> 1 (unsorted);
    // with two columns the value column need not be named.
    const Schedule s = schedule_from("wedge.omega: {csv: schedule_two_columns.csv}\n");
    CHECK(s.value_at(1990) == 3.0);
    CHECK(s.value_at(1995) == Approx(2.0));  // halfway from 3 to 1
    CHECK(s.value_at(2000) == 1.0);
    CHECK(s.value_at(2007.5) == Approx(4.0));  // 1 + 4 * 7.5/10
    CHECK(s.value_at(2010) == 5.0);
    CHECK(s.describe() == "csv schedule_two_columns.csv, 1990-2010");
}

TEST_CASE("csv schedules read quoted cells, filter rows and scale values", "[schedule]") {
    const Schedule s = schedule_from(
        "wedge.omega: {csv: schedule_quoted.csv, value: amount, where: {region: 'Korea, South'}, scale: 0.1}\n");
    CHECK(s.value_at(2000) == Approx(1.0));
    CHECK(s.value_at(2002) == Approx(2.0));  // halfway from 1 to 3
    CHECK(s.value_at(2004) == Approx(3.0));
    CHECK(s.describe() == "csv schedule_quoted.csv (Korea, South), 2000-2004");

    // A quoted cell with a doubled quote inside reads back as one quote.
    const Schedule quote = schedule_from(
        "wedge.omega: {csv: schedule_quoted.csv, value: amount, where: {note: 'said \"hello\"'}}\n");
    CHECK(quote.value_at(2000) == 10.0);
}

TEST_CASE("a csv series is an error outside its range", "[schedule]") {
    const Schedule s = schedule_from("# a comment\nwedge.omega: {csv: schedule_two_columns.csv}\n");
    require_input_error([&] { (void)s.value_at(1989); }, 2,
                        {"s.yaml:2", "time 1989", "schedule_two_columns.csv", "1990-2010", "wedge.omega"});
    require_input_error([&] { (void)s.value_at(2010.5); }, 2, {"time 2010.5", "1990-2010"});
}

TEST_CASE("outside: hold holds a csv series' end values", "[schedule]") {
    // schedule_two_columns.csv: 1990 -> 3, 2000 -> 1, 2010 -> 5.
    const Schedule s = schedule_from("wedge.omega: {csv: schedule_two_columns.csv, outside: hold}\n");
    CHECK(s.value_at(1950) == 3.0);
    CHECK(s.value_at(1995) == Approx(2.0));  // inside, still interpolated
    CHECK(s.value_at(2024) == 5.0);
    CHECK(s.describe() == "csv schedule_two_columns.csv, 1990-2010, held outside");
    const Schedule strict = schedule_from("wedge.omega: {csv: schedule_two_columns.csv, outside: error}\n");
    require_input_error([&] { (void)strict.value_at(1950); }, 1, {"time 1950", "1990-2010"});
    require_parse_error("wedge.omega: {csv: schedule_two_columns.csv, outside: hodl}\n", 1,
                        {"'outside'", "'error' or 'hold'", "did you mean 'hold'?"});
}

TEST_CASE("sequence schedules switch pieces at their until dates", "[schedule]") {
    const Schedule s = schedule_from(
        "wedge.omega:\n"
        "  sequence:\n"
        "    - {until: 1990, linear: {1950: 10, 1970: 20}}\n"
        "    - {until: 2000, constant: 7}\n"
        "    - {csv: schedule_two_columns.csv}\n");
    CHECK(s.value_at(1940) == 10.0);            // the linear piece holds its first value
    CHECK(s.value_at(1960) == Approx(15.0));
    CHECK(s.value_at(1989.999) == 20.0);        // until is exclusive ...
    CHECK(s.value_at(1990) == 7.0);             // ... the next piece starts at it
    CHECK(s.value_at(2000) == 1.0);             // the csv row for 2000
    CHECK(s.value_at(2005) == Approx(3.0));
    require_input_error([&] { (void)s.value_at(2011); }, 5, {"time 2011", "1990-2010"});  // the piece's own place
    CHECK(s.describe() ==
          "sequence: linear through 2 points until 1990; constant 7 until 2000; csv schedule_two_columns.csv, 1990-2010");
}

TEST_CASE("sequence schedule errors", "[schedule]") {
    require_parse_error("wedge.omega: {sequence: {constant: 1}}\n", 1, {"sequence schedule for wedge.omega", "a list"});
    require_parse_error("wedge.omega: {sequence: [{constant: 1}]}\n", 1, {"at least two pieces"});
    require_parse_error("wedge.omega:\n  sequence:\n    - {constant: 1}\n    - {constant: 2}\n", 3,
                        {"piece 1", "needs 'until: DATE'"});
    require_parse_error("wedge.omega:\n  sequence:\n    - {until: 1990, constant: 1}\n    - {until: 2000, constant: 2}\n", 4,
                        {"last piece", "takes no 'until'"});
    require_parse_error(
        "wedge.omega:\n  sequence:\n    - {until: 1990, constant: 1}\n    - {until: 1980, constant: 2}\n    - 3\n", 4,
        {"must increase", "1980 follows 1990"});
    require_parse_error("wedge.omega:\n  sequence:\n    - {until: 1990, constant: 1}\n    - 3\n", 4,
                        {"piece 2", "schedule map", "{constant: VALUE}"});
    require_parse_error("wedge.omega:\n  sequence:\n    - {until: 1990, lnear: {1950: 1}}\n    - {constant: 3}\n", 3,
                        {"unknown schedule kind 'lnear'", "did you mean 'linear'?"});
    require_parse_error("wedge.omega: {until: 1990, constant: 1}\n", 1, {"'until'"});
}

TEST_CASE("the real GDP data: China 2021 in trillions, Russia before 1988", "[schedule]") {
    const std::string china_yaml =
        "players.china.power:\n"
        "  csv: data/gdp_current_usd.csv\n"
        "  value: gdp_current_usd\n"
        "  where: {country: China}\n"
        "  scale: 1e-12\n";
    const TreeNode china_tree = parse_yaml(china_yaml, "gdp.yaml");
    const Schedule china =
        parse_schedule("players.china.power", *china_tree.find("players.china.power"), TRIAD_SOURCE_DIR, {});
    // data/gdp_current_usd.csv: China,CHN,2021,17820459508852.184 and 2022,17881783387000.867.
    CHECK(china.value_at(2021) == Approx(17.820459508852184));
    CHECK(china.value_at(2021.5) == Approx((17.820459508852184 + 17.881783387000867) / 2));
    CHECK(china.describe() == "csv data/gdp_current_usd.csv (China), 1960-2023");

    const TreeNode russia_tree = parse_yaml(
        "players.russia.power:\n"
        "  csv: data/gdp_current_usd.csv\n"
        "  value: gdp_current_usd\n"
        "  where: {country: Russia}\n"
        "  scale: 1e-12\n",
        "gdp.yaml");
    const Schedule russia =
        parse_schedule("players.russia.power", *russia_tree.find("players.russia.power"), TRIAD_SOURCE_DIR, {});
    CHECK(russia.value_at(1988) == Approx(0.554828660436137));
    require_input_error([&] { (void)russia.value_at(1980); }, 2,
                        {"time 1980", "gdp_current_usd.csv (Russia)", "1988-2023"});
}

TEST_CASE("schedule shape errors name the place and the valid kinds", "[schedule]") {
    require_parse_error("wedge.omega:\n  lineer: {1990: 1}\n", 2,
                        {"unknown schedule kind 'lineer'", "did you mean 'linear'?"});
    require_parse_error("wedge.omega: {growth: 1}\n", 1,
                        {"unknown schedule kind 'growth'", "constant", "exponential", "csv"});
    require_parse_error("wedge.omega:\n  linear: {1990: 1}\n  steps: {1990: 1}\n", 3,
                        {"two kinds", "'linear'", "'steps'"});
    require_parse_error("wedge.omega: abc\n", 1, {"expected a number or a schedule map", "'abc'", "linear"});
    require_parse_error("wedge.omega: [1, 2]\n", 1, {"expected a number or a schedule map", "a list"});
    require_parse_error("wedge.omega: {}\n", 1, {"empty map", "constant, linear"});
    require_parse_error("wedge.omega: {before: 1}\n", 1, {"names no kind"});
    require_parse_error("wedge.omega: .inf\n", 1, {"finite"});
    require_parse_error("wedge.omega:\n  constant: .nan\n", 2, {"finite"});
    require_parse_error("wedge.omega:\n  constant: 1\n  scale: 2\n", 3, {"unknown key 'scale'"});
}

TEST_CASE("linear and exponential schedule errors", "[schedule]") {
    require_parse_error("wedge.omega:\n  linear: {}\n", 2, {"at least one point"});
    require_parse_error("wedge.omega:\n  linear: 3\n", 2, {"expected a map", "the number 3"});
    require_parse_error("wedge.omega:\n  linear:\n    1990: 1\n    soon: 2\n", 4,
                        {"expected a time", "'soon'"});
    require_parse_error("wedge.omega:\n  linear:\n    1990: high\n", 3, {"expected a number", "1990", "'high'"});
    require_parse_error("wedge.omega:\n  linear:\n    1990: 1\n    1990.0: 2\n", 4,
                        {"two points at time 1990", "line 3"});
    require_parse_error("wedge.omega:\n  linear:\n    inf: 1\n", 3, {"finite"});
    require_parse_error("wedge.omega:\n  exponential: {start: 1990, value: 1}\n", 2, {"needs 'rate'"});
    require_parse_error("wedge.omega:\n  exponential:\n    start: 1990\n    value: 1\n    rte: 0.1\n", 5,
                        {"unknown key 'rte'", "did you mean 'rate'?"});
    require_parse_error("wedge.omega:\n  exponential: {start: 1990, value: 1, rate: .nan}\n", 2, {"finite"});

    const Schedule huge = schedule_from("\nwedge.omega: {exponential: {start: 0, value: 1, rate: 10}}\n");
    require_input_error([&] { (void)huge.value_at(1000); }, 2, {"overflows", "1000"});
}

TEST_CASE("step schedule errors", "[schedule]") {
    const std::map<std::string, double> events = {{"treaty_1950", 1950.0}};
    require_parse_error("wedge.omega:\n  steps:\n    1949: 3\n    treaty_195: 2\n", 4,
                        {"'treaty_195'", "neither a date nor an event", "did you mean 'treaty_1950'?"}, events);
    require_parse_error("wedge.omega:\n  steps:\n    treaty: 2\n", 3, {"'treaty'", "defines no events"});
    require_parse_error("wedge.omega:\n  steps:\n    1950: 3\n    treaty_1950: 2\n", 4,
                        {"two points at time 1950", "line 3"}, events);
    require_parse_error("wedge.omega:\n  steps: {1949: 3}\n  before: low\n", 3, {"'before'", "'low'"});
    require_parse_error("wedge.omega:\n  steps: {1949: 3}\n  befor: 1\n", 3,
                        {"unknown key 'befor'", "did you mean 'before'?"});
    require_parse_error("wedge.omega:\n  steps: {}\n", 2, {"at least one step"});
}

TEST_CASE("csv schedule errors point at the schedule and the CSV line", "[schedule]") {
    require_parse_error("\nwedge.omega: {csv: schedule_missing.csv}\n", 2,
                        {"no such file", "schedule_missing.csv"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n  value: amont\n", 3,
                        {"no column 'amont'", "did you mean 'amount'?"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n  value: amount\n  time: yaer\n", 4,
                        {"no column 'yaer'", "did you mean 'year'?"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n  value: amount\n  where: {regoin: Korea}\n", 4,
                        {"no column 'regoin'", "did you mean 'region'?"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n  value: amount\n  where:\n    region: Kroea\n", 5,
                        {"no row of schedule_quoted.csv has region 'Kroea'", "did you mean 'Korea'?"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n  value: amount\n  where: {region: Korea, note: plain}\n",
                        2, {"no row of schedule_quoted.csv matches every 'where' filter", "Korea, plain"});
    require_parse_error("wedge.omega:\n  csv: schedule_quoted.csv\n", 2,
                        {"needs 'value'", "4 columns", "region, note, year, amount"});
    require_parse_error("wedge.omega:\n  csv: schedule_bad_number.csv\n", 2,
                        {"schedule_bad_number.csv:3", "'amount' cell 'n/a'", "not a finite number"});
    require_parse_error("wedge.omega:\n  csv: schedule_duplicate.csv\n", 2,
                        {"schedule_duplicate.csv:4", "time 2000 appears twice", "first at line 2"});
    require_parse_error("wedge.omega:\n  csv: schedule_ragged.csv\n", 2,
                        {"schedule_ragged.csv:3", "3 cells, but the header has 2"});
    require_parse_error("wedge.omega:\n  csv: schedule_unclosed.csv\n", 2,
                        {"schedule_unclosed.csv:2", "never closed"});
    require_parse_error("wedge.omega:\n  csv: schedule_two_columns.csv\n  scale: big\n", 3, {"'scale'", "'big'"});
    require_parse_error("wedge.omega:\n  csv: [a.csv]\n", 2, {"expected text", "a list"});
}
