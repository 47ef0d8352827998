#include "export/ExportOptions.h"

#include <cctype>

#include "model/PipelineSpec.h"

namespace sw::runtime::exporting {

std::string exportName(const PipelineSpec& pipeline, const ExportOptions& options)
{
    const std::string& src = options.name.empty() ? pipeline.settings.name : options.name;
    std::string out;
    for (char c : src) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    if (out.size() > 52) out.resize(52); // leaves room for "-taskmanager-1-1" style suffixes
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out.insert(0, "sw-");
    if (out == "sw-") out = "pipeline";
    return out;
}

} // namespace sw::runtime::exporting
