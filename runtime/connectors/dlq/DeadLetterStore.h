#pragma once
// Reading what a `dlq` node wrote (SQLite or JSONL target): for tests, the CLI report and the
// GUI's dead-letter table. Plain values, no engine needed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
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
};

/// Decodes the raw_headers column (rawHeadersToJson's JSON); false when it is malformed.
bool parseRawHeaders(const std::string& json,
                     std::vector<std::pair<std::string, std::string>>& out);

/// Reads dead letters in write order; `limit` 0 = all. `target` is "sqlite" or "jsonl".
Result<std::vector<DeadLetter>> readDeadLetters(const std::string& target, const std::string& path,
                                                std::size_t limit = 0);
/// error_class -> count (SQLite: one GROUP BY query).
Result<std::map<std::string, std::uint64_t>> countDeadLetters(const std::string& target,
                                                              const std::string& path);

} // namespace sw::runtime
