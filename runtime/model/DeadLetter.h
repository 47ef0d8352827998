#pragma once
// The dead letter: one record a node could not process, with what the errors output said about
// it (catalog errorSchema(): error time, node, class, message, source position, the original
// bytes, Kafka headers and time, the parsed record as JSON). One value for every place that
// shows or reads dead letters: the DLQ stores (connectors/dlq/DeadLetterStore.h), the
// designer's DLQ browser (widgets/dlq/DlqEntry extends it with browser state), the DLQ replay
// of the designer and of `streamwright-run dlq replay`. Plain values, no engine.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"

namespace sw::runtime {

struct DeadLetter {
    std::int64_t errorTime = 0; ///< ms since the epoch
    std::string nodeId;
    std::string errorClass;
    std::string message;
    std::optional<std::string> sourceTopic;
    std::optional<std::int64_t> sourcePartition;
    std::optional<std::int64_t> sourceOffset;
    std::optional<std::string> sourceFile;
    std::optional<std::int64_t> sourceLine;
    std::optional<std::string> rawKey;   ///< exact bytes
    std::optional<std::string> rawValue; ///< exact bytes
    std::optional<std::string> record;   ///< the failed record as JSON, when there was one
    /// Kafka headers of the original message (name, exact value bytes), in order.
    std::vector<std::pair<std::string, std::string>> rawHeaders;
    std::optional<std::int64_t> rawTimestamp; ///< Kafka message timestamp (ms), when known
    /// raw_headers as stored when it could not be decoded (rawHeaders is then empty).
    std::optional<std::string> unreadableHeaders;
    /// Why raw_headers or raw_timestamp could not be read ("" when both were fine or absent).
    std::string problems;

    /// "topic[2]@1234", "orders.jsonl:17" or "" when unknown.
    std::string sourcePosition() const;
};

/// Kafka headers as the raw_headers column's JSON: [{"key": "name", "value": "<base64>"}, ...]
/// in message order (values base64 so any bytes round-trip exactly).
std::string rawHeadersToJson(const std::vector<std::pair<std::string, std::string>>& headers);
/// Decodes the raw_headers column. On failure returns false, leaves `out` alone and, with
/// `error`, says why (which entry, which header).
bool parseRawHeaders(std::string_view json, std::vector<std::pair<std::string, std::string>>& out,
                     std::string* error = nullptr);

/// raw_headers as stored: decoded into rawHeaders, or kept in unreadableHeaders with the reason
/// added to problems (only a hand-edited store has a malformed one: the rest is still shown).
void setRawHeaders(DeadLetter& d, const std::string& json);
/// raw_timestamp as text (the timestamp grammar of types/ValueText.h), or a note in problems.
void setRawTimestamp(DeadLetter& d, const std::string& text);

/// Reads an errors-port row (columns matched by name, so rows written before raw_headers and
/// raw_timestamp existed load too; malformed ones add to problems instead of failing).
DeadLetter deadLetterFromErrorRow(const Row& row, const Schema& schema);

/// What a replay feeds back: `edited` when given (the user's fix), else the raw value for
/// records that failed before parsing, else the record as JSON ("" when it has neither).
std::string replayText(const DeadLetter& d, const std::string* edited = nullptr);
/// True when replayText() is raw bytes (re-parsed as the failing source parses its input);
/// otherwise the record's JSON re-enters the failing node's input.
inline bool replaysRawBytes(const DeadLetter& d)
{
    return d.rawValue.has_value() && !d.record.has_value();
}

} // namespace sw::runtime
