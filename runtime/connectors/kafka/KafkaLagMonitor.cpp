#include "connectors/kafka/KafkaLagMonitor.h"

#include <algorithm>
#include <condition_variable>

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaSource.h"
#include "exec/OperatorContext.h"

namespace sw::runtime::kafka {

KafkaLagMonitor::KafkaLagMonitor(const SourceSettings& s, const PartitionTable& table,
                                 const SourceCounters& counters)
    : m_s(s), m_table(table), m_counters(counters)
{
}

void KafkaLagMonitor::start(rd_kafka_s* rk, OperatorContext* ctx, ClientHealth* health)
{
    m_rk = rk;
    m_ctx = ctx;
    m_health = health;
    m_lagHandle = LagRegistry::instance().add(identity());
    m_thread = std::jthread([this](std::stop_token st) { loop(st); });
}

SourceLag KafkaLagMonitor::identity() const
{
    SourceLag s;
    s.nodeId = m_s.nodeId;
    s.subtask = m_s.subtask;
    s.topic = m_s.topic;
    s.groupId = m_s.groupId;
    s.bootstrapServers = m_s.endpoint.bootstrapServers;
    s.embedded = m_s.endpoint.embedded;
    return s;
}

void KafkaLagMonitor::stop()
{
    if (m_thread.joinable()) {
        m_thread.request_stop();
        m_thread.join();
    }
}

void KafkaLagMonitor::stopReading()
{
    m_reading = false;
    if (m_lagHandle) m_lagHandle->setReading(false);
}

void KafkaLagMonitor::publishPositions(std::int64_t nowMs)
{
    if (!m_lagHandle || nowMs - m_lastPositionsMs < 50) return;
    m_lastPositionsMs = nowMs;
    m_positions.clear();
    {
        std::lock_guard lock(m_table.mutex);
        for (const auto& [id, part] : m_table.parts)
            if (part.next >= 0) m_positions.emplace_back(id, part.next);
    }
    m_lagHandle->updatePositions(m_positions);
}

int KafkaLagMonitor::discover(int timeoutMs)
{
    rd_kafka_topic_t* rkt = rd_kafka_topic_new(m_rk, m_s.topic.c_str(), nullptr);
    if (!rkt) return -1;
    const rd_kafka_metadata_t* md = nullptr;
    int count = -1;
    if (rd_kafka_metadata(m_rk, 0, rkt, &md, timeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR && md) {
        for (int i = 0; i < md->topic_cnt; ++i) {
            const rd_kafka_metadata_topic_t& t = md->topics[i];
            if (m_s.topic != t.topic) continue;
            if (t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.partition_cnt > 0)
                count = t.partition_cnt;
            else if (t.err != RD_KAFKA_RESP_ERR_NO_ERROR && m_health)
                // A missing or unauthorized topic: the health decides (grace, then failure).
                m_health->onError(t.err, std::string("topic ") + m_s.topic + ": " +
                                             rd_kafka_err2str(t.err));
        }
    }
    if (md) rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(rkt);
    return count;
}

void KafkaLagMonitor::loop(std::stop_token st)
{
    std::mutex m;
    std::condition_variable_any cv;
    std::int64_t lastDiscoveryMs = 0;
    // The metadata request cannot be interrupted, and close() joins this thread: the first
    // lookups wait briefly (a failing client, e.g. authentication, closes at once), later ones
    // longer (a slow link still gets its answer; the request goes on in librdkafka meanwhile).
    int discoveryTimeoutMs = 250;
    while (!st.stop_requested()) {
        // Partition discovery: until the topic is found, then every discoveryIntervalMs. The
        // count only grows (Kafka cannot remove partitions); the poll thread assigns.
        const std::int64_t now = SystemClock::instance().nowMs();
        if (m_partitionCount.load() < 0 || now - lastDiscoveryMs >= m_s.discoveryIntervalMs) {
            lastDiscoveryMs = now;
            int n = discover(discoveryTimeoutMs);
            if (n > m_partitionCount.load()) m_partitionCount = n;
            if (n < 0) discoveryTimeoutMs = std::min(discoveryTimeoutMs * 2, 5000);
        }
        std::vector<PartitionLag> parts;
        {
            std::lock_guard lock(m_table.mutex);
            for (const auto& [id, p] : m_table.parts) {
                PartitionLag l;
                l.partition = id;
                l.position = p.next;
                l.committed = p.committed;
                l.paused = p.paused;
                l.idle = p.idle;
                parts.push_back(l);
            }
        }
        for (PartitionLag& l : parts) {
            if (st.stop_requested()) return;
            std::int64_t lo = -1, hi = -1;
            if (rd_kafka_query_watermark_offsets(m_rk, m_s.topic.c_str(), l.partition, &lo, &hi,
                                                 500) != RD_KAFKA_RESP_ERR_NO_ERROR)
                rd_kafka_get_watermark_offsets(m_rk, m_s.topic.c_str(), l.partition, &lo, &hi);
            l.lowWatermark = lo;
            l.highWatermark = hi;
            std::int64_t pos = l.position >= 0 ? l.position : l.committed;
            if (hi >= 0 && pos >= 0) l.lag = hi > pos ? hi - pos : 0;
        }
        publish(parts);
        std::unique_lock lock(m);
        cv.wait_for(lock, st, std::chrono::milliseconds(m_s.lagIntervalMs), [] { return false; });
    }
}

void KafkaLagMonitor::publish(const std::vector<PartitionLag>& parts)
{
    if (m_ctx) {
        std::vector<SplitMetrics> splits;
        splits.reserve(parts.size());
        for (const PartitionLag& p : parts)
            splits.push_back(SplitMetrics{{},
                                          0,
                                          m_s.topic,
                                          p.partition,
                                          p.lowWatermark,
                                          p.highWatermark,
                                          p.position,
                                          p.committed,
                                          p.lag,
                                          p.paused,
                                          p.idle});
        m_ctx->publishSplits(std::move(splits));
    }
    if (!m_lagHandle) return;
    SourceLag s = identity();
    s.reading = m_reading.load();
    s.partitions = parts;
    for (const PartitionLag& p : parts)
        if (p.lag > 0) s.totalLag += p.lag;
    s.recordsLost = m_counters.lost.load();
    s.rebalances = m_counters.rebalances.load();
    s.commits = m_counters.commits.load();
    s.commitFailures = m_counters.commitFailures.load();
    s.updatedAtMs = SystemClock::instance().nowMs();
    m_lagHandle->update(s);
}

} // namespace sw::runtime::kafka
