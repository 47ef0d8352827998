#pragma once
// What an export could not carry over unchanged, per node. Nothing is dropped silently: every
// feature without an exact production equivalent becomes one of these.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sw::runtime::exporting {

enum class IssueKind {
    NotExportable, ///< the node (or a feature of it) is left out of the export
    Approximated,  ///< exported, but the production semantics differ as described
    Note,          ///< exported faithfully; something the operator must know or provide
};
std::string_view toString(IssueKind k);

struct ExportIssue {
    std::string nodeId; ///< empty for pipeline-level issues
    IssueKind kind = IssueKind::Note;
    std::string feature;    ///< short name: "dlq-routing", "allowed-lateness", "generator"
    std::string reason;     ///< why it cannot be expressed exactly
    std::string equivalent; ///< the closest production equivalent
    friend bool operator==(const ExportIssue&, const ExportIssue&) = default;
};

using ExportIssues = std::vector<ExportIssue>;

/// "node: [kind] feature: reason (closest equivalent: ...)", one per line.
std::string issuesToText(const ExportIssues& issues);
nlohmann::ordered_json issuesToJson(const ExportIssues& issues);

} // namespace sw::runtime::exporting
