// kinesis-source: lifecycle, poll (decode and emit), positions, watermarks. Fetching:
// KinesisFetcher.cpp.
#include "connectors/kinesis/KinesisSource.h"

#include <stdexcept>

#include "exec/OperatorContext.h"
#include "metrics/SplitMetrics.h"
#include "state/StateCodec.h"

namespace sw::runtime::kinesis {
namespace {

constexpr std::uint64_t kStateFormat = 1;

std::int32_t shardNumber(const std::string& id)
{
    const auto dash = id.rfind('-');
    try {
        return dash == std::string::npos
                   ? -1
                   : static_cast<std::int32_t>(std::stol(id.substr(dash + 1)));
    } catch (...) {
        return -1;
    }
}

} // namespace

KinesisSource::KinesisSource(SourceSettings s)
    : m_s(std::move(s)), m_decoder(m_s.format, m_s.schema)
{
    m_rowtime = m_s.schema.rowtime().empty() ? -1 : m_s.schema.indexOf(m_s.schema.rowtime());
    m_finished = FinishedShards::forNode(m_s.client.endpoint + "|" + m_s.client.region + "|" +
                                         m_s.stream + "|" + m_s.nodeId);
}

KinesisSource::~KinesisSource()
{
    close();
}

Status KinesisSource::open(OperatorContext& ctx)
{
    m_ctx = &ctx;
    // The fetch thread starts at the first poll: restoreState (after open) comes first.
    m_fetcher = std::make_unique<KinesisFetcher>(m_s, m_table, m_finished);
    return Status::ok();
}

std::size_t KinesisSource::take(std::size_t maxRecords)
{
    // Round robin over the shards with queued records, in shard order; finished shards noted.
    m_taken.clear();
    std::lock_guard lock(m_table.mutex);
    bool more = true;
    while (more && m_taken.size() < maxRecords) {
        more = false;
        for (auto& [id, st] : m_table.shards) {
            std::size_t n = 0;
            while (!st.queue.empty() && n < 64 && m_taken.size() < maxRecords) {
                m_taken.push_back({id, std::move(st.queue.front())});
                st.queue.pop_front();
                ++n;
            }
            more = more || !st.queue.empty();
        }
    }
    m_table.queued -= m_taken.size();
    return m_taken.size();
}

void KinesisSource::emitOne(Taken& t, Collector& out)
{
    Record& r = m_record;
    auto raw = [&] {
        auto b = std::make_shared<RawBytes>();
        b->key = t.rec.partitionKey;
        b->hasKey = true;
        b->value = t.rec.data;
        b->timestamp = t.rec.arrivalMs;
        b->headers = {{"kinesis.shard", t.shard}, {"kinesis.sequence", t.rec.sequenceNumber}};
        return std::shared_ptr<const RawBytes>(std::move(b));
    };
    if (!m_decoder.decode(t.rec.data.data(), t.rec.data.size(), r.row)) {
        ErrorInfo info;
        info.errorClass = m_decoder.errorClass();
        info.message = "shard " + t.shard + " sequence number " + t.rec.sequenceNumber + ": " +
                       m_decoder.error();
        info.provenance.raw = raw();
        out.emitError(info, kNoTimestamp);
        return;
    }
    r.timestamp = kNoTimestamp;
    if (m_rowtime >= 0) {
        const Value& v = r.row[static_cast<std::size_t>(m_rowtime)];
        if (!v.isNull()) r.timestamp = v.asTimestamp();
    }
    r.provenance = {};
    if (m_s.keepRawBytes) r.provenance.raw = raw();
    const EventTime ts = r.timestamp;
    out.emit(0, r);
    if (ts != kNoTimestamp) {
        std::lock_guard lock(m_table.mutex);
        ShardState& st = m_table.shards[t.shard];
        if (ts > st.maxTs) st.maxTs = ts;
    }
}

SourceStatus KinesisSource::poll(Collector& out, std::size_t maxRecords)
{
    if (!m_fetcher || m_stopping) return SourceStatus::Idle;
    if (!m_started) {
        m_started = true;
        m_fetcher->start();
    }
    if (std::string f = m_fetcher->fatal(); !f.empty()) throw std::runtime_error(f);
    for (const std::string& w : m_fetcher->takeWarnings())
        m_ctx->warn(w);
    const std::size_t n = take(maxRecords);
    if (n > 0) m_table.changed.notify_all(); // room in the queues
    for (Taken& t : m_taken)
        emitOne(t, out);
    afterEmit(m_ctx->processingTimeMs());
    return n > 0 ? SourceStatus::More : SourceStatus::Idle;
}

void KinesisSource::afterEmit(std::int64_t nowMs)
{
    bool finishedOne = false;
    {
        std::lock_guard lock(m_table.mutex);
        for (const Taken& t : m_taken) {
            ShardState& st = m_table.shards[t.shard];
            st.lastEmitted = t.rec.sequenceNumber;
            st.lastRecordMs = nowMs;
            st.idle = false;
        }
        for (auto& [id, st] : m_table.shards) {
            if (st.endFetched && st.queue.empty() && !st.finished) {
                st.finished = true; // every record of it emitted: children may start
                m_finished->add(id);
                finishedOne = true;
            }
            if (!st.queue.empty()) st.lastRecordMs = nowMs; // waiting records: not idle
            if (m_s.idleTimeoutMs > 0 && !st.idle && st.started &&
                nowMs - st.lastRecordMs >= m_s.idleTimeoutMs)
                st.idle = true;
        }
    }
    if (finishedOne) m_table.changed.notify_all();
    publishSplits(nowMs);
}

void KinesisSource::publishSplits(std::int64_t nowMs)
{
    if (nowMs < m_nextPublishMs || !m_ctx) return;
    m_nextPublishMs = nowMs + 500;
    std::vector<SplitMetrics> splits;
    {
        std::lock_guard lock(m_table.mutex);
        for (const auto& [id, st] : m_table.shards) {
            if (st.finished) continue;
            SplitMetrics m;
            m.topic = m_s.stream;
            m.partition = shardNumber(id);
            m.idle = st.idle;
            m.millisBehindLatest = st.millisBehindLatest;
            splits.push_back(m);
        }
    }
    m_ctx->publishSplits(std::move(splits));
}

std::optional<EventTime> KinesisSource::splitWatermark()
{
    if (m_rowtime < 0) return std::nullopt;
    std::lock_guard lock(m_table.mutex);
    EventTime w = kMaxWatermark;
    bool any = false;
    for (const auto& [id, st] : m_table.shards) {
        if (st.idle || st.finished || !st.started) continue;
        any = true;
        const EventTime sw =
            st.maxTs == kMinWatermark ? kMinWatermark : st.maxTs - m_s.outOfOrdernessMs - 1;
        w = std::min(w, sw);
    }
    if (any && w > m_lastWatermark) m_lastWatermark = w;
    return m_lastWatermark;
}

std::map<std::string, ShardPosition> KinesisSource::positions() const
{
    std::map<std::string, ShardPosition> out;
    std::lock_guard lock(m_table.mutex);
    for (const auto& [id, st] : m_table.shards) {
        ShardPosition p = st.resume;
        if (st.finished) {
            p = {ShardPosition::Kind::Finished, {}};
        } else if (!st.lastEmitted.empty()) {
            p = {ShardPosition::Kind::After, st.lastEmitted};
        }
        out[id] = p;
    }
    return out;
}

void KinesisSource::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kStateFormat);
    const auto pos = positions();
    out.u64(pos.size());
    for (const auto& [id, p] : pos) {
        out.bytes(id);
        out.u64(static_cast<std::uint64_t>(p.kind));
        out.bytes(p.sequenceNumber);
    }
    w.put("shards", out.take());
}

void KinesisSource::restoreState(const StateReader& r)
{
    // Union state: every subtask's shards; the fetch thread keeps the ones this subtask owns
    // and the finished ones tell every subtask which parents are done.
    std::lock_guard lock(m_table.mutex);
    for (int i = 0; i < r.subtaskCount(); ++i) {
        const std::string* blob = r.getFrom(i, "shards");
        if (!blob) continue;
        StateInput in(*blob);
        if (in.u64() != kStateFormat) in.fail("unknown kinesis position format");
        const std::size_t n = in.count(3);
        for (std::size_t k = 0; k < n && in.error().empty(); ++k) {
            const std::string id = in.bytes();
            const auto kind = static_cast<ShardPosition::Kind>(in.u64());
            const std::string seq = in.bytes();
            if (kind == ShardPosition::Kind::Finished) m_finished->add(id);
            m_table.restored[id] = {kind, seq};
        }
        if (std::string e = in.finish("kinesis shard positions"); !e.empty())
            throw std::runtime_error(e);
    }
}

void KinesisSource::stopReading()
{
    m_stopping = true;
}

void KinesisSource::close()
{
    if (m_fetcher) m_fetcher->stop();
}

} // namespace sw::runtime::kinesis
