#pragma once
// kinesis-source / kinesis-sink node properties read into settings (catalog/KinesisTypes.cpp
// describes them). Failures name the node and the property.
#include <cstdint>
#include <string>
#include <vector>

#include "connectors/kafka/RecordCodec.h"
#include "connectors/kinesis/KinesisClient.h"
#include "exec/Operator.h"
#include "types/Schema.h"

namespace sw::runtime::kinesis {

enum class StartPosition : std::uint8_t { TrimHorizon, Latest, AtTimestamp };

struct SourceSettings {
    std::string nodeId;
    int subtask = 0;
    int parallelism = 1;
    std::string stream;
    ClientOptions client;
    StartPosition start = StartPosition::TrimHorizon;
    std::int64_t startTimestampMs = 0;
    kafka::Format format = kafka::Format::Json;
    Schema schema; ///< output schema; rowtime() = the event-time column ("" = processing time)
    std::int64_t outOfOrdernessMs = 5000;
    std::int64_t idleTimeoutMs = 0;
    int readsPerSecond = 5;    ///< GetRecords per shard and second (<= 5)
    int recordsPerGet = 10000; ///< GetRecords Limit
    std::int64_t discoveryIntervalMs = 10000;
    std::int64_t maxBytesPerSecond = 2 << 20; ///< per shard (Kinesis: 2 MiB/s)
    std::size_t queueRecords = 20000;         ///< fetched, not yet emitted (backpressure)
    bool keepRawBytes = false;
};

struct SinkSettings {
    std::string nodeId;
    int subtask = 0;
    std::string stream;
    ClientOptions client;
    kafka::Format format = kafka::Format::Json;
    Schema inputSchema;
    std::vector<int> keyColumns; ///< partition key columns (empty = random keys)
    int maxAttempts = 8;
    std::size_t maxBatchRecords = 500;
    std::size_t maxBatchBytes = 5 << 20;
};

Result<SourceSettings> sourceSettings(const OperatorSpec& spec);
Result<SinkSettings> sinkSettings(const OperatorSpec& spec);

} // namespace sw::runtime::kinesis
