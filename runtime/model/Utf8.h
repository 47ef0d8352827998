#pragma once
// Small UTF-8 helpers for the JSON pre-scan (model/JsonScanner.cpp).
#include <cstddef>
#include <string>
#include <string_view>

namespace sw::runtime {

/// Length (1..4) of the valid UTF-8 sequence starting at t[i], or 0 when the bytes there are not
/// valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8SequenceLength(std::string_view t, std::size_t i);

/// Appends code point `cp` (at most U+10FFFF, not a surrogate) encoded as UTF-8.
void appendUtf8(std::string& s, unsigned cp);

} // namespace sw::runtime
