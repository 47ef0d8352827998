#include "connectors/kafka/KafkaDlqWriter.h"

#include <mutex>
#include <set>
#include <thread>

#include <librdkafka/rdkafka.h>

#include "catalog/NodeType.h"
#include "catalog/PropertyAccess.h"
#include "connectors/PropertyReader.h"
#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/KafkaTransactions.h"
#include "connectors/kafka/OriginRegistry.h"

namespace sw::runtime::kafka {
namespace {

const Schema& es()
{
    return errorSchema();
}
std::size_t col(const char* name)
{
    return static_cast<std::size_t>(es().indexOf(name));
}

const char* stageOf(const std::string& cls)
{
    if (cls == "parse" || cls == "type") return "VALUE_CONVERTER";
    if (cls == "sink") return "KAFKA_PRODUCE";
    return "TRANSFORMATION";
}

const char* exceptionOf(const std::string& cls)
{
    if (cls == "parse") return "streamwright.ParseError";
    if (cls == "type") return "streamwright.TypeError";
    if (cls == "expression") return "streamwright.ExpressionError";
    if (cls == "late") return "streamwright.LateRecord";
    if (cls == "sink") return "streamwright.SinkError";
    return "streamwright.Error";
}

std::string text(const Row& row, const char* name)
{
    const Value& v = row[col(name)];
    if (v.isNull()) return {};
    return v.kind() == Value::Kind::String ? v.asString() : v.toString();
}

extern "C" void dlqDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque);

class KafkaDlqWriter final : public DlqWriter {
public:
    /// `transactionalId` non-empty: exactly-once (KafkaTransactions.h).
    KafkaDlqWriter(std::string nodeId, std::string topic, int partitions, Endpoint ep,
                   ClientConfig cfg, std::string transactionalId, std::string dataDir)
        : m_nodeId(std::move(nodeId)), m_topic(std::move(topic)), m_partitions(partitions),
          m_ep(std::move(ep)), m_cfg(std::move(cfg)), m_transactionalId(std::move(transactionalId)),
          m_dataDir(std::move(dataDir))
    {
    }
    ~KafkaDlqWriter() override { close(); }

    Status open() override
    {
        ClientConfig cfg = m_cfg;
        cfg.set("bootstrap.servers", m_ep.bootstrapServers);
        if (!cfg.find("client.id")) cfg.set("client.id", "streamwright-" + m_nodeId + "-dlq");
        if (!m_transactionalId.empty()) cfg.set("transactional.id", m_transactionalId);
        auto conf = cfg.build(/*health=*/true);
        if (!conf) return conf.status();
        rd_kafka_conf_set_opaque(*conf, this);
        rd_kafka_conf_set_dr_msg_cb(*conf, dlqDelivery);
        char err[512];
        m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, *conf, err, sizeof err);
        if (!m_rk) {
            rd_kafka_conf_destroy(*conf);
            return Status(makeError(std::string("cannot create the DLQ producer: ") +
                                    cfg.redactor().apply(err)));
        }
        m_health = std::make_unique<ClientHealth>("dlq '" + m_nodeId + "' (Kafka producer)",
                                                  m_topic, m_ep.bootstrapServers);
        m_health->attach(m_rk);
        if (!m_transactionalId.empty()) {
            // Fences an earlier attempt with this transactional.id, aborts what it left open.
            m_txn =
                std::make_unique<KafkaTransactions>("dlq '" + m_nodeId + "'", m_transactionalId);
            if (Status s = m_txn->init(m_rk, m_stop.get_token()); !s) return s;
            m_txn->setCommitJournal(
                CommitJournal(CommitJournal::pathFor(m_dataDir, m_transactionalId)));
        }
        // Delivery reports are served in the background too, so a failed delivery is noticed
        // without waiting for the next DLQ record (flush() at a checkpoint waits for all).
        m_server = std::jthread([this](std::stop_token st) {
            while (!st.stop_requested())
                rd_kafka_poll(m_rk, 100);
        });
        if (!m_topic.empty()) return ensureTopic(m_topic);
        return Status::ok();
    }

    Status write(const RecordBatch& batch) override
    {
        for (const Record& r : batch)
            if (Status s = produce(r); !s) return s;
        rd_kafka_poll(m_rk, 0);
        if (Status s = checkHealth(); !s) return s;
        std::lock_guard lock(m_mutex);
        return takeFailure();
    }

