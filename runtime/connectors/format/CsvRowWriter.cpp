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
    if (v.kind() != Value::Kind::String || t.kind() == TypeKind::Bytes) {
        text::appendPlain(out, v, t); // nothing to quote (base64 has no comma or quote)
    } else if (v.asString().empty()) {
        out += "\"\""; // '' (distinct from NULL, which is an empty unquoted field)
    } else {
        CsvRecordParser::appendField(out, v.asString());
    }
}

} // namespace sw::runtime
