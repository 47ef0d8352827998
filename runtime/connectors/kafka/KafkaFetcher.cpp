#include "connectors/kafka/KafkaFetcher.h"

#include <stdexcept>

#include <librdkafka/rdkafka.h>
#include <nlohmann/json.hpp>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaSource.h"
#include "exec/OperatorContext.h"

namespace sw::runtime::kafka {

struct KafkaFetcher::Pending {
    enum class Kind : std::uint8_t { Record, Error, Skip } kind = Kind::Record;
    Record rec;
    ErrorInfo err;
    EventTime errTime = kNoTimestamp;
};

namespace {

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

KafkaFetcher::KafkaFetcher(const SourceSettings& s, PartitionTable& table, SourceCounters& counters)
    : m_s(s), m_table(table), m_counters(counters)
{
}

KafkaFetcher::~KafkaFetcher() = default;

void KafkaFetcher::open(rd_kafka_s* rk, rd_kafka_queue_s* queue,
                        std::shared_ptr<const std::string> origin, ClientHealth* health)
{
    m_rk = rk;
    m_queue = queue;
    m_origin = std::move(origin);
    m_health = health;
    m_decoder = std::make_unique<ValueDecoder>(m_s.format, m_s.dataSchema, m_s.registry);
    m_rowtime = m_s.outputSchema.rowtime().empty()
                    ? -1
                    : m_s.outputSchema.indexOf(m_s.outputSchema.rowtime());
}

std::size_t KafkaFetcher::poll(Collector& out, std::size_t maxRecords, std::int64_t nowMs)
{
    // Backpressure. While the output channel is full the source takes nothing from librdkafka:
    // its bounded prefetch queue (queued.max.messages.kbytes) fills and fetching stops there.
    // Pausing the partitions would discard that prefetch (librdkafka purges a paused
    // partition's queue and fetches it again on resume), so it is kept for a channel that stays
    // full for a second (then fetch requests stop too); resumed when the channel drained to
    // half.
    m_pollNowMs = nowMs;
    const double fill = out.ports().empty() ? 0.0 : out.ports()[0].maxFill();
    m_holding = false;
    if (fill >= 1.0) {
        if (m_fullSinceMs == 0) m_fullSinceMs = nowMs;
        if (!m_pausedAll && nowMs - m_fullSinceMs >= kPauseAfterFullMs) setPaused(true);
        m_holding = !m_pausedAll;
    } else {
        m_fullSinceMs = 0;
        if (m_pausedAll && fill <= 0.5) setPaused(false);
    }
    std::size_t n = m_holding ? 0 : consume(maxRecords ? maxRecords : 1, m_pausedAll ? 0 : 50);
    if (n > 0) emitPending(out, n);
    // Out-of-range errors collected while decoding are handled outside the lock (they query
    // the broker and re-assign).
    if (!m_outOfRange.empty()) {
        auto items = std::move(m_outOfRange);
        m_outOfRange.clear();
        for (const auto& [partition, offset] : items)
            handleOutOfRange(partition, offset);
    }
    if (!m_fatal.empty())
        throw std::runtime_error("kafka-source '" + m_s.nodeId +
                                 "': fatal consumer error: " + m_fatal);
    return n;
}

std::size_t KafkaFetcher::consume(std::size_t maxRecords, int timeoutMs)
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
        std::lock_guard lock(m_table.mutex);
        for (ssize_t i = 0; i < got; ++i)
            if (handleMessage(m_msgs[static_cast<std::size_t>(i)], m_pending[n])) ++n;
    }
    for (ssize_t i = 0; i < got; ++i)
        rd_kafka_message_destroy(m_msgs[static_cast<std::size_t>(i)]);
    return n;
}

bool KafkaFetcher::handleMessage(rd_kafka_message_t* m, Pending& p)
{
    if (m->err) {
        if (m->err == RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET) {
            m_outOfRange.push_back({m->partition, m->offset});
        } else if (m->err == RD_KAFKA_RESP_ERR__FATAL) {
            char buf[512];
            rd_kafka_fatal_error(m_rk, buf, sizeof buf);
            m_fatal = redactSecrets(buf);
        } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            std::string e = redactSecrets(rd_kafka_message_errstr(m));
            if (m_health) m_health->onError(m->err, e);
            m_counters.setLastError(std::move(e));
        }
        return false;
    }
    auto it = m_table.parts.find(m->partition);
    if (it == m_table.parts.end()) return false; // not assigned here
    PartitionState& part = it->second;
    if (part.next >= 0 && m->offset < part.next) return false; // re-fetched after a pause
    part.next = m->offset + 1;
    part.lastRecordMs = m_pollNowMs;
    part.idle = false;
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

void KafkaFetcher::emitPending(Collector& out, std::size_t n)
{
    for (std::size_t i = 0; i < n; ++i) {
        Pending& p = m_pending[i];
        if (p.kind == Pending::Kind::Record)
            out.emit(0, p.rec);
        else if (p.kind == Pending::Kind::Error)
            out.emitError(p.err, p.errTime);
    }
}

void KafkaFetcher::setPaused(bool paused)
{
    if (!m_rk || paused == m_pausedAll) return;
    rd_kafka_topic_partition_list_t* list = rd_kafka_topic_partition_list_new(4);
    {
        std::lock_guard lock(m_table.mutex);
        for (auto& [id, part] : m_table.parts) {
            if (part.paused == paused) continue; // only resume what we paused (librdkafka #4686)
            part.paused = paused;
            rd_kafka_topic_partition_list_add(list, m_s.topic.c_str(), id);
        }
    }
    if (list->cnt > 0) {
        if (paused)
            rd_kafka_pause_partitions(m_rk, list);
        else
            rd_kafka_resume_partitions(m_rk, list);
    }
    rd_kafka_topic_partition_list_destroy(list);
    m_pausedAll = paused;
    if (paused) m_counters.pauses.fetch_add(1);
}

void KafkaFetcher::handleOutOfRange(std::int32_t partition, std::int64_t failedOffset)
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
        std::lock_guard lock(m_table.mutex);
        if (auto it = m_table.parts.find(partition); it != m_table.parts.end()) {
            it->second.lost += static_cast<std::uint64_t>(lost);
            it->second.next = resumeAt >= 0 ? resumeAt : -1;
        }
    }
    m_counters.lost.fetch_add(static_cast<std::uint64_t>(lost));
    log(3, "streamwright", msg);
    restartAt(partition, resumeAt);
}

void KafkaFetcher::restartAt(std::int32_t partition, std::int64_t offset)
{
    // After an out-of-range error (auto.offset.reset=error) librdkafka stops fetching the
    // partition and seek() is refused; assigning the partitions again with the new offset for
    // this one (and their positions for the others) restarts it.
    rd_kafka_topic_partition_list_t* all = rd_kafka_topic_partition_list_new(4);
    {
        std::lock_guard lock(m_table.mutex);
        for (auto& [id, p] : m_table.parts) {
            rd_kafka_topic_partition_list_add(all, m_s.topic.c_str(), id)->offset =
                id == partition ? offset : (p.next >= 0 ? p.next : RD_KAFKA_OFFSET_STORED);
            if (m_pausedAll && id == partition) p.paused = false; // assign resumes it
        }
    }
    if (rd_kafka_resp_err_t e = rd_kafka_assign(m_rk, all))
        log(3, "streamwright",
            "kafka-source '" + m_s.nodeId + "': " + m_s.topic + "[" + std::to_string(partition) +
                "]: cannot restart: " + rd_kafka_err2str(e));
    rd_kafka_topic_partition_list_destroy(all);
}

} // namespace sw::runtime::kafka
