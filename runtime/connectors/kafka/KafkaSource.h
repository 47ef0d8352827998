#pragma once
// The kafka-source operator: a librdkafka high-level consumer in a consumer group.
//
// Offsets (at-least-once): enable.auto.commit is never used. The source commits on checkpoint
// completion (exec/CheckpointCoordinator.h, Flink's protocol): at each barrier it snapshots its
// read positions (next offset per partition); when the checkpoint completed downstream (every
// sink made what came before the barrier durable) it commits, per partition, what the
// coordinator closed for it: min(position at the barrier, lowest hold reported for it)
// (exec/SourceHolds.h: records still in open windows or join buffers), lowered further so that
// no fired window (or dropped duplicate with its original) is split by the replay after a
// restart (exec/ReplayClosure.h). Commits are asynchronous; on partition revocation and on close
// the last completed checkpoint's offsets are committed synchronously. A draining stop ends the
// input without draining (no MAX watermark: open windows do not fire, their records stay held)
// after a final checkpoint, so a restart replays exactly what was not durable.
//
// Start position: `committed` = the group's committed offset, else earliest. `earliest`,
// `latest`, `timestamp` apply the first time a partition is assigned to the group in this
// process; later assignments of it (rebalances, a second instance) continue from the committed
// offset, so a rebalance never skips or replays a whole partition.
//
// Event time: per-partition watermarks (max timestamp - bound - 1); the source watermark is the
// minimum over assigned partitions that are not idle (idle_timeout).
//
// Retention: an offset that is no longer in the log (the embedded broker keeps ~5 MiB per
// partition) is detected (auto.offset.reset=error -> out of range) and the number of records
// lost is counted, logged and published in the lag metrics before reading resumes at the log
// start; nothing is skipped silently.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/LagRegistry.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/Operator.h"

struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_message_s;
struct rd_kafka_topic_partition_list_s;

namespace sw::runtime::kafka {

enum class StartFrom : std::uint8_t { Committed, Earliest, Latest, Timestamp };

struct SourceSettings {
    std::string nodeId;
    int subtask = 0;
    std::string topic;
    std::string groupId;
    int partitions = 3; ///< for creating the topic on the embedded broker
    Endpoint endpoint;
    StartFrom startFrom = StartFrom::Committed;
    std::int64_t startTimestampMs = 0;
    Format format = Format::Json;
    Schema dataSchema;   ///< decoded columns (without metadata)
    Schema outputSchema; ///< data + metadata columns; rowtime() = event-time column
    bool includeMetadata = false;
    std::int64_t outOfOrdernessMs = 5000;
    std::int64_t idleTimeoutMs = 0;
    std::int64_t lagIntervalMs = 1000;
    ClientConfig config; ///< consumer properties (defaults + node overrides)
    /// Every record keeps its key/value/headers/timestamp (OperatorSpec::keepRawBytes).
    bool keepRawBytes = false;
};

/// Reads a kafka-source node into settings (resolving the endpoint, starting the embedded broker
/// when needed). Fails with a message naming the property.
Result<SourceSettings> sourceSettings(const OperatorSpec& spec);
/// The catalog's factory for kafka-source.
Result<std::unique_ptr<Operator>> makeKafkaSourceOperator(const OperatorSpec& spec);

class KafkaSource final : public SourceOperator {
public:
    explicit KafkaSource(SourceSettings s);
    ~KafkaSource() override;

    Status open(OperatorContext& ctx) override;
    SourceStatus poll(Collector& out, std::size_t maxRecords) override;
    void stopReading() override;
    void close() override;
    bool commitsOnCheckpoint() const override { return true; }
    bool stopsWithoutDrain() const override { return true; }
    /// State: the next offset per partition (assigned ones, and restored ones this subtask was
    /// never assigned). Restore reads the offsets of every subtask of the node (union state:
    /// the group may assign partitions differently) and starts each partition there when it is
    /// assigned, instead of at the group's committed offset (kept for commits and lag).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    void collectPositions(std::int64_t checkpointId, SourceHolds& positions) const override;
    void notifyCheckpointComplete(std::int64_t checkpointId, const SourceHolds& holds) override;

    /// Source watermark: min over assigned, non-idle partitions (kMinWatermark when unknown).
    EventTime partitionWatermark();
    /// The engine emits partitionWatermark() for event-time sources.
    std::optional<EventTime> splitWatermark() override;

    // ---- observability (tests, metrics) ----
    std::uint64_t recordsLost() const { return m_lost.load(); }
    std::uint64_t rebalances() const { return m_rebalances.load(); }
    std::uint64_t commits() const { return m_commits.load(); }
    std::uint64_t pauses() const { return m_pauses.load(); }
    std::uint64_t commitFailures() const { return m_commitFailures.load(); }
    /// The last transient client/commit error (redacted), for diagnostics.
    std::string lastError() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastError;
    }
    std::set<std::int32_t> assignedPartitions() const;
    const SourceSettings& settings() const { return m_s; }

