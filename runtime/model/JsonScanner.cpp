#include "model/JsonScanner.h"

#include "util/Utf8.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_set>
#include <vector>

namespace sw::runtime {
namespace {

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::size_t bomLength(std::string_view t)
{
    return t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

std::string hexByte(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

std::string codePoint(unsigned c)
{
    char buf[12];
    std::snprintf(buf, sizeof buf, "U+%04X", c);
    return buf;
}

} // namespace

TextPosition textPosition(std::string_view text, std::size_t offset)
{
    TextPosition p{1, 1};
    offset = std::min(offset, text.size());
    for (std::size_t i = std::min(bomLength(text), offset); i < offset; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!isUtf8Continuation(static_cast<char>(c))) {
            ++p.column;
        }
    }
    return p;
}

std::string appendPointer(std::string pointer, std::string_view token)
{
    pointer += '/';
    for (char c : token) {
        if (c == '~')
            pointer += "~0";
        else if (c == '/')
            pointer += "~1";
        else
            pointer += c;
    }
    return pointer;
}

struct JsonScanner::Scan {
    struct Frame {
        bool object = false;
        std::size_t index = 0;
        bool hasKey = false;
        std::string key;
        std::unordered_set<std::string> keys;
    };
    enum class Next { Value, AfterValue, Done };

    std::string_view t;
    int maxDepth;
    std::size_t pos = 0;
    std::vector<Frame> stack;
    std::optional<Error> error;
    // locate mode
    std::optional<std::string_view> target;
    bool atName = false;
    std::size_t targetDepth = 0;
    std::optional<std::size_t> found;

    bool stop() const { return error.has_value() || found.has_value(); }

    std::string pointer() const
    {
        std::string p;
        for (const auto& f : stack) {
            if (f.object && f.hasKey)
                p = appendPointer(std::move(p), f.key);
            else if (!f.object)
                p = appendPointer(std::move(p), std::to_string(f.index));
        }
        return p;
    }

    void syntaxAt(std::size_t offset, const std::string& message)
    {
        failAt(offset, "not valid JSON: " + message);
    }

    void failAt(std::size_t offset, std::string message)
    {
        if (error) return;
        TextPosition tp = textPosition(t, offset);
        error = Error{std::move(message), pointer(), tp.line, tp.column};
    }

    /// "unexpected ...; expected <what>" describing the byte at pos.
    void unexpected(const std::string& what)
    {
        if (pos >= t.size()) return syntaxAt(pos, "unexpected end of file; expected " + what);
        unsigned char c = static_cast<unsigned char>(t[pos]);
        if (c >= 0x80) {
            std::size_t n = utf8SequenceLength(t, pos);
            if (n == 0) return failAt(pos, "invalid UTF-8 (byte " + hexByte(c) + ")");
            return syntaxAt(pos, "unexpected character '" + std::string(t.substr(pos, n)) +
                                     "'; expected " + what);
        }
        if (c < 0x20 || c == 0x7F)
            return syntaxAt(pos,
                            "unexpected control character " + codePoint(c) + "; expected " + what);
        syntaxAt(pos, std::string("unexpected character '") + static_cast<char>(c) +
                          "'; expected " + what);
    }

    void skipWs()
    {
        while (pos < t.size() && isWs(t[pos]))
            ++pos;
    }

    void checkTarget(std::size_t offset, bool isName)
    {
        if (!target || found || stack.size() != targetDepth) return;
        bool inArray = !stack.empty() && !stack.back().object;
        if (isName != atName && !(inArray || stack.empty())) return;
        if (pointer() == *target) found = offset;
    }

    bool readHex4(unsigned& v)
    {
        v = 0;
        for (int k = 0; k < 4; ++k, ++pos) {
            if (pos >= t.size()) return false;
            char c = t[pos];
            int d = isDigit(c)               ? c - '0'
                    : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                             : -1;
            if (d < 0) return false;
            v = v * 16 + static_cast<unsigned>(d);
        }
        return true;
    }

    bool readUnicodeEscape(std::string* out, std::size_t escStart)
    {
        unsigned cp = 0;
        if (!readHex4(cp))
            return syntaxAt(escStart, "invalid \\u escape (expected 4 hex digits)"), false;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return syntaxAt(escStart, "lone low surrogate in \\u escape"), false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo = 0;
            if (t.substr(pos, 2) != "\\u" || (pos += 2, !readHex4(lo)) || lo < 0xDC00 ||
                lo > 0xDFFF)
                return syntaxAt(escStart, "high surrogate in \\u escape not followed by a low one"),
                       false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (out) appendUtf8(*out, cp);
        return true;
    }

    bool readEscape(std::string* out)
    {
        std::size_t escStart = pos++;
        if (pos >= t.size()) return syntaxAt(escStart, "unterminated string"), false;
        char e = t[pos++];
        char v = 0;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            v = e;
            break;
        case 'b':
            v = '\b';
            break;
        case 'f':
            v = '\f';
            break;
        case 'n':
            v = '\n';
            break;
        case 'r':
            v = '\r';
            break;
        case 't':
            v = '\t';
            break;
        case 'u':
            return readUnicodeEscape(out, escStart);
        default:
            pos = escStart;
            syntaxAt(escStart, std::string("invalid escape '\\") + e + "' in a string");
            return false;
        }
        if (out) *out += v;
        return true;
    }

