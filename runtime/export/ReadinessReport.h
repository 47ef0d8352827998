#pragma once
// Production-readiness report: the pipeline against the production checklist, pass / warn /
// fail per item, each finding naming the node (for the GUI to select) and the fix.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/ExportOptions.h"
#include "model/PipelineSpec.h"

namespace sw::runtime::exporting {

enum class CheckStatus { Pass, Warn, Fail };
std::string_view toString(CheckStatus s);

struct ReadinessFinding {
    CheckStatus status = CheckStatus::Warn;
    std::string nodeId; ///< empty for pipeline-level findings
    std::string message;
    std::string fix;
};

struct ReadinessItem {
    std::string id;                         ///< stable: "event-schema", "topic-partitioning", ...
    std::string title;                      ///< checklist wording
    CheckStatus status = CheckStatus::Pass; ///< worst finding; Pass when there are none
    std::string summary;                    ///< one line on what was checked / why it passes
    std::vector<ReadinessFinding> findings;
};

struct ReadinessReport {
    std::vector<ReadinessItem> items; ///< the checklist, always in the same order
    CheckStatus overall() const;
    int count(CheckStatus s) const;
    const ReadinessItem* find(std::string_view id) const;
};

/// Ids of the checklist items, in report order.
const std::vector<std::string>& readinessItemIds();

ReadinessReport checkReadiness(const PipelineSpec& pipeline, const ExportOptions& options = {});

std::string readinessText(const ReadinessReport& report);
nlohmann::ordered_json readinessJson(const ReadinessReport& report);

} // namespace sw::runtime::exporting
