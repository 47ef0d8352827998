#pragma once
// Renders rows as one-line JSON objects the way Flink's 'json' format does: numbers unquoted,
// DECIMAL as its exact digits, TIMESTAMP(3) as "yyyy-MM-dd HH:mm:ss.SSS", BYTES as base64,
// NULL as null. Key prefixes are prepared once per schema; writing does not allocate once the
// output buffer has grown.
#include <string>
#include <string_view>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

class JsonRowWriter {
public:
    explicit JsonRowWriter(const Schema& schema);

    /// Appends `row` as {"col":value,...} (no newline).
    void append(const Row& row, std::string& out) const;

    static void appendValue(std::string& out, const Value& v, const DataType& t);

private:
    std::vector<std::string> m_keys; ///< `{"name":` / `,"name":`
    std::vector<DataType> m_types;
};

} // namespace sw::runtime
