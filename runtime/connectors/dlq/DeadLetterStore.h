#pragma once
// Reading what a `dlq` node wrote (SQLite or JSONL target): for tests, the CLI report and the
// GUI's dead-letter table. Plain values (model/DeadLetter.h), no engine needed.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/DeadLetter.h"
#include "util/Result.h"

namespace sw::runtime {

/// Reads dead letters in write order; `limit` 0 = all. `target` is "sqlite" or "jsonl".
Result<std::vector<DeadLetter>> readDeadLetters(const std::string& target, const std::string& path,
                                                std::size_t limit = 0);
/// error_class -> count (SQLite: one GROUP BY query).
Result<std::map<std::string, std::uint64_t>> countDeadLetters(const std::string& target,
                                                              const std::string& path);

} // namespace sw::runtime
