#pragma once
// Per error-class counts of a DLQ node, readable from any thread while the pipeline runs.
// The engine (or a test) reaches them by dynamic_cast<const DeadLetterCounts*>(operator).
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <string>

#include "exec/ErrorRecord.h"

namespace sw::runtime {

class DeadLetterCounts {
public:
    virtual ~DeadLetterCounts() = default;
    /// error_class -> records received ("parse", "type", "expression", "late", "sink", and
    /// any other class text as it arrived, e.g. from a future operator).
    virtual std::map<std::string, std::uint64_t> countsByClass() const = 0;
    virtual std::uint64_t total() const = 0;
};

} // namespace sw::runtime
