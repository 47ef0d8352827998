#pragma once
// Parses one JSON object (a JSON Lines line, a Kafka value) into a row of a schema. Strict
// RFC 8259 syntax with UTF-8 validation; members are matched to columns by exact name, unknown
// members are validated and skipped, missing members and null become NULL. Values convert like
// Flink's json format (numbers or numeric strings for numeric columns, DECIMAL exact, TIMESTAMP
// from text or a number by the one grammar of types/ValueText.h (a whole number is epoch
// milliseconds), BYTES from base64).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exec/ErrorRecord.h"
#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

class JsonRowParser {
public:
    explicit JsonRowParser(const Schema& schema);

    /// Parses `text` into `row` (resized to the schema). On failure returns false; error()
    /// says why (with the 1-based column of the offending byte for syntax errors) and
    /// errorClass() is Parse (bad JSON) or Type (good JSON, value not convertible / NOT NULL).
    bool parse(std::string_view text, Row& row);

    const std::string& error() const { return m_error; }
    ErrorClass errorClass() const { return m_class; }

private:
    struct Token {
        enum class Kind { String, Number, True, False, Null, Nested } kind = Kind::Null;
        std::string_view text; ///< unescaped string content, number text or nested raw JSON
    };
    bool parseMembers(Row& row);
    bool readKey(std::string_view& key);
    bool readValue(Token& tok);
    bool readString(std::string& buf, std::string_view& out);
    bool readNumber(std::string_view& out);
    bool skipNested();
    bool convert(const Token& tok, std::size_t column, Value& out);
    int findColumn(std::string_view key);
    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool syntax(std::string_view what);

    Schema m_schema;
    std::vector<std::string> m_names;
    std::vector<char> m_seen;
    std::size_t m_expect = 0; ///< next column to try first (members usually come in order)
    const char* m_begin = nullptr;
    const char* m_p = nullptr;
    const char* m_end = nullptr;
    std::string m_keyBuf;
    std::string m_valueBuf;
    std::string m_error;
    ErrorClass m_class = ErrorClass::Parse;
};

} // namespace sw::runtime
