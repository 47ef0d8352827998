#pragma once
// The one base64 of the runtime: standard alphabet (RFC 4648 section 4, '+' '/'), the way
// Flink's json and csv formats write BYTES and the way dead letters keep raw bytes
// (raw_headers, the JSONL file's raw_key/raw_value).
//
// Home: util/, the bottom layer. It knows bytes only, so the formats (connectors/format), the
// dead letters (exec/, connectors/dlq/) and the widgets' DLQ export share it without an include
// running back up.
#include <string>
#include <string_view>

namespace sw::runtime {

/// Appends `bytes` as base64 with '=' padding.
void appendBase64(std::string& out, std::string_view bytes);
/// `bytes` as base64 with '=' padding.
std::string base64Encode(std::string_view bytes);
/// Decodes base64 into `out` (cleared first). Padding is optional (as Java's decoder, which
/// Flink uses), but at most two '=' and, when present, only at the end of a length that is a
/// multiple of 4. No whitespace, no URL-safe alphabet. False on anything else (`out` then holds
/// no meaningful value).
bool decodeBase64(std::string_view text, std::string& out);

} // namespace sw::runtime
