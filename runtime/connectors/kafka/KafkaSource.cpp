// kafka-source: the operator - lifecycle, the poll loop over its parts, watermarks and
// idleness. Fetch and decode: KafkaFetcher.cpp; assignment and commits: KafkaOffsets.cpp;
// discovery and lag: KafkaLagMonitor.cpp.
#include "connectors/kafka/KafkaSource.h"

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/OriginRegistry.h"
#include "exec/OperatorContext.h"

namespace sw::runtime::kafka {
namespace {

extern "C" void commitTrampoline(rd_kafka_t*, rd_kafka_resp_err_t err,
                                 rd_kafka_topic_partition_list_t* offsets, void* opaque)
{
    static_cast<KafkaSource*>(opaque)->onCommitResult(err, offsets);
}

} // namespace

int kafkaPartitionOwner(std::string_view topic, std::int32_t partition, int parallelism)
{
    if (parallelism <= 1) return 0;
    // Java's String.hashCode (Kafka topic names are ASCII, so bytes are UTF-16 code units),
    // in 32-bit two's complement arithmetic as Java's int.
    std::uint32_t h = 0;
    for (unsigned char c : topic)
        h = 31u * h + c;
    const std::uint32_t startIndex =
        ((h * 31u) & 0x7FFFFFFFu) % static_cast<std::uint32_t>(parallelism);
    return static_cast<int>((startIndex + static_cast<std::uint32_t>(partition)) %
                            static_cast<std::uint32_t>(parallelism));
}

KafkaSource::KafkaSource(SourceSettings s) : m_s(std::move(s)) {}

KafkaSource::~KafkaSource()
{
    close();
}

Status KafkaSource::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    if (m_s.endpoint.embedded && m_s.endpoint.broker)
        if (auto st = m_s.endpoint.broker->createTopic(m_s.topic, m_s.partitions); !st) return st;

    ClientConfig cfg = m_s.config;
    cfg.set("bootstrap.servers", m_s.endpoint.bootstrapServers);
    cfg.set("group.id", m_s.groupId);
    if (!cfg.find("client.id"))
        cfg.set("client.id", "streamwright-" + m_s.nodeId + "-" + std::to_string(m_s.subtask));
    auto conf = cfg.build(/*health=*/true);
    if (!conf)
        return Status(makeError("kafka-source '" + m_s.nodeId + "': " + conf.error().message));
    rd_kafka_conf_set_opaque(*conf, this);
    rd_kafka_conf_set_offset_commit_cb(*conf, commitTrampoline);
    char err[512];
    m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, *conf, err, sizeof err);
    if (!m_rk) {
        rd_kafka_conf_destroy(*conf);
        return Status(makeError("kafka-source '" + m_s.nodeId +
                                "': cannot create the consumer: " + cfg.redactor().apply(err)));
    }
    // Health first: the monitor's metadata requests open the first connections, and an error
    // there (authentication) must not reach librdkafka's callbacks before anyone listens.
    m_health = std::make_unique<ClientHealth>("kafka-source '" + m_s.nodeId + "'", m_s.topic,
                                              m_s.endpoint.bootstrapServers);
    m_health->attach(m_rk);
    rd_kafka_poll_set_consumer(m_rk);
    m_queue = rd_kafka_queue_get_consumer(m_rk);

    m_origin = std::make_shared<const std::string>(m_s.topic);
    registerOrigin(m_origin.get(), m_s.groupId);
    m_fetcher.open(m_rk, m_queue, m_origin, m_health.get());
    m_offsets.open(m_rk, m_origin.get());
    m_offsets.setClock(&ctx.clock());
    // No subscription: the monitor discovers the partitions, poll() assigns ours.
    m_monitor.start(m_rk, m_ctx, m_health.get());
    return Status::ok();
}

SourceStatus KafkaSource::poll(Collector& out, std::size_t maxRecords)
{
    if (!m_rk) return SourceStatus::End;
    if (m_monitor.partitionCount() > m_offsets.assignedUpTo())
        m_offsets.assignUpTo(m_monitor.partitionCount(), m_fetcher.pausedAll());
    // Persistent client errors: warnings, or an exception naming the node (ClientHealth.h).
    checkHealth(m_health, m_rk, "kafka-source", m_s.nodeId, m_s.topic,
                m_s.endpoint.bootstrapServers, m_ctx);
    const std::int64_t now = m_ctx->processingTimeMs();
    std::size_t n = m_fetcher.poll(out, maxRecords, now);
    if (m_fetcher.holding() || m_fetcher.pausedAll()) {
        // Backpressured partitions are not idle: their records wait, and leaving them out of
        // the watermark would make those records late.
        std::lock_guard lock(m_table.mutex);
        for (auto& [id, part] : m_table.parts)
            part.lastRecordMs = now;
    }
    updateIdleness(now);
    m_monitor.publishPositions(now);
    return n > 0 ? SourceStatus::More : SourceStatus::Idle;
}

