#pragma once
// The kafka-sink operator: a librdkafka producer with the production defaults (acks=all,
// enable.idempotence=true, compression.type=lz4, linger.ms=5, batch.size=32768, murmur2
// partitioner like Java clients), each overridable through the node's `properties`.
//
// Keys come from `key_fields` (RowEncoder), values are JSON, CSV or avro-confluent (the value
// schema registered at open: an incompatible change fails the node with the registry's reason;
// a row that does not encode goes to errors). librdkafka retries
// deliveries; a record whose delivery finally fails goes to the `errors` port (class sink) with
// its key/value bytes and source provenance. At every checkpoint barrier the sink flushes (and
// routes final failures to errors) before the barrier passes, so Kafka sources commit only what
// is delivered. A full local queue waits (backpressure); end of input flushes; a cancelled run
// purges what is not delivered (its checkpoint never completes: re-read after a restart).
//
// Client health (ClientHealth.h): authentication, authorization and a missing topic fail the
// node with a message naming it; a cluster out of reach is reported as warnings while retrying.
//
// Exactly-once (`"delivery": "exactly-once"` in the pipeline, SinkSettings::exactlyOnce): a
// transactional producer per subtask (transactional.id "<prefix>-<node>-<subtask>", prefix =
// the node's `transactional_id_prefix`, default the pipeline name); one transaction per
// checkpoint, pre-committed at the barrier and committed when the checkpoint completes
// (KafkaTransactions.h: protocol, error classes, what is held in memory). Delivery failures
// then abort the transaction and are retried or fail the task: nothing goes to `errors`.
//
// Pacing on the embedded broker: when this process also consumes the topic, the sink waits while
// it is more than ~2 MiB per partition ahead of the slowest consumer (the embedded broker keeps
// only ~5 MiB per partition), so generators feeding embedded topics never cause data loss.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "connectors/kafka/ClientConfig.h"
#include "connectors/kafka/ClientHealth.h"
#include "connectors/kafka/KafkaEndpoint.h"
#include "connectors/kafka/KafkaTransactions.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/Operator.h"

struct rd_kafka_s;
struct rd_kafka_topic_s;
struct rd_kafka_message_s;

namespace sw::runtime::kafka {

struct SinkSettings {
    std::string nodeId;
    int subtask = 0;
    std::string topic;
    int partitions = 3;
    Endpoint endpoint;
    Format format = Format::Json;
    /// avro-confluent: the Schema Registry and the subject the value schema is registered under
    std::shared_ptr<RegistryConnection> registry;
    std::string subject;
    std::string compatibility; ///< the pipeline's schema_evolution: the subject's level
    Schema inputSchema;
    std::vector<int> keyColumns;
    /// `mode: upsert` (Flink's upsert-kafka sink): the key is the primary key, a -D is a
    /// tombstone (the key with a null value), a -U is dropped (the +U that follows overwrites
    /// it; counted as dropped); +I and +U are written as usual.
    bool upsert = false;
    ClientConfig config;
    /// Embedded topics: how far (estimated bytes per partition) the sink may run ahead of the
    /// slowest consumer of this process. 0 = no pacing.
    std::int64_t paceBudgetBytes = 2 << 20;
    /// How often delivery reports are served while the sink receives nothing.
    std::int64_t serveIntervalMs = 100;
    /// Transactions committed on checkpoints (KafkaTransactions.h).
    bool exactlyOnce = false;
    std::string transactionalId; ///< exactlyOnce: "<prefix>-<node>-<subtask>"
};

Result<SinkSettings> sinkSettings(const OperatorSpec& spec);
/// The catalog's factory for kafka-sink.
Result<std::unique_ptr<Operator>> makeKafkaSinkOperator(const OperatorSpec& spec);

class KafkaSink final : public Operator {
public:
    explicit KafkaSink(SinkSettings s);
    ~KafkaSink() override;

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    /// Serves delivery reports while no input arrives, so the last records of a burst are
    /// delivered or routed to errors without waiting for more.
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void endOfInput(Collector& out) override;
    void close() override;
    /// A checkpoint barrier: everything before it is delivered (flush), failures go to errors.
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    /// Exactly-once: commits the transaction pre-committed at a barrier <= checkpointId.
    void notifyCheckpointComplete(std::int64_t checkpointId) override;
    bool isTwoPhaseCommitSink() const override { return m_s.exactlyOnce; }
    /// Exactly-once: the transaction sealed at this barrier (KafkaTransactions::Pending).
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    /// Exactly-once: commits the restored checkpoint's transaction unless it committed.
    void restoreState(const StateReader& r) override;
    /// Exactly-once: the transactions (null otherwise).
    const KafkaTransactions* transactions() const { return m_txn.get(); }

    std::uint64_t delivered() const { return m_delivered.load(); }
    std::uint64_t failed() const { return m_failedCount.load(); }
    std::uint64_t inFlight() const { return m_inFlight.load(); }
    std::uint64_t pacedWaits() const { return m_pacedWaits.load(); }

    // librdkafka delivery report (public for the C trampoline only)
    void onDelivery(const rd_kafka_message_s* m);

private:
    struct InFlight {
        Provenance provenance;
        EventTime timestamp = kNoTimestamp;
    };
    struct Failure {
        InFlight rec;
        std::string message;
        std::string key;
        std::string value;
        bool hasKey = false;
        std::int32_t partition = -1;
    };
    bool produce(const Record& r);
    void produceTransactional(const Record& r);
    /// Exactly-once: a failed transaction step fails the task (the restart strategy resumes
    /// from the last completed checkpoint).
    void check(const Status& s);
    void serve(int timeoutMs);
    void drainReports(Collector* out);
    bool flushAll(Collector* out);
    void pace();
    /// Emits the producer's health warnings; throws when it cannot work (ClientHealth.h).
    void checkHealth();

    SinkSettings m_s;
    OperatorContext* m_ctx = nullptr;
    rd_kafka_s* m_rk = nullptr;
    rd_kafka_topic_s* m_rkt = nullptr;
    std::unique_ptr<RowEncoder> m_encoder;
    std::string m_key;
    std::string m_value;
    std::vector<Failure> m_failures;
    std::map<std::int32_t, std::int64_t> m_high; // per partition: last delivered offset + 1
    double m_avgBytes = 100;
    std::string m_fatal;
    std::unique_ptr<ClientHealth> m_health;
    std::unique_ptr<KafkaTransactions> m_txn;

    std::atomic<std::uint64_t> m_delivered{0};
    std::atomic<std::uint64_t> m_failedCount{0};
    std::atomic<std::uint64_t> m_inFlight{0};
    std::atomic<std::uint64_t> m_pacedWaits{0};
};

} // namespace sw::runtime::kafka
