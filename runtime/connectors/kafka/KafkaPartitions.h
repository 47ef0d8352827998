#pragma once
// kafka-source: the partitions one subtask reads, shared by its three parts - the fetcher
// (positions, event time, idleness; KafkaFetcher.h), the offset tracker (assignment and commits;
// KafkaOffsets.h) and the lag monitor (reads a copy; KafkaLagMonitor.h) - and the counters they
// report. One mutex guards the table.
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "time/EventTime.h"

namespace sw::runtime::kafka {

struct PartitionState {
    std::int32_t id = -1;
    std::int64_t next = -1;        ///< next offset expected (-1 = not known yet)
    std::int64_t committed = -1;   ///< last committed offset known
    std::int64_t committable = -1; ///< from the last completed checkpoint
    std::int64_t lastCommitSent = -1;
    std::int64_t skipBeforeTs = -1;  ///< timestamp start on a broker without time index
    EventTime maxTs = kMinWatermark; ///< largest event time read
    std::int64_t lastRecordMs = 0;   ///< processing time of the last record (idleness)
    bool idle = false;
    bool paused = false;
    std::uint64_t lost = 0; ///< records deleted by retention before they were read
};

/// The partitions of one source subtask. Lock `mutex` around every access to `parts`.
struct PartitionTable {
    mutable std::mutex mutex;
    std::map<std::int32_t, PartitionState> parts;
};

/// Counters of one source subtask and its last transient client error (redacted).
class SourceCounters {
public:
    std::atomic<std::uint64_t> lost{0};
    std::atomic<std::uint64_t> rebalances{0}; ///< assignment changes
    std::atomic<std::uint64_t> commits{0};
    std::atomic<std::uint64_t> commitFailures{0};
    std::atomic<std::uint64_t> pauses{0};

    void setLastError(std::string e)
    {
        std::lock_guard lock(m_mutex);
        m_lastError = std::move(e);
    }
    std::string lastError() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastError;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_lastError;
};

} // namespace sw::runtime::kafka
