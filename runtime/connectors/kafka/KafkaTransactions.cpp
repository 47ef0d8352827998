#include "connectors/kafka/KafkaTransactions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include <librdkafka/rdkafka.h>

#include "connectors/kafka/ClientConfig.h"
#include "state/StateCodec.h"

namespace sw::runtime::kafka {

KafkaTransactions::KafkaTransactions(std::string what, std::string transactionalId)
    : m_what(std::move(what)), m_id(std::move(transactionalId))
{
    std::random_device rd;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08x%08x", rd(), rd());
    m_instance = buf;
}

Status KafkaTransactions::failure(const char* op, rd_kafka_error_t* e)
{
    std::string msg = m_what + ": " + op + " (transactional.id " + m_id +
                      ") failed: " + redactSecrets(rd_kafka_error_string(e));
    if (rd_kafka_error_is_fatal(e)) msg += " (fatal: the producer is rebuilt on restart)";
    rd_kafka_error_destroy(e);
    return Status(makeError(msg));
}

Status KafkaTransactions::retry(const char* op, const std::stop_token& st,
                                rd_kafka_error_t* (*call)(rd_kafka_t*, int))
{
    for (int attempt = 0;; ++attempt) {
        rd_kafka_error_t* e = call(m_rk, kTimeoutMs);
        if (!e) return Status::ok();
        if (!rd_kafka_error_is_retriable(e) || attempt >= kRetryLimit || st.stop_requested())
            return failure(op, e);
        rd_kafka_error_destroy(e);
        KafkaTxnLog::instance().countRetriable();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

Status KafkaTransactions::init(rd_kafka_t* rk, const std::stop_token& st)
{
    m_rk = rk;
    return retry("init_transactions", st, rd_kafka_init_transactions);
}

std::string KafkaTransactions::nextTxnName()
{
    return m_id + "/" + m_instance + "/" + std::to_string(++m_seq);
}

Status KafkaTransactions::begin()
{
    m_txn = nextTxnName();
    if (rd_kafka_error_t* e = rd_kafka_begin_transaction(m_rk))
        return failure("begin_transaction", e);
    m_open = true;
    return Status::ok();
}

Status KafkaTransactions::produce(const OutMessage& m, const std::stop_token& st)
{
    rd_kafka_topic_t* rkt = topic(m.topic);
    if (!rkt)
        return Status(makeError(m_what + ": topic " + std::string(m.topic) + ": " +
                                rd_kafka_err2str(rd_kafka_last_error())));
    for (;;) {
        rd_kafka_headers_t* h = rd_kafka_headers_new(m.headers ? m.headers->size() + 1 : 1);
        if (m.headers)
            for (const auto& [n, v] : *m.headers)
                rd_kafka_header_add(h, n.c_str(), -1, v.data(), static_cast<ssize_t>(v.size()));
        rd_kafka_header_add(h, kTxnHeader, -1, m_txn.data(), static_cast<ssize_t>(m_txn.size()));
        rd_kafka_resp_err_t e = rd_kafka_producev(
            m_rk, RD_KAFKA_V_RKT(rkt), RD_KAFKA_V_PARTITION(m.partition),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
            RD_KAFKA_V_KEY(m.hasKey ? const_cast<char*>(m.key.data()) : nullptr,
                           m.hasKey ? m.key.size() : 0),
            RD_KAFKA_V_VALUE(m.hasValue ? const_cast<char*>(m.value.data()) : nullptr,
                             m.hasValue ? m.value.size() : 0),
            RD_KAFKA_V_TIMESTAMP(m.timestamp), RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_END);
        if (e == RD_KAFKA_RESP_ERR_NO_ERROR) return Status::ok(); // headers owned by librdkafka
        rd_kafka_headers_destroy(h);
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            return Status(makeError(m_what + ": produce to " + std::string(m.topic) +
                                    " failed: " + rd_kafka_err2str(e)));
        if (st.stop_requested()) return Status(makeError(m_what + ": cancelled"));
        rd_kafka_poll(m_rk, 10); // backpressure from the local queue
    }
}

rd_kafka_topic_t* KafkaTransactions::topic(std::string_view name)
{
    auto it = m_topics.find(name);
    if (it == m_topics.end())
        it = m_topics
                 .emplace(std::string(name),
                          rd_kafka_topic_new(m_rk, std::string(name).c_str(), nullptr))
                 .first;
    return it->second;
}

void KafkaTransactions::releaseTopics()
{
    for (auto& [name, rkt] : m_topics)
        if (rkt) rd_kafka_topic_destroy(rkt);
    m_topics.clear();
}

Status KafkaTransactions::send(const OutMessage& m, const std::stop_token& st)
{
    if (sealed()) {
        m_held.add(m);
        if (m_held.bytes() > kMaxHeldBytes)
            return Status(makeError(
                m_what + ": checkpoint " + std::to_string(m_sealedAt) + " did not complete while " +
                std::to_string(m_held.bytes() >> 20) +
                " MiB of records waited for its transaction to commit (restarting from the last "
                "completed checkpoint)"));
        return Status::ok();
    }
    if (!m_open)
        if (Status s = begin(); !s) return s;
    if (Status s = produce(m, st); !s) return s;
    m_records.add(m);
    return Status::ok();
}

void KafkaTransactions::onDelivery(int err, const char* message)
{
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR) return;
    std::lock_guard lock(m_failMutex);
    if (m_deliveryFailure.empty()) m_deliveryFailure = redactSecrets(message ? message : "");
}

Status KafkaTransactions::flush(const std::stop_token& st)
{
    auto waitingSince = std::chrono::steady_clock::now();
    int left = rd_kafka_outq_len(m_rk);
    while (left > 0) {
        if (st.stop_requested()) return Status(makeError(m_what + ": cancelled"));
        rd_kafka_flush(m_rk, 100);
        const int now = rd_kafka_outq_len(m_rk);
        if (now < left) waitingSince = std::chrono::steady_clock::now();
        left = now;
        // No progress for a call's timeout (cluster or coordinator out of reach): counted like
        // a retriable error, and waited for (librdkafka fails the records after
        // message.timeout.ms, which aborts the transaction).
        if (std::chrono::steady_clock::now() - waitingSince >
            std::chrono::milliseconds(kTimeoutMs)) {
            KafkaTxnLog::instance().countRetriable();
            waitingSince = std::chrono::steady_clock::now();
        }
    }
    char buf[512];
    if (rd_kafka_fatal_error(m_rk, buf, sizeof buf) != RD_KAFKA_RESP_ERR_NO_ERROR)
        return Status(makeError(m_what + ": fatal producer error: " + redactSecrets(buf)));
    return Status::ok();
}

Status KafkaTransactions::resend(const std::string& why, const std::stop_token& st)
{
    if (Status s = retry("abort_transaction", st, rd_kafka_abort_transaction); !s) return s;
    logOutcome(TxnOutcome::Kind::Aborted, why);
    m_aborted.fetch_add(1);
    m_open = false;
    {
        std::lock_guard lock(m_failMutex);
        m_deliveryFailure.clear();
    }
    if (Status s = begin(); !s) return s;
    for (std::size_t i = 0; i < m_records.size(); ++i)
        if (Status s = produce(m_records.at(i), st); !s) return s;
    return Status::ok();
}

Status KafkaTransactions::preCommit(std::int64_t checkpointId, const std::stop_token& st)
{
    if (sealed()) {
        // The checkpoint this transaction waited for did not complete (subsumed, timed out):
        // the records held since then join it, and it waits for this checkpoint instead.
        for (std::size_t i = 0; i < m_held.size(); ++i) {
            const OutMessage m = m_held.at(i);
            if (Status s = produce(m, st); !s) return s;
            m_records.add(m);
        }
        m_held.clear();
    }
    if (!m_open) return Status::ok(); // nothing received since the last commit
    for (int attempt = 0;; ++attempt) {
        if (Status s = flush(st); !s) return s;
        std::string failed;
        {
            std::lock_guard lock(m_failMutex);
            failed.swap(m_deliveryFailure);
        }
        if (failed.empty()) break;
        if (attempt >= kResendLimit)
            return Status(makeError(m_what + ": records of transaction " + m_txn +
                                    " not delivered: " + failed));
        if (Status s = resend("delivery failed: " + failed, st); !s) return s;
    }
    m_sealedAt = checkpointId;
    m_sealedTxn = m_txn;
    return Status::ok();
}

Status KafkaTransactions::commitOnce(const std::stop_token& st, std::string& abortable)
{
    for (int attempt = 0;; ++attempt) {
        rd_kafka_error_t* e = rd_kafka_commit_transaction(m_rk, kTimeoutMs);
        if (!e) return Status::ok();
        if (rd_kafka_error_txn_requires_abort(e)) {
            abortable = redactSecrets(rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            return Status::ok();
        }
        if (!rd_kafka_error_is_retriable(e) || attempt >= kRetryLimit || st.stop_requested())
            return failure("commit_transaction", e);
        rd_kafka_error_destroy(e);
        KafkaTxnLog::instance().countRetriable();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

Status KafkaTransactions::commit(std::int64_t completedId, const std::stop_token& st)
{
    if (!sealed() || completedId < m_sealedAt) return Status::ok();
    for (int attempt = 0;; ++attempt) {
        std::string abortable;
        if (Status s = commitOnce(st, abortable); !s) return s;
        if (abortable.empty()) break;
        if (attempt >= kResendLimit)
            return Status(makeError(m_what + ": transaction for checkpoint " +
                                    std::to_string(m_sealedAt) + " not committed: " + abortable));
        // Aborted: none of its records is visible. Send them again and commit the new one.
        if (Status s = resend("commit failed: " + abortable, st); !s) return s;
        if (Status s = flush(st); !s) return s;
    }
    logOutcome(TxnOutcome::Kind::Committed, {});
    journalCommit();
    m_committed.fetch_add(1);
    m_records.clear();
    m_open = false;
    m_sealedAt = 0;
    TxnRecords held = std::move(m_held);
    m_held.clear();
    for (std::size_t i = 0; i < held.size(); ++i) // they begin the next transaction
        if (Status s = send(held.at(i), st); !s) return s;
    return Status::ok();
}

void KafkaTransactions::abortOpen(const std::string& reason)
{
    if (!m_rk || !m_open) return;
    m_open = false;
    if (rd_kafka_error_t* e = rd_kafka_abort_transaction(m_rk, 5000)) {
        log(3, "streamwright",
            m_what + ": abort_transaction failed (" + rd_kafka_error_string(e) +
                "); the next init_transactions with " + m_id + " aborts it");
        rd_kafka_error_destroy(e);
    }
    logOutcome(TxnOutcome::Kind::Aborted, reason);
    m_aborted.fetch_add(1);
    // Its checkpoint may have completed (or be stored) without a commit: a restore of it in
    // this process sends these records again (recover(); the held ones follow, as in pending()).
    for (std::size_t i = 0; i < m_held.size(); ++i)
        m_records.add(m_held.at(i));
    KafkaTxnLog::instance().deposit(m_txn, std::move(m_records));
    m_records.clear();
    m_held.clear();
    m_sealedAt = 0;
}

KafkaTransactions::Pending KafkaTransactions::pending() const
{
    // At a barrier (right after preCommit) nothing is held; when the subtask ended (its final
    // state, taken before the final checkpoint's pre-commit) the open transaction and the held
    // records are all covered by the final checkpoint.
    if (!m_open) return {};
    Pending p{
        m_txn, static_cast<std::uint64_t>(m_records.size() + m_held.size()), m_sealedAt, {}, true};
    for (const TxnRecords* part : {&m_records, &m_held})
        for (std::size_t i = 0; i < part->size(); ++i)
            p.data.add(part->at(i));
    return p;
}

std::string KafkaTransactions::encode(const Pending& p)
{
    StateOutput o;
    o.u64(2); // format
    o.bytes(p.txn);
    o.u64(p.records);
    o.i64(p.checkpointId);
    o.u64(p.data.size());
    for (std::size_t i = 0; i < p.data.size(); ++i) {
        const OutMessage m = p.data.at(i);
        o.bytes(m.topic);
        o.i64(m.partition);
        o.boolean(m.hasKey);
        o.bytes(m.key);
        o.boolean(m.hasValue);
        o.bytes(m.value);
        o.i64(m.timestamp);
        const std::size_t headers = m.headers ? m.headers->size() : 0;
        o.u64(headers);
        for (std::size_t h = 0; h < headers; ++h) {
            o.bytes((*m.headers)[h].first);
            o.bytes((*m.headers)[h].second);
        }
    }
    return o.take();
}

Result<KafkaTransactions::Pending> KafkaTransactions::decode(const std::string& blob)
{
    StateInput in(blob);
    const std::uint64_t format = in.u64();
    if (in.ok() && format != 1 && format != 2) in.fail("unknown format " + std::to_string(format));
    Pending p;
    p.txn = in.bytes();
    p.records = in.u64();
    p.checkpointId = in.i64();
    if (format == 2 && in.ok()) {
        p.hasData = true;
        const std::size_t n = in.count(8);
        std::vector<std::pair<std::string, std::string>> headers;
        for (std::size_t i = 0; i < n && in.ok(); ++i) {
            const std::string topic = in.bytes();
            OutMessage m;
            m.topic = topic;
            m.partition = static_cast<std::int32_t>(in.i64());
            m.hasKey = in.boolean();
            const std::string key = in.bytes();
            m.hasValue = in.boolean();
            const std::string value = in.bytes();
            m.key = key;
            m.value = value;
            m.timestamp = in.i64();
            headers.resize(in.count(2));
            for (auto& [name, text] : headers) {
                name = in.bytes();
                text = in.bytes();
            }
            m.headers = &headers;
            if (in.ok()) p.data.add(m);
        }
        if (in.ok() && p.data.size() < p.records)
            in.fail("it lists " + std::to_string(p.records) + " records but holds " +
                    std::to_string(p.data.size()));
    }
    if (std::string bad = in.finish("transaction state"); !bad.empty()) return makeError(bad);
    return p;
}

void KafkaTransactions::journalCommit()
{
    const std::string& standsFor = !m_recovering.empty() ? m_recovering : m_sealedTxn;
    const CommitJournal::Entry e{m_txn, m_sealedAt, static_cast<std::uint64_t>(m_records.size()),
                                 standsFor == m_txn ? std::string() : standsFor};
    if (std::string err = m_journal.append(e); !err.empty())
        log(3, "streamwright",
            m_what + ": cannot write the commit journal " + err +
                " (a resume in another process commits this transaction's records again)");
}

Status KafkaTransactions::recover(const Pending& p, const std::stop_token& st, std::string& warning)
{
    // 0: pending at the end of input (covered by the final checkpoint, whose id it never saw).
    const std::int64_t checkpointId = std::max<std::int64_t>(1, p.checkpointId);
    if (p.txn.empty() || KafkaTxnLog::instance().committed(p.txn) || m_journal.committed(p.txn))
        return Status::ok();
    if (p.hasData) return commitRecovered(p.txn, p.data, p.records, checkpointId, st);
    TxnRecords records;
    if (!KafkaTxnLog::instance().take(p.txn, records) || records.size() < p.records) {
        warning = m_what + ": transaction " + p.txn + " (" + std::to_string(p.records) +
                  " records before checkpoint " + std::to_string(checkpointId) +
                  ") may not have been committed by the earlier run, and its records cannot be "
                  "sent again from this process (the checkpoint was written by an older version "
                  "that kept only their count): if it was not committed, they are missing from "
                  "the topic";
        return Status::ok();
    }
    return commitRecovered(p.txn, records, p.records, checkpointId, st);
}

Status KafkaTransactions::commitRecovered(const std::string& recovered, const TxnRecords& records,
                                          std::uint64_t count, std::int64_t checkpointId,
                                          const std::stop_token& st)
{
    // Checkpoint `checkpointId` completed: its records are committed now, exactly once.
    const std::size_t n = std::min<std::size_t>(records.size(), static_cast<std::size_t>(count));
    for (std::size_t i = 0; i < n; ++i)
        if (Status s = send(records.at(i), st); !s) return s;
    if (Status s = preCommit(checkpointId, st); !s) return s;
    m_recovering = recovered;
    Status s = commit(checkpointId, st);
    m_recovering.clear();
    return s;
}

void KafkaTransactions::logOutcome(TxnOutcome::Kind kind, const std::string& reason)
{
    KafkaTxnLog::instance().add(TxnOutcome{m_id, m_txn, kind, m_sealedAt,
                                           static_cast<std::uint64_t>(m_records.size()), reason});
}

} // namespace sw::runtime::kafka
