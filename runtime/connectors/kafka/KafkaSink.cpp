#include "connectors/kafka/KafkaSink.h"

#include <chrono>
#include <stdexcept>
#include <thread>

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/LagRegistry.h"

namespace sw::runtime::kafka {
namespace {

extern "C" void deliveryTrampoline(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque)
{
    static_cast<KafkaSink*>(opaque)->onDelivery(m);
}

} // namespace

KafkaSink::KafkaSink(SinkSettings s) : m_s(std::move(s)) {}

KafkaSink::~KafkaSink()
{
    close();
}

Status KafkaSink::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    m_encoder = std::make_unique<RowEncoder>(m_s.format, m_s.inputSchema, m_s.keyColumns);
    auto fail = [&](const std::string& m) {
        return Status(makeError("kafka-sink '" + m_s.nodeId + "': " + m));
    };
    if (m_s.format == Format::AvroConfluent) {
        auto enc = AvroConfluentEncoder::make(m_s.inputSchema, m_s.registry, m_s.subject,
                                              m_s.compatibility);
        if (!enc) return fail("format avro-confluent: " + enc.error().message);
        m_encoder->setAvroEncoder(std::move(*enc));
    }
    if (m_s.endpoint.embedded && m_s.endpoint.broker)
        if (auto st = m_s.endpoint.broker->createTopic(m_s.topic, m_s.partitions); !st) return st;
    ClientConfig cfg = m_s.config;
    cfg.set("bootstrap.servers", m_s.endpoint.bootstrapServers);
    if (!cfg.find("client.id"))
        cfg.set("client.id", "streamwright-" + m_s.nodeId + "-" + std::to_string(m_s.subtask));
    if (m_s.exactlyOnce) cfg.set("transactional.id", m_s.transactionalId);
    auto conf = cfg.build(/*health=*/true);
    if (!conf) return fail(conf.error().message);
    rd_kafka_conf_set_opaque(*conf, this);
    rd_kafka_conf_set_dr_msg_cb(*conf, deliveryTrampoline);
    char err[512];
    m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, *conf, err, sizeof err);
    if (!m_rk) {
        rd_kafka_conf_destroy(*conf);
        return fail("cannot create the producer: " + cfg.redactor().apply(err));
    }
    m_health = std::make_unique<ClientHealth>("kafka-sink '" + m_s.nodeId + "'", m_s.topic,
                                              m_s.endpoint.bootstrapServers);
    m_health->attach(m_rk);
    m_rkt = rd_kafka_topic_new(m_rk, m_s.topic.c_str(), nullptr);
    if (!m_rkt) return fail(std::string("topic: ") + rd_kafka_err2str(rd_kafka_last_error()));
    if (m_s.exactlyOnce) {
        // Fences an earlier attempt with this transactional.id and aborts what it left open.
        m_txn = std::make_unique<KafkaTransactions>("kafka-sink '" + m_s.nodeId + "'",
                                                    m_s.transactionalId);
        if (Status st = m_txn->init(m_rk, ctx.stopToken()); !st) return st;
        m_txn->setCommitJournal(
            CommitJournal(CommitJournal::pathFor(ctx.dataDirectory(), m_s.transactionalId)));
    }
    ctx.registerProcessingTimer(ctx.processingTimeMs() + m_s.serveIntervalMs);
    return Status::ok();
}

void KafkaSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    pace();
    if (m_s.upsert) { // upsert-kafka: -U is dropped (the +U after it overwrites the key)
        std::uint64_t dropped = 0;
        for (const Record& r : batch)
            dropped += r.kind == RowKind::UpdateBefore ? 1 : 0;
        if (dropped && m_ctx) m_ctx->counters().dropped.add(dropped);
    }
    auto skip = [&](const Record& r) { return m_s.upsert && r.kind == RowKind::UpdateBefore; };
    if (m_txn) {
        for (const Record& r : batch)
            if (!skip(r)) produceTransactional(r);
        serve(0);
        drainReports(&out); // fatal errors and client health (no record goes to errors)
        return;
    }
    for (const Record& r : batch)
        if (!skip(r) && !produce(r)) break; // cancelled while the local queue was full
    serve(0);
    drainReports(&out);
}

