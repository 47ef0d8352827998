#include "types/RowJson.h"

#include "types/ValueText.h"
#include "util/JsonEscape.h"

namespace sw::runtime {

namespace {

void appendJsonValue(std::string& out, const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        out += "null";
        break;
    case Value::Kind::Bool:
        out += v.asBool() ? "true" : "false";
        break;
    case Value::Kind::Int:
        out += std::to_string(v.asInt());
        break;
    case Value::Kind::Decimal:
        out += formatDecimal(v.decimalUnscaled(), v.decimalScale());
        break;
    case Value::Kind::Double:
        out += v.toString();
        break;
    case Value::Kind::String:
        appendJsonString(out, v.asString());
        break;
    case Value::Kind::Timestamp:
        appendJsonString(out, formatTimestamp(v.asTimestamp()));
        break;
    }
}

} // namespace

std::string rowToJson(const Row& row, const Schema& schema)
{
    std::string out = "{";
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) out += ", ";
        appendJsonString(out, i < schema.size() ? schema[i].name : "c" + std::to_string(i));
        out += ": ";
        appendJsonValue(out, row[i]);
    }
    out += '}';
    return out;
}

} // namespace sw::runtime
