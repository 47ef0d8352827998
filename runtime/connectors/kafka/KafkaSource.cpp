// kafka-source: lifecycle and the poll loop (decode, track, emit). Assignment and commits are in
// KafkaSourceGroup.cpp, discovery, lag metrics and retention-loss handling in
// KafkaSourceMonitor.cpp.
#include "connectors/kafka/KafkaSource.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>

#include "connectors/kafka/OriginRegistry.h"

namespace sw::runtime::kafka {

struct KafkaSource::Pending {
    enum class Kind : std::uint8_t { Record, Error, Skip } kind = Kind::Record;
    Record rec;
    ErrorInfo err;
    EventTime errTime = kNoTimestamp;
    std::int32_t partition = -1;
    std::int64_t offset = -1;
};

namespace {

extern "C" void commitTrampoline(rd_kafka_t*, rd_kafka_resp_err_t err,
                                 rd_kafka_topic_partition_list_t* offsets, void* opaque)
{
    static_cast<KafkaSource*>(opaque)->onCommitResult(err, offsets);
}

std::shared_ptr<const RawBytes> rawOf(const rd_kafka_message_t* m, std::int64_t ts)
{
    auto raw = std::make_shared<RawBytes>();
    if (m->key) {
        raw->hasKey = true;
        raw->key.assign(static_cast<const char*>(m->key), m->key_len);
    }
    raw->hasValue = m->payload != nullptr;
    if (m->payload) raw->value.assign(static_cast<const char*>(m->payload), m->len);
    raw->timestamp = ts;
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR && hdrs) {
        const char* name;
        const void* val;
        size_t size;
        for (size_t i = 0;
             rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i)
            raw->headers.emplace_back(name, val ? std::string(static_cast<const char*>(val), size)
                                                : std::string());
    }
    return raw;
}

/// The kafka_headers metadata column: a JSON object header name -> value text, as Flink's
/// `headers` metadata (MAP<STRING, BYTES>) reads them: a repeated name keeps its last value, a
/// header without a value is null; bytes that are not UTF-8 become U+FFFD (error records keep
/// the exact bytes in raw_headers). "{}" without headers.
std::string headersJson(const rd_kafka_message_t* m)
{
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) != RD_KAFKA_RESP_ERR_NO_ERROR || !hdrs) return "{}";
    nlohmann::json obj = nlohmann::json::object();
    const char* name;
    const void* val;
    size_t size;
    for (size_t i = 0;
         rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i)
        obj[name] = val ? nlohmann::json(std::string(static_cast<const char*>(val), size))
                        : nlohmann::json(nullptr);
    return obj.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

KafkaSource::KafkaSource(SourceSettings s) : m_s(std::move(s)) {}

KafkaSource::~KafkaSource()
{
    close();
}

Status KafkaSource::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_decoder = std::make_unique<ValueDecoder>(m_s.format, m_s.dataSchema);
    m_rowtime = m_s.outputSchema.rowtime().empty()
                    ? -1
                    : m_s.outputSchema.indexOf(m_s.outputSchema.rowtime());
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

    // No subscription: the monitor thread discovers the partitions, poll() assigns ours.

    SourceLag lag;
    lag.nodeId = m_s.nodeId;
    lag.subtask = m_s.subtask;
    lag.topic = m_s.topic;
    lag.groupId = m_s.groupId;
    lag.bootstrapServers = m_s.endpoint.bootstrapServers;
    lag.embedded = m_s.endpoint.embedded;
    m_lagHandle = LagRegistry::instance().add(lag);
    m_monitor = std::jthread([this](std::stop_token st) { monitorLoop(st); });
    return Status::ok();
}

