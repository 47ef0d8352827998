#include "connectors/kafka/KafkaOffsets.h"

#include <set>
#include <stdexcept>
#include <tuple>

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/KafkaSource.h"
#include "exec/OperatorContext.h"
#include "exec/SourceHolds.h"
#include "state/OperatorState.h"
#include "state/StateCodec.h"

namespace sw::runtime::kafka {
namespace {

/// Partitions whose start position (earliest/latest/timestamp) was applied in this process:
/// later assignments of them continue from the group's committed offset.
using StartKey = std::tuple<std::string, std::string, std::string, std::int32_t>;
std::mutex& startMutex()
{
    static std::mutex m;
    return m;
}
std::set<StartKey>& startApplied()
{
    static std::set<StartKey> s;
    return s;
}

constexpr std::uint64_t kOffsetsFormat = 1;

} // namespace

KafkaOffsets::KafkaOffsets(const SourceSettings& s, PartitionTable& table, SourceCounters& counters)
    : m_s(s), m_table(table), m_counters(counters)
{
}

void KafkaOffsets::resolveStart(rd_kafka_topic_partition_list_t* parts)
{
    // The group's committed offsets (blocking, bounded).
    rd_kafka_topic_partition_list_t* committed = rd_kafka_topic_partition_list_copy(parts);
    rd_kafka_resp_err_t cerr = rd_kafka_committed(m_rk, committed, 10000);
    std::vector<std::int32_t> byTime;
    for (int i = 0; i < parts->cnt; ++i) {
        rd_kafka_topic_partition_t& tp = parts->elems[i];
        std::int64_t c = cerr ? RD_KAFKA_OFFSET_INVALID : committed->elems[i].offset;
        if (c >= 0) {
            std::lock_guard lock(m_table.mutex);
            m_knownCommitted[tp.partition] = c;
        }
        bool first;
        {
            std::lock_guard lock(startMutex());
            first =
                startApplied()
                    .insert({m_s.endpoint.bootstrapServers, m_s.groupId, m_s.topic, tp.partition})
                    .second;
        }
        {
            // A restored checkpoint's offset wins over the group's (Flink's KafkaSource).
            std::lock_guard lock(m_table.mutex);
            if (auto r = m_restored.find(tp.partition); r != m_restored.end()) {
                tp.offset = r->second;
                m_restored.erase(r);
                continue;
            }
        }
        if (c >= 0 && (m_s.startFrom == StartFrom::Committed || !first)) {
            tp.offset = c;
            continue;
        }
        if (cerr && !first) {
            // Committed offsets unknown (broker unreachable): let librdkafka fetch them itself.
            tp.offset = RD_KAFKA_OFFSET_STORED;
            continue;
        }
        switch (m_s.startFrom) {
        case StartFrom::Committed:
        case StartFrom::Earliest:
            tp.offset = RD_KAFKA_OFFSET_BEGINNING;
            break;
        case StartFrom::Latest: {
            // Resolved to a concrete offset now (Flink's OffsetsInitializer.latest() resolves
            // at split assignment): what is produced after the assignment is read.
            std::int64_t lo = -1, hi = -1;
            tp.offset = rd_kafka_query_watermark_offsets(m_rk, m_s.topic.c_str(), tp.partition, &lo,
                                                         &hi, 5000) ||
                                hi < 0
                            ? RD_KAFKA_OFFSET_END
                            : hi;
            break;
        }
        case StartFrom::Timestamp:
            byTime.push_back(tp.partition);
            break;
        }
    }
    rd_kafka_topic_partition_list_destroy(committed);
    if (byTime.empty()) return;
    // Timestamp start. A real broker answers with the first offset whose timestamp is >= the
    // start (or -1: none, start at the end). The embedded broker has no time index: read from
    // the beginning and skip records older than the start (same result).
    rd_kafka_topic_partition_list_t* q =
        rd_kafka_topic_partition_list_new(static_cast<int>(byTime.size()));
    for (std::int32_t p : byTime)
        rd_kafka_topic_partition_list_add(q, m_s.topic.c_str(), p)->offset = m_s.startTimestampMs;
    rd_kafka_resp_err_t terr = m_s.endpoint.embedded ? RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED
                                                     : rd_kafka_offsets_for_times(m_rk, q, 10000);
    for (int i = 0; i < q->cnt; ++i) {
        rd_kafka_topic_partition_t* tp =
            rd_kafka_topic_partition_list_find(parts, m_s.topic.c_str(), q->elems[i].partition);
        if (!terr && !q->elems[i].err) {
            tp->offset = q->elems[i].offset >= 0 ? q->elems[i].offset : RD_KAFKA_OFFSET_END;
        } else {
            tp->offset = RD_KAFKA_OFFSET_BEGINNING;
            std::lock_guard lock(m_table.mutex);
            m_skipBefore[tp->partition] = m_s.startTimestampMs;
        }
    }
    rd_kafka_topic_partition_list_destroy(q);
}

void KafkaOffsets::assignUpTo(int count, bool paused)
{
    rd_kafka_topic_partition_list_t* parts = rd_kafka_topic_partition_list_new(4);
    for (int p = m_assignedUpTo; p < count; ++p)
        if (kafkaPartitionOwner(m_s.topic, p, m_s.parallelism) == m_s.subtask)
            rd_kafka_topic_partition_list_add(parts, m_s.topic.c_str(), p);
    const bool initial = m_assignedUpTo == 0;
    m_assignedUpTo = count;
    if (parts->cnt == 0) {
        rd_kafka_topic_partition_list_destroy(parts);
        return;
    }
    resolveStart(parts);
    if (!initial) // partitions created while running start at the beginning (Flink)
        for (int i = 0; i < parts->cnt; ++i)
            if (parts->elems[i].offset == RD_KAFKA_OFFSET_INVALID ||
                parts->elems[i].offset == RD_KAFKA_OFFSET_END)
                parts->elems[i].offset = RD_KAFKA_OFFSET_BEGINNING;
    std::int64_t now = m_clock->nowMs();
    {
        std::lock_guard lock(m_table.mutex);
        for (int i = 0; i < parts->cnt; ++i) {
            const rd_kafka_topic_partition_t& tp = parts->elems[i];
            PartitionState p;
            p.id = tp.partition;
            p.next = tp.offset >= 0 ? tp.offset : -1;
            p.lastRecordMs = now;
            p.paused = paused;
            if (auto it = m_skipBefore.find(tp.partition); it != m_skipBefore.end()) {
                p.skipBeforeTs = it->second;
                m_skipBefore.erase(it);
            }
            // The group's committed offset: commits never go backwards from it (a hold below it
            // is for records an earlier run already committed).
            if (auto it = m_knownCommitted.find(tp.partition); it != m_knownCommitted.end()) {
                p.committed = it->second;
                m_knownCommitted.erase(it);
            }
            m_table.parts[tp.partition] = p;
        }
    }
    rd_kafka_error_t* e = rd_kafka_incremental_assign(m_rk, parts);
    if (!e && paused) rd_kafka_pause_partitions(m_rk, parts);
    rd_kafka_topic_partition_list_destroy(parts);
    if (e) {
        std::string why = rd_kafka_error_string(e);
        rd_kafka_error_destroy(e);
        throw std::runtime_error("kafka-source '" + m_s.nodeId +
                                 "': cannot assign partitions: " + why);
    }
    m_counters.rebalances.fetch_add(1);
}

std::map<std::int32_t, std::int64_t> KafkaOffsets::commitCompleted(bool sync)
{
    std::map<std::int32_t, std::int64_t> failed;
    if (!m_rk) return failed;
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(4);
    {
        std::lock_guard lock(m_table.mutex);
        for (auto& [id, part] : m_table.parts) {
            std::int64_t c = part.committable;
            if (c < 0 || c <= part.committed || (!sync && c == part.lastCommitSent)) continue;
            part.lastCommitSent = c;
            rd_kafka_topic_partition_list_add(list, m_s.topic.c_str(), id)->offset = c;
        }
    }
    if (list->cnt > 0) {
        rd_kafka_resp_err_t e = rd_kafka_commit(m_rk, list, sync ? 0 : 1);
        if (sync) {
            onCommitResult(e, list);
            for (int i = 0; i < list->cnt; ++i)
                if (e || list->elems[i].err)
                    failed[list->elems[i].partition] = list->elems[i].offset;
        }
    }
    rd_kafka_topic_partition_list_destroy(list);
    return failed;
}

void KafkaOffsets::onCommitResult(int err, rd_kafka_topic_partition_list_t* offsets)
{
    if (err == RD_KAFKA_RESP_ERR__NO_OFFSET) return; // nothing to commit
    std::lock_guard lock(m_table.mutex);
    bool ok = false;
    int firstErr = err;
    for (int i = 0; offsets && i < offsets->cnt; ++i) {
        const rd_kafka_topic_partition_t& tp = offsets->elems[i];
        auto it = m_table.parts.find(tp.partition);
        if (!err && tp.err) firstErr = tp.err;
        if (!err && !tp.err) {
            ok = true;
            if (it != m_table.parts.end() && tp.offset > it->second.committed)
                it->second.committed = tp.offset;
        } else if (it != m_table.parts.end()) {
            it->second.lastCommitSent = -1; // retried at the next commit
        }
    }
    if (ok) m_counters.commits.fetch_add(1);
    if (firstErr || !ok) {
        m_counters.commitFailures.fetch_add(1);
        m_counters.setLastError(std::string("offset commit failed: ") +
                                rd_kafka_err2str(static_cast<rd_kafka_resp_err_t>(firstErr)));
    }
}

void KafkaOffsets::snapshot(std::int64_t checkpointId, StateWriter& w)
{
    std::map<std::int32_t, std::int64_t> pos;
    StateOutput out;
    {
        std::lock_guard lock(m_table.mutex);
        for (const auto& [id, part] : m_table.parts)
            if (part.next >= 0) pos[id] = part.next;
        out.u64(kOffsetsFormat);
        out.u64(pos.size() + m_restored.size());
        for (const auto& [id, next] : pos) {
            out.i64(id);
            out.i64(next);
            out.boolean(true); // read by this subtask
        }
        for (const auto& [id, next] : m_restored) { // restored, not assigned here (yet)
            out.i64(id);
            out.i64(next);
            out.boolean(false);
        }
    }
    m_checkpoints[checkpointId] = std::move(pos);
    while (m_checkpoints.size() > kMaxSnapshots) // never completing: keep the newest
        m_checkpoints.erase(m_checkpoints.begin());
    w.put("kafka.offsets." + m_s.topic, out.take());
}

void KafkaOffsets::restore(const StateReader& r)
{
    // Union over the node's subtasks: an offset read by a subtask wins over one only carried.
    std::map<std::int32_t, std::pair<std::int64_t, bool>> offsets;
    const std::string key = "kafka.offsets." + m_s.topic;
    for (int i = 0; i < r.subtaskCount(); ++i) {
        const std::string* blob = r.getFrom(i, key);
        if (!blob) continue;
        StateInput in(*blob);
        if (in.u64() != kOffsetsFormat) in.fail("unknown Kafka offsets format");
        const std::size_t n = in.count(3);
        for (std::size_t k = 0; k < n && in.ok(); ++k) {
            const auto partition = static_cast<std::int32_t>(in.i64());
            const std::int64_t next = in.i64();
            const bool read = in.boolean();
            auto [it, inserted] = offsets.try_emplace(partition, next, read);
            if (!inserted && read && !it->second.second) it->second = {next, read};
        }
        if (std::string e = in.finish("Kafka offsets of subtask " + std::to_string(i)); !e.empty())
            throw std::runtime_error(e);
    }
    std::lock_guard lock(m_table.mutex);
    for (const auto& [p, o] : offsets)
        if (o.first >= 0) m_restored[p] = o.first;
}

void KafkaOffsets::collectPositions(std::int64_t checkpointId, const std::string* origin,
                                    SourceHolds& positions) const
{
    auto it = m_checkpoints.find(checkpointId);
    if (it == m_checkpoints.end()) return;
    for (const auto& [id, pos] : it->second)
        positions.hold(origin, id, pos);
}

void KafkaOffsets::notifyComplete(std::int64_t checkpointId, const SourceHolds& holds, bool sync)
{
    // Positions at the checkpoint; a source that ended before it (no barrier of its own) uses
    // its last snapshot, taken at its end. `holds` is the coordinator's closed commit vector
    // (holds and replay closure applied to the positions this source reported).
    auto it = m_checkpoints.upper_bound(checkpointId);
    if (it == m_checkpoints.begin() || !m_rk) return;
    --it;
    {
        std::lock_guard lock(m_table.mutex);
        for (const auto& [id, pos] : it->second) {
            auto part = m_table.parts.find(id);
            if (part == m_table.parts.end()) continue; // not read here (restored for another owner)
            std::int64_t c = pos;
            if (auto h = holds.lowest(m_origin, id); h && *h < c) c = *h;
            if (c > part->second.committable) part->second.committable = c;
        }
    }
    m_checkpoints.erase(m_checkpoints.begin(), it); // keep it: a later completion may reuse it
    // Stopping: the final checkpoint; commit it synchronously.
    commitCompleted(sync);
}

} // namespace sw::runtime::kafka
