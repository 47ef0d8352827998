#include "model/Diagnostic.h"

#include <algorithm>

namespace sw::runtime {

std::string_view toString(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

bool hasErrors(const Diagnostics& d)
{
    return std::any_of(d.begin(), d.end(),
                       [](const Diagnostic& x) { return x.severity == Severity::Error; });
}

} // namespace sw::runtime