SourceStatus KafkaSource::poll(Collector& out, std::size_t maxRecords)
{
    if (!m_rk) return SourceStatus::End;
    if (m_partitionCount.load(std::memory_order_relaxed) > m_assignedUpTo) assignDiscovered();
    // Persistent client errors: warnings, or an exception naming the node (ClientHealth.h).
    checkHealth(m_health, m_rk, "kafka-source", m_s.nodeId, m_s.topic,
                m_s.endpoint.bootstrapServers, m_ctx);
    // Backpressure. While the output channel is full the source takes nothing from librdkafka:
    // its bounded prefetch queue (queued.max.messages.kbytes) fills and fetching stops there.
    // Pausing the partitions would discard that prefetch (librdkafka purges a paused
    // partition's queue and fetches it again on resume), so it is kept for a channel that stays
    // full for a second (then fetch requests stop too); resumed when the channel drained to
    // half.
    std::int64_t now = OperatorContext::processingTimeMs();
    double fill = out.ports().empty() ? 0.0 : out.ports()[0].maxFill();
    bool hold = false;
    if (fill >= 1.0) {
        if (m_fullSinceMs == 0) m_fullSinceMs = now;
        if (!m_pausedAll && now - m_fullSinceMs >= kPauseAfterFullMs) setPaused(true);
        hold = !m_pausedAll;
    } else {
        m_fullSinceMs = 0;
        if (m_pausedAll && fill <= 0.5) setPaused(false);
    }

    std::size_t n = hold ? 0 : consume(maxRecords ? maxRecords : 1, m_pausedAll ? 0 : 50);
    if (n > 0) emitPending(out, n);
    now = OperatorContext::processingTimeMs();
    if (hold || m_pausedAll) {
        // Backpressured partitions are not idle: their records wait, and leaving them out of
        // the watermark would make those records late.
        std::lock_guard lock(m_mutex);
        for (auto& [id, part] : m_parts)
            part.lastRecordMs = now;
    }
    updateIdleness(now);
    if (m_lagHandle && now - m_lastPositionsMs >= 50) {
        m_lastPositionsMs = now;
        m_positions.clear();
        for (const auto& [id, part] : m_parts)
            if (part.next >= 0) m_positions.emplace_back(id, part.next);
        m_lagHandle->updatePositions(m_positions);
    }
    return n > 0 ? SourceStatus::More : SourceStatus::Idle;
}

std::size_t KafkaSource::consume(std::size_t maxRecords, int timeoutMs)
{
    m_msgs.resize(maxRecords);
    ssize_t got = rd_kafka_consume_batch_queue(m_queue, 0, m_msgs.data(), maxRecords);
    if (got == 0 && timeoutMs > 0) {
        // Wait for the first message only, then take whatever else is ready.
        got = rd_kafka_consume_batch_queue(m_queue, timeoutMs, m_msgs.data(), 1);
        if (got == 1 && maxRecords > 1) {
            ssize_t more =
                rd_kafka_consume_batch_queue(m_queue, 0, m_msgs.data() + 1, maxRecords - 1);
            if (more > 0) got += more;
        }
    }
    if (got <= 0) return 0;
    if (m_pending.size() < static_cast<std::size_t>(got))
        m_pending.resize(static_cast<std::size_t>(got));
    std::size_t n = 0;
    {
        std::lock_guard lock(m_mutex);
        for (ssize_t i = 0; i < got; ++i)
            if (handleMessage(m_msgs[static_cast<std::size_t>(i)], m_pending[n])) ++n;
    }
    for (ssize_t i = 0; i < got; ++i)
        rd_kafka_message_destroy(m_msgs[static_cast<std::size_t>(i)]);
    // Out-of-range errors collected while decoding are handled outside the lock (they query
    // the broker and seek).
    return n;
}

bool KafkaSource::handleMessage(rd_kafka_message_t* m, Pending& p)
{
    if (m->err) {
        if (m->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET) {
            m_outOfRange.push_back({m->partition, m->offset});
        } else if (m->err == RD_KAFKA_RESP_ERR__FATAL) {
            char buf[512];
            rd_kafka_fatal_error(m_rk, buf, sizeof buf);
            m_fatal = redactSecrets(buf);
        } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            m_lastError = redactSecrets(rd_kafka_message_errstr(m));
            ++m_transientErrors;
            if (m_health) m_health->onError(m->err, m_lastError);
        }
        return false;
    }
    auto it = m_parts.find(m->partition);
    if (it == m_parts.end()) return false; // revoked meanwhile: the new owner reads it
    Part& part = it->second;
    if (part.next >= 0 && m->offset < part.next) {
        ++m_redelivered; // already emitted (re-fetch after pause/rebalance)
        return false;
    }
    part.next = m->offset + 1;
    part.lastRecordMs = OperatorContext::processingTimeMs();
    part.idle = false;
    p.partition = m->partition;
    p.offset = m->offset;
    rd_kafka_timestamp_type_t tstype;
    std::int64_t ts = rd_kafka_message_timestamp(m, &tstype);
    if (part.skipBeforeTs >= 0) {
        if (ts >= 0 && ts < part.skipBeforeTs) {
            p.kind = Pending::Kind::Skip;
            return true;
        }
        part.skipBeforeTs = -1;
    }
    Record& r = p.rec;
    if (!m_decoder->decode(static_cast<const char*>(m->payload), m->len, r.row)) {
        p.kind = Pending::Kind::Error;
        p.err = ErrorInfo{};
        p.err.errorClass = m_decoder->errorClass();
        p.err.message = m_decoder->error();
        p.err.provenance = {Provenance::Kind::Kafka, m->partition, m->offset, m_origin,
                            rawOf(m, ts)};
        p.errTime = kNoTimestamp;
        return true;
    }
    p.kind = Pending::Kind::Record;
    if (m_s.includeMetadata) {
        if (m->key)
            r.row.emplace_back().assignString({static_cast<const char*>(m->key), m->key_len});
        else
            r.row.emplace_back();
        r.row.emplace_back().assignString(m_s.topic);
        r.row.push_back(Value::integer(m->partition));
        r.row.push_back(Value::integer(m->offset));
        r.row.push_back(ts >= 0 ? Value::timestamp(ts) : Value::null());
        r.row.emplace_back().assignString(headersJson(m));
    }
    r.timestamp = kNoTimestamp;
    if (m_rowtime >= 0) {
        const Value& v = r.row[static_cast<std::size_t>(m_rowtime)];
        if (!v.isNull()) {
            r.timestamp = v.asTimestamp();
            if (r.timestamp > part.maxTs) part.maxTs = r.timestamp;
        }
    }
    r.provenance = {Provenance::Kind::Kafka, m->partition, m->offset, m_origin,
                    m_s.keepRawBytes ? rawOf(m, ts) : nullptr};
    return true;
}

