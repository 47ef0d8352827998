#pragma once
// Acknowledgements from sinks back to the Kafka source that read a record, so the source commits
// offsets only for records whose results are durable downstream (at-least-once).
//
// Every record a KafkaSource emits carries a Provenance {Kafka, partition, offset, origin}; the
// `origin` string object is owned by that source subtask, so its address identifies the reader.
// A sink that has made a record durable calls acknowledge() with the record's provenance (the
// Kafka sink does it from its delivery reports, the Kafka DLQ target likewise). Provenances of
// other origins (files, generators) are ignored, so any sink may call it for every record.
//
// Thread-safe. Plain C++ (no librdkafka), so any sink can use it.
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "connectors/kafka/OffsetTracker.h"
#include "exec/Record.h"

namespace sw::runtime::kafka {

/// The acknowledgement side of one source subtask: an OffsetTracker per assigned partition.
class SourceAcks {
public:
    SourceAcks() = default;
    SourceAcks(std::string groupId, std::string topic)
        : m_group(std::move(groupId)), m_topic(std::move(topic))
    {
    }
    const std::string& groupId() const { return m_group; }
    const std::string& topic() const { return m_topic; }

    std::mutex& mutex() { return m_mutex; }
    /// Under mutex(): the tracker of `partition`, or nullptr when not assigned.
    OffsetTracker* tracker(std::int32_t partition);
    /// Under mutex(): starts tracking `partition` at `startOffset` (replaces an old tracker).
    OffsetTracker& assign(std::int32_t partition, std::int64_t startOffset);
    /// Under mutex(): stops tracking `partition`.
    void revoke(std::int32_t partition) { m_trackers.erase(partition); }
    /// Under mutex(): records emitted and not yet acknowledged, over all partitions.
    std::size_t pendingTotal() const
    {
        std::size_t n = 0;
        for (const auto& [p, t] : m_trackers)
            n += t.pending();
        return n;
    }
    /// Counts acknowledgements that arrived for partitions no longer tracked here.
    std::uint64_t strayAcks() const { return m_stray; }

    /// Takes the lock and acknowledges one offset.
    void acknowledge(std::int32_t partition, std::int64_t offset);
    /// Under mutex().
    void acknowledgeLocked(std::int32_t partition, std::int64_t offset);

private:
    std::string m_group;
    std::string m_topic;
    std::mutex m_mutex;
    std::unordered_map<std::int32_t, OffsetTracker> m_trackers;
    std::uint64_t m_stray = 0;
};

/// Registers `acks` as the receiver for records whose provenance origin is `origin`.
void registerAckReceiver(const std::string* origin, const std::shared_ptr<SourceAcks>& acks);
void unregisterAckReceiver(const std::string* origin);

/// One record's result is durable downstream.
void acknowledge(const Provenance& p);
/// The consumer group of the Kafka source that read the record `p` came from ("" when `p` is
/// not from a live Kafka source of this process).
std::string consumerGroupOf(const Provenance& p);

/// Collects acknowledgements and delivers them grouped (one registry lookup and lock per
/// source per flush). Not thread-safe; one per sink.
class AckBatch {
public:
    void add(const Provenance& p)
    {
        if (p.kind == Provenance::Kind::Kafka && p.origin && p.position >= 0)
            m_items.push_back({p.origin.get(), p.partition, p.position});
    }
    void flush();
    bool empty() const { return m_items.empty(); }

private:
    struct Item {
        const std::string* origin;
        std::int32_t partition;
        std::int64_t offset;
    };
    std::vector<Item> m_items;
};

} // namespace sw::runtime::kafka
