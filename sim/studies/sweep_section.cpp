// A scenario's `sweep:` section (sweep_section.hpp).
#include "triad/studies/sweep_section.hpp"

#include "triad/core/error.hpp"
#include "triad/core/strings.hpp"

namespace triad {

void read_sweep_section(const Scenario& scenario, Design& design, std::string& analysis, std::string& columns) {
    const TreeNode* node = scenario.document.find("sweep");
    if (!node) return;
    node->expect_map("sweep (design, points, seed, analysis, columns, params)");
    static const std::vector<std::string> keys = {"design", "points", "seed", "analysis", "columns", "params"};
    node->check_keys(keys, "sweep");
    if (const TreeNode* d = node->find("design")) {
        const auto kind = parse_design_kind(d->as_string("the design"));
        if (!kind) throw InputError(d->where, "unknown design '" + d->scalar + "'", "use grid, uniform, lhs or sobol");
        design.kind = *kind;
    }
    if (const TreeNode* p = node->find("points")) design.points = static_cast<std::size_t>(p->as_integer("points"));
    if (const TreeNode* s = node->find("seed")) design.seed = static_cast<std::uint64_t>(s->as_integer("seed"));
    if (const TreeNode* a = node->find("analysis")) analysis = a->as_string("analysis");
    if (const TreeNode* c = node->find("columns")) {
        if (c->is_sequence()) {
            std::vector<std::string> names;
            for (const auto& item : c->items) names.push_back(item.as_string("a column"));
            columns = join(names, ",");
        } else {
            columns = c->as_string("columns");
        }
    }
    if (const TreeNode* params = node->find("params")) {
        params->expect_map("params (PATH: LO:HI:N)");
        for (const auto& entry : params->entries) {
            std::string spec;
            if (entry.value.is_sequence()) {
                std::vector<std::string> parts;
                for (const auto& item : entry.value.items) parts.push_back(item.as_string("a bound"));
                spec = join(parts, ":");
            } else {
                spec = entry.value.as_string("a range LO:HI:N");
            }
            design.axes.push_back(parse_axis(entry.key + "=" + spec, entry.value.where));
        }
    }
}

}  // namespace triad
