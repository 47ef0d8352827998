#include "connectors/kafka/RecordCodec.h"

#include "connectors/format/TextCodec.h"

namespace sw::runtime::kafka {
namespace {

Schema keySchemaOf(const Schema& s, const std::vector<int>& keys)
{
    Schema k;
    for (int i : keys)
        k.add(s[static_cast<std::size_t>(i)].name, s[static_cast<std::size_t>(i)].type);
    return k;
}

void appendText(std::string& out, const Value& v, const DataType& t)
{
    switch (v.kind()) {
    case Value::Kind::Null:
        break;
    case Value::Kind::String:
        if (t.kind() == TypeKind::Bytes)
            appendBase64(out, v.asString());
        else
            out += v.asString();
        break;
    default:
        JsonRowWriter::appendValue(out, v, t);
    }
}

} // namespace

bool parseFormat(std::string_view text, Format& out)
{
    if (text == "json")
        out = Format::Json;
    else if (text == "csv")
        out = Format::Csv;
    else if (text == "raw")
        out = Format::Raw;
    else if (text == "avro-confluent")
        out = Format::AvroConfluent;
    else
        return false;
    return true;
}

ValueDecoder::ValueDecoder(Format format, Schema dataSchema,
                           std::shared_ptr<RegistryConnection> registry)
    : m_format(format), m_schema(std::move(dataSchema))
{
    if (m_format == Format::Json) m_json = std::make_unique<JsonRowParser>(m_schema);
    if (m_format == Format::AvroConfluent && registry)
        m_avro = std::make_unique<AvroConfluentDecoder>(m_schema, std::move(registry));
}

bool ValueDecoder::decode(const char* value, std::size_t size, Row& row)
{
    m_error.clear();
    if (!value) {
        if (m_format == Format::Raw) {
            row.resize(m_schema.size());
            row[0] = Value::null();
            return true;
        }
        m_class = ErrorClass::Parse;
        m_error = "null message value (tombstone): nothing to decode";
        return false;
    }
    if (m_format == Format::AvroConfluent) {
        if (!m_avro) {
            m_class = ErrorClass::Parse;
            m_error = "avro-confluent: no schema registry";
            return false;
        }
        if (m_avro->decode(value, size, row)) return true;
        m_error = m_avro->error();
        m_class = m_avro->errorClass();
        return false;
    }
    std::string_view text(value, size);
    switch (m_format) {
    case Format::Json:
        if (m_json->parse(text, row)) return true;
        m_error = m_json->error();
        m_class = m_json->errorClass();
        return false;
    case Format::Csv:
        return decodeCsv(text, row);
    case Format::Raw:
        row.resize(m_schema.size());
        row[0].assignString(text);
        return true;
    case Format::AvroConfluent:
        break;
    }
    return false;
}

bool ValueDecoder::decodeCsv(std::string_view text, Row& row)
{
    // One message = one record; a trailing line break is allowed.
    std::size_t end = 0;
    auto st = m_csv.parse(text, 0, true, end);
    m_class = ErrorClass::Parse;
    if (st != CsvRecordParser::Status::Record) {
        m_error =
            "CSV: " + (m_csv.error().empty() ? std::string("incomplete record") : m_csv.error());
        return false;
    }
    if (end != text.size()) {
        m_error = "CSV: more than one record in one message";
        return false;
    }
    if (m_csv.size() != m_schema.size()) {
        m_error = "CSV: expected " + std::to_string(m_schema.size()) + " fields, got " +
                  std::to_string(m_csv.size());
        return false;
    }
    row.resize(m_schema.size());
    for (std::size_t i = 0; i < m_schema.size(); ++i) {
        const DataType& t = m_schema[i].type;
        std::string_view f = m_csv.field(i);
        if (f.empty() && !m_csv.quoted(i) && t.kind() != TypeKind::String) {
            row[i] = Value::null();
        } else if (!text::parseValue(f, t, row[i], m_error)) {
            m_class = ErrorClass::Type;
            m_error = "column '" + m_schema[i].name + "': " + m_error;
            return false;
        }
        if (row[i].isNull() && !t.nullable()) {
            m_class = ErrorClass::Type;
            m_error = "column '" + m_schema[i].name + "' is NOT NULL but the field is empty";
            return false;
        }
    }
    return true;
}

RowEncoder::RowEncoder(Format format, Schema schema, std::vector<int> keyColumns)
    : m_format(format), m_schema(std::move(schema)), m_keys(std::move(keyColumns)),
      m_writer(m_schema), m_keySchema(keySchemaOf(m_schema, m_keys)), m_keyWriter(m_keySchema)
{
}

bool RowEncoder::tryEncodeValue(const Row& row, std::string& out, std::string& error) const
{
    if (m_format != Format::AvroConfluent) {
        encodeValue(row, out);
        return true;
    }
    out.clear();
    if (!m_avro) {
        error = "avro-confluent: no encoder (the value schema was not registered)";
        return false;
    }
    if (auto problem = m_avro->encode(row, out)) {
        error = "avro-confluent: " + *problem;
        return false;
    }
    return true;
}

void RowEncoder::encodeValue(const Row& row, std::string& out) const
{
    out.clear();
    if (m_format == Format::AvroConfluent) {
        std::string ignored;
        tryEncodeValue(row, out, ignored);
        return;
    }
    if (m_format == Format::Json) {
        m_writer.append(row, out);
        return;
    }
    std::string field;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) out += ',';
        field.clear();
        appendText(field, row[i], i < m_schema.size() ? m_schema[i].type : DataType::string());
        CsvRecordParser::appendField(out, field);
    }
}

bool RowEncoder::encodeKey(const Row& row, std::string& out) const
{
    out.clear();
    if (m_keys.empty()) return false;
    if (m_keys.size() == 1) {
        std::size_t c = static_cast<std::size_t>(m_keys[0]);
        appendText(out, row[c], m_schema[c].type);
        return true;
    }
    Row k;
    k.reserve(m_keys.size());
    for (int i : m_keys)
        k.push_back(row[static_cast<std::size_t>(i)]);
    m_keyWriter.append(k, out);
    return true;
}

} // namespace sw::runtime::kafka