    bool twoPhaseCommit() const override { return m_txn != nullptr; }
    Status preCommit(std::int64_t checkpointId) override
    {
        if (!m_txn) return flush();
        if (Status s = m_txn->preCommit(checkpointId, m_stop.get_token()); !s) return s;
        return checkHealth();
    }
    Status commit(std::int64_t checkpointId) override
    {
        if (!m_txn) return Status::ok();
        return m_txn->commit(checkpointId, m_stop.get_token());
    }

    void snapshotState(StateWriter& w) const override
    {
        if (!m_txn) return;
        if (auto p = m_txn->pending(); !p.txn.empty()) w.put("txn", KafkaTransactions::encode(p));
    }
    Status restoreState(const StateReader& r, std::string& warning) override
    {
        const std::string* blob = r.get("txn");
        if (!m_txn || !blob) return Status::ok();
        auto p = KafkaTransactions::decode(*blob);
        if (!p) return p.status();
        return m_txn->recover(*p, m_stop.get_token(), warning);
    }

    Status flush() override
    {
        if (!m_rk) return Status::ok();
        if (m_txn) return Status::ok(); // transactions flush at pre-commit
        while (rd_kafka_outq_len(m_rk) > 0) {
            rd_kafka_flush(m_rk, 100);
            if (Status s = checkHealth(); !s) return s;
            std::lock_guard lock(m_mutex);
            if (Status s = takeFailure(); !s) return s;
        }
        std::lock_guard lock(m_mutex);
        return takeFailure();
    }

    void close() override
    {
        if (!m_rk) return;
        if (m_server.joinable()) {
            m_server.request_stop();
            m_server.join();
        }
        if (m_txn) m_txn->abortOpen("closed before its checkpoint completed");
        flush();
        if (m_txn) m_txn->releaseTopics();
        if (m_health) m_health->detach();
        rd_kafka_destroy(m_rk);
        m_rk = nullptr;
    }

    void onDelivery(const rd_kafka_message_t* m)
    {
        if (m_txn) m_txn->onDelivery(m->err, rd_kafka_err2str(m->err));
        if (m_health) {
            if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR)
                m_health->onProgress();
            else
                m_health->onError(m->err, rd_kafka_err2str(m->err));
        }
        std::lock_guard lock(m_mutex); // the background server or the operator thread
        if (m->err != RD_KAFKA_RESP_ERR_NO_ERROR && m_failure.empty() && !m_txn) {
            m_failure = "DLQ record to " + std::string(rd_kafka_topic_name(m->rkt)) +
                        " not delivered: " + redactSecrets(rd_kafka_err2str(m->err));
        }
    }