bool KafkaSink::produce(const Record& r)
{
    const bool tombstone = m_s.upsert && r.kind == RowKind::Delete;
    bool hasKey = m_encoder->encodeKey(r.row, m_key);
    if (tombstone) {
        m_value.clear();
    } else if (std::string why; !m_encoder->tryEncodeValue(r.row, m_value, why)) {
        m_failures.push_back(
            Failure{InFlight{r.provenance, r.timestamp}, why, m_key, {}, hasKey, -1});
        return true;
    }
    m_avgBytes = m_avgBytes * 0.99 + 0.01 * static_cast<double>(m_value.size() + m_key.size());
    auto f = std::make_unique<InFlight>(InFlight{r.provenance, r.timestamp});
    for (;;) {
        rd_kafka_resp_err_t e = rd_kafka_producev(
            m_rk, RD_KAFKA_V_RKT(m_rkt), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_VALUE(tombstone ? nullptr : m_value.data(), tombstone ? 0 : m_value.size()),
            RD_KAFKA_V_KEY(hasKey ? m_key.data() : nullptr, hasKey ? m_key.size() : 0),
            RD_KAFKA_V_TIMESTAMP(r.timestamp != kNoTimestamp && r.timestamp > 0 ? r.timestamp : 0),
            RD_KAFKA_V_OPAQUE(f.get()), RD_KAFKA_V_END);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
            f.release(); // owned by librdkafka until the delivery report
            m_inFlight.fetch_add(1);
            return true;
        }
        if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            // Backpressure from the local producer queue: serve delivery reports and retry.
            // A queue that stays full may be a cluster out of reach: say so, or fail.
            if (m_ctx && m_ctx->stopToken().stop_requested()) return false;
            serve(10);
            checkHealth();
            continue;
        }
        Failure fl{
            *f,     std::string("produce to ") + m_s.topic + " failed: " + rd_kafka_err2str(e),
            m_key,  m_value,
            hasKey, -1};
        m_failures.push_back(std::move(fl));
        return true;
    }
}

void KafkaSink::check(const Status& s)
{
    if (!s) throw std::runtime_error(s.message());
}

void KafkaSink::produceTransactional(const Record& r)
{
    OutMessage m;
    m.hasValue = !(m_s.upsert && r.kind == RowKind::Delete); // upsert-kafka: -D is a tombstone
    m.hasKey = m_encoder->encodeKey(r.row, m_key);
    if (!m.hasValue) {
        m_value.clear();
    } else if (std::string why; !m_encoder->tryEncodeValue(r.row, m_value, why)) {
        m_failures.push_back(
            Failure{InFlight{r.provenance, r.timestamp}, why, m_key, {}, m.hasKey, -1});
        return;
    }
    m.topic = m_s.topic;
    m.key = m_key;
    m.value = m_value;
    m.timestamp = r.timestamp != kNoTimestamp && r.timestamp > 0 ? r.timestamp : 0;
    m_avgBytes = m_avgBytes * 0.99 + 0.01 * static_cast<double>(m_value.size() + m_key.size());
    check(m_txn->send(m, m_ctx->stopToken()));
}

void KafkaSink::notifyCheckpointComplete(std::int64_t checkpointId)
{
    if (!m_txn) return;
    check(m_txn->commit(checkpointId, m_ctx->stopToken()));
    serve(0);
}

void KafkaSink::snapshotState(std::int64_t, StateWriter& w)
{
    if (!m_txn) return;
    if (auto p = m_txn->pending(); !p.txn.empty()) w.put("txn", KafkaTransactions::encode(p));
}

void KafkaSink::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("txn");
    if (!m_txn || !blob) return;
    auto p = KafkaTransactions::decode(*blob);
    if (!p) throw std::runtime_error("kafka-sink '" + m_s.nodeId + "': " + p.error().message);
    std::string warning;
    check(m_txn->recover(*p, m_ctx->stopToken(), warning));
    if (!warning.empty()) {
        log(3, "streamwright", warning);
        m_ctx->warn(warning);
    }
}

void KafkaSink::onProcessingTime(std::int64_t nowMs, Collector& out)
{
    if (!m_rk) return;
    serve(0);
    drainReports(&out);
    m_ctx->registerProcessingTimer(nowMs + m_s.serveIntervalMs);
}

void KafkaSink::onDelivery(const rd_kafka_message_t* m)
{
    std::unique_ptr<InFlight> f(static_cast<InFlight*>(m->_private));
    if (m_txn) { // exactly-once: a failure aborts the transaction (KafkaTransactions)
        m_txn->onDelivery(m->err, rd_kafka_err2str(m->err));
        if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            if (m_health) m_health->onError(m->err, rd_kafka_err2str(m->err));
            return;
        }
        std::int64_t& h = m_high[m->partition];
        if (m->offset + 1 > h) h = m->offset + 1;
        m_delivered.fetch_add(1);
        if (m_health) m_health->onProgress();
        return;
    }
    m_inFlight.fetch_sub(1);
    if (!f) return;
    if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        std::int64_t& h = m_high[m->partition];
        if (m->offset + 1 > h) h = m->offset + 1;
        m_delivered.fetch_add(1);
        if (m_health) m_health->onProgress();
        return;
    }
    if (m_health) m_health->onError(m->err, rd_kafka_err2str(m->err));
    Failure fl;
    fl.rec = *f;
    fl.message = "delivery to " + m_s.topic + "[" + std::to_string(m->partition) +
                 "] failed: " + redactSecrets(rd_kafka_err2str(m->err));
    if (m->key) {
        fl.hasKey = true;
        fl.key.assign(static_cast<const char*>(m->key), m->key_len);
    }
    if (m->payload) fl.value.assign(static_cast<const char*>(m->payload), m->len);
    fl.partition = m->partition;
    m_failures.push_back(std::move(fl));
}

