#include "connectors/lake/LakeFormat.h"

#include "connectors/lake/AvroPartWriter.h"
#include "connectors/lake/JsonlGzPartWriter.h"

namespace sw::runtime {

const std::vector<std::string>& lakeFormatNames()
{
    static const std::vector<std::string> names = {"avro", "jsonl"};
    return names;
}

Result<std::unique_ptr<LakeFormat>> makeLakeFormat(std::string_view name, const Schema& schema)
{
    if (name == "avro") return makeAvroFormat(schema);
    if (name == "jsonl")
        return std::unique_ptr<LakeFormat>(std::make_unique<JsonlGzFormat>(schema));
    return makeError("unknown lake format '" + std::string(name) + "' (expected avro or jsonl)");
}

} // namespace sw::runtime
