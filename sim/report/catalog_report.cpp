// Rendering what the library offers: registered drivers, solvers and learning rules with their
// parameters and options, and a scenario's parameter paths (catalog_report.hpp).
#include "triad/report/catalog_report.hpp"

#include "triad/core/output.hpp"
#include "triad/core/parameters.hpp"
#include "triad/core/version.hpp"
#include "triad/dynamics/learning.hpp"
#include "triad/scenario/drivers.hpp"
#include "triad/solvers/solver.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace triad {

namespace {

std::string bound(double v) { return std::isinf(v) ? (v > 0 ? "inf" : "-inf") : format_number(v); }

// "lower"/"upper" as numbers, or null where unbounded.
void json_bounds(JsonWriter& json, const ParamSpec& p) {
    json.key("lower");
    std::isinf(p.lower) ? json.null() : json.value(p.lower);
    json.key("upper");
    std::isinf(p.upper) ? json.null() : json.value(p.upper);
}

// The options of a solver or learning rule.
void json_options(JsonWriter& json, const std::vector<ParamSpec>& options) {
    json.key("options").begin_array();
    for (const auto& o : options) {
        json.begin_object().field("name", o.symbol).field("long_name", o.name).field("default", o.default_value);
        json_bounds(json, o);
        json.field("help", o.help).end_object();
    }
    json.end_array();
}

std::string default_text(const ParamSpec& p) {
    if (p.defaults_by_index.empty()) return format_number(p.default_value);
    std::string out;
    for (std::size_t k = 0; k < p.defaults_by_index.size(); ++k)
        out += (k ? "," : "") + format_number(p.defaults_by_index[k]);
    return out;
}

void drivers_text(std::ostream& out) {
    for (const auto& spec : builtin_drivers().all()) {
        out << spec->name << " - " << spec->summary << "\n";
        out << "    u_i " << spec->formula << "\n";
        out << "    from: " << spec->sources << "\n";
        for (const auto& p : spec->params) {
            out << "    " << p.symbol;
            if (p.name != p.symbol) out << " (" << p.name << ")";
            out << ", " << to_string(p.index) << ", default " << default_text(p) << ", range [" << bound(p.lower)
                << ", " << bound(p.upper) << "]" << (p.linear ? "" : ", rebuilds the basis") << ": " << p.help << "\n";
        }
        for (const auto& s : spec->settings) {
            out << "    " << s.name << " (setting" << (s.required ? ", required" : "");
            if (!s.choices.empty()) {
                out << ": ";
                for (std::size_t k = 0; k < s.choices.size(); ++k) out << (k ? " | " : "") << s.choices[k];
            }
            out << "): " << s.help << "\n";
        }
        out << "\n";
    }
}

void drivers_json(std::ostream& out) {
    JsonWriter json(out);
    json.begin_object().key("drivers").begin_array();
    for (const auto& spec : builtin_drivers().all()) {
        json.begin_object();
        json.field("name", spec->name).field("summary", spec->summary).field("formula", spec->formula);
        json.field("sources", spec->sources).field("needs_stances", spec->needs_stances);
        json.key("parameters").begin_array();
        for (const auto& p : spec->params) {
            json.begin_object();
            json.field("symbol", p.symbol).field("name", p.name).field("index", to_string(p.index));
            if (p.defaults_by_index.empty()) {
                json.field("default", p.default_value);
            } else {
                json.key("default").begin_array();
                for (double d : p.defaults_by_index) json.value(d);
                json.end_array();
            }
            json_bounds(json, p);
            json.field("linear", p.linear).field("help", p.help);
            json.end_object();
        }
        json.end_array();
        json.key("settings").begin_array();
        for (const auto& s : spec->settings) {
            json.begin_object().field("name", s.name).field("required", s.required).field("help", s.help);
            json.key("choices").begin_array();
            for (const auto& c : s.choices) json.value(c);
            json.end_array().end_object();
        }
        json.end_array().end_object();
    }
    json.end_array().end_object();
}

void solvers_text(std::ostream& out) {
    for (const auto& spec : builtin_solvers().all()) {
        out << spec->name << " - " << spec->summary << "\n";
        out << "    from: " << spec->reference << "\n";
        if (spec->players) out << "    games with exactly " << spec->players << " players\n";
        for (const auto& o : spec->options)
            out << "    --option " << o.symbol << "=VALUE  default " << format_number(o.default_value) << ", range ["
                << bound(o.lower) << ", " << bound(o.upper) << "]: " << o.help << "\n";
        out << "\n";
    }
}

void solvers_json(std::ostream& out) {
    JsonWriter json(out);
    json.begin_object().key("solvers").begin_array();
    for (const auto& spec : builtin_solvers().all()) {
        json.begin_object().field("name", spec->name).field("summary", spec->summary).field("reference", spec->reference);
        json.field("players", spec->players);
        json_options(json, spec->options);
        json.end_object();
    }
    json.end_array().end_object();
}

void rules_text(std::ostream& out) {
    for (const auto& spec : builtin_learning_rules().all()) {
        out << spec->name << " - " << spec->summary << "\n";
        out << "    from: " << spec->reference << "\n";
        if (spec->stochastic) out << "    stochastic: uses the run's seed\n";
        if (spec->joint) out << "    joint: chooses the whole profile, so every player must use it\n";
        for (const auto& o : spec->options)
            out << "    " << o.symbol << (o.name != o.symbol ? " (" + o.name + ")" : std::string()) << "  default "
                << format_number(o.default_value) << ", range [" << bound(o.lower) << ", " << bound(o.upper) << "]: " << o.help
                << "\n";
        out << "\n";
    }
}

void rules_json(std::ostream& out) {
    JsonWriter json(out);
    json.begin_object().key("rules").begin_array();
    for (const auto& spec : builtin_learning_rules().all()) {
        json.begin_object().field("name", spec->name).field("summary", spec->summary).field("reference", spec->reference);
        json.field("stochastic", spec->stochastic).field("joint", spec->joint);
        json_options(json, spec->options);
        json.end_object();
    }
    json.end_array().end_object();
}

}  // namespace

