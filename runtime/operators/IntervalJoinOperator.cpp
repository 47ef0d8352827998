#include "operators/IntervalJoinOperator.h"

#include "catalog/PropertyAccess.h"
#include "operators/JoinKeys.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"
#include "types/Duration.h"

namespace sw::runtime {

void IntervalJoinOperator::join(int side, const Record& r, const KeyView& key, Collector& out)
{
    const Side& other = m_side[1 - side];
    auto it = other.buffers.find(key);
    if (it == other.buffers.end()) return;
    // left l, right x: l.ts + lower <= x.ts <= l.ts + upper
    EventTime lo = side == 0 ? r.timestamp + m_lower : r.timestamp - m_upper;
    EventTime hi = side == 0 ? r.timestamp + m_upper : r.timestamp - m_lower;
    for (auto m = it->second.lower_bound(lo); m != it->second.end() && m->first <= hi; ++m) {
        const Row& l = side == 0 ? r.row : m->second;
        const Row& x = side == 0 ? m->second : r.row;
        m_out.row.assign(l.begin(), l.end());
        m_out.row.insert(m_out.row.end(), x.begin(), x.end());
        m_out.timestamp = std::max(r.timestamp, m->first);
        m_out.provenance = r.provenance;
        out.emit(m_out);
    }
}

void IntervalJoinOperator::processBatch(int port, RecordBatch& batch, Collector& out)
{
    const int side = port == 0 ? 0 : 1;
    for (Record& r : batch) {
        if (r.timestamp == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_schemas[side]);
            continue;
        }
        if (r.timestamp < m_ctx->currentWatermark()) { // Flink: isLate(ts) = ts < watermark
            m_ctx->counters().late.add(1);
            out.emitError(ErrorClass::Late,
                          "late record: event time " + formatTimestamp(r.timestamp) +
                              " is behind watermark " + formatTimestamp(m_ctx->currentWatermark()),
                          r, m_schemas[side]);
            continue;
        }
        KeyView key = keyViewOf(r.row, m_keys[side]);
        join(side, r, key, out);
        Side& s = m_side[side];
        auto& buf = keyedEntry(s.buffers, key);
        buf.emplace(r.timestamp, r.row);
        s.cleanup.emplace(r.timestamp + keepFor(side), toGroupKey(key));
        if (r.provenance.kind == Provenance::Kind::Kafka)
            s.holds[r.timestamp + keepFor(side)].hold(r.provenance);
    }
}

void IntervalJoinOperator::collectHolds(SourceHolds& holds) const
{
    for (const Side& s : m_side)
        for (const auto& [t, h] : s.holds)
            holds.merge(h);
}

void IntervalJoinOperator::processWatermark(EventTime watermark, Collector& out)
{
    for (int side = 0; side < 2; ++side) {
        Side& s = m_side[side];
        const std::int64_t keep = keepFor(side);
        while (!s.cleanup.empty() && s.cleanup.begin()->first <= watermark) {
            auto node = s.cleanup.extract(s.cleanup.begin());
            auto it = s.buffers.find(node.mapped());
            if (it == s.buffers.end()) continue;
            auto& buf = it->second;
            while (!buf.empty() && buf.begin()->first + keep <= watermark)
                buf.erase(buf.begin());
            if (buf.empty()) s.buffers.erase(it);
        }
        while (!s.holds.empty() && s.holds.begin()->first <= watermark)
            s.holds.erase(s.holds.begin());
    }
    out.emitWatermark(watermark);
}

void IntervalJoinOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): items tagged 2 * side (a key's buffer) and
    // 2 * side + 1 (a cleanup entry), each with its key.
    KeyedStateOutput out;
    for (std::uint64_t side = 0; side < 2; ++side) {
        const Side& s = m_side[side];
        for (const auto& [key, buf] : s.buffers) {
            StateOutput& o = out.groupOf(key.values);
            o.u64(2 * side);
            writeKey(o, key);
            o.u64(buf.size());
            for (const auto& [ts, row] : buf) {
                o.time(ts);
                o.row(row);
            }
        }
        for (const auto& [t, key] : s.cleanup) {
            StateOutput& o = out.groupOf(key.values);
            o.u64(2 * side + 1);
            o.time(t);
            writeKey(o, key);
        }
    }
    w.put(keyedBlobName("buffers"), out.finish());
}

void IntervalJoinOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "buffers", "interval join state", [](StateInput&) {},
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd()) {
                const std::uint64_t tag = in.u64();
                if (tag > 3)
                    in.fail("unknown item " + std::to_string(tag));
                else if (tag % 2 == 0)
                    restoreBuffer(in, m_side[tag / 2]);
                else
                    restoreCleanup(in, m_side[tag / 2]);
            }
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob.
    const std::string* blob = r.get("buffers");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in);
    for (Side& s : m_side) {
        const std::size_t keys = in.count(2);
        for (std::size_t k = 0; k < keys && in.ok(); ++k)
            restoreBuffer(in, s);
        const std::size_t cleanups = in.count(2);
        for (std::size_t i = 0; i < cleanups && in.ok(); ++i)
            restoreCleanup(in, s);
    }
    finishRestore(in, "interval join state");
}

void IntervalJoinOperator::restoreBuffer(StateInput& in, Side& s)
{
    GroupKey key = readKey(in);
    auto& buf = s.buffers[std::move(key)];
    const std::size_t rows = in.count(2);
    for (std::size_t i = 0; i < rows && in.ok(); ++i) {
        const EventTime ts = in.time();
        buf.emplace_hint(buf.end(), ts, in.row());
    }
}

void IntervalJoinOperator::restoreCleanup(StateInput& in, Side& s)
{
    const EventTime t = in.time();
    s.cleanup.emplace(t, readKey(in));
}

Result<std::unique_ptr<Operator>> makeIntervalJoinOperator(const OperatorSpec& spec)
{
    const Schema& l = spec.inputSchemas.at(0);
    const Schema& r = spec.inputSchemas.at(1);
    auto keys = joinKeyColumns(spec);
    if (!keys) return keys.error();
    auto dur = [&](const char* p) -> std::optional<std::int64_t> {
        auto v = propertyValue(spec.node, p);
        return v.is_string() ? parseDuration(v.get<std::string>()) : std::nullopt;
    };
    auto lo = dur("lower_bound"), hi = dur("upper_bound");
    if (!lo || !hi) return makeError("lower_bound/upper_bound: expected durations");
    if (*lo > *hi) return makeError("lower_bound: must not exceed upper_bound");
    return makeOperator<IntervalJoinOperator>(std::move(keys->left), std::move(keys->right), *lo,
                                              *hi, l, r);
}

} // namespace sw::runtime
