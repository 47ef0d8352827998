#pragma once
// Kafka message <-> row. Decoding (source): JSON (Flink's json format rules, via JsonRowParser),
// CSV (one RFC 4180 record per message, fields in schema order) or raw (the value as one STRING
// column). Encoding (sink): JSON or CSV values and keys from chosen columns.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/format/CsvRecordParser.h"
#include "connectors/format/JsonRowParser.h"
#include "connectors/format/JsonRowWriter.h"
#include "exec/ErrorRecord.h"
#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime::kafka {

enum class Format : std::uint8_t { Json, Csv, Raw };
/// "json", "csv", "raw" -> Format; false for anything else.
bool parseFormat(std::string_view text, Format& out);

/// Decodes message values into the first columns of a row (the data schema).
class ValueDecoder {
public:
    ValueDecoder(Format format, Schema dataSchema);

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
    CsvRecordParser m_csv;
    std::string m_error;
    ErrorClass m_class = ErrorClass::Parse;
};

/// Encodes rows as message values and keys.
class RowEncoder {
public:
    /// `keyColumns`: indices into `schema` (empty = messages without key).
    RowEncoder(Format format, Schema schema, std::vector<int> keyColumns);

    /// The value of `row` into `out` (cleared first).
    void encodeValue(const Row& row, std::string& out) const;
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
};

} // namespace sw::runtime::kafka
