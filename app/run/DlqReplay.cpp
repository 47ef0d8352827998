#include "run/DlqReplay.h"

#include "connectors/dlq/DeadLetterReplay.h"

namespace sw::app {

runtime::Result<ReplayRecord> prepareReplay(const widgets::DlqEntry& entry,
                                            const runtime::PipelineSpec& pipeline,
                                            const RecordInjector& injector)
{
    const runtime::NodeSpec* node = pipeline.findNode(entry.nodeId);
    if (!node)
        return runtime::makeError("node '" + entry.nodeId + "' is not in the running pipeline");
    const bool source = injector.isSource(entry.nodeId);
    const runtime::Schema* schema = injector.injectionSchema(entry.nodeId, 0);
    if (!schema) return runtime::makeError("node '" + entry.nodeId + "' takes no records");
    auto record =
        runtime::replayRecord(entry.replayText(), entry.replaysRawBytes(), *node, source, *schema);
    if (!record) return record.error();
    ReplayRecord out;
    out.nodeId = entry.nodeId;
    out.record = std::move(*record);
    return out;
}

} // namespace sw::app
