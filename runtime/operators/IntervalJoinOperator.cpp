#include "operators/IntervalJoinOperator.h"

#include "catalog/PropertyAccess.h"
#include "operators/JoinKeys.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
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
    StateOutput out;
    out.u64(kOperatorStateFormat);
    for (const Side& s : m_side) {
        out.u64(s.buffers.size());
        for (const auto& [key, buf] : s.buffers) {
            writeKey(out, key);
            out.u64(buf.size());
            for (const auto& [ts, row] : buf) {
                out.time(ts);
                out.row(row);
            }
        }
        out.u64(s.cleanup.size());
        for (const auto& [t, key] : s.cleanup) {
            out.time(t);
            writeKey(out, key);
        }
    }
    w.put("buffers", out.take());
}

void IntervalJoinOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("buffers");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in);
    for (Side& s : m_side) {
        const std::size_t keys = in.count(2);
        for (std::size_t k = 0; k < keys && in.ok(); ++k) {
            GroupKey key = readKey(in);
            auto& buf = s.buffers[std::move(key)];
            const std::size_t rows = in.count(2);
            for (std::size_t i = 0; i < rows && in.ok(); ++i) {
                const EventTime ts = in.time();
                buf.emplace_hint(buf.end(), ts, in.row());
            }
        }
        const std::size_t cleanups = in.count(2);
        for (std::size_t i = 0; i < cleanups && in.ok(); ++i) {
            const EventTime t = in.time();
            s.cleanup.emplace_hint(s.cleanup.end(), t, readKey(in));
        }
    }
    finishRestore(in, "interval join state");
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