    // librdkafka callbacks (public for the C trampolines only)
    void onRebalance(rd_kafka_s* rk, int err, rd_kafka_topic_partition_list_s* parts);
    void onCommitResult(int err, rd_kafka_topic_partition_list_s* offsets);

private:
    struct Part {
        std::int32_t id = -1;
        std::int64_t next = -1;      // next offset expected (-1 = not known yet)
        std::int64_t committed = -1;   // last committed offset known
        std::int64_t committable = -1; // from the last completed checkpoint
        std::int64_t lastCommitSent = -1;
        std::int64_t skipBeforeTs = -1; // timestamp start on a broker without time index
        EventTime maxTs = kMinWatermark;
        std::int64_t lastRecordMs = 0;
        bool idle = false;
        bool paused = false;
        std::uint64_t lost = 0;
    };
    struct Pending; // one decoded message of the current poll

    // KafkaSource.cpp
    std::size_t consume(std::size_t maxRecords, int timeoutMs);
    bool handleMessage(rd_kafka_message_s* m, Pending& p);
    void emitPending(Collector& out, std::size_t n);
    void updateIdleness(std::int64_t nowMs);
    // KafkaSourceGroup.cpp
    void assign(rd_kafka_s* rk, rd_kafka_topic_partition_list_s* parts, bool cooperative);
    void revoke(rd_kafka_s* rk, rd_kafka_topic_partition_list_s* parts, bool cooperative);
    void resolveStart(rd_kafka_topic_partition_list_s* parts);
    /// Commits the offsets of the last completed checkpoint not committed yet (of `only`, or
    /// all); for a synchronous commit returns the partitions whose commit failed, with offsets.
    std::map<std::int32_t, std::int64_t>
    commitCompleted(bool sync, const std::set<std::int32_t>* only = nullptr);
    void retryFailedCommits();
    void setPaused(bool paused);
    // KafkaSourceMonitor.cpp
    void handleOutOfRange(std::int32_t partition, std::int64_t failedOffset);
    void restartAt(std::int32_t partition, std::int64_t offset);
    void monitorLoop(std::stop_token st);
    void publishLag(const std::vector<PartitionLag>& parts);

    SourceSettings m_s;
    OperatorContext* m_ctx = nullptr;
    rd_kafka_s* m_rk = nullptr;
    rd_kafka_queue_s* m_queue = nullptr;
    std::shared_ptr<const std::string>
        m_origin; // provenance origin = topic; identity = this source
    std::unique_ptr<ValueDecoder> m_decoder;
    int m_rowtime = -1;

    mutable std::mutex m_mutex; // m_parts (the poll thread writes, the lag monitor reads)
    std::map<std::int32_t, Part> m_parts;
    std::vector<Pending> m_pending;
    std::vector<rd_kafka_message_s*> m_msgs;

    std::vector<std::pair<std::int32_t, std::int64_t>> m_outOfRange; // (partition, offset)
    std::string m_fatal;     // fatal client error (redacted): fails the operator
    std::string m_lastError; // last transient client error (redacted)
    std::uint64_t m_transientErrors = 0;
    std::uint64_t m_redelivered = 0; // re-fetched records skipped (already emitted)
    std::map<std::int32_t, std::int64_t> m_skipBefore;   // timestamp start, until assigned
    std::map<std::int32_t, std::int64_t> m_retryCommits; // refused on revoke, retried later
    std::map<std::int32_t, std::int64_t> m_knownCommitted; // group's offsets, until assigned
    std::map<std::int32_t, std::int64_t> m_restored;       // checkpoint offsets, until assigned

    bool m_pausedAll = false;
    EventTime m_lastWatermark = kMinWatermark;
    std::atomic<bool> m_stopping{false};
    std::int64_t m_fullSinceMs = 0; // output channel full since (0 = not full)
    static constexpr std::int64_t kPauseAfterFullMs = 1000;
    std::int64_t m_lastPositionsMs = 0;
    std::vector<std::pair<std::int32_t, std::int64_t>> m_positions;
    /// Read positions (partition -> next offset) snapshotted per pending checkpoint id.
    std::map<std::int64_t, std::map<std::int32_t, std::int64_t>> m_checkpoints;
    static constexpr std::size_t kMaxSnapshots = 64; // checkpoints that never complete

    std::atomic<std::uint64_t> m_lost{0};
    std::atomic<std::uint64_t> m_rebalances{0};
    std::atomic<std::uint64_t> m_commits{0};
    std::atomic<std::uint64_t> m_commitFailures{0};
    std::atomic<std::uint64_t> m_pauses{0};
    /// Persistent client errors (ClientHealth.h): poll() checks it, handleMessage() feeds it.
    std::unique_ptr<ClientHealth> m_health;
    std::unique_ptr<LagRegistry::Handle> m_lagHandle;
    std::jthread m_monitor;
};

} // namespace sw::runtime::kafka