    /// Reads the string at pos (t[pos] == '"'); decodes it into *out when given.
    bool readString(std::string* out)
    {
        std::size_t start = pos++;
        while (true) {
            if (pos >= t.size()) return syntaxAt(start, "unterminated string"), false;
            unsigned char c = static_cast<unsigned char>(t[pos]);
            if (c == '"') {
                ++pos;
                return true;
            }
            if (c == '\\') {
                if (!readEscape(out)) return false;
            } else if (c < 0x20) {
                return syntaxAt(pos, "control character " + codePoint(c) +
                                         " must be escaped in a string (\\n, \\t, \\u00XX)"),
                       false;
            } else {
                std::size_t n = utf8SequenceLength(t, pos);
                if (n == 0)
                    return failAt(pos, "invalid UTF-8 in a string (byte " + hexByte(c) + ")"),
                           false;
                if (out) out->append(t.substr(pos, n));
                pos += n;
            }
        }
    }

    bool readDigits()
    {
        std::size_t s = pos;
        while (pos < t.size() && isDigit(t[pos]))
            ++pos;
        return pos > s;
    }

    bool readNumber()
    {
        std::size_t start = pos;
        if (t[pos] == '-') ++pos;
        bool ok = pos < t.size() && (t[pos] == '0' ? (++pos, true) : readDigits());
        if (ok && pos < t.size() && t[pos] == '.') ok = (++pos, readDigits());
        if (ok && pos < t.size() && (t[pos] == 'e' || t[pos] == 'E')) {
            ++pos;
            if (pos < t.size() && (t[pos] == '+' || t[pos] == '-')) ++pos;
            ok = readDigits();
        }
        if (!ok) return syntaxAt(start, "invalid number"), false;
        std::string tok(t.substr(start, pos - start));
        if (!std::isfinite(std::strtod(tok.c_str(), nullptr))) {
            if (tok.size() > 40) tok = tok.substr(0, 40) + "...";
            return failAt(start, "number " + tok + " is out of range"), false;
        }
        return true;
    }

    bool readLiteral()
    {
        for (std::string_view lit : {"true", "false", "null"})
            if (t.substr(pos, lit.size()) == lit) {
                pos += lit.size();
                return true;
            }
        syntaxAt(pos,
                 "invalid literal; expected a value (true, false, null, a number, a string, an "
                 "object or an array)");
        return false;
    }

    bool push(bool object)
    {
        if (static_cast<int>(stack.size()) >= maxDepth) {
            failAt(pos, "JSON nested deeper than " + std::to_string(maxDepth) + " levels");
            return false;
        }
        stack.push_back(Frame{object, 0, false, {}, {}});
        ++pos;
        return true;
    }

    bool readName()
    {
        stack.back().hasKey = false; // errors before the name is read belong to the object
        skipWs();
        if (pos >= t.size() || t[pos] != '"')
            return unexpected("a member name in double quotes"), false;
        std::size_t start = pos;
        std::string name;
        if (!readString(&name)) return false;
        Frame& f = stack.back();
        f.key = name;
        f.hasKey = true;
        if (!f.keys.insert(std::move(name)).second) {
            failAt(start, "duplicate member \"" + f.key + "\"");
            return false;
        }
        checkTarget(start, true);
        skipWs();
        if (pos >= t.size() || t[pos] != ':') return unexpected("':' after the member name"), false;
        ++pos;
        return true;
    }

    Next value()
    {
        skipWs();
        if (pos >= t.size()) return unexpected("a value"), Next::Done;
        checkTarget(pos, false);
        char c = t[pos];
        if (c == '{' || c == '[') {
            if (!push(c == '{')) return Next::Done;
            skipWs();
            if (pos < t.size() && t[pos] == (c == '{' ? '}' : ']')) {
                ++pos;
                stack.pop_back();
                return Next::AfterValue;
            }
            if (c == '{' && !readName()) return Next::Done;
            return Next::Value;
        }
        bool ok = c == '"'                             ? readString(nullptr)
                  : (c == '-' || isDigit(c))           ? readNumber()
                  : (c == 't' || c == 'f' || c == 'n') ? readLiteral()
                                                       : (unexpected("a value"), false);
        return ok ? Next::AfterValue : Next::Done;
    }

    Next afterValue()
    {
        skipWs();
        if (stack.empty()) {
            if (pos < t.size()) unexpected("the end of the file after the JSON document");
            return Next::Done;
        }
        Frame& f = stack.back();
        char close = f.object ? '}' : ']';
        if (pos < t.size() && t[pos] == ',') {
            ++pos;
            if (!f.object)
                ++f.index;
            else if (!readName())
                return Next::Done;
            return Next::Value;
        }
        if (pos < t.size() && t[pos] == close) {
            ++pos;
            stack.pop_back();
            return Next::AfterValue;
        }
        unexpected(f.object ? "',' or '}' after an object member"
                            : "',' or ']' after an array element");
        return Next::Done;
    }

    void run()
    {
        pos = bomLength(t);
        Next n = Next::Value;
        while (n != Next::Done && !stop())
            n = n == Next::Value ? value() : afterValue();
    }
};

Status JsonScanner::validate()
{
    Scan s{m_text, m_maxDepth};
    s.run();
    if (s.error) return Status(*s.error);
    return {};
}

std::optional<std::size_t> JsonScanner::locate(std::string_view pointer, bool atName)
{
    Scan s{m_text, m_maxDepth};
    s.target = pointer;
    s.atName = atName;
    for (char c : pointer)
        s.targetDepth += c == '/' ? 1 : 0;
    s.run();
    return s.found;
}

} // namespace sw::runtime
