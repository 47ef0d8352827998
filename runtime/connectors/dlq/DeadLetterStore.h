#pragma once
// Reading what a `dlq` node wrote (SQLite or JSONL target): for tests, the CLI report and the
// GUI's dead-letter table. Plain values, no engine needed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/Result.h"

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
};

/// Decodes the raw_headers column (rawHeadersToJson's JSON: [{"key": "name", "value":
/// "<base64>"}, ...]). On failure returns false, leaves `out` alone and, with `error`, says why
/// (which entry, which header).
bool parseRawHeaders(std::string_view json, std::vector<std::pair<std::string, std::string>>& out,
                     std::string* error = nullptr);

/// Reads dead letters in write order; `limit` 0 = all. `target` is "sqlite" or "jsonl".
Result<std::vector<DeadLetter>> readDeadLetters(const std::string& target, const std::string& path,
                                                std::size_t limit = 0);
/// error_class -> count (SQLite: one GROUP BY query).
Result<std::map<std::string, std::uint64_t>> countDeadLetters(const std::string& target,
                                                              const std::string& path);

} // namespace sw::runtime
