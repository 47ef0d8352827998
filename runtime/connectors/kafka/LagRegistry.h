#pragma once
// Live Kafka consumer metrics of this process: per source subtask and partition the high and low
// watermarks, position, committed offset and lag (high watermark - position), refreshed at least
// every second by each KafkaSource, plus records lost to retention and rebalance counts.
// Plain value types: the CLI status line, reports and the GUI read snapshots from any thread.
//
// It also answers the backlog question producers ask before writing into an embedded-broker
// topic that this process consumes (KafkaSink pacing; the embedded broker keeps only ~5 MiB
// per partition, so a producer must not run further ahead of the slowest consumer than that).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sw::runtime::kafka {

struct PartitionLag {
    std::int32_t partition = -1;
    std::int64_t lowWatermark = -1;  ///< first offset still in the log (-1 = unknown)
    std::int64_t highWatermark = -1; ///< next offset to be written (-1 = unknown)
    std::int64_t position = -1;      ///< next offset this consumer will process (-1 = unknown)
    std::int64_t committed = -1;     ///< last committed offset of the group (-1 = none)
    std::int64_t lag = -1;           ///< highWatermark - position (-1 = unknown)
    bool paused = false;             ///< paused for backpressure
    bool idle = false;               ///< no record for the idle timeout (excluded from watermarks)
};

struct SourceLag {
    std::string nodeId;
    int subtask = 0;
    std::string topic;
    std::string groupId;
    std::string bootstrapServers;
    bool embedded = false;
    bool reading = true; ///< false once the source stopped reading (drain): not paced on
    std::vector<PartitionLag> partitions; ///< assigned partitions, by partition id
    std::int64_t totalLag = 0;            ///< sum of known partition lags
    std::uint64_t recordsLost = 0;        ///< records deleted by retention before being read
    std::uint64_t rebalances = 0;         ///< assignment changes seen
    std::uint64_t commits = 0;            ///< successful offset commits
    std::uint64_t commitFailures = 0;
    std::int64_t updatedAtMs = 0; ///< wall clock of the last refresh
};

class LagRegistry {
public:
    static LagRegistry& instance();

    /// A source subtask's slot; published with update(), removed when the handle is destroyed.
    class Handle {
    public:
        Handle(LagRegistry* r, std::uint64_t id) : m_registry(r), m_id(id) {}
        ~Handle();
        Handle(const Handle&) = delete;
        Handle& operator=(const Handle&) = delete;
        void update(const SourceLag& s);
        /// The source stopped reading: producers no longer wait for it.
        void setReading(bool reading);
        /// Refreshes only positions (cheap; the source calls it often so producers pacing on
        /// it see fresh values). Partitions not listed keep their entries.
        void updatePositions(const std::vector<std::pair<std::int32_t, std::int64_t>>& positions);

    private:
        LagRegistry* m_registry;
        std::uint64_t m_id;
    };
    std::unique_ptr<Handle> add(const SourceLag& initial);

    /// Every live source subtask, ordered by node id and subtask.
    std::vector<SourceLag> snapshot() const;
    /// Total lag of a node over its subtasks (-1 when the node has no live subtask).
    std::int64_t totalLag(const std::string& nodeId) const;

    /// For producers: the lowest position over the live consumer groups of this process that
    /// read `topic` on `bootstrap`, for `partition`. Returns -2 when no live consumer reads the
    /// topic (no pacing needed), and 0 when a consumer reads it but its position in that
    /// partition is not known yet (so the producer assumes the worst).
    std::int64_t slowestPosition(const std::string& bootstrap, const std::string& topic,
                                 std::int32_t partition) const;

private:
    mutable std::mutex m_mutex;
    std::uint64_t m_next = 1;
    std::map<std::uint64_t, SourceLag> m_entries;
};

} // namespace sw::runtime::kafka
