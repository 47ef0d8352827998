#pragma once
// Exactly-once delivery into Kafka: the transaction protocol of one transactional producer
// (a kafka-sink subtask, or a Kafka DLQ writer), tied to checkpoints as Flink's KafkaSink does
// (two-phase commit: pre-commit at the barrier, commit when the checkpoint completes).
//
//   open      init_transactions(): fences earlier producers with the same transactional.id and
//             aborts the transaction an earlier attempt (a crashed run, a restarted task) left
//             open, so its records are never committed.
//   records   go into the open transaction (begun on the first record after a commit).
//   barrier N preCommit(N): flush; the transaction is now *sealed*: it holds exactly the
//             records received before barrier N (and not yet committed) and waits for
//             checkpoint N.
//   complete  commit(M >= N): commit_transaction; then the records that arrived meanwhile
//             begin the next transaction.
//
// One open transaction per producer (librdkafka): records that arrive while a sealed
// transaction waits for its checkpoint are *held* in memory (bounded: kMaxHeldBytes, then the
// task fails and restarts from the last completed checkpoint: nothing is lost) and produced
// into the next transaction right after the commit. Completion usually follows the barrier by
// the checkpoint's alignment and store write (milliseconds), so little is held. Why not a pool
// of producers: every pooled transactional.id must be fenced/aborted on restore and a
// checkpoint that never completes (timeout, subsumed) would pin one producer per pending
// checkpoint; holding records keeps one id per subtask, as documented for users.
// A checkpoint that never completes is subsumed: the sealed transaction takes the held records
// at the next barrier and waits for that checkpoint instead (no commit before a completion
// covering every record in it).
//
// Errors are classified as librdkafka documents them (rd_kafka_error_is_retriable /
// rd_kafka_error_txn_requires_abort / rd_kafka_error_is_fatal):
//   retriable        the call is retried (bounded by the stop token and kRetryLimit);
//   requires abort   the transaction is aborted (none of its records becomes visible) and its
//                    records, still held in memory, are sent again in a new transaction and
//                    committed (kResendLimit times); then the task fails;
//   fatal / other    an error Status: the task fails, the restart strategy rebuilds the producer
//                    (a new init_transactions) from the last completed checkpoint.
// A failed delivery inside a transaction makes it abortable the same way: records are never
// dropped and never routed to an errors port in this mode.
//
// Commit after restore. librdkafka cannot resume a transaction by producer id and epoch as
// Flink's Java producer does, so a transaction pre-committed at barrier N whose checkpoint
// completed but that was not committed (a failure or fatal error in between, a crash of the
// process between the store write and the commit) would be aborted by the next
// init_transactions while the sources resume after N. Therefore the checkpoint keeps the sealed
// transaction with its records (pending(): its name, the records that precede the barrier and
// their bytes), and a sink restored from that checkpoint (recover()) commits those records in a
// new transaction unless the transaction is known to have committed: the outcome log in this
// process, or the CommitJournal every commit appends to (its name, or the name of the
// transaction it stands in for). The one window left: a crash after commit_transaction returned
// and before the journal line was written sends that checkpoint's records once more (a
// duplicate, never a loss). See docs/state-and-recovery.md.
//
// Every record carries the header `sw.txn` = "<transactional.id>/<instance>/<sequence>" naming
// its transaction, so a reader can group a topic by transaction; KafkaTxnLog records what each
// transaction became (committed / aborted, checkpoint, record count).
//
// Not thread-safe except onDelivery (any librdkafka thread).
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include "connectors/kafka/CommitJournal.h"
#include "connectors/kafka/KafkaTxnLog.h"
#include "util/Result.h"

struct rd_kafka_s;
struct rd_kafka_error_s;
struct rd_kafka_topic_s;

namespace sw::runtime::kafka {

class KafkaTransactions {
public:
    /// `what` names the client in messages ("kafka-sink 'out'").
    KafkaTransactions(std::string what, std::string transactionalId);
    KafkaTransactions(const KafkaTransactions&) = delete;
    KafkaTransactions& operator=(const KafkaTransactions&) = delete;

    static constexpr std::size_t kMaxHeldBytes = 256u << 20;
    static constexpr int kRetryLimit = 30;
    static constexpr int kResendLimit = 3;
    static constexpr int kTimeoutMs = 5000; ///< per call; retriable timeouts are retried

    const std::string& transactionalId() const { return m_id; }