void KafkaSource::updateIdleness(std::int64_t nowMs)
{
    if (m_s.idleTimeoutMs <= 0) return;
    std::lock_guard lock(m_table.mutex);
    for (auto& [id, part] : m_table.parts)
        if (!part.idle && nowMs - part.lastRecordMs >= m_s.idleTimeoutMs) part.idle = true;
}

EventTime KafkaSource::partitionWatermark()
{
    // Min over assigned, non-idle partitions; never decreasing. All idle (or none assigned):
    // unchanged (the source is idle and downstream excludes it).
    std::lock_guard lock(m_table.mutex);
    EventTime w = kMaxWatermark;
    bool any = false;
    for (const auto& [id, part] : m_table.parts) {
        if (part.idle) continue;
        any = true;
        EventTime pw =
            part.maxTs == kMinWatermark ? kMinWatermark : part.maxTs - m_s.outOfOrdernessMs - 1;
        if (pw < w) w = pw;
    }
    if (any && w > m_lastWatermark) m_lastWatermark = w;
    return m_lastWatermark;
}

std::optional<EventTime> KafkaSource::splitWatermark()
{
    if (m_s.outputSchema.rowtime().empty()) return std::nullopt;
    return partitionWatermark();
}

std::set<std::int32_t> KafkaSource::assignedPartitions() const
{
    std::lock_guard lock(m_table.mutex);
    std::set<std::int32_t> s;
    for (const auto& [id, part] : m_table.parts)
        s.insert(id);
    return s;
}

void KafkaSource::snapshotState(std::int64_t checkpointId, StateWriter& w)
{
    m_offsets.snapshot(checkpointId, w);
}

void KafkaSource::restoreState(const StateReader& r)
{
    m_offsets.restore(r);
}

void KafkaSource::collectPositions(std::int64_t checkpointId, SourceHolds& positions) const
{
    m_offsets.collectPositions(checkpointId, m_origin.get(), positions);
}

void KafkaSource::notifyCheckpointComplete(std::int64_t checkpointId, const SourceHolds& holds)
{
    if (m_rk) m_offsets.notifyComplete(checkpointId, holds, m_stopping.load());
}

void KafkaSource::onCommitResult(int err, rd_kafka_topic_partition_list_t* offsets)
{
    m_offsets.onCommitResult(err, offsets);
}

void KafkaSource::stopReading()
{
    if (!m_rk || m_stopping) return;
    m_stopping = true;
    m_monitor.stopReading(); // producers stop pacing on us
    // The engine takes a final checkpoint next and commits on its completion.
}

void KafkaSource::close()
{
    m_monitor.stop();
    if (!m_rk) {
        m_monitor.unregister();
        return;
    }
    // Commit the last completed checkpoint (synchronously); a failed commit is tried once
    // more (onCommitResult re-arms it), then reported in lastError / commitFailures.
    if (!m_offsets.commitCompleted(true).empty()) m_offsets.commitCompleted(true);
    // Close the consumer and wait for the close to finish: destroying the handle while it is
    // still in progress (NO_CONSUMER_CLOSE below) can leave librdkafka 2.0.2's main thread
    // spinning in rd_kafka_destroy for good (seen under load after 5 s); 30 s bounds a close
    // that really cannot finish.
    rd_kafka_queue_t* q = rd_kafka_queue_new(m_rk);
    rd_kafka_error_t* e = rd_kafka_consumer_close_queue(m_rk, q);
    bool closed = false;
    if (e) {
        rd_kafka_error_destroy(e);
    } else {
        for (int i = 0; i < 600 && !(closed = rd_kafka_consumer_closed(m_rk)); ++i)
            if (rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 50)) rd_kafka_event_destroy(ev);
    }
    rd_kafka_queue_destroy(q);
    if (m_queue) rd_kafka_queue_destroy(m_queue);
    m_queue = nullptr;
    if (closed)
        rd_kafka_destroy(m_rk);
    else
        rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    m_rk = nullptr;
    m_monitor.unregister();
}

} // namespace sw::runtime::kafka
