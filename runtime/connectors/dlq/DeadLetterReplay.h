#pragma once
// Turning a dead letter back into a record for the node that failed it: the designer's DLQ
// browser and `streamwright-run dlq replay` both feed the result to Engine::inject.
#include <string>
#include <string_view>

#include "connectors/dlq/DeadLetterStore.h"
#include "exec/Record.h"
#include "model/PipelineSpec.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

/// Where a `dlq` node keeps its dead letters: its target ("sqlite", "jsonl", "kafka") and, for
/// the file targets, the file path resolved against `dataDirectory` as the writers resolve it.
struct DeadLetterLocation {
    std::string target;
    std::string path; ///< empty for the kafka target
};
Result<DeadLetterLocation> deadLetterLocation(const NodeSpec& dlqNode,
                                              const std::string& dataDirectory);

/// Parses `text` with `schema` (the node's input schema, or a source's output schema) as JSON.
/// `node` is the node that failed the record and `source` says whether it is a source; raw
/// bytes can be replayed only into a source whose format is JSON. Sources get no timestamp
/// (the engine assigns it from the rowtime column); other nodes get the rowtime column's value,
/// like any record on their input edge. Fails with the reason (unsupported format, still does
/// not parse, nothing to replay).
Result<Record> replayRecord(std::string_view text, bool rawBytes, const NodeSpec& node, bool source,
                            const Schema& schema);

} // namespace sw::runtime
