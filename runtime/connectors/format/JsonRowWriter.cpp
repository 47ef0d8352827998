#include "connectors/format/JsonRowWriter.h"

#include "connectors/format/TextCodec.h"
#include "util/JsonEscape.h"

namespace sw::runtime {

JsonRowWriter::JsonRowWriter(const Schema& schema)
{
    for (std::size_t i = 0; i < schema.size(); ++i) {
        std::string k = i == 0 ? "{" : ",";
        appendJsonString(k, schema[i].name);
        k += ':';
        m_keys.push_back(std::move(k));
        m_types.push_back(schema[i].type);
    }
}

void JsonRowWriter::append(const Row& row, std::string& out) const
{
    if (m_keys.empty()) {
        out += "{}";
        return;
    }
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        out += m_keys[i];
        if (i < row.size())
            appendValue(out, row[i], m_types[i]);
        else
            out += "null";
    }
    out += '}';
}

void JsonRowWriter::appendValue(std::string& out, const Value& v, const DataType& t)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        out += "null";
        break;
    case Value::Kind::Bool:
        out += v.asBool() ? "true" : "false";
        break;
    case Value::Kind::Int:
        text::appendInt(out, v.asInt());
        break;
    case Value::Kind::Decimal:
        appendDecimal(out, v.decimalUnscaled(), v.decimalScale());
        break;
    case Value::Kind::Double: {
        double d = v.asDouble();
        if (d != d || d - d != 0) { // NaN / infinities are not JSON numbers: quote them
            out += '"';
            text::appendDouble(out, d);
            out += '"';
        } else {
            text::appendDouble(out, d);
        }
        break;
    }
    case Value::Kind::String:
        if (t.kind() == TypeKind::Bytes) {
            out += '"';
            appendBase64(out, v.asString());
            out += '"';
        } else {
            appendJsonString(out, v.asString());
        }
        break;
    case Value::Kind::Timestamp:
        out += '"';
        appendTimestamp(out, v.asTimestamp());
        out += '"';
        break;
    }
}

} // namespace sw::runtime