private:
    Status ensureTopic(const std::string& topic)
    {
        if (!m_ep.embedded || !m_ep.broker || m_created.count(topic)) return Status::ok();
        m_created.insert(topic);
        return m_ep.broker->createTopic(topic, m_partitions);
    }

    std::string topicFor(const Record& r)
    {
        if (!m_topic.empty()) return m_topic;
        std::string group = consumerGroupOf(r.provenance);
        std::string src = text(r.row, "source_topic");
        if (!group.empty() && !src.empty()) return defaultDlqTopic(group, src);
        return "dlq." + text(r.row, "node_id");
    }

    Status produce(const Record& r)
    {
        const Row& row = r.row;
        std::string topic = topicFor(r);
        if (Status s = ensureTopic(topic); !s) return s;
        const RawBytes* raw = r.provenance.raw.get();
        std::string key, value;
        bool hasKey = false, hasValue = true;
        if (raw) {
            hasKey = raw->hasKey;
            key = raw->key;
            hasValue = raw->hasValue;
            value = raw->value;
        } else {
            hasKey = !row[col("raw_key")].isNull();
            if (hasKey) key = row[col("raw_key")].asString();
            if (!row[col("raw_value")].isNull())
                value = row[col("raw_value")].asString();
            else
                value = text(row, "record");
        }
        std::int64_t ts = raw && raw->timestamp >= 0                       ? raw->timestamp
                          : r.timestamp != kNoTimestamp && r.timestamp > 0 ? r.timestamp
                                                                           : 0;
        std::vector<std::pair<std::string, std::string>> headers;
        if (raw) headers = raw->headers;
        std::string cls = text(row, "error_class");
        auto add = [&](const char* name, const std::string& v) {
            if (!v.empty()) headers.emplace_back(name, v);
        };
        add("__connect.errors.topic", text(row, "source_topic"));
        add("__connect.errors.partition", text(row, "source_partition"));
        add("__connect.errors.offset", text(row, "source_offset"));
        add("__connect.errors.connector.name", text(row, "node_id"));
        add("__connect.errors.stage", stageOf(cls));
        add("__connect.errors.exception.class.name", exceptionOf(cls));
        add("__connect.errors.exception.message", redactSecrets(text(row, "message")));
        add("__connect.errors.class.name", cls);
        const Value& et = row[col("error_time")];
        if (!et.isNull()) add("__connect.errors.timestamp", std::to_string(et.asTimestamp()));
        if (m_txn) {
            OutMessage m;
            m.topic = topic;
            m.key = key;
            m.hasKey = hasKey;
            m.value = value;
            m.hasValue = hasValue;
            m.timestamp = ts;
            m.headers = &headers;
            return m_txn->send(m, m_stop.get_token());
        }
        rd_kafka_headers_t* h = rd_kafka_headers_new(headers.size());
        for (const auto& [n, v] : headers)
            rd_kafka_header_add(h, n.c_str(), -1, v.data(), static_cast<ssize_t>(v.size()));
        for (;;) {
            rd_kafka_resp_err_t e = rd_kafka_producev(
                m_rk, RD_KAFKA_V_TOPIC(topic.c_str()), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                RD_KAFKA_V_KEY(hasKey ? key.data() : nullptr, hasKey ? key.size() : 0),
                RD_KAFKA_V_VALUE(hasValue ? value.data() : nullptr, hasValue ? value.size() : 0),
                RD_KAFKA_V_TIMESTAMP(ts), RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END);
            if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                rd_kafka_poll(m_rk, 10);
                if (Status s = checkHealth(); !s) {
                    rd_kafka_headers_destroy(h);
                    return s;
                }
                continue;
            }
            if (e) {
                rd_kafka_headers_destroy(h);
                return Status(
                    makeError("DLQ record to " + topic + " not produced: " + rd_kafka_err2str(e)));
            }
            return Status::ok();
        }
    }

    /// The producer's health: warnings go to the Kafka log (a DLQ writer has no operator
    /// context); authentication, authorization or a missing topic fail the DLQ.
    Status checkHealth()
    {
        if (!m_health) return Status::ok();
        ClientHealth::Verdict v = m_health->check();
        for (const std::string& w : v.warnings)
            log(3, "streamwright", "warning: " + w);
        if (!v.failure.empty()) return Status(makeError(v.failure));
        return Status::ok();
    }

    /// Under m_mutex.
    Status takeFailure()
    {
        if (m_failure.empty()) return Status::ok();
        return Status(makeError(m_failure));
    }

    std::string m_nodeId;
    std::string m_topic;
    int m_partitions;
    Endpoint m_ep;
    ClientConfig m_cfg;
    rd_kafka_t* m_rk = nullptr;
    std::set<std::string> m_created;
    std::mutex m_mutex; // m_failure (delivery reports arrive on two threads)
    std::string m_failure;
    std::jthread m_server; // serves delivery reports between writes
    std::unique_ptr<ClientHealth> m_health;
    std::string m_transactionalId;
    std::string m_dataDir; ///< for the commit journal (exactly-once)
    std::unique_ptr<KafkaTransactions> m_txn;
    std::stop_source m_stop; // transaction retries (the DLQ operator has the task's token)
};

extern "C" void dlqDelivery(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque)
{
    static_cast<KafkaDlqWriter*>(opaque)->onDelivery(m);
}

} // namespace

Result<std::unique_ptr<DlqWriter>> makeKafkaDlqWriter(const OperatorSpec& spec)
{
    PropertyReader r(spec.node);
    std::string topic = r.string("topic");
    int partitions = static_cast<int>(r.integer("partitions"));
    std::string bootstrap = r.string("bootstrap_servers");
    nlohmann::json props = propertyValue(spec.node, "properties");
    if (!r.ok()) return r.error();
    ClientConfig cfg = ClientConfig::defaults(ClientConfig::Role::Producer);
    if (auto s = cfg.merge(props); !s)
        return makeError("node '" + spec.node.id +
                         "': property 'properties': " + s.error().message);
    auto ep = resolveEndpoint(bootstrap, props);
    if (!ep)
        return makeError("node '" + spec.node.id +
                         "': property 'bootstrap_servers': " + ep.error().message);
    std::string txnId;
    if (spec.delivery == DeliveryGuarantee::ExactlyOnce)
        txnId = transactionalIdFor(transactionalIdPrefix({}, spec.pipelineName), spec.node.id,
                                   spec.subtask);
    return std::unique_ptr<DlqWriter>(std::make_unique<KafkaDlqWriter>(
        spec.node.id, topic, partitions < 1 ? 1 : partitions, std::move(*ep), std::move(cfg),
        std::move(txnId), spec.dataDirectory));
}

} // namespace sw::runtime::kafka
