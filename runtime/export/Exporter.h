#pragma once
// One entry point for every export target: the files an export produces, by relative path.
// Used by `streamwright-run export` and the GUI's Export dialog.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/ExportIssue.h"
#include "export/ExportOptions.h"
#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::runtime::exporting {

enum class ExportTarget { FlinkSql, Kubernetes, Topics, Readiness, All };
std::string_view toString(ExportTarget t); ///< "flink-sql", "k8s", "topics", "readiness", "all"
std::optional<ExportTarget> parseExportTarget(std::string_view text);

struct ExportFile {
    std::string path; ///< relative, '/'-separated: "order-processor.sql", "k8s/..."
    std::string content;
    /// Syntax of the content, for previews: "sql", "yaml", "json", "text", "shell".
    std::string syntax;
};

struct ExportBundle {
    std::string name; ///< exportName()
    std::vector<ExportFile> files;
    ExportIssues issues; ///< per-node issues of the Flink SQL export (empty for topics/readiness)
    const ExportFile* find(std::string_view path) const;
};

/// Produces the files of `target`. Flink SQL and Kubernetes need a pipeline that validates
/// (else an Error listing the problems); the topic plan and readiness report do not.
Result<ExportBundle> exportPipeline(const PipelineSpec& pipeline, ExportTarget target,
                                    const ExportOptions& options = {});

/// Writes every file under `directory` (created as needed); existing files are replaced.
Status writeBundle(const ExportBundle& bundle, const std::string& directory);

} // namespace sw::runtime::exporting
