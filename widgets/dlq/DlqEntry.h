#pragma once
// One dead-letter record as the DLQ browser shows it: the columns of an `errors` output row
// (catalog errorSchema()) plus the browser's own state (replayed, edited). Plain C++.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"
#include "util/Base64.h"
#include "util/Utf8.h"

namespace sw::runtime {
struct DeadLetter;
}

namespace sw::widgets {

struct DlqEntry {
    enum class Replay { None, Replayed, Failed };

    std::uint64_t id = 0; ///< unique in the browser
    int run = 0;
    std::int64_t errorTimeMs = 0;
    std::int64_t eventTimeMs = INT64_MIN; ///< the failed record's event time, when it had one
    std::string nodeId;
    std::string errorClass; ///< parse | type | expression | late | sink
    std::string message;
    std::string sourceTopic;
    std::optional<int> sourcePartition;
    std::optional<std::int64_t> sourceOffset;
    std::string sourceFile;
    std::optional<std::int64_t> sourceLine;
    std::optional<std::string> rawKey;
    std::optional<std::string> rawValue;
    std::string recordJson; ///< the parsed record as JSON, when there was one
    /// Kafka headers of the original message (name, exact value bytes), in message order.
    std::vector<std::pair<std::string, std::string>> rawHeaders;
    std::optional<std::int64_t> rawTimestampMs; ///< the original Kafka message time (ms)
    /// raw_headers as stored when it could not be decoded (rawHeaders is then empty).
    std::optional<std::string> unreadableHeaders;
    /// Why raw_headers or raw_timestamp could not be read; empty when both were fine or absent.
    std::string rawNote;

    Replay replay = Replay::None;
    std::string replayNote;                ///< why a replay failed, or when it was replayed
    std::optional<std::string> editedText; ///< the user's fix of the replay text

    /// "topic[2]@1234", "orders.jsonl:17" or "" when unknown.
    std::string sourcePosition() const;
    /// What a replay feeds back: the edit, else the raw value (for records that failed before
    /// parsing), else the record JSON.
    std::string replayText() const;
    /// True when replayText() is raw bytes (re-parsed like the failing source parses its input),
    /// false when it is the record as JSON (re-entering the failing node's input).
    bool replaysRawBytes() const { return rawValue.has_value() && recordJson.empty(); }
};

/// Reads an errors-port row (schema: runtime errorSchema(), columns matched by name). Columns
/// a row lacks (raw_headers, raw_timestamp before they existed) stay empty; malformed ones set
/// rawNote instead of failing.
DlqEntry dlqEntryFromErrorRow(const runtime::Row& row, const runtime::Schema& schema);
/// A dead letter read back from a `dlq` node's SQLite table or JSONL file (runtime
/// readDeadLetters).
DlqEntry dlqEntryFromDeadLetter(const runtime::DeadLetter& d);
/// Classic hex dump: offset, 16 bytes in hex, printable ASCII.
std::string hexDump(std::string_view bytes);
/// Bytes as space-separated hex pairs ("00 ff 10").
std::string hexBytes(std::string_view bytes);
/// Bytes as text: valid UTF-8 as is, other bytes as \xNN.
std::string bytesAsText(std::string_view bytes);
/// One JSON Lines record of the entry. Raw bytes are kept exactly (base64) and, when valid
/// UTF-8, also as text.
std::string dlqEntryToJsonLine(const DlqEntry& e);
/// The runtime's one base64 and UTF-8 validator (util/Base64.h, util/Utf8.h).
using runtime::base64Encode;
using runtime::isValidUtf8;
/// Valid UTF-8 without control characters other than tab: shown as text (else as hex).
bool isPrintableText(std::string_view s);

} // namespace sw::widgets
