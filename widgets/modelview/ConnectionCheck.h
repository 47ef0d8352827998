#pragma once
// Whether an edge may be added, and if not, why: structure first (ports exist, direction,
// self-loops, one-edge inputs, cycles), then schemas: the pipeline with the edge is validated and
// any new error on the target port (e.g. a DLQ fed a non-error stream, a union of different
// schemas) is the reason. The validator stays the one judge of compatibility.
#include <map>
#include <optional>
#include <string>

#include "model/PipelineSpec.h"
#include "validate/Validator.h"

namespace sw::widgets {

/// Empty when `edge` can be added to `pipeline`, else the reason shown to the user.
std::string structuralConnectionProblem(const runtime::PipelineSpec& pipeline,
                                        const runtime::EdgeSpec& edge);
/// Schema part only (assumes the structural check passed).
std::string schemaConnectionProblem(const runtime::PipelineSpec& pipeline,
                                    const runtime::ValidationResult& current,
                                    const runtime::EdgeSpec& edge);
std::string connectionProblem(const runtime::PipelineSpec& pipeline,
                              const runtime::ValidationResult& current,
                              const runtime::EdgeSpec& edge);

/// Caches verdicts during one connection drag (the pipeline does not change meanwhile).
class ConnectionChecker {
public:
    ConnectionChecker(const runtime::PipelineSpec& pipeline,
                      const runtime::ValidationResult& current)
        : m_pipeline(pipeline), m_current(current)
    {
    }
    /// Cheap structural verdict (for highlighting many ports).
    const std::string& structural(const runtime::EdgeSpec& edge);
    /// Full verdict including schemas.
    const std::string& full(const runtime::EdgeSpec& edge);

private:
    using Key = std::pair<std::pair<std::string, std::string>, std::pair<std::string, std::string>>;
    static Key key(const runtime::EdgeSpec& e)
    {
        return {{e.from.node, e.from.port}, {e.to.node, e.to.port}};
    }
    const runtime::PipelineSpec& m_pipeline;
    const runtime::ValidationResult& m_current;
    std::map<Key, std::string> m_structural;
    std::map<Key, std::string> m_full;
};

} // namespace sw::widgets
