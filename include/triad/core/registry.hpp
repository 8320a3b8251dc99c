// A registry of named specs (drivers, solvers, learning rules): filled by explicit
// register_builtin_*() calls, never by static initialisers, so what is registered is plain to
// see and testable.
#pragma once

#include "triad/core/error.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace triad {

template <typename Spec>
class Registry {
public:
    // Throws triad::Error if a spec of that name exists already.
    void add(Spec spec) {
        if (find(spec.name)) throw Error("'" + spec.name + "' is registered twice");
        specs_.push_back(std::make_unique<Spec>(std::move(spec)));
    }
    [[nodiscard]] const Spec* find(std::string_view name) const {
        for (const auto& spec : specs_)
            if (spec->name == name) return spec.get();
        return nullptr;
    }
    [[nodiscard]] std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (const auto& spec : specs_) out.push_back(spec->name);
        return out;
    }
    // Stable addresses: specs are held by pointer, so references into them stay valid.
    [[nodiscard]] const std::vector<std::unique_ptr<Spec>>& all() const { return specs_; }

private:
    std::vector<std::unique_ptr<Spec>> specs_;
};

}  // namespace triad
