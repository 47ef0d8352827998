#pragma once
// Parses one JSON object (a JSON Lines line, a Kafka value) into a row of a schema. Strict
// RFC 8259 syntax with UTF-8 validation; members are matched to columns by exact name, unknown
// members are validated and skipped, missing members and null become NULL. Values convert like
// Flink's json format (numbers or numeric strings for numeric columns, DECIMAL exact, TIMESTAMP
// from timestamp text by the one grammar of types/ValueText.h or a JSON number of epoch
// milliseconds, BYTES from base64).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "exec/ErrorRecord.h"
#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

class JsonFastTokenizer;

class JsonRowParser {
public:
    /// `fastPath`: first try simdjson's tokenizer (JsonFastTokenizer.h), which takes only flat
    /// objects of plain members and declines everything else to this parser; rows, errors and
    /// error classes are the same either way (tst_value_text checks it). Off only for tests.
    explicit JsonRowParser(const Schema& schema, bool fastPath = true);
    ~JsonRowParser();
    JsonRowParser(JsonRowParser&&) noexcept;
    JsonRowParser& operator=(JsonRowParser&&) noexcept;

    /// Parses `text` into `row` (resized to the schema). On failure returns false; error()
    /// says why (with the 1-based column of the offending byte for syntax errors) and
    /// errorClass() is Parse (bad JSON) or Type (good JSON, value not convertible / NOT NULL).
    bool parse(std::string_view text, Row& row);

    const std::string& error() const { return m_error; }
    ErrorClass errorClass() const { return m_class; }
    /// How many parse() calls the fast path decoded (for tests).
    std::uint64_t fastPathDecoded() const { return m_fastDecoded; }

    /// One member value as the tokenizers hand it to the conversion.
    struct Token {
        enum class Kind { String, Number, True, False, Null, Nested } kind = Kind::Null;
        std::string_view text; ///< unescaped string content, number text or nested raw JSON
    };

private:
    bool parseFast(std::string_view text, Row& row);
    void begin(std::string_view text, Row& row);
    void member(std::string_view key, const Token& tok, Row& row);
    bool finish(Row& row);
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
    std::unique_ptr<JsonFastTokenizer> m_fast;
    std::uint64_t m_fastDecoded = 0;
};

} // namespace sw::runtime
