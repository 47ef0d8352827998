#include "exec/ErrorRecord.h"

#include <chrono>

#include "catalog/NodeType.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"

namespace sw::runtime {

std::string_view toString(ErrorClass c)
{
    switch (c) {
    case ErrorClass::Parse: return "parse";
    case ErrorClass::Type: return "type";
    case ErrorClass::Expression: return "expression";
    case ErrorClass::Late: return "late";
    case ErrorClass::Sink: return "sink";
    }
    return "parse";
}

namespace {

void appendJsonValue(std::string& out, const Value& v)
{
    switch (v.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += v.asBool() ? "true" : "false"; break;
    case Value::Kind::Int: out += std::to_string(v.asInt()); break;
    case Value::Kind::Decimal: out += formatDecimal(v.decimalUnscaled(), v.decimalScale()); break;
    case Value::Kind::Double: out += v.toString(); break;
    case Value::Kind::String: appendJsonString(out, v.asString()); break;
    case Value::Kind::Timestamp: appendJsonString(out, formatTimestamp(v.asTimestamp())); break;
    }
}

std::int64_t nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
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

std::string rawHeadersToJson(const std::vector<std::pair<std::string, std::string>>& headers)
{
    std::string out = "[";
    for (const auto& [name, value] : headers) {
        if (out.size() > 1) out += ", ";
        out += "{\"key\": ";
        appendJsonString(out, name);
        out += ", \"value\": \"";
        appendBase64(out, value);
        out += "\"}";
    }
    out += ']';
    return out;
}

Record makeErrorRecord(std::string_view nodeId, const ErrorInfo& info, EventTime eventTime)
{
    const Provenance& p = info.provenance;
    const bool kafka = p.kind == Provenance::Kind::Kafka;
    const bool file = p.kind == Provenance::Kind::File;
    const std::string origin = p.origin ? *p.origin : std::string();
    Record r;
    r.timestamp = eventTime;
    r.provenance = p;
    r.row.reserve(errorSchema().size());
    r.row.push_back(Value::timestamp(info.errorTime ? info.errorTime : nowMs()));
    r.row.push_back(Value::string(std::string(nodeId)));
    r.row.push_back(Value::string(std::string(toString(info.errorClass))));
    r.row.push_back(Value::string(info.message));
    r.row.push_back(kafka ? Value::string(origin) : Value::null());
    r.row.push_back(kafka && p.partition >= 0 ? Value::integer(p.partition) : Value::null());
    r.row.push_back(kafka && p.position >= 0 ? Value::integer(p.position) : Value::null());
    r.row.push_back(file ? Value::string(origin) : Value::null());
    r.row.push_back(file && p.position >= 0 ? Value::integer(p.position) : Value::null());
    r.row.push_back(p.raw && p.raw->hasKey ? Value::string(p.raw->key) : Value::null());
    r.row.push_back(p.raw ? Value::string(p.raw->value) : Value::null());
    r.row.push_back(info.recordJson.empty() ? Value::null() : Value::string(info.recordJson));
    r.row.push_back(p.raw && !p.raw->headers.empty()
                        ? Value::string(rawHeadersToJson(p.raw->headers))
                        : Value::null());
    r.row.push_back(p.raw && p.raw->timestamp >= 0 ? Value::timestamp(p.raw->timestamp)
                                                   : Value::null());
    return r;
}

} // namespace sw::runtime
