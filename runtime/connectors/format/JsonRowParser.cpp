#include "connectors/format/JsonRowParser.h"

#include <cstring>

#include "connectors/format/TextCodec.h"
#include "util/Utf8.h"

namespace sw::runtime {

namespace {

constexpr std::size_t kMaxDepth = 256;

int hexValue(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

JsonRowParser::JsonRowParser(const Schema& schema) : m_schema(schema), m_seen(schema.size(), 0)
{
    for (const auto& f : schema.fields())
        m_names.push_back(f.name);
}

bool JsonRowParser::syntax(std::string_view what)
{
    m_class = ErrorClass::Parse;
    if (m_p >= m_end)
        m_error = "JSON syntax error: unexpected end of input at column " +
                  std::to_string(m_end - m_begin + 1) + " (" + std::string(what) + ")";
    else
        m_error = "JSON syntax error at column " + std::to_string(m_p - m_begin + 1) + ": " +
                  std::string(what);
    return false;
}

bool JsonRowParser::parse(std::string_view text, Row& row)
{
    m_begin = m_p = text.data();
    m_end = text.data() + text.size();
    m_error.clear();
    m_expect = 0;
    std::memset(m_seen.data(), 0, m_seen.size());
    row.resize(m_schema.size());
    skipWs();
    if (m_p >= m_end || *m_p != '{') return syntax("expected '{' at the start of a JSON object");
    ++m_p;
    if (!parseMembers(row)) return false;
    skipWs();
    if (m_p != m_end) return syntax("unexpected content after the JSON object");
    if (!m_error.empty()) { // a conversion failed in a syntactically valid object
        m_class = ErrorClass::Type;
        return false;
    }
    for (std::size_t i = 0; i < m_seen.size(); ++i) {
        if (m_seen[i] && !row[i].isNull()) continue;
        if (!m_schema[i].type.nullable()) {
            m_class = ErrorClass::Type;
            m_error = "column '" + m_names[i] + "' is NOT NULL but the value is " +
                      (m_seen[i] ? "null" : "missing");
            return false;
        }
        if (!m_seen[i]) row[i].setNull();
    }
    return true;
}

bool JsonRowParser::parseMembers(Row& row)
{
    skipWs();
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        return true;
    }
    for (;;) {
        std::string_view key;
        if (!readKey(key)) return false;
        skipWs();
        if (m_p >= m_end || *m_p != ':') return syntax("expected ':' after a member name");
        ++m_p;
        skipWs();
        Token tok;
        if (!readValue(tok)) return false;
        int col = findColumn(key);
        if (col >= 0) {
            m_seen[static_cast<std::size_t>(col)] = 1;
            if (m_error.empty())
                convert(tok, static_cast<std::size_t>(col), row[static_cast<std::size_t>(col)]);
        }
        skipWs();
        if (m_p >= m_end) return syntax("expected ',' or '}'");
        if (*m_p == '}') {
            ++m_p;
            return true;
        }
        if (*m_p != ',') return syntax("expected ',' or '}' after a member");
        ++m_p;
        skipWs();
    }
}

bool JsonRowParser::readKey(std::string_view& key)
{
    if (m_p >= m_end || *m_p != '"') return syntax("expected a member name in double quotes");
    return readString(m_keyBuf, key);
}

bool JsonRowParser::readString(std::string& buf, std::string_view& out)
{
    const char* start = ++m_p; // after the opening quote
    bool copied = false;
    while (m_p < m_end) {
        auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            out = copied ? std::string_view(buf)
                         : std::string_view(start, static_cast<std::size_t>(m_p - start));
            ++m_p;
            return true;
        }
        if (c < 0x20) return syntax("control character in a string (must be escaped)");
        if (c >= 0x80) {
            std::size_t n = utf8SequenceLength(reinterpret_cast<const unsigned char*>(m_p),
                                               reinterpret_cast<const unsigned char*>(m_end));
            if (n == 0) return syntax("invalid UTF-8 byte in a string");
            if (copied) buf.append(m_p, n);
            m_p += n;
            continue;
        }
        if (c != '\\') {
            if (copied) buf += static_cast<char>(c);
            ++m_p;
            continue;
        }
        if (!copied) {
            buf.assign(start, static_cast<std::size_t>(m_p - start));
            copied = true;
        }
        if (++m_p >= m_end) return syntax("unterminated escape");
        switch (*m_p) {
        case '"':
            buf += '"';
            break;
        case '\\':
            buf += '\\';
            break;
        case '/':
            buf += '/';
            break;
        case 'b':
            buf += '\b';
            break;
        case 'f':
            buf += '\f';
            break;
        case 'n':
            buf += '\n';
            break;
        case 'r':
            buf += '\r';
            break;
        case 't':
            buf += '\t';
            break;
        case 'u': {
            auto hex4 = [&](const char* q, unsigned& v) {
                if (m_end - q < 4) return false;
                v = 0;
                for (int k = 0; k < 4; ++k) {
                    int h = hexValue(q[k]);
                    if (h < 0) return false;
                    v = v * 16 + static_cast<unsigned>(h);
                }
                return true;
            };
            unsigned cp;
            if (!hex4(m_p + 1, cp)) return syntax("invalid \\u escape");
            m_p += 4;
            if (cp >= 0xd800 && cp <= 0xdbff) {
                unsigned lo;
                if (m_end - m_p < 7 || m_p[1] != '\\' || m_p[2] != 'u' || !hex4(m_p + 3, lo) ||
                    lo < 0xdc00 || lo > 0xdfff)
                    return syntax("unpaired UTF-16 surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                m_p += 6;
            } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                return syntax("unpaired UTF-16 surrogate in \\u escape");
            }
            appendUtf8(buf, cp);
            break;
        }
        default:
            return syntax("invalid escape sequence");
        }
        ++m_p;
    }
    return syntax("unterminated string");
}

bool JsonRowParser::readNumber(std::string_view& out)
{
    const char* start = m_p;
    auto digit = [&] { return m_p < m_end && *m_p >= '0' && *m_p <= '9'; };
    if (*m_p == '-') ++m_p;
    if (!digit()) return syntax("invalid number");
    if (*m_p == '0')
        ++m_p;
    else
        while (digit())
            ++m_p;
    if (m_p < m_end && *m_p == '.') {
        ++m_p;
        if (!digit()) return syntax("invalid number: digits expected after '.'");
        while (digit())
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-')) ++m_p;
        if (!digit()) return syntax("invalid number: digits expected in the exponent");
        while (digit())
            ++m_p;
    }
    out = std::string_view(start, static_cast<std::size_t>(m_p - start));
    return true;
}

bool JsonRowParser::readValue(Token& tok)
{
    if (m_p >= m_end) return syntax("expected a value");
    auto literal = [&](std::string_view word, Token::Kind k) {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() ||
            std::memcmp(m_p, word.data(), word.size()) != 0)
            return syntax("invalid literal (expected true, false or null)");
        tok.text = std::string_view(m_p, word.size());
        m_p += word.size();
        tok.kind = k;
        return true;
    };
    switch (*m_p) {
    case '"':
        tok.kind = Token::Kind::String;
        return readString(m_valueBuf, tok.text);
    case 't':
        return literal("true", Token::Kind::True);
    case 'f':
        return literal("false", Token::Kind::False);
    case 'n':
        return literal("null", Token::Kind::Null);
    case '{':
    case '[': {
        const char* start = m_p;
        if (!skipNested()) return false;
        tok.kind = Token::Kind::Nested;
        tok.text = std::string_view(start, static_cast<std::size_t>(m_p - start));
        return true;
    }
    default:
        if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) {
            tok.kind = Token::Kind::Number;
            return readNumber(tok.text);
        }
        return syntax("expected a value");
    }
}

