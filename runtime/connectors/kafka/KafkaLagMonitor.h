#pragma once
// kafka-source, monitoring: a thread per source subtask that discovers the topic's partitions
// (until found, then every discoveryIntervalMs; the poll thread assigns them) and, every
// lagIntervalMs, reads the log watermarks of the assigned partitions and publishes consumer lag
// (MetricsSnapshot::splits through OperatorContext, and the process's LagRegistry for the CLI
// report and producer pacing). Positions are refreshed from the poll thread (publishPositions).
#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "connectors/kafka/KafkaPartitions.h"
#include "connectors/kafka/LagRegistry.h"

struct rd_kafka_s;

namespace sw::runtime {
class OperatorContext;
}

namespace sw::runtime::kafka {

class ClientHealth;
struct SourceSettings;

class KafkaLagMonitor {
public:
    KafkaLagMonitor(const SourceSettings& s, const PartitionTable& table,
                    const SourceCounters& counters);
    ~KafkaLagMonitor() { stop(); }
    KafkaLagMonitor(const KafkaLagMonitor&) = delete;
    KafkaLagMonitor& operator=(const KafkaLagMonitor&) = delete;

    /// Registers with the LagRegistry and starts the thread. `health` gets missing or
    /// unauthorized topics found by discovery.
    void start(rd_kafka_s* rk, OperatorContext* ctx, ClientHealth* health);
    /// Joins the thread (a metadata request in flight is waited for).
    void stop();
    /// Leaves the LagRegistry (after the final commit: its last figures stay visible until then).
    void unregister() { m_lagHandle.reset(); }

    /// The topic's partition count found so far (-1 = not yet).
    int partitionCount() const { return m_partitionCount.load(); }
    /// The source stopped reading: producers no longer pace on it.
    void stopReading();
    /// Poll thread: refreshes the positions producers pace on (at most every 50 ms).
    void publishPositions(std::int64_t nowMs);

private:
    void loop(std::stop_token st);
    int discover(int timeoutMs);
    void publish(const std::vector<PartitionLag>& parts);
    /// This subtask's entry without figures (node, subtask, topic, group, cluster).
    SourceLag identity() const;

    const SourceSettings& m_s;
    const PartitionTable& m_table;
    const SourceCounters& m_counters;
    rd_kafka_s* m_rk = nullptr;
    OperatorContext* m_ctx = nullptr;
    ClientHealth* m_health = nullptr;
    std::atomic<int> m_partitionCount{-1};
    std::atomic<bool> m_reading{true};
    std::unique_ptr<LagRegistry::Handle> m_lagHandle;
    std::int64_t m_lastPositionsMs = 0;
    std::vector<std::pair<std::int32_t, std::int64_t>> m_positions;
    std::jthread m_thread;
};

} // namespace sw::runtime::kafka