void KafkaSink::serve(int timeoutMs)
{
    rd_kafka_poll(m_rk, timeoutMs);
    char buf[512];
    if (rd_kafka_fatal_error(m_rk, buf, sizeof buf) != RD_KAFKA_RESP_ERR_NO_ERROR &&
        m_fatal.empty())
        m_fatal = redactSecrets(buf);
}

void KafkaSink::drainReports(Collector* out)
{
    if (out && !m_failures.empty()) {
        for (Failure& f : m_failures) {
            ErrorInfo info;
            info.errorClass = ErrorClass::Sink;
            info.message = std::move(f.message);
            info.provenance = f.rec.provenance;
            auto raw = std::make_shared<RawBytes>();
            raw->key = f.key;
            raw->hasKey = f.hasKey;
            raw->value = f.value;
            raw->timestamp = f.rec.timestamp == kNoTimestamp ? -1 : f.rec.timestamp;
            if (info.provenance.kind == Provenance::Kind::None)
                info.provenance.kind = Provenance::Kind::Kafka;
            info.provenance.raw = std::move(raw);
            if (m_s.format == Format::Json) info.recordJson = f.value;
            out->emitError(info, f.rec.timestamp);
            m_failedCount.fetch_add(1);
        }
        m_failures.clear();
    }
    if (!m_fatal.empty())
        throw std::runtime_error("kafka-sink '" + m_s.nodeId +
                                 "': fatal producer error: " + m_fatal);
    checkHealth();
}

void KafkaSink::checkHealth()
{
    if (!m_health) return;
    m_health->checkOrThrow([this](const std::string& w) {
        if (m_ctx) m_ctx->warn(w);
    });
}

bool KafkaSink::flushAll(Collector* out)
{
    if (!m_rk) return true;
    while (rd_kafka_outq_len(m_rk) > 0) {
        if (m_ctx && m_ctx->stopToken().stop_requested()) break;
        rd_kafka_flush(m_rk, 100);
        drainReports(out);
    }
    serve(0);
    drainReports(out);
    return rd_kafka_outq_len(m_rk) == 0;
}

void KafkaSink::pace()
{
    if (!m_s.endpoint.embedded || m_s.paceBudgetBytes <= 0) return;
    LagRegistry& reg = LagRegistry::instance();
    for (int attempt = 0;; ++attempt) {
        bool over = false;
        double limit = static_cast<double>(m_s.paceBudgetBytes) / (m_avgBytes + 40.0);
        std::int64_t inflightPer = static_cast<std::int64_t>(m_inFlight.load()) /
                                   std::max(1, static_cast<int>(m_high.size()));
        for (const auto& [p, high] : m_high) {
            std::int64_t slow = reg.slowestPosition(m_s.endpoint.bootstrapServers, m_s.topic, p);
            if (slow == -2) return; // nobody in this process reads the topic
            if (static_cast<double>(high - slow + inflightPer) > limit) over = true;
        }
        if (!over) return;
        if (attempt == 0) m_pacedWaits.fetch_add(1);
        if (m_ctx && m_ctx->stopToken().stop_requested()) return;
        serve(5);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

void KafkaSink::endOfInput(Collector& out)
{
    if (m_txn) return; // the final checkpoint pre-commits and commits (isTwoPhaseCommitSink)
    flushAll(&out);
}

void KafkaSink::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out)
{
    if (m_txn) {
        check(m_txn->preCommit(checkpointId, m_ctx->stopToken()));
        serve(0);
        checkHealth();
        return;
    }
    flushAll(&out);
}

void KafkaSink::close()
{
    if (!m_rk) return;
    if (m_txn) // not committed = its checkpoint did not complete: read again after a restart
        m_txn->abortOpen("closed before its checkpoint completed");
    // Bounded final flush, then purge what is left: not delivered = no checkpoint completed
    // over it, so the source reads it again after a restart (at-least-once).
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (rd_kafka_outq_len(m_rk) > 0 && std::chrono::steady_clock::now() < deadline)
        rd_kafka_flush(m_rk, 100);
    rd_kafka_purge(m_rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_poll(m_rk, 0);
    if (!m_failures.empty()) {
        log(3, "streamwright",
            "kafka-sink '" + m_s.nodeId + "': " + std::to_string(m_failures.size()) +
                " records were not delivered when the run ended (not committed: "
                "read again after a restart)");
        m_failures.clear();
    }
    if (m_rkt) rd_kafka_topic_destroy(m_rkt);
    m_rkt = nullptr;
    if (m_txn) m_txn->releaseTopics();
    if (m_health) m_health->detach();
    rd_kafka_destroy(m_rk);
    m_rk = nullptr;
}

} // namespace sw::runtime::kafka