bool JsonRowParser::skipNested()
{
    std::string scratch;
    std::vector<char> stack;
    for (;;) {
        // Here a value starts.
        if (m_p >= m_end) return syntax("expected a value");
        if (*m_p == '{' || *m_p == '[') {
            char open = *m_p++;
            stack.push_back(open);
            if (stack.size() > kMaxDepth) return syntax("nesting too deep");
            skipWs();
            char close = open == '{' ? '}' : ']';
            if (m_p < m_end && *m_p == close) {
                ++m_p;
                stack.pop_back();
            } else {
                if (open == '{') {
                    std::string_view k;
                    if (m_p >= m_end || *m_p != '"')
                        return syntax("expected a member name in double quotes");
                    if (!readString(scratch, k)) return false;
                    skipWs();
                    if (m_p >= m_end || *m_p != ':')
                        return syntax("expected ':' after a member name");
                    ++m_p;
                    skipWs();
                }
                continue;
            }
        } else {
            Token t;
            if (!readValue(t)) return false;
        }
        // After a value: close containers or move to the next element.
        for (;;) {
            if (stack.empty()) return true;
            skipWs();
            const bool obj = stack.back() == '{';
            if (m_p >= m_end) return syntax(obj ? "expected ',' or '}'" : "expected ',' or ']'");
            if (*m_p == (obj ? '}' : ']')) {
                ++m_p;
                stack.pop_back();
                continue;
            }
            if (*m_p != ',') return syntax(obj ? "expected ',' or '}'" : "expected ',' or ']'");
            ++m_p;
            skipWs();
            if (obj) {
                std::string_view k;
                if (m_p >= m_end || *m_p != '"')
                    return syntax("expected a member name in double quotes");
                if (!readString(scratch, k)) return false;
                skipWs();
                if (m_p >= m_end || *m_p != ':') return syntax("expected ':' after a member name");
                ++m_p;
                skipWs();
            }
            break;
        }
    }
}

int JsonRowParser::findColumn(std::string_view key)
{
    const std::size_t n = m_names.size();
    if (m_expect < n && m_names[m_expect] == key) return static_cast<int>(m_expect++);
    for (std::size_t i = 0; i < n; ++i)
        if (m_names[i] == key) {
            m_expect = i + 1;
            return static_cast<int>(i);
        }
    return -1;
}

bool JsonRowParser::convert(const Token& tok, std::size_t column, Value& out)
{
    const DataType& t = m_schema[column].type;
    std::string err;
    bool ok = true;
    switch (tok.kind) {
    case Token::Kind::Null:
        out.setNull();
        return true;
    case Token::Kind::True:
    case Token::Kind::False:
        if (t.kind() == TypeKind::Boolean)
            out.setBoolean(tok.kind == Token::Kind::True);
        else if (t.kind() == TypeKind::String)
            out.assignString(tok.kind == Token::Kind::True ? "true" : "false");
        else
            ok = false;
        break;
    case Token::Kind::Nested:
        if (t.kind() == TypeKind::String)
            out.assignString(tok.text);
        else
            ok = false;
        break;
    case Token::Kind::Number:
        if (t.kind() == TypeKind::Boolean || t.kind() == TypeKind::Bytes)
            ok = false;
        else
            ok = text::parseValue(tok.text, t, out, err);
        break;
    case Token::Kind::String:
        ok = text::parseValue(tok.text, t, out, err);
        break;
    }
    if (ok) return true;
    if (err.empty())
        err = "cannot convert " + std::string(tok.text.substr(0, 64)) + " to " +
              t.withNullable(true).toString();
    m_error = "column '" + m_names[column] + "': " + err;
    return false;
}

} // namespace sw::runtime
