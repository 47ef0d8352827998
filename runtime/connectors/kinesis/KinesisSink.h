#pragma once
// The kinesis-sink operator: rows encoded (json or csv, kafka::RowEncoder) with the partition key
// from `partition_key_fields` (one column: its text; several: a JSON object; none: a random key
// per record), written with PutRecords in requests of at most 500 records and 5 MiB.
//
// A record over 1 MiB (data + partition key) goes to `errors` at once (Kinesis would refuse the
// whole request). Partial failures: only the failed entries are sent again, with exponential
// backoff (100 ms doubling to 5 s, waiting on the stop token); while it waits the sink does not
// return from processBatch, so a throttled stream backpressures the pipeline. An entry that failed
// `max_attempts` times goes to `errors` (class sink) with the bytes it tried to write (raw_key =
// partition key, raw_value = data) and the service's error code. A request that fails as a whole
// with a retryable error (throttling, 5xx, timeout, connection) is retried the same way; a
// missing stream or refused credentials fail the node with the service's message.
//
// Delivery: at-least-once. prepareSnapshotPreBarrier and endOfInput write everything received;
// a retried entry may be written twice (Kinesis has no idempotent producer), and a retried entry
// can land after a later record of its key that succeeded at once (as with the KPL).
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "connectors/kafka/RecordCodec.h"
#include "connectors/kinesis/KinesisClient.h"
#include "connectors/kinesis/KinesisSettings.h"
#include "exec/Operator.h"

namespace sw::runtime::kinesis {

class KinesisSink final : public Operator {
public:
    explicit KinesisSink(SinkSettings s);

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void endOfInput(Collector& out) override;
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;

    // ---- observability (tests) ----
    std::uint64_t written() const { return m_written; }
    std::uint64_t retriedEntries() const { return m_retried; }
    std::uint64_t requests() const { return m_requests; }

private:
    struct Pending {
        PutEntry entry;
        Provenance provenance;
        EventTime timestamp = kNoTimestamp;
        int attempts = 0;
        std::string lastError;
    };
    void flush(Collector& out);
    /// One PutRecords of the first entries of m_pending (up to the limits); failed entries stay.
    void sendOnce(Collector& out);
    void fail(Pending& p, Collector& out);
    bool backoff(int attempt);

    SinkSettings m_s;
    OperatorContext* m_ctx = nullptr;
    std::unique_ptr<KinesisClient> m_client;
    kafka::RowEncoder m_encoder;
    std::vector<Pending> m_pending;
    std::size_t m_pendingBytes = 0;
    std::mt19937_64 m_random;
    std::string m_scratch;
    std::uint64_t m_written = 0, m_retried = 0, m_requests = 0;
};

} // namespace sw::runtime::kinesis
