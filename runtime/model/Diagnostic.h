#pragma once
// One finding about a pipeline (a plain value type): what the catalog's schema derivation and
// validate/ report, and what the GUI lists.
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

enum class Severity { Error, Warning, Info };
std::string_view toString(Severity s);

/// One finding about a pipeline: what is wrong, on which node and property.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string nodeId;   ///< empty for pipeline-level findings
    std::string property; ///< property name, "in"/"out" port names for port problems, or empty
    std::string message;
    int column = 0; ///< 1-based column inside an expression property, 0 when not applicable
    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics& d);

} // namespace sw::runtime
