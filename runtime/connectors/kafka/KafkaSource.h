#pragma once
// The kafka-source operator: a librdkafka consumer with partitions assigned directly, as
// Flink's KafkaSource does (no group rebalances: the group id only names where offsets are
// committed, for lag monitoring and for runs without a checkpoint).
//
// Assignment: partition p of topic t belongs to subtask
// (((javaHash(t) * 31) & 0x7FFFFFFF) % parallelism + p) % parallelism (kafkaPartitionOwner,
// Flink's KafkaSourceEnumerator.getSplitOwner). The lag monitor thread discovers the topic's
// partitions (at start and every discoveryIntervalMs); the poll thread assigns the new ones it
// owns. A subtask that owns no partition stays without watermark progress unless idle_timeout is
// set (as in Flink: "parallelism higher than the number of partitions" needs an idle timeout).
// Two separate runs with the same group id both read every partition (as two Flink jobs would).
//
// Offsets (at-least-once): enable.auto.commit is never used. The source commits on checkpoint
// completion (exec/CheckpointCoordinator.h, Flink's protocol): at each barrier it snapshots its
// read positions (next offset per partition); when the checkpoint completed downstream (every
// sink made what came before the barrier durable) it commits, per partition, what the
// coordinator closed for it: min(position at the barrier, lowest hold reported for it)
// (exec/SourceHolds.h: records still in open windows or join buffers), lowered further so that
// no fired window (or dropped duplicate with its original) is split by the replay after a
// restart (exec/ReplayClosure.h). Commits are asynchronous; on close the last completed
// checkpoint's offsets are committed synchronously. A draining stop ends the input without
// draining (no MAX watermark: open windows do not fire, their records stay held) after a final
// checkpoint, so a restart replays exactly what was not durable.
//
// Start position (a partition's first assignment in this run): a restored checkpoint's offset;
// else `committed` = the group's committed offset, else earliest; `earliest`, `latest`,
// `timestamp` apply the first time a partition is assigned in this process; later assignments
// of it (a restart within the run before any checkpoint) continue from the committed offset.
// Partitions discovered after the start begin at the earliest offset (Flink's default for new
// partitions).
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
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/KafkaFetcher.h"
#include "connectors/kafka/KafkaLagMonitor.h"
#include "connectors/kafka/KafkaOffsets.h"
#include "connectors/kafka/KafkaPartitions.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/Operator.h"

struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_topic_partition_list_s;

namespace sw::runtime::kafka {

enum class StartFrom : std::uint8_t { Committed, Earliest, Latest, Timestamp };

/// The subtask (0..parallelism-1) that reads `partition` of `topic`: Flink's
/// KafkaSourceEnumerator.getSplitOwner, with Java's String.hashCode over the topic name.
int kafkaPartitionOwner(std::string_view topic, std::int32_t partition, int parallelism);

struct SourceSettings {
    std::string nodeId;
    int subtask = 0;
    int parallelism = 1; ///< subtasks of the node: partitions are spread over them
    std::string topic;
    std::string groupId;
    int partitions = 3; ///< for creating the topic on the embedded broker
    Endpoint endpoint;
    StartFrom startFrom = StartFrom::Committed;
    std::int64_t startTimestampMs = 0;
    Format format = Format::Json;
    std::shared_ptr<RegistryConnection> registry; ///< avro-confluent: the Schema Registry
    Schema dataSchema;                            ///< decoded columns (without metadata)
    Schema outputSchema; ///< data + metadata columns; rowtime() = event-time column
    bool includeMetadata = false;
    std::int64_t outOfOrdernessMs = 5000;
    std::int64_t idleTimeoutMs = 0;
    std::int64_t lagIntervalMs = 1000;
    /// How often the topic's partition count is checked for new partitions (after the first
    /// successful lookup, which is retried every lag interval).
    std::int64_t discoveryIntervalMs = 30000;
    ClientConfig config; ///< consumer properties (defaults + node overrides)
    /// Every record keeps its key/value/headers/timestamp (OperatorSpec::keepRawBytes).
    bool keepRawBytes = false;
};

/// Reads a kafka-source node into settings (resolving the endpoint, starting the embedded broker
/// when needed). Fails with a message naming the property.
Result<SourceSettings> sourceSettings(const OperatorSpec& spec);
/// The catalog's factory for kafka-source.
Result<std::unique_ptr<Operator>> makeKafkaSourceOperator(const OperatorSpec& spec);

/// The operator: wires its three parts (KafkaFetcher: fetch and decode; KafkaOffsets: assignment
/// and commits; KafkaLagMonitor: discovery and lag) around one librdkafka consumer and the
/// partition table they share, and derives the source watermark from the partitions.
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
    /// a different parallelism assigns partitions differently) and starts each partition there
    /// when it is assigned, instead of at the group's committed offset (kept for commits and
    /// lag).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    void collectPositions(std::int64_t checkpointId, SourceHolds& positions) const override;
    void notifyCheckpointComplete(std::int64_t checkpointId, const SourceHolds& holds) override;

    /// Source watermark: min over assigned, non-idle partitions (kMinWatermark when unknown).
    EventTime partitionWatermark();
    /// The engine emits partitionWatermark() for event-time sources.
    std::optional<EventTime> splitWatermark() override;

    // ---- observability (tests, metrics) ----
    std::uint64_t recordsLost() const { return m_counters.lost.load(); }
    /// Assignment changes (the first assignment and each discovery of new partitions).
    std::uint64_t rebalances() const { return m_counters.rebalances.load(); }
    std::uint64_t commits() const { return m_counters.commits.load(); }
    std::uint64_t pauses() const { return m_counters.pauses.load(); }
    std::uint64_t commitFailures() const { return m_counters.commitFailures.load(); }
    /// The last transient client/commit error (redacted), for diagnostics.
    std::string lastError() const { return m_counters.lastError(); }
    std::set<std::int32_t> assignedPartitions() const;
    const SourceSettings& settings() const { return m_s; }

    // librdkafka callback (public for the C trampoline only)
    void onCommitResult(int err, rd_kafka_topic_partition_list_s* offsets);

private:
    void updateIdleness(std::int64_t nowMs);

    SourceSettings m_s;
    OperatorContext* m_ctx = nullptr;
    rd_kafka_s* m_rk = nullptr;
    rd_kafka_queue_s* m_queue = nullptr;
    std::shared_ptr<const std::string> m_origin; // provenance origin = topic; identity = this
    PartitionTable m_table;
    SourceCounters m_counters;
    /// Persistent client errors (ClientHealth.h): poll() checks it; the parts feed it.
    std::unique_ptr<ClientHealth> m_health;
    KafkaFetcher m_fetcher{m_s, m_table, m_counters};
    KafkaOffsets m_offsets{m_s, m_table, m_counters};
    KafkaLagMonitor m_monitor{m_s, m_table, m_counters};
    EventTime m_lastWatermark = kMinWatermark;
    std::atomic<bool> m_stopping{false};
};

} // namespace sw::runtime::kafka
