#include "connectors/kinesis/KinesisFetcher.h"

#include <algorithm>
#include <chrono>

#include "connectors/kafka/ClientHealth.h"

namespace sw::runtime::kinesis {

std::int64_t steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

KinesisFetcher::KinesisFetcher(const SourceSettings& s, ShardTable& table,
                               std::shared_ptr<FinishedShards> finished)
    : m_s(s), m_table(table), m_finished(std::move(finished))
{
}

KinesisFetcher::~KinesisFetcher()
{
    stop();
}

void KinesisFetcher::start()
{
    m_client = std::make_unique<KinesisClient>(m_s.client);
    m_thread = std::jthread([this](std::stop_token st) { run(st); });
}

void KinesisFetcher::stop()
{
    if (!m_thread.joinable()) return;
    m_thread.request_stop();
    m_table.changed.notify_all();
    m_thread.join();
}

std::string KinesisFetcher::fatal() const
{
    std::lock_guard lock(m_mutex);
    return m_fatal;
}

std::vector<std::string> KinesisFetcher::takeWarnings()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_warnings, {});
}

std::vector<std::string> KinesisFetcher::startOrder() const
{
    std::lock_guard lock(m_mutex);
    return m_startOrder;
}

void KinesisFetcher::setFatal(const std::string& message)
{
    std::lock_guard lock(m_mutex);
    if (m_fatal.empty()) m_fatal = message;
}

void KinesisFetcher::run(std::stop_token st)
{
    m_client->setAbort([st] { return st.stop_requested(); });
    while (!st.stop_requested() && fatal().empty()) {
        const std::int64_t now = steadyMs();
        if (now >= m_nextDiscoveryMs)
            m_nextDiscoveryMs = now + (discover() ? m_s.discoveryIntervalMs : 1000);
        std::int64_t waitMs = 100;
        const std::string id = nextReady(now, waitMs);
        if (!id.empty()) {
            fetch(id);
            continue;
        }
        waitMs = std::clamp<std::int64_t>(std::min(waitMs, m_nextDiscoveryMs - now), 1, 100);
        std::unique_lock lock(m_table.mutex);
        m_table.changed.wait_for(lock, st, std::chrono::milliseconds(waitMs), [] { return false; });
    }
}

bool KinesisFetcher::discover()
{
    auto r = m_client->listShards(m_s.stream);
    if (!r.ok()) {
        onError("", r.error);
        return false;
    }
    onSuccess();
    const std::vector<ShardInfo>& all = *r.value;
    m_listed.clear();
    for (const ShardInfo& info : all)
        m_listed.insert(info.id);
    std::lock_guard lock(m_table.mutex);
    for (const ShardInfo& info : all) {
        if (shardOwner(all, info.id, m_s.parallelism) != m_s.subtask) continue;
        auto [it, added] = m_table.shards.try_emplace(info.id);
        ShardState& st = it->second;
        st.info = info; // refresh (a shard closes: its ending sequence number appears)
        if (!added) continue;
        st.initial = !m_discovered;
        if (auto r = m_table.restored.find(info.id); r != m_table.restored.end())
            st.resume = r->second;
        // LATEST at the start: shards closed by then have nothing more to give.
        if (st.initial && m_s.start == StartPosition::Latest && info.closed() &&
            st.resume.kind == ShardPosition::Kind::Start)
            st.resume.kind = ShardPosition::Kind::Finished;
        if (st.resume.kind == ShardPosition::Kind::Finished) {
            st.finished = true;
            m_finished->add(info.id);
        }
    }
    m_discovered = true;
    return true;
}

std::string KinesisFetcher::nextReady(std::int64_t nowMs, std::int64_t& waitMs)
{
    std::lock_guard lock(m_table.mutex);
    if (m_table.queued >= m_s.queueRecords) return {};
    std::string best;
    std::int64_t bestAt = 0;
    for (auto& [id, st] : m_table.shards) {
        if (st.endFetched || st.finished || st.info.id.empty()) continue;
        if (st.resume.kind == ShardPosition::Kind::Finished) continue;
        if (!st.started) {
            // Parents first: finished (here or by another subtask), or no longer listed.
            bool ready = true;
            for (const std::string* p : {&st.info.parent, &st.info.adjacentParent})
                if (!p->empty() && !m_finished->contains(*p) && m_listed.count(*p)) ready = false;
            if (!ready) continue;
        }
        if (st.readyAtMs <= nowMs && (best.empty() || st.readyAtMs < bestAt)) {
            best = id;
            bestAt = st.readyAtMs;
        } else if (st.readyAtMs > nowMs) {
            waitMs = std::min(waitMs, st.readyAtMs - nowMs);
        }
    }
    if (!best.empty() && !m_table.shards[best].started) {
        m_table.shards[best].started = true;
        std::lock_guard l(m_mutex);
        m_startOrder.push_back(best);
    }
    return best;
}

} // namespace sw::runtime::kinesis

