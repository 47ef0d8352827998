#include "connectors/dlq/DeadLetterReplay.h"

#include "connectors/PropertyReader.h"
#include "connectors/format/JsonRowParser.h"

namespace sw::runtime {

Result<DeadLetterLocation> deadLetterLocation(const NodeSpec& dlqNode,
                                              const std::string& dataDirectory)
{
    PropertyReader p(dlqNode);
    DeadLetterLocation loc;
    loc.target = p.string("target");
    std::string path = p.string("path");
    if (!p.ok()) return p.error();
    if (loc.target == "kafka") return loc;
    // As makeJsonlDlqWriter: the catalog default ("dlq.sqlite") names the SQLite target's file.
    if (loc.target == "jsonl" && !dlqNode.properties.contains("path")) path = "dlq.jsonl";
    if (path.empty()) return makeError(dlqNode.id + ": property 'path' is empty");
    loc.path = resolvePath(dataDirectory, path);
    return loc;
}

std::string replayText(const DeadLetter& d, const std::string* edited)
{
    if (edited) return *edited;
    if (replaysRawBytes(d)) return *d.rawValue;
    return d.record.value_or(std::string());
}

Result<Record> replayRecord(std::string_view text, bool rawBytes, const NodeSpec& node, bool source,
                            const Schema& schema)
{
    if (source && rawBytes) {
        const auto format = propertyValue(node, "format");
        // Kafka sources say "json", file sources "jsonl": both parse one JSON object per record.
        if (format.is_string() && format.get<std::string>() != "json" &&
            format.get<std::string>() != "jsonl")
            return makeError("replaying raw " + format.get<std::string>() +
                             " bytes is not supported yet (JSON only)");
    }
    if (text.empty()) return makeError("nothing to replay: the record has no raw bytes or JSON");
    JsonRowParser parser(schema);
    Record out;
    if (!parser.parse(text, out.row)) return makeError("still does not parse: " + parser.error());
    out.timestamp = kNoTimestamp;
    if (!source && !schema.rowtime().empty()) {
        const int i = schema.indexOf(schema.rowtime());
        if (i >= 0 && out.row[static_cast<std::size_t>(i)].kind() == Value::Kind::Timestamp)
            out.timestamp = out.row[static_cast<std::size_t>(i)].asTimestamp();
    }
    return out;
}

} // namespace sw::runtime
