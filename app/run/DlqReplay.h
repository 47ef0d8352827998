#pragma once
// Turning a dead letter back into a record for the node that failed it (plain C++, tested).
#include <string>

#include "dlq/DlqEntry.h"
#include "exec/Record.h"
#include "model/PipelineSpec.h"
#include "run/RecordInjector.h"
#include "util/Result.h"

namespace sw::app {

struct ReplayRecord {
    std::string nodeId;
    int port = 0; ///< input port (ignored for sources)
    runtime::Record record;
};

/// Parses the entry's replay text (its edit, else its raw bytes for records that failed to
/// parse at a source, else its record JSON) with the schema the node takes, as JSON.
/// Fails with a message saying why (unknown node, unsupported format, still does not parse).
runtime::Result<ReplayRecord> prepareReplay(const widgets::DlqEntry& entry,
                                            const runtime::PipelineSpec& pipeline,
                                            const RecordInjector& injector);

} // namespace sw::app