namespace sw::runtime::kinesis {

bool KinesisFetcher::ensureIterator(const std::string& shardId, ShardState copy)
{
    if (!copy.iterator.empty()) return true;
    IteratorType type = IteratorType::TrimHorizon;
    std::string seq;
    if (!copy.lastFetched.empty()) {
        type = IteratorType::AfterSequenceNumber; // renewal: after the last record fetched
        seq = copy.lastFetched;
    } else if (copy.resume.kind == ShardPosition::Kind::After) {
        type = IteratorType::AfterSequenceNumber; // a checkpoint's position
        seq = copy.resume.sequenceNumber;
    } else if (copy.initial && m_s.start == StartPosition::Latest) {
        type = IteratorType::Latest;
    } else if (copy.initial && m_s.start == StartPosition::AtTimestamp) {
        type = IteratorType::AtTimestamp;
    }
    auto it = m_client->getShardIterator(m_s.stream, shardId, type, seq, m_s.startTimestampMs);
    if (!it.ok()) {
        onError(shardId, it.error);
        return false;
    }
    std::lock_guard lock(m_table.mutex);
    m_table.shards[shardId].iterator = *it.value;
    return true;
}

void KinesisFetcher::fetch(const std::string& shardId)
{
    ShardState copy;
    {
        std::lock_guard lock(m_table.mutex);
        const ShardState& st = m_table.shards[shardId];
        copy.iterator = st.iterator;
        copy.lastFetched = st.lastFetched;
        copy.resume = st.resume;
        copy.initial = st.initial;
    }
    if (!ensureIterator(shardId, copy)) return;
    {
        std::lock_guard lock(m_table.mutex);
        copy.iterator = m_table.shards[shardId].iterator;
    }
    ++m_calls;
    auto r = m_client->getRecords(copy.iterator, m_s.recordsPerGet);
    if (!r.ok()) {
        if (r.error.kind == ErrorKind::ExpiredIterator) {
            ++m_renewed;
            std::lock_guard lock(m_table.mutex);
            m_table.shards[shardId].iterator.clear();
            return;
        }
        onError(shardId, r.error);
        return;
    }
    onSuccess();
    GetRecordsOut& got = *r.value;
    std::size_t bytes = 0;
    for (const FetchedRecord& f : got.records)
        bytes += f.data.size() + f.partitionKey.size();
    const std::int64_t now = steadyMs();
    const std::int64_t spacing = std::max<std::int64_t>(
        1000 / m_s.readsPerSecond,
        static_cast<std::int64_t>(bytes * 1000 / static_cast<std::size_t>(m_s.maxBytesPerSecond)));
    bool ended = false;
    {
        std::lock_guard lock(m_table.mutex);
        ShardState& st = m_table.shards[shardId];
        st.backoffMs = 0;
        st.readyAtMs = now + spacing;
        st.millisBehindLatest = got.millisBehindLatest;
        if (!got.records.empty()) st.lastFetched = got.records.back().sequenceNumber;
        m_table.queued += got.records.size();
        for (FetchedRecord& f : got.records)
            st.queue.push_back(std::move(f));
        st.iterator = got.nextIterator;
        if (got.nextIterator.empty()) ended = st.endFetched = true;
    }
    if (ended) m_nextDiscoveryMs = 0; // children appear: look for them now
}

void KinesisFetcher::onSuccess()
{
    m_everSucceeded = true;
    if (m_firstErrorMs >= 0 && m_nextWarnMs > 0) {
        std::lock_guard lock(m_mutex);
        m_warnings.push_back("kinesis-source '" + m_s.nodeId + "': Kinesis at " +
                             m_client->endpoint() + " answers again");
    }
    m_firstErrorMs = -1;
    m_nextWarnMs = 0;
}

void KinesisFetcher::onError(const std::string& shardId, const KinesisError& e)
{
    if (e.kind == ErrorKind::Aborted) return; // stopping
    const std::string subject = "kinesis-source '" + m_s.nodeId + "' (stream '" + m_s.stream + "')";
    if (!e.retryable()) {
        setFatal(subject + ": " + e.message);
        return;
    }
    const std::int64_t now = steadyMs();
    if (e.kind == ErrorKind::Throttled) {
        ++m_throttled;
    } else {
        const kafka::HealthPolicy policy = kafka::ClientHealth::policy();
        if (m_firstErrorMs < 0) {
            m_firstErrorMs = now;
            m_warnEveryMs = policy.repeatEveryMs;
            m_nextWarnMs = -1;
        }
        if (!m_everSucceeded && now - m_firstErrorMs >= policy.resolveGraceMs) {
            setFatal(subject + ": " + e.message + " (no answer for " +
                     std::to_string((now - m_firstErrorMs) / 1000) + " s)");
            return;
        }
        if (now - m_firstErrorMs >= policy.warnAfterMs &&
            (m_nextWarnMs < 0 || now >= m_nextWarnMs)) {
            std::lock_guard lock(m_mutex);
            m_warnings.push_back(subject + ": " + e.message + "; retrying");
            m_nextWarnMs = now + m_warnEveryMs;
            m_warnEveryMs = std::min<std::int64_t>(m_warnEveryMs * 2, 600000);
        }
    }
    std::lock_guard lock(m_table.mutex);
    if (shardId.empty()) return; // discovery retries on its own schedule
    ShardState& st = m_table.shards[shardId];
    st.backoffMs = std::clamp<std::int64_t>(st.backoffMs * 2, 200, 10000);
    st.readyAtMs = now + st.backoffMs;
}

} // namespace sw::runtime::kinesis