    /// init_transactions on `rk` (created with this transactional.id); retries retriable errors.
    Status init(rd_kafka_s* rk, const std::stop_token& st);
    /// Produces `m` into the open transaction (begins one when none is open), or holds it while
    /// a sealed transaction waits for its checkpoint.
    Status send(const OutMessage& m, const std::stop_token& st);
    /// Barrier `checkpointId`: flushes; everything received so far waits for this checkpoint.
    Status preCommit(std::int64_t checkpointId, const std::stop_token& st);
    /// Checkpoint `completedId` completed: commits the sealed transaction when it covers it.
    Status commit(std::int64_t completedId, const std::stop_token& st);
    /// Aborts the open transaction, if any (close without a completed checkpoint: its records
    /// are read again after a restart). Bounded; errors are only logged.
    void abortOpen(const std::string& reason);

    /// Releases the producer's topic handles: call before destroying the producer.
    void releaseTopics();
    ~KafkaTransactions() { releaseTopics(); }

    /// Delivery report of a record of ours (any thread).
    void onDelivery(int err, const char* message);

    /// What a checkpoint keeps of the transaction sealed at its barrier.
    struct Pending {
        std::string txn;               ///< "" = nothing was pre-committed
        std::uint64_t records = 0;     ///< its records that precede the barrier
        std::int64_t checkpointId = 0; ///< the barrier that sealed it
        /// The records themselves (format 2), so that a resume in another process can commit
        /// them; a format-1 state (older checkpoints) has only the count.
        TxnRecords data;
        bool hasData = false;
    };
    /// At snapshotState, right after preCommit: the sealed transaction.
    Pending pending() const;
    static std::string encode(const Pending& p);
    static Result<Pending> decode(const std::string& blob);
    /// After open, restoring the checkpoint whose barrier sealed `p`: commits the records of
    /// `p` (from the checkpoint, or handed over in this process) in a new transaction unless it
    /// is known to have committed; when that is unknown and its records are nowhere (a format-1
    /// state from another process), `warning` says how many may be missing.
    Status recover(const Pending& p, const std::stop_token& st, std::string& warning);
    /// Every commit appends to this journal (CommitJournal: fsync'd), read by recover() in a
    /// later process; no journal (default) = only this process's outcome log.
    void setCommitJournal(CommitJournal journal) { m_journal = std::move(journal); }

    bool sealed() const { return m_sealedAt > 0; }
    std::uint64_t heldRecords() const { return m_held.size(); }
    std::uint64_t committed() const { return m_committed.load(); }
    std::uint64_t aborted() const { return m_aborted.load(); }

private:
    Status produce(const OutMessage& m, const std::stop_token& st);
    rd_kafka_topic_s* topic(std::string_view name);
    Status begin();
    /// Flushes and checks deliveries; an error when a record was not delivered.
    Status flush(const std::stop_token& st);
    /// Aborts, begins a new transaction and sends the records of the aborted one again.
    Status resend(const std::string& why, const std::stop_token& st);
    Status commitOnce(const std::stop_token& st, std::string& abortable);
    /// Retries `call` while it returns a retriable error; other errors classified.
    Status retry(const char* op, const std::stop_token& st,
                 rd_kafka_error_s* (*call)(rd_kafka_s*, int));
    Status failure(const char* op, rd_kafka_error_s* e);
    std::string nextTxnName();
    /// Sends `records` in a new transaction sealed at `checkpointId` and commits it, naming
    /// `recovered` in the journal.
    Status commitRecovered(const std::string& recovered, const TxnRecords& records,
                           std::uint64_t count, std::int64_t checkpointId,
                           const std::stop_token& st);
    void journalCommit();
    void logOutcome(TxnOutcome::Kind kind, const std::string& reason);

    std::string m_what;
    std::string m_id;
    std::string m_instance;
    rd_kafka_s* m_rk = nullptr;
    std::uint64_t m_seq = 0;
    std::string m_txn;   ///< `sw.txn` of the open transaction
    bool m_open = false; ///< a transaction is open on the producer
    std::int64_t m_sealedAt = 0;
    TxnRecords m_records; ///< in the open transaction (sent again after an abort)
    TxnRecords m_held;    ///< arrived while sealed
    std::map<std::string, rd_kafka_topic_s*, std::less<>> m_topics; ///< produce handles
    std::mutex m_failMutex;
    std::string m_deliveryFailure;
    CommitJournal m_journal;
    std::string m_sealedTxn;  ///< the name the open transaction had when it was sealed
    std::string m_recovering; ///< the transaction whose records the open one commits again
    std::atomic<std::uint64_t> m_committed{0};
    std::atomic<std::uint64_t> m_aborted{0};
};

} // namespace sw::runtime::kafka
