#include "operators/TemporalJoinOperator.h"

#include "catalog/PropertyAccess.h"
#include "operators/JoinKeys.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
#include "types/Duration.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kTemporalStateFormat = 1;
}

TemporalJoinOperator::TemporalJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys,
                                           bool leftOuter, Schema left, Schema right)
    : m_keys{std::move(leftKeys), std::move(rightKeys)},
      m_leftOuter(leftOuter), m_schemas{std::move(left), std::move(right)}
{
}

std::size_t TemporalJoinOperator::versionCount() const
{
    std::size_t n = 0;
    for (const auto& [k, v] : m_versions)
        n += v.size();
    return n;
}

void TemporalJoinOperator::addVersion(Record& r, Collector& out)
{
    if (r.kind == RowKind::UpdateBefore) return; // a versioned table ignores update-before
    if (r.timestamp == kNoTimestamp) [[unlikely]] {
        out.emitError(ErrorClass::Type, "record has no event time", r, m_schemas[1]);
        return;
    }
    if (hasNullKey(r.row, m_keys[1])) return; // a NULL key is no version of any key
    const KeyView kv = keyViewOf(r.row, m_keys[1]);
    auto it = m_versions.find(kv);
    if (it == m_versions.end()) it = m_versions.emplace(toGroupKey(kv), Versions{}).first;
    Version& v = it->second[r.timestamp]; // same time: the later arrival wins
    v.deleted = r.kind == RowKind::Delete;
    v.row = r.row;
    m_cleanup.emplace(r.timestamp, it->first);
}

void TemporalJoinOperator::bufferLeft(Record& r, Collector& out)
{
    if (r.timestamp == kNoTimestamp) [[unlikely]] {
        out.emitError(ErrorClass::Type, "record has no event time", r, m_schemas[0]);
        return;
    }
    const EventTime w = m_ctx->currentWatermark();
    if (r.timestamp <= w) { // rows up to W were joined and their versions may be cleaned up
        m_ctx->counters().late.add(1);
        out.emitError(ErrorClass::Late,
                      "late record: event time " + formatTimestamp(r.timestamp) +
                          " is not after watermark " + formatTimestamp(w),
                      r, m_schemas[0]);
        return;
    }
    if (r.provenance.kind == Provenance::Kind::Kafka) m_holds[r.timestamp].hold(r.provenance);
    m_left.emplace_hint(m_left.end(), r.timestamp, std::move(r.row));
}

void TemporalJoinOperator::processBatch(int port, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        if (port == 0)
            bufferLeft(r, out);
        else
            addVersion(r, out);
    }
}

void TemporalJoinOperator::emitJoined(const Row& left, EventTime ts, const Row* right,
                                      Collector& out)
{
    Row& o = m_out.row;
    o.assign(left.begin(), left.end());
    if (right)
        o.insert(o.end(), right->begin(), right->end());
    else
        o.resize(left.size() + m_schemas[1].size());
    m_out.kind = RowKind::Insert;
    m_out.timestamp = ts;
    out.emit(m_out);
}

void TemporalJoinOperator::cleanupKey(const GroupKey& key, EventTime watermark)
{
    auto it = m_versions.find(key);
    if (it == m_versions.end()) return;
    Versions& vs = it->second;
    auto valid = vs.upper_bound(watermark); // first version after W
    if (valid == vs.begin()) return;        // nothing at or before W
    --valid;                                // the version valid at W: keep, drop the older
    vs.erase(vs.begin(), valid);
    if (valid->second.deleted) vs.erase(valid); // no version = deleted, for every later probe
    if (vs.empty()) m_versions.erase(it);
}

void TemporalJoinOperator::processWatermark(EventTime watermark, Collector& out)
{
    while (!m_left.empty() && m_left.begin()->first <= watermark) {
        auto node = m_left.extract(m_left.begin());
        const Row& left = node.mapped();
        const Row* match = nullptr;
        if (!hasNullKey(left, m_keys[0])) {
            const KeyView kv = keyViewOf(left, m_keys[0]);
            auto it = m_versions.find(KeyView{&left, m_keys[0], kv.hash});
            if (it != m_versions.end()) {
                auto v = it->second.upper_bound(node.key());
                if (v != it->second.begin() && !(--v)->second.deleted) match = &v->second.row;
            }
        }
        if (match || m_leftOuter) emitJoined(left, node.key(), match, out);
    }
    while (!m_cleanup.empty() && m_cleanup.begin()->first <= watermark) {
        auto node = m_cleanup.extract(m_cleanup.begin());
        cleanupKey(node.mapped(), watermark);
    }
    while (!m_holds.empty() && m_holds.begin()->first <= watermark)
        m_holds.erase(m_holds.begin());
    out.emitWatermark(watermark);
}

void TemporalJoinOperator::collectHolds(SourceHolds& holds) const
{
    for (const auto& [t, h] : m_holds)
        holds.merge(h);
}

void TemporalJoinOperator::snapshotState(std::int64_t, StateWriter& w)
{
    StateOutput out;
    out.u64(kTemporalStateFormat);
    out.u64(m_left.size());
    for (const auto& [ts, row] : m_left) {
        out.time(ts);
        out.row(row);
    }
    out.u64(m_versions.size());
    for (const auto& [key, vs] : m_versions) {
        writeKey(out, key);
        out.u64(vs.size());
        for (const auto& [ts, v] : vs) {
            out.time(ts);
            out.boolean(v.deleted);
            out.row(v.row);
        }
    }
    out.u64(m_cleanup.size());
    for (const auto& [t, key] : m_cleanup) {
        out.time(t);
        writeKey(out, key);
    }
    w.put("temporal", out.take());
}

void TemporalJoinOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("temporal");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kTemporalStateFormat);
    const std::size_t rows = in.count(2);
    for (std::size_t i = 0; i < rows && in.ok(); ++i) {
        const EventTime ts = in.time();
        m_left.emplace_hint(m_left.end(), ts, in.row());
    }
    const std::size_t keys = in.count(2);
    for (std::size_t k = 0; k < keys && in.ok(); ++k) {
        GroupKey key = readKey(in);
        Versions vs;
        const std::size_t n = in.count(3);
        for (std::size_t i = 0; i < n && in.ok(); ++i) {
            const EventTime ts = in.time();
            Version v;
            v.deleted = in.u64() != 0;
            v.row = in.row();
            vs.emplace_hint(vs.end(), ts, std::move(v));
        }
        if (in.ok() && !m_versions.emplace(std::move(key), std::move(vs)).second)
            in.fail("a key appears twice");
    }
    const std::size_t cleanups = in.count(2);
    for (std::size_t i = 0; i < cleanups && in.ok(); ++i) {
        const EventTime t = in.time();
        m_cleanup.emplace_hint(m_cleanup.end(), t, readKey(in));
    }
    finishRestore(in, "temporal join state");
}

Result<std::unique_ptr<Operator>> makeTemporalJoinOperator(const OperatorSpec& spec)
{
    auto keys = joinKeyColumns(spec);
    if (!keys) return keys.error();
    const auto type = propertyValue(spec.node, "join_type");
    if (type != "inner" && type != "left")
        return makeError("join_type: expected inner or left (Flink's temporal join)");
    return makeOperator<TemporalJoinOperator>(std::move(keys->left), std::move(keys->right),
                                              type == "left", spec.inputSchemas.at(0),
                                              spec.inputSchemas.at(1));
}

} // namespace sw::runtime
