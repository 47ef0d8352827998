#pragma once
// Per-split metrics of a source (a Kafka partition; later a Kinesis shard): where the source
// stands in the split and how far behind its end it is. Sources publish them from their own
// thread (OperatorContext::publishSplits); Engine::snapshot copies them into MetricsSnapshot.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace sw::runtime {

struct SplitMetrics {
    std::string nodeId;
    int subtask = 0;
    std::string topic;               ///< Kafka topic (stream for other sources)
    std::int32_t partition = -1;     ///< partition (split) id
    std::int64_t lowWatermark = -1;  ///< first offset still in the log (-1 = unknown)
    std::int64_t highWatermark = -1; ///< next offset to be written (-1 = unknown)
    std::int64_t position = -1;      ///< next offset the source will read (-1 = unknown)
    std::int64_t committed = -1;     ///< last committed offset (-1 = none)
    std::int64_t lag = -1;           ///< highWatermark - position (-1 = unknown)
    bool paused = false;             ///< paused for backpressure
    bool idle = false;               ///< excluded from watermarks for idleness
    /// Kinesis shards: MillisBehindLatest of the last GetRecords (-1 = unknown / not Kinesis).
    std::int64_t millisBehindLatest = -1;
};

/// One source subtask's published splits. The source replaces the whole list (a few times a
/// second at most); readers copy it under a lock held only for the copy.
class SplitSlot {
public:
    void publish(std::vector<SplitMetrics> splits)
    {
        std::lock_guard lock(m_mutex);
        m_splits = std::move(splits);
    }
    void appendTo(std::vector<SplitMetrics>& out) const
    {
        std::lock_guard lock(m_mutex);
        out.insert(out.end(), m_splits.begin(), m_splits.end());
    }

private:
    mutable std::mutex m_mutex;
    std::vector<SplitMetrics> m_splits;
};

} // namespace sw::runtime
