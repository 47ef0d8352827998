#include "util/Utf8.h"

namespace sw::runtime {

std::size_t invalidUtf8At(std::string_view s)
{
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    for (const auto* q = p; q < end;) {
        if (*q < 0x80) {
            ++q;
            continue;
        }
        const std::size_t n = utf8SequenceLength(q, end);
        if (n == 0) return static_cast<std::size_t>(q - p);
        q += n;
    }
    return std::string_view::npos;
}

std::string utf8Lossy(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    while (!s.empty()) {
        const std::size_t bad = invalidUtf8At(s);
        if (bad == std::string_view::npos) {
            out += s;
            break;
        }
        out += s.substr(0, bad);
        out += "\xEF\xBF\xBD";
        s.remove_prefix(bad + 1);
    }
    return out;
}

void appendUtf8(std::string& out, unsigned cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

std::size_t utf8Length(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        n += !isUtf8Continuation(c);
    return n;
}

} // namespace sw::runtime
