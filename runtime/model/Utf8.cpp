#include "model/Utf8.h"

namespace sw::runtime {

/// Length of the valid UTF-8 sequence at t[i] (1..4), 0 when the bytes are not valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8SequenceLength(std::string_view t, std::size_t i)
{
    auto b = [&](std::size_t k) -> int {
        return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : -1;
    };
    auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
    int c = b(0);
    if (c < 0x80) return 1;
    if (in(c, 0xC2, 0xDF)) return in(b(1), 0x80, 0xBF) ? 2 : 0;
    int lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (in(c, 0xE0, 0xEF)) return in(b(1), lo, hi) && in(b(2), 0x80, 0xBF) ? 3 : 0;
    if (in(c, 0xF0, 0xF4))
        return in(b(1), lo, hi) && in(b(2), 0x80, 0xBF) && in(b(3), 0x80, 0xBF) ? 4 : 0;
    return 0;
}

void appendUtf8(std::string& s, unsigned cp)
{
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace sw::runtime
