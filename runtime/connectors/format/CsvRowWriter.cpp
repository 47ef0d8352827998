#include "connectors/format/CsvRowWriter.h"

#include "connectors/format/CsvRecordParser.h"
#include "connectors/format/TextCodec.h"

namespace sw::runtime {

void CsvRowWriter::appendHeader(std::string& out) const
{
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        if (i) out += ',';
        CsvRecordParser::appendField(out, m_schema[i].name);
    }
}

void CsvRowWriter::append(const Row& row, std::string& out) const
{
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        if (i) out += ',';
        if (i < row.size()) appendValue(out, row[i], m_schema[i].type);
    }
}

void CsvRowWriter::appendValue(std::string& out, const Value& v, const DataType& t)
{
    switch (v.kind()) {
    case Value::Kind::Null:
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
    case Value::Kind::Double:
        text::appendDouble(out, v.asDouble());
        break;
    case Value::Kind::Timestamp:
        appendTimestamp(out, v.asTimestamp());
        break;
    case Value::Kind::String:
        if (t.kind() == TypeKind::Bytes) {
            appendBase64(out, v.asString());
        } else if (v.asString().empty()) {
            out += "\"\""; // '' (distinct from NULL, which is an empty unquoted field)
        } else {
            CsvRecordParser::appendField(out, v.asString());
        }
        break;
    }
}

} // namespace sw::runtime
