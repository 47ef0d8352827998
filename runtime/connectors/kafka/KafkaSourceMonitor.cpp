// kafka-source: lag metrics (a monitor thread per subtask, every lagIntervalMs) and detection of
// records lost to retention.
#include <algorithm>
#include <condition_variable>

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/KafkaSource.h"

namespace sw::runtime::kafka {

void KafkaSource::handleOutOfRange(std::int32_t partition, std::int64_t failedOffset)
{
    std::int64_t lo = -1, hi = -1;
    rd_kafka_resp_err_t e =
        rd_kafka_query_watermark_offsets(m_rk, m_s.topic.c_str(), partition, &lo, &hi, 5000);
    std::string where =
        "kafka-source '" + m_s.nodeId + "': " + m_s.topic + "[" + std::to_string(partition) + "]";
    std::int64_t lost = 0;
    std::int64_t resumeAt = RD_KAFKA_OFFSET_BEGINNING;
    std::string msg;
    if (e) {
        msg = where + ": offset " + std::to_string(failedOffset) +
              " is out of range and the log start could not be read (" + rd_kafka_err2str(e) +
              "); continuing at the log start, records lost unknown";
    } else {
        resumeAt = lo;
        if (failedOffset >= 0 && failedOffset < lo) lost = lo - failedOffset;
        msg = where + ": offsets " + std::to_string(failedOffset) + ".." + std::to_string(lo - 1) +
              " (" + std::to_string(lost) +
              " records) were deleted by retention before they were read" +
              "; continuing at offset " + std::to_string(lo);
        if (failedOffset >= hi)
            msg = where + ": offset " + std::to_string(failedOffset) + " is beyond the log end " +
                  std::to_string(hi) + "; continuing at the log start " + std::to_string(lo);
    }
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_parts.find(partition); it != m_parts.end()) {
            it->second.lost += static_cast<std::uint64_t>(lost);
            it->second.next = resumeAt >= 0 ? resumeAt : -1;
        }
    }
    m_lost.fetch_add(static_cast<std::uint64_t>(lost));
    log(3, "streamwright", msg);
    restartAt(partition, resumeAt);
}

void KafkaSource::restartAt(std::int32_t partition, std::int64_t offset)
{
    // After an out-of-range error (auto.offset.reset=error) librdkafka stops fetching the
    // partition and seek() is refused; re-assigning it with the new offset restarts it.
    std::string where =
        "kafka-source '" + m_s.nodeId + "': " + m_s.topic + "[" + std::to_string(partition) + "]";
    const char* proto = rd_kafka_rebalance_protocol(m_rk);
    rd_kafka_topic_partition_list_t* one = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(one, m_s.topic.c_str(), partition)->offset = offset;
    if (proto && std::string(proto) == "COOPERATIVE") {
        rd_kafka_error_t* e = rd_kafka_incremental_unassign(m_rk, one);
        if (!e) e = rd_kafka_incremental_assign(m_rk, one);
        if (e) {
            log(3, "streamwright", where + ": cannot restart: " + rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
        }
    } else {
        rd_kafka_topic_partition_list_t* all = rd_kafka_topic_partition_list_new(4);
        {
            std::lock_guard lock(m_mutex);
            for (const auto& [id, p] : m_parts)
                rd_kafka_topic_partition_list_add(all, m_s.topic.c_str(), id)->offset =
                    id == partition ? offset : (p.next >= 0 ? p.next : RD_KAFKA_OFFSET_STORED);
        }
        if (rd_kafka_resp_err_t e = rd_kafka_assign(m_rk, all))
            log(3, "streamwright", where + ": cannot restart: " + rd_kafka_err2str(e));
        rd_kafka_topic_partition_list_destroy(all);
    }
    rd_kafka_topic_partition_list_destroy(one);
    if (m_pausedAll) {
        std::lock_guard lock(m_mutex);
        if (auto it = m_parts.find(partition); it != m_parts.end()) it->second.paused = false;
    }
}

int KafkaSource::discoverPartitions(int timeoutMs)
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

void KafkaSource::monitorLoop(std::stop_token st)
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
        const std::int64_t now = OperatorContext::processingTimeMs();
        if (m_partitionCount.load() < 0 || now - lastDiscoveryMs >= m_s.discoveryIntervalMs) {
            lastDiscoveryMs = now;
            int n = discoverPartitions(discoveryTimeoutMs);
            if (n > m_partitionCount.load()) m_partitionCount = n;
            if (n < 0) discoveryTimeoutMs = std::min(discoveryTimeoutMs * 2, 5000);
        }
        std::vector<PartitionLag> parts;
        {
            std::lock_guard lock(m_mutex);
            for (const auto& [id, p] : m_parts) {
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
        publishLag(parts);
        std::unique_lock lock(m);
        cv.wait_for(lock, st, std::chrono::milliseconds(m_s.lagIntervalMs), [] { return false; });
    }
}

void KafkaSource::publishLag(const std::vector<PartitionLag>& parts)
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
    SourceLag s;
    s.nodeId = m_s.nodeId;
    s.subtask = m_s.subtask;
    s.topic = m_s.topic;
    s.groupId = m_s.groupId;
    s.bootstrapServers = m_s.endpoint.bootstrapServers;
    s.embedded = m_s.endpoint.embedded;
    s.reading = !m_stopping.load();
    s.partitions = parts;
    for (const PartitionLag& p : parts)
        if (p.lag > 0) s.totalLag += p.lag;
    s.recordsLost = m_lost.load();
    s.rebalances = m_rebalances.load();
    s.commits = m_commits.load();
    s.commitFailures = m_commitFailures.load();
    s.updatedAtMs = OperatorContext::processingTimeMs();
    m_lagHandle->update(s);
}

} // namespace sw::runtime::kafka
