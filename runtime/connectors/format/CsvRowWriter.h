#pragma once
// Renders rows as RFC 4180 CSV lines (Flink csv format style values: NULL as an empty field,
// TIMESTAMP as 'yyyy-MM-dd HH:mm:ss.SSS', DECIMAL exact, BYTES base64).
#include <string>

#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

class CsvRowWriter {
public:
    explicit CsvRowWriter(const Schema& schema) : m_schema(schema) {}
    /// The header line (column names), without the newline.
    void appendHeader(std::string& out) const;
    /// One record, without the newline.
    void append(const Row& row, std::string& out) const;
    /// One value as CSV field text (quoted when needed).
    static void appendValue(std::string& out, const Value& v, const DataType& t);

private:
    Schema m_schema;
};

} // namespace sw::runtime