std::string render_drivers_text() {
    std::ostringstream out;
    drivers_text(out);
    return out.str();
}

std::string render_drivers_json() {
    std::ostringstream out;
    drivers_json(out);
    return out.str();
}

std::string render_solvers_text() {
    std::ostringstream out;
    solvers_text(out);
    return out.str();
}

std::string render_solvers_json() {
    std::ostringstream out;
    solvers_json(out);
    return out.str();
}

std::string render_rules_text() {
    std::ostringstream out;
    rules_text(out);
    return out.str();
}

std::string render_rules_json() {
    std::ostringstream out;
    rules_json(out);
    return out.str();
}

std::string render_parameters_json(const LoadedGame& loaded) {
    const ParameterSet& params = loaded.model->parameters();
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object();
    json.field("version", kVersion).field("scenario", loaded.path).field("content_hash", loaded.content_hash);
    json.key("parameters").begin_array();
    for (const auto& e : params.entries()) {
        json.begin_object();
        json.field("path", e.path);
        if (!e.alias.empty()) json.field("alias", e.alias);
        json.field("value", e.value);
        json.key("lower");
        std::isinf(e.spec->lower) ? json.null() : json.value(e.spec->lower);
        json.key("upper");
        std::isinf(e.spec->upper) ? json.null() : json.value(e.spec->upper);
        json.field("default", e.spec->default_at(e.first));
        json.field("driver", e.driver).field("group", e.group).field("name", e.spec->name);
        json.field("linear", e.spec->linear).field("help", e.spec->help);
        json.end_object();
    }
    json.end_array().end_object();
    return out.str();
}

std::string render_parameters_text(const LoadedGame& loaded) {
    const ParameterSet& params = loaded.model->parameters();
    std::ostringstream out;
    std::size_t width = 0;
    for (const auto& e : params.entries()) width = std::max(width, e.path.size() + 1 + format_number(e.value).size());
    for (const auto& e : params.entries()) {
        const std::string head = e.path + " " + format_number(e.value);
        out << std::left << std::setw(static_cast<int>(width)) << head << "  # [" << bound(e.spec->lower) << ", "
            << bound(e.spec->upper) << "] " << e.driver;
        if (!e.alias.empty()) out << ", alias " << e.alias;
        out << "\n";
    }
    return out.str();
}

}  // namespace triad
