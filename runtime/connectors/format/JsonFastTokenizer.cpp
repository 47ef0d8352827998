#include "connectors/format/JsonFastTokenizer.h"

#include <cstring>
#include <utility>

#include <simdjson.h>

#include "util/Utf8.h"

namespace sw::runtime {
namespace {

namespace od = simdjson::ondemand;

bool isWs(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimWs(std::string_view s)
{
    while (!s.empty() && isWs(s.back()))
        s.remove_suffix(1);
    return s;
}

/// RFC 8259 number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? and nothing else.
bool isJsonNumber(std::string_view s)
{
    std::size_t i = 0;
    const auto digit = [&] { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    if (i < s.size() && s[i] == '-') ++i;
    if (!digit()) return false;
    if (s[i] == '0')
        ++i;
    else
        while (digit())
            ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digit()) return false;
        while (digit())
            ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digit()) return false;
        while (digit())
            ++i;
    }
    return i == s.size();
}

/// The content of the string starting at `p` (just after its opening quote) when it is plain:
/// no escape, no control character, valid UTF-8. False otherwise.
bool plainString(const char* p, const char* end, std::string_view& out)
{
    bool ascii = true;
    for (const char* q = p; q < end; ++q) {
        const auto c = static_cast<unsigned char>(*q);
        if (c == '"') {
            out = std::string_view(p, static_cast<std::size_t>(q - p));
            return ascii || isValidUtf8(out);
        }
        if (c == '\\' || c < 0x20) return false;
        ascii = ascii && c < 0x80;
    }
    return false;
}

} // namespace

struct JsonFastTokenizer::Impl {
    od::parser parser;
    std::vector<char> buf; ///< the text with simdjson's padding after it

    bool value(od::value v, const char* end, JsonRowParser::Token& tok)
    {
        using Kind = JsonRowParser::Token::Kind;
        od::json_type type;
        if (v.type().get(type)) return false;
        switch (type) {
        case od::json_type::string: {
            const std::string_view raw = v.raw_json_token();
            tok.kind = Kind::String;
            return !raw.empty() && raw[0] == '"' && plainString(raw.data() + 1, end, tok.text);
        }
        case od::json_type::number:
            tok.kind = Kind::Number;
            tok.text = trimWs(v.raw_json_token());
            return isJsonNumber(tok.text);
        case od::json_type::boolean:
        case od::json_type::null:
            tok.text = trimWs(v.raw_json_token());
            tok.kind = tok.text == "true"    ? Kind::True
                       : tok.text == "false" ? Kind::False
                                             : Kind::Null;
            return tok.text == "true" || tok.text == "false" || tok.text == "null";
        default:
            return false; // nested objects and arrays: the strict parser validates them
        }
    }
};

JsonFastTokenizer::JsonFastTokenizer() : m_impl(std::make_unique<Impl>()) {}
JsonFastTokenizer::~JsonFastTokenizer() = default;

const std::vector<JsonFastTokenizer::Member>* JsonFastTokenizer::tokenize(std::string_view text)
{
    m_members.clear();
    std::size_t first = 0;
    while (first < text.size() && isWs(text[first]))
        ++first;
    if (first == text.size() || text[first] != '{') return nullptr;

    std::vector<char>& buf = m_impl->buf;
    if (buf.size() < text.size() + simdjson::SIMDJSON_PADDING)
        buf.resize(text.size() + simdjson::SIMDJSON_PADDING);
    std::memcpy(buf.data(), text.data(), text.size());
    std::memset(buf.data() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    const char* end = buf.data() + text.size();

    od::document doc;
    od::object obj;
    if (m_impl->parser.iterate(buf.data(), text.size(), buf.size()).get(doc) ||
        doc.get_object().get(obj))
        return nullptr;
    for (auto result : obj) {
        od::field field;
        if (std::move(result).get(field)) return nullptr;
        Member m;
        if (!plainString(field.key().raw(), end, m.key)) return nullptr;
        if (!m_impl->value(field.value(), end, m.token)) return nullptr;
        m_members.push_back(m);
    }
    // Nothing may follow the object: current_location() is an error (out of bounds) only at the
    // end of the document.
    const char* rest = nullptr;
    if (!doc.current_location().get(rest)) return nullptr;
    return &m_members;
}

} // namespace sw::runtime