void KafkaSource::emitPending(Collector& out, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        Pending& p = m_pending[i];
        if (p.kind == Pending::Kind::Record)
            out.emit(0, p.rec);
        else if (p.kind == Pending::Kind::Error)
            out.emitError(p.err, p.errTime);
    }
}

void KafkaSource::updateIdleness(std::int64_t nowMs)
{
    if (!m_outOfRange.empty()) {
        auto items = std::move(m_outOfRange);
        m_outOfRange.clear();
        for (const auto& [partition, offset] : items)
            handleOutOfRange(partition, offset);
    }
    if (!m_fatal.empty())
        throw std::runtime_error("kafka-source '" + m_s.nodeId +
                                 "': fatal consumer error: " + m_fatal);
    if (m_s.idleTimeoutMs <= 0) return;
    std::lock_guard lock(m_mutex);
    for (auto& [id, part] : m_parts)
        if (!part.idle && nowMs - part.lastRecordMs >= m_s.idleTimeoutMs) part.idle = true;
}

EventTime KafkaSource::partitionWatermark()
{
    // Min over assigned, non-idle partitions; never decreasing. All idle (or none assigned):
    // unchanged (the source is idle and downstream excludes it).
    std::lock_guard lock(m_mutex);
    EventTime w = kMaxWatermark;
    bool any = false;
    for (const auto& [id, part] : m_parts) {
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
    if (m_rowtime < 0) return std::nullopt;
    return partitionWatermark();
}

std::set<std::int32_t> KafkaSource::assignedPartitions() const
{
    std::lock_guard lock(m_mutex);
    std::set<std::int32_t> s;
    for (const auto& [id, part] : m_parts)
        s.insert(id);
    return s;
}

void KafkaSource::stopReading()
{
    if (!m_rk || m_stopping) return;
    m_stopping = true;
    if (m_lagHandle) m_lagHandle->setReading(false); // producers stop pacing on us
    // The engine takes a final checkpoint next and commits on its completion.
}

void KafkaSource::close()
{
    if (m_monitor.joinable()) {
        m_monitor.request_stop();
        m_monitor.join();
    }
    if (m_rk) {
        // Commit the last completed checkpoint (synchronously); a failed commit is tried once
        // more (onCommitResult re-arms it), then reported in lastError / commitFailures.
        if (!commitCompleted(true).empty()) commitCompleted(true);
        // Close the consumer and wait for the close to finish:
        // destroying the handle while it is still in progress (NO_CONSUMER_CLOSE below) can leave
        // librdkafka 2.0.2's main thread spinning in rd_kafka_destroy for good (seen under load
        // after 5 s); 30 s bounds a close that really cannot finish.
        rd_kafka_queue_t* q = rd_kafka_queue_new(m_rk);
        rd_kafka_error_t* e = rd_kafka_consumer_close_queue(m_rk, q);
        bool closed = false;
        if (e) {
            rd_kafka_error_destroy(e);
        } else {
            for (int i = 0; i < 600 && !(closed = rd_kafka_consumer_closed(m_rk)); ++i) {
                if (rd_kafka_event_t* ev = rd_kafka_queue_poll(q, 50)) rd_kafka_event_destroy(ev);
            }
        }
        rd_kafka_queue_destroy(q);
        if (m_queue) rd_kafka_queue_destroy(m_queue);
        m_queue = nullptr;
        if (closed)
            rd_kafka_destroy(m_rk);
        else
            rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
        m_rk = nullptr;
    }
    m_lagHandle.reset();
}

} // namespace sw::runtime::kafka
