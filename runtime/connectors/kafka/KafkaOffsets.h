#pragma once
// kafka-source, assignment and commits: assigns this subtask the partitions it owns
// (kafkaPartitionOwner) with their start positions (a restored checkpoint's offset, else
// start_from), snapshots the read positions at each checkpoint barrier and restores them, and
// commits what the coordinator closed once a checkpoint completed (KafkaSource.h has the
// protocol). Poll thread, except onCommitResult (librdkafka's callback, served on the poll
// thread too since the consumer queue is polled there).
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "connectors/kafka/KafkaPartitions.h"
#include "time/Clock.h"

struct rd_kafka_s;
struct rd_kafka_topic_partition_list_s;

namespace sw::runtime {
class SourceHolds;
class StateReader;
class StateWriter;
} // namespace sw::runtime

namespace sw::runtime::kafka {

struct SourceSettings;

class KafkaOffsets {
public:
    /// The processing-time clock newly assigned partitions start their idleness from.
    void setClock(const Clock* c) { m_clock = c; }
    KafkaOffsets(const SourceSettings& s, PartitionTable& table, SourceCounters& counters);

    void open(rd_kafka_s* rk, const std::string* origin) { m_rk = rk, m_origin = origin; }

    /// Assigns the partitions below `partitionCount` that this subtask owns and does not read
    /// yet; the first call assigns the start positions, later ones (partitions created while
    /// running) start new partitions at the beginning. `paused`: assign them paused.
    void assignUpTo(int partitionCount, bool paused);
    int assignedUpTo() const { return m_assignedUpTo; }

    /// The next offset per partition: read ones, and restored ones this subtask does not read.
    void snapshot(std::int64_t checkpointId, StateWriter& w);
    /// Union over the node's subtasks (a different parallelism assigns partitions differently).
    void restore(const StateReader& r);
    void collectPositions(std::int64_t checkpointId, const std::string* origin,
                          SourceHolds& positions) const;
    /// Checkpoint `checkpointId` completed: commit what `holds` closed (synchronously when
    /// `sync`: the final checkpoint of a stop).
    void notifyComplete(std::int64_t checkpointId, const SourceHolds& holds, bool sync);

    /// Commits the offsets of the last completed checkpoint not committed yet; a synchronous
    /// commit returns the partitions whose commit failed, with their offsets.
    std::map<std::int32_t, std::int64_t> commitCompleted(bool sync);
    void onCommitResult(int err, rd_kafka_topic_partition_list_s* offsets);

private:
    void resolveStart(rd_kafka_topic_partition_list_s* parts);

    const SourceSettings& m_s;
    PartitionTable& m_table;
    SourceCounters& m_counters;
    rd_kafka_s* m_rk = nullptr;
    const std::string* m_origin = nullptr;
    int m_assignedUpTo = 0; // partitions [0, m_assignedUpTo) considered for assignment
    // Until assigned (guarded by m_table.mutex):
    std::map<std::int32_t, std::int64_t> m_skipBefore;     // timestamp start
    const Clock* m_clock = &SystemClock::instance();       // processing time (idleness)
    std::map<std::int32_t, std::int64_t> m_knownCommitted; // the group's offsets
    std::map<std::int32_t, std::int64_t> m_restored;       // checkpoint offsets
    /// Read positions (partition -> next offset) snapshotted per pending checkpoint id.
    std::map<std::int64_t, std::map<std::int32_t, std::int64_t>> m_checkpoints;
    static constexpr std::size_t kMaxSnapshots = 64; // checkpoints that never complete
};

} // namespace sw::runtime::kafka
