#pragma once
// Kafka message <-> row. Decoding (source): JSON (Flink's json format rules, via JsonRowParser),
// CSV (one RFC 4180 record per message, fields in schema order), raw (the value as one STRING
// column) or avro-confluent (connectors/format/AvroConfluent.h). Encoding (sink): JSON, CSV or
// avro-confluent values, and keys from chosen columns.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/format/AvroConfluent.h"
#include "connectors/format/CsvRecordParser.h"
#include "connectors/format/JsonRowParser.h"
#include "connectors/format/JsonRowWriter.h"
#include "exec/ErrorRecord.h"
#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime::kafka {

enum class Format : std::uint8_t { Json, Csv, Raw, AvroConfluent };
/// "json", "csv", "raw", "avro-confluent" -> Format; false for anything else.
bool parseFormat(std::string_view text, Format& out);

/// Decodes message values into the first columns of a row (the data schema).
class ValueDecoder {
public:
    /// `registry`: where avro-confluent values find their writer schemas (that format only).
    ValueDecoder(Format format, Schema dataSchema,
                 std::shared_ptr<RegistryConnection> registry = nullptr);

    /// Decodes `value` (nullptr = a null value, a tombstone) into row[0 .. dataSchema.size()).
    /// `row` is resized to exactly the data schema's size. On failure returns false with
    /// error() and errorClass() (Parse: undecodable bytes; Type: a value that does not fit).
    bool decode(const char* value, std::size_t size, Row& row);

    const std::string& error() const { return m_error; }
    ErrorClass errorClass() const { return m_class; }
    const Schema& schema() const { return m_schema; }

private:
    bool decodeCsv(std::string_view text, Row& row);

    Format m_format;
    Schema m_schema;
    std::unique_ptr<JsonRowParser> m_json;
    std::unique_ptr<AvroConfluentDecoder> m_avro;
    CsvRecordParser m_csv;
    std::string m_error;
    ErrorClass m_class = ErrorClass::Parse;
};

/// Encodes rows as message values and keys.
class RowEncoder {
public:
    /// `keyColumns`: indices into `schema` (empty = messages without key).
    RowEncoder(Format format, Schema schema, std::vector<int> keyColumns);

    /// avro-confluent: the encoder that registered the value schema (required for that format).
    void setAvroEncoder(std::unique_ptr<AvroConfluentEncoder> e) { m_avro = std::move(e); }

    /// The value of `row` into `out` (cleared first). JSON and CSV encode every row.
    void encodeValue(const Row& row, std::string& out) const;
    /// The same for every format: false with `error` when the row cannot be encoded
    /// (avro-confluent: a NULL in a NOT NULL column, a decimal of another scale, ...).
    bool tryEncodeValue(const Row& row, std::string& out, std::string& error) const;
    /// The key of `row` into `out` (cleared first); false when there are no key columns.
    /// One key column: its text (strings as they are, numbers as digits, timestamps as
    /// 'yyyy-MM-dd HH:mm:ss.SSS'); several: a JSON object of the key columns. NULL key values
    /// are encoded as JSON null / the empty text, so equal keys always give equal bytes.
    bool encodeKey(const Row& row, std::string& out) const;

private:
    Format m_format;
    Schema m_schema;
    std::vector<int> m_keys;
    JsonRowWriter m_writer;
    Schema m_keySchema;
    JsonRowWriter m_keyWriter;
    std::unique_ptr<AvroConfluentEncoder> m_avro;
};

} // namespace sw::runtime::kafka
