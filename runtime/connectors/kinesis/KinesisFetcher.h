#pragma once
// kinesis-source: the fetch thread of one subtask. Discovers the stream's shards (ListShards at
// start, every discovery interval, and at once when a shard it reads ends), keeps the ones this
// subtask owns (KinesisShards.h) and reads them round robin with GetRecords into their queues,
// which the poll thread empties (KinesisSource.h).
//
// Per shard: at most `readsPerSecond` GetRecords calls a second (Kinesis allows 5) and at most
// 2 MiB/s (the next call waits for the bytes just read); ProvisionedThroughputExceeded backs off
// exponentially (200 ms doubling to 10 s, reset by a success); an expired iterator is renewed
// AFTER_SEQUENCE_NUMBER of the last record fetched (or from the shard's start position when none
// was). A full queue (settings.queueRecords records over all shards) stops fetching until the
// poll thread made room: backpressure reaches Kinesis as fewer reads.
//
// Errors: a missing stream, refused credentials or an invalid request fail the source (the poll
// thread throws the message). Transport errors and server errors are retried with backoff; when
// they persist (kafka::HealthPolicy warnAfterMs) the source warns, repeating at doubling
// intervals, and when no request ever succeeded for resolveGraceMs the source fails naming the
// endpoint. No message contains a secret.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "connectors/kinesis/KinesisSettings.h"
#include "connectors/kinesis/KinesisShards.h"

namespace sw::runtime::kinesis {

class KinesisFetcher {
public:
    KinesisFetcher(const SourceSettings& s, ShardTable& table,
                   std::shared_ptr<FinishedShards> finished);
    ~KinesisFetcher();

    void start();
    void stop();

    /// The failure that ends the source ("" = none), and warnings due (taken once).
    std::string fatal() const;
    std::vector<std::string> takeWarnings();

    std::uint64_t throttled() const { return m_throttled.load(); }
    std::uint64_t renewedIterators() const { return m_renewed.load(); }
    std::uint64_t getRecordsCalls() const { return m_calls.load(); }
    /// Shards in the order they were first read (parents before children).
    std::vector<std::string> startOrder() const;

private:
    void run(std::stop_token st);
    bool discover();
    /// The owned shard to read next, or "" with `waitMs` until one may be ready.
    std::string nextReady(std::int64_t nowMs, std::int64_t& waitMs);
    void fetch(const std::string& shardId);
    bool ensureIterator(const std::string& shardId, ShardState copy);
    void onError(const std::string& shardId, const KinesisError& e);
    void onSuccess();
    void setFatal(const std::string& message);

    const SourceSettings& m_s;
    ShardTable& m_table;
    std::shared_ptr<FinishedShards> m_finished;
    std::unique_ptr<KinesisClient> m_client;
    std::jthread m_thread;
    std::int64_t m_nextDiscoveryMs = 0;
    bool m_discovered = false;
    std::set<std::string> m_listed; ///< shard ids of the last ListShards

    mutable std::mutex m_mutex; // guards the fields below
    std::string m_fatal;
    std::vector<std::string> m_warnings;
    std::vector<std::string> m_startOrder;

    // transient-error health (fetch thread only)
    std::int64_t m_firstErrorMs = -1;
    std::int64_t m_nextWarnMs = 0;
    std::int64_t m_warnEveryMs = 0;
    bool m_everSucceeded = false;

    std::atomic<std::uint64_t> m_throttled{0};
    std::atomic<std::uint64_t> m_renewed{0};
    std::atomic<std::uint64_t> m_calls{0};
};

/// Monotonic milliseconds (steady clock).
std::int64_t steadyMs();

} // namespace sw::runtime::kinesis
