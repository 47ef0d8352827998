#pragma once
// The one JSON string writer of the runtime (RFC 8259 section 7): quotes, backslash and the
// control characters U+0000..U+001F are escaped (\" \\ \n \r \t \b \f, the rest as \u00XX);
// every other byte is copied as is, so valid UTF-8 stays valid UTF-8 and the caller decides what
// to do with bytes that are not text (e.g. utf8Lossy() first).
//
// Home: util/, the bottom layer: the JSON row writer (connectors/format), the error records'
// record JSON (exec/ErrorRecord) and the dead-letter JSONL writer all use it.
#include <string>
#include <string_view>

namespace sw::runtime {

/// Appends `s` as a quoted JSON string.
void appendJsonString(std::string& out, std::string_view s);

} // namespace sw::runtime
