#pragma once
// kafka-source, fetch and decode: takes messages from the consumer's queue, decodes them into
// records (or errors with the raw bytes), tracks each partition's position and event time,
// applies backpressure (hold, then pause) and recovers partitions whose offset fell out of the
// log (retention: the records lost are counted, logged and published, never skipped silently).
// Poll thread only.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kafka/KafkaPartitions.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/Collector.h"
#include "types/Schema.h"

struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_message_s;

namespace sw::runtime::kafka {

class ClientHealth;
struct SourceSettings;

class KafkaFetcher {
public:
    KafkaFetcher(const SourceSettings& s, PartitionTable& table, SourceCounters& counters);
    ~KafkaFetcher();
    KafkaFetcher(const KafkaFetcher&) = delete;
    KafkaFetcher& operator=(const KafkaFetcher&) = delete;

    /// `origin` is the provenance origin of this source subtask (its address identifies it).
    void open(rd_kafka_s* rk, rd_kafka_queue_s* queue, std::shared_ptr<const std::string> origin,
              ClientHealth* health);

    /// Backpressure, then fetch, decode and emit up to `maxRecords`. Returns how many records
    /// and errors were emitted. Throws std::runtime_error on a fatal client error.
    std::size_t poll(Collector& out, std::size_t maxRecords, std::int64_t nowMs);

    /// The partitions are paused (the output channel stayed full).
    bool pausedAll() const { return m_pausedAll; }
    /// Whether poll() held back this time (output full, not yet paused).
    bool holding() const { return m_holding; }

private:
    struct Pending; // one decoded message of the current poll

    std::size_t consume(std::size_t maxRecords, int timeoutMs);
    bool handleMessage(rd_kafka_message_s* m, Pending& p);
    void emitPending(Collector& out, std::size_t n);
    void setPaused(bool paused);
    void handleOutOfRange(std::int32_t partition, std::int64_t failedOffset);
    void restartAt(std::int32_t partition, std::int64_t offset);

    const SourceSettings& m_s;
    PartitionTable& m_table;
    SourceCounters& m_counters;
    rd_kafka_s* m_rk = nullptr;
    rd_kafka_queue_s* m_queue = nullptr;
    ClientHealth* m_health = nullptr;
    std::shared_ptr<const std::string> m_origin;
    std::unique_ptr<ValueDecoder> m_decoder;
    int m_rowtime = -1;

    std::vector<Pending> m_pending;
    std::vector<rd_kafka_message_s*> m_msgs;
    std::vector<std::pair<std::int32_t, std::int64_t>> m_outOfRange; // (partition, offset)
    std::string m_fatal; // fatal client error (redacted): fails the operator

    bool m_pausedAll = false;
    bool m_holding = false;
    std::int64_t m_pollNowMs = 0;   // processing time of the current poll
    std::int64_t m_fullSinceMs = 0; // output channel full since (0 = not full)
    static constexpr std::int64_t kPauseAfterFullMs = 1000;
};

} // namespace sw::runtime::kafka
