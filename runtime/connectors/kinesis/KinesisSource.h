#pragma once
// The kinesis-source operator (Amazon Kinesis Data Streams; docs/kinesis.md). Each subtask owns
// a share of the stream's shards (KinesisShards.h: children follow their parents, roots spread by
// shard number) and reads them with one fetch thread (KinesisFetcher.h); poll() decodes and
// emits what was fetched, round robin over the shards, and records per shard the sequence number
// of the last record emitted.
//
// Positions and checkpoints: at a barrier the source snapshots, per shard, the last emitted
// sequence number, or that the shard is finished (union state: a restore reads every subtask's
// blobs, so a different parallelism or ownership still finds each shard's position). A restored
// shard resumes AFTER_SEQUENCE_NUMBER; a shard without position starts at `start_position`
// (shards listed at the start) or TRIM_HORIZON (shards that appear later: resharding children).
// Records after the checkpoint are read again after a restart (at-least-once); nothing before it.
// Kinesis has no server-side committed offsets: without a checkpoint a run starts at
// `start_position`.
//
// Event time: per-shard watermarks (max timestamp - bound - 1) like Kafka partitions; the source
// watermark is the minimum over started, unfinished, non-idle shards (idle_timeout), never
// decreasing. A shard with queued records is never idle.
//
// Errors: an undecodable record goes to `errors` with its bytes (raw_value), partition key
// (raw_key), arrival time (raw_timestamp), and shard and sequence number in the message and in
// raw_headers (kinesis.shard, kinesis.sequence). Missing stream, refused credentials: the node
// fails with the service's message; an unreachable endpoint warns, then fails (KinesisFetcher.h).
#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "connectors/kafka/RecordCodec.h"
#include "connectors/kinesis/KinesisFetcher.h"
#include "connectors/kinesis/KinesisSettings.h"
#include "connectors/kinesis/KinesisShards.h"
#include "exec/Operator.h"

namespace sw::runtime::kinesis {

class KinesisSource final : public SourceOperator {
public:
    explicit KinesisSource(SourceSettings s);
    ~KinesisSource() override;

    Status open(OperatorContext& ctx) override;
    SourceStatus poll(Collector& out, std::size_t maxRecords) override;
    void stopReading() override;
    void close() override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    std::optional<EventTime> splitWatermark() override;

    // ---- observability (tests, metrics) ----
    std::uint64_t throttled() const { return m_fetcher ? m_fetcher->throttled() : 0; }
    std::uint64_t renewedIterators() const { return m_fetcher ? m_fetcher->renewedIterators() : 0; }
    std::uint64_t getRecordsCalls() const { return m_fetcher ? m_fetcher->getRecordsCalls() : 0; }
    std::vector<std::string> startOrder() const
    {
        return m_fetcher ? m_fetcher->startOrder() : std::vector<std::string>{};
    }
    /// Positions as snapshotted now: shard id -> position.
    std::map<std::string, ShardPosition> positions() const;

private:
    struct Taken {
        std::string shard;
        FetchedRecord rec;
    };
    std::size_t take(std::size_t maxRecords);
    void emitOne(Taken& t, Collector& out);
    void afterEmit(std::int64_t nowMs);
    void publishSplits(std::int64_t nowMs);

    SourceSettings m_s;
    OperatorContext* m_ctx = nullptr;
    ShardTable m_table;
    std::shared_ptr<FinishedShards> m_finished;
    std::unique_ptr<KinesisFetcher> m_fetcher;
    kafka::ValueDecoder m_decoder;
    int m_rowtime = -1;
    std::vector<Taken> m_taken;
    Record m_record;
    EventTime m_lastWatermark = kMinWatermark;
    std::int64_t m_nextPublishMs = 0;
    std::atomic<bool> m_stopping{false};
    bool m_started = false;
};

} // namespace sw::runtime::kinesis
