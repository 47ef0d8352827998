#pragma once
// Building rows for a node's `errors` output (schema: errorSchema() in catalog/NodeType.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exec/Record.h"
#include "model/DeadLetter.h" // rawHeadersToJson
#include "types/RowJson.h"
#include "types/Schema.h"

namespace sw::runtime {

/// The error_class column: why a record could not be processed.
enum class ErrorClass : std::uint8_t { Parse, Type, Expression, Late, Sink };
/// "parse", "type", "expression", "late", "sink".
std::string_view toString(ErrorClass c);

/// Everything an error row says. Fill what is known; the rest becomes NULL.
struct ErrorInfo {
    ErrorClass errorClass = ErrorClass::Parse;
    std::string message;
    /// Origin of the failed input (topic/partition/offset or file/line, raw bytes).
    Provenance provenance;
    /// The record as JSON ({"col": value, ...}) when there was a parsed record; else empty.
    std::string recordJson;
    /// Error time (ms since epoch, wall clock); 0 = now.
    std::int64_t errorTime = 0;
};

/// Builds an error record with errorSchema()'s columns for node `nodeId`. Its event timestamp is
/// `eventTime` (the failed record's, when it had one), so error streams keep watermark semantics.
Record makeErrorRecord(std::string_view nodeId, const ErrorInfo& info,
                       EventTime eventTime = kNoTimestamp);

} // namespace sw::runtime
