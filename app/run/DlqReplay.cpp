#include "run/DlqReplay.h"

#include "catalog/PropertyAccess.h"
#include "connectors/format/JsonRowParser.h"

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
    if (source && entry.replaysRawBytes()) {
        const auto format = propertyValue(*node, "format");
        if (format.is_string() && format.get<std::string>() != "json")
            return runtime::makeError("replaying raw " + format.get<std::string>() +
                                      " bytes is not supported yet (JSON only)");
    }
    const std::string text = entry.replayText();
    if (text.empty())
        return runtime::makeError("nothing to replay: the record has no raw bytes or JSON");
    runtime::JsonRowParser parser(*schema);
    ReplayRecord out;
    out.nodeId = entry.nodeId;
    if (!parser.parse(text, out.record.row))
        return runtime::makeError("still does not parse: " + parser.error());
    // Sources: the engine assigns the event time from the rowtime column. Other nodes receive
    // the record as their input, so it carries its event time like any record on the edge.
    out.record.timestamp = runtime::kNoTimestamp;
    if (!source && !schema->rowtime().empty()) {
        const int i = schema->indexOf(schema->rowtime());
        if (i >= 0 &&
            out.record.row[static_cast<std::size_t>(i)].kind() == runtime::Value::Kind::Timestamp)
            out.record.timestamp = out.record.row[static_cast<std::size_t>(i)].asTimestamp();
    }
    return out;
}

} // namespace sw::app
