#pragma once
// The one UTF-8 walker of the runtime (RFC 3629): strict validation for everything that reads
// or shows bytes as text (JSON readers, the pipeline file scanner, dead-letter rendering), and
// the lenient code-point stepper of the SQL string functions (LIKE, CHAR_LENGTH, SUBSTRING...).
//
// Home: util/, the bottom layer. These functions know bytes and code points only, nothing of
// SQL values or schemas, so model/, types/, expr/, connectors/ and the widgets can all use them
// without an include running back up.
//
// Valid UTF-8 here: no overlong forms (C0, C1, E0 80..9F, F0 80..8F), no UTF-16 surrogates
// (ED A0..BF), nothing above U+10FFFF (F4 90.., F5..FF), no stray continuation bytes, no
// sequence cut short by the end of the text.
#include <cstddef>
#include <string>
#include <string_view>

namespace sw::runtime {

/// Length (1..4) of the valid UTF-8 sequence starting at p (p < end), or 0 when the bytes there
/// are not valid UTF-8. Inline: the JSON readers call it for every non-ASCII byte.
inline std::size_t utf8SequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned c = *p;
    if (c < 0x80) return 1;
    std::size_t len;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0) lo = 0xa0; // overlong
        if (c == 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0) lo = 0x90; // overlong
        if (c == 0xf4) hi = 0x8f; // above U+10FFFF
    } else {
        return 0; // continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (end - p < static_cast<std::ptrdiff_t>(len) || p[1] < lo || p[1] > hi) return 0;
    for (std::size_t k = 2; k < len; ++k)
        if (p[k] < 0x80 || p[k] > 0xbf) return 0;
    return len;
}

/// Length (1..4) of the valid UTF-8 sequence starting at t[i] (i < t.size()), or 0.
inline std::size_t utf8SequenceLength(std::string_view t, std::size_t i)
{
    const auto* p = reinterpret_cast<const unsigned char*>(t.data());
    return utf8SequenceLength(p + i, p + t.size());
}

/// Offset of the first byte that is not part of valid UTF-8, or npos when all of `s` is valid.
std::size_t invalidUtf8At(std::string_view s);
inline bool isValidUtf8(std::string_view s)
{
    return invalidUtf8At(s) == std::string_view::npos;
}

/// `s` with every byte that is not part of valid UTF-8 replaced by U+FFFD (for showing raw
/// bytes as text).
std::string utf8Lossy(std::string_view s);

/// Appends code point `cp` (at most U+10FFFF, not a surrogate: the caller checked) as UTF-8.
void appendUtf8(std::string& out, unsigned cp);

/// Lenient stepping for the SQL string functions: a code point is a lead byte and the
/// continuation bytes (10xxxxxx) after it. Invalid UTF-8 never fails, it is counted as it comes
/// (a stray continuation byte at the start belongs to the code point before it).
inline bool isUtf8Continuation(char c)
{
    return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}
/// Byte offset just after the code point starting at `i` (s.size() at or past the end).
inline std::size_t utf8Next(std::string_view s, std::size_t i)
{
    if (i >= s.size()) return s.size();
    ++i;
    while (i < s.size() && isUtf8Continuation(s[i]))
        ++i;
    return i;
}
/// Number of code points (lead bytes) in `s`.
std::size_t utf8Length(std::string_view s);

} // namespace sw::runtime
