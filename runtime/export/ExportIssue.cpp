#include "export/ExportIssue.h"

namespace sw::runtime::exporting {

std::string_view toString(IssueKind k)
{
    switch (k) {
    case IssueKind::NotExportable:
        return "not-exportable";
    case IssueKind::Approximated:
        return "approximated";
    case IssueKind::Note:
        return "note";
    }
    return "note";
}

std::string issuesToText(const ExportIssues& issues)
{
    std::string out;
    for (const auto& i : issues) {
        out += (i.nodeId.empty() ? std::string("(pipeline)") : i.nodeId) + ": [" +
               std::string(toString(i.kind)) + "] " + i.feature + ": " + i.reason;
        if (!i.equivalent.empty()) out += " (closest equivalent: " + i.equivalent + ")";
        out += '\n';
    }
    return out;
}

nlohmann::ordered_json issuesToJson(const ExportIssues& issues)
{
    auto arr = nlohmann::ordered_json::array();
    for (const auto& i : issues) {
        nlohmann::ordered_json o;
        o["node"] = i.nodeId;
        o["kind"] = std::string(toString(i.kind));
        o["feature"] = i.feature;
        o["reason"] = i.reason;
        o["equivalent"] = i.equivalent;
        arr.push_back(std::move(o));
    }
    return arr;
}

} // namespace sw::runtime::exporting
