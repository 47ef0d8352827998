#pragma once
// What exactly-once Kafka producers did, process-wide (KafkaTransactions.h): the outcome of
// every transaction (committed / aborted, the checkpoint that sealed it, its record count), the
// records of sealed transactions that a closing producer could not commit (kept for a restore
// of their checkpoint in this process), and a count of retried transaction errors. Tests read
// the outcomes; a restored sink reads the rest. Thread-safe.
#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sw::runtime::kafka {

/// One record to produce: views, copied by KafkaTransactions::send.
struct OutMessage {
    std::string_view topic;
    std::int32_t partition = -1; ///< -1: the producer's partitioner
    std::string_view key;
    bool hasKey = false;
    std::string_view value;
    bool hasValue = true;
    std::int64_t timestamp = 0;
    const std::vector<std::pair<std::string, std::string>>* headers = nullptr; ///< optional
};

/// Records kept until their transaction commits (sent again after an abort or a restore): one
/// byte arena, no allocation per record.
class TxnRecords {
public:
    void add(const OutMessage& m);
    /// Record `i`, viewing this buffer (valid until it changes).
    OutMessage at(std::size_t i) const;
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    /// Memory held, approximately.
    std::size_t bytes() const { return m_data.size() + m_entries.size() * sizeof(Entry); }
    /// Keeps the first `n` records.
    void truncate(std::size_t n);
    void clear();

private:
    struct Entry {
        std::size_t key = 0;
        std::size_t value = 0;
        std::int64_t timestamp = 0;
        std::uint32_t keyLen = 0;
        std::uint32_t valueLen = 0;
        std::int32_t partition = -1;
        std::int32_t headers = -1; ///< index into m_headers
        std::uint16_t topic = 0;   ///< index into m_topics
        bool hasKey = false;
        bool hasValue = true;
    };
    std::string m_data;
    std::vector<Entry> m_entries;
    std::vector<std::string> m_topics;
    std::vector<std::vector<std::pair<std::string, std::string>>> m_headers;
};

/// What became of one transaction, as the producer saw it.
struct TxnOutcome {
    enum class Kind { Committed, Aborted };
    std::string transactionalId;
    std::string txn; ///< the `sw.txn` header value of its records
    Kind kind = Kind::Committed;
    std::int64_t checkpointId = 0; ///< sealed at this barrier (0: aborted before any barrier)
    std::uint64_t records = 0;
    std::string reason; ///< why it was aborted
};

/// Process-wide record of transaction outcomes (the last kCapacity), for tests and reports.
class KafkaTxnLog {
public:
    static KafkaTxnLog& instance();
    static constexpr std::size_t kCapacity = 100000;
    void add(TxnOutcome o);
    /// Outcomes of transactional ids starting with `prefix` ("" = all), oldest first.
    std::vector<TxnOutcome> outcomes(const std::string& prefix = {}) const;
    void clear();
    /// Records of a sealed transaction whose producer closed without committing it, kept for a
    /// restore of its checkpoint in this process (KafkaTransactions::recover); at most
    /// kOrphans transactions (the oldest are dropped).
    void deposit(const std::string& txn, TxnRecords records);
    bool take(const std::string& txn, TxnRecords& records);
    static constexpr std::size_t kOrphans = 64;
    /// True when the log holds a committed outcome of `txn`.
    bool committed(const std::string& txn) const;
    /// Retriable transaction errors seen by every producer of the process (each was retried),
    /// and flushes that made no progress for a call's timeout (waited for).
    std::uint64_t retriableErrors() const { return m_retriable.load(); }
    void countRetriable() { m_retriable.fetch_add(1); }

private:
    mutable std::mutex m_mutex;
    std::deque<TxnOutcome> m_outcomes;
    std::deque<std::pair<std::string, TxnRecords>> m_orphans;
    std::atomic<std::uint64_t> m_retriable{0};
};

/// The header naming a record's transaction.
inline constexpr const char* kTxnHeader = "sw.txn";

/// "<prefix>-<node>-<subtask>".
std::string transactionalIdFor(const std::string& prefix, const std::string& node, int subtask);
/// The prefix of a kafka-sink's transactional ids: its `transactional_id_prefix` property, else
/// the pipeline name, else "streamwright".
std::string transactionalIdPrefix(const std::string& property, const std::string& pipelineName);

} // namespace sw::runtime::kafka
