#include "operators/RegularJoinOperator.h"

#include <algorithm>

#include "catalog/PropertyAccess.h"
#include "operators/JoinKeys.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"

namespace sw::runtime {

namespace {
constexpr std::uint64_t kJoinStateFormat = 1;
}

RegularJoinOperator::RegularJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys,
                                         Type type, std::size_t leftWidth, std::size_t rightWidth,
                                         std::int64_t ttlMs)
    : m_keys{std::move(leftKeys), std::move(rightKeys)},
      m_type(type), m_width{leftWidth, rightWidth}, m_ttl(ttlMs)
{
}

void RegularJoinOperator::emit(int side, const Row* row, const Row* other, RowKind kind,
                               const Record& cause, Collector& out, std::int64_t times)
{
    const Row* l = side == 0 ? row : other;
    const Row* r = side == 0 ? other : row;
    for (std::int64_t i = 0; i < times; ++i) {
        Row& o = m_out.row;
        o.clear();
        if (l)
            o.insert(o.end(), l->begin(), l->end());
        else
            o.resize(m_width[0]);
        if (r)
            o.insert(o.end(), r->begin(), r->end());
        else
            o.resize(m_width[0] + m_width[1]);
        m_out.kind = kind;
        m_out.timestamp = cause.timestamp;
        m_out.provenance = cause.provenance;
        out.emit(m_out);
    }
}

void RegularJoinOperator::accumulate(int side, Record& r, Bag* other, Bag& own, Collector& out)
{
    const int o = 1 - side;
    const bool inner = !outer(0) && !outer(1);
    const RowKind kind = inner ? r.kind : RowKind::Insert;
    std::int64_t matches = 0;
    if (other)
        for (auto& [orow, e] : other->rows) {
            if (outer(o)) {
                if (e.associations == 0) emit(o, &orow, nullptr, RowKind::Delete, r, out, e.count);
                ++e.associations;
            }
            emit(side, &r.row, &orow, kind, r, out, e.count);
            matches += e.count;
        }
    if (outer(side) && matches == 0) emit(side, &r.row, nullptr, RowKind::Insert, r, out);
    Entry& mine = own.rows[r.row];
    ++mine.count;
    mine.associations = matches;
}

void RegularJoinOperator::retract(int side, Record& r, Bag* other, Bag* own, Collector& out)
{
    const int o = 1 - side;
    const bool inner = !outer(0) && !outer(1);
    const RowKind kind = inner ? r.kind : RowKind::Delete;
    if (own)
        if (auto it = own->rows.find(r.row); it != own->rows.end() && --it->second.count <= 0)
            own->rows.erase(it);
    std::int64_t matches = 0;
    if (other)
        for (auto& [orow, e] : other->rows) {
            emit(side, &r.row, &orow, kind, r, out, e.count);
            if (outer(o)) {
                if (e.associations == 1) emit(o, &orow, nullptr, RowKind::Insert, r, out, e.count);
                e.associations = std::max<std::int64_t>(0, e.associations - 1);
            }
            matches += e.count;
        }
    if (outer(side) && matches == 0) emit(side, &r.row, nullptr, RowKind::Delete, r, out);
}

void RegularJoinOperator::process(int side, Record& r, Collector& out)
{
    const KeyView kv = keyViewOf(r.row, m_keys[side]);
    // A NULL key never equals anything (SQL): the row joins nothing but is kept for outer joins.
    auto& otherKeys = m_side[1 - side].keys;
    auto oit = otherKeys.find(KeyView{&r.row, m_keys[side], kv.hash});
    const bool nullKey = hasNullKey(r.row, m_keys[side]);
    Bag* other = nullKey || oit == otherKeys.end() ? nullptr : &oit->second;
    auto& ownKeys = m_side[side].keys;
    auto it = ownKeys.find(kv);
    const std::int64_t now = m_ttl > 0 ? m_ctx->processingTimeMs() : 0;
    if (isAccumulate(r.kind)) {
        if (it == ownKeys.end()) it = ownKeys.emplace(toGroupKey(kv), Bag{}).first;
        accumulate(side, r, other, it->second, out);
    } else {
        retract(side, r, other, it == ownKeys.end() ? nullptr : &it->second, out);
        if (it != ownKeys.end() && it->second.rows.empty()) {
            ownKeys.erase(it);
            it = ownKeys.end();
        }
    }
    if (m_ttl > 0) {
        if (it != ownKeys.end()) it->second.touched = now;
        if (other) other->touched = now; // its match numbers changed: a write, as in Flink
        armTtlTimer(now + m_ttl);
    }
}

void RegularJoinOperator::processBatch(int port, RecordBatch& batch, Collector& out)
{
    const int side = port == 0 ? 0 : 1;
    for (Record& r : batch)
        process(side, r, out);
}

void RegularJoinOperator::armTtlTimer(std::int64_t at)
{
    if (m_timer >= 0 && m_timer <= at) return;
    m_timer = at;
    m_ctx->registerProcessingTimer(at);
}

void RegularJoinOperator::onProcessingTime(std::int64_t nowMs, Collector&)
{
    if (m_ttl <= 0 || m_timer < 0 || nowMs < m_timer) return;
    m_timer = -1;
    std::int64_t next = -1;
    for (Side& s : m_side)
        for (auto it = s.keys.begin(); it != s.keys.end();) {
            const std::int64_t expiry = it->second.touched + m_ttl;
            if (expiry <= nowMs) {
                it = s.keys.erase(it);
                continue;
            }
            next = next < 0 ? expiry : std::min(next, expiry);
            ++it;
        }
    if (next >= 0) armTtlTimer(next);
}

void RegularJoinOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per (side, key).
    KeyedStateOutput out;
    for (std::uint64_t side = 0; side < 2; ++side)
        for (const auto& [key, bag] : m_side[side].keys) {
            StateOutput& o = out.groupOf(key.values);
            o.u64(side);
            writeKey(o, key);
            o.i64(bag.touched);
            o.u64(bag.rows.size());
            for (const auto& [row, e] : bag.rows) {
                o.row(row);
                o.i64(e.count);
                o.i64(e.associations);
            }
        }
    w.put(keyedBlobName("join"), out.finish());
}

void RegularJoinOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "join", "join state", [](StateInput&) {},
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd()) {
                const std::uint64_t side = in.u64();
                if (side > 1)
                    in.fail("unknown side " + std::to_string(side));
                else
                    restoreKey(in, m_side[side]);
            }
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob.
    const std::string* blob = r.get("join");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in, kJoinStateFormat);
    for (Side& s : m_side) {
        const std::size_t keys = in.count(3);
        for (std::size_t k = 0; k < keys && in.ok(); ++k)
            restoreKey(in, s);
    }
    finishRestore(in, "join state");
}

void RegularJoinOperator::restoreKey(StateInput& in, Side& s)
{
    GroupKey key = readKey(in);
    Bag bag;
    bag.touched = in.i64();
    const std::size_t rows = in.count(3);
    for (std::size_t i = 0; i < rows && in.ok(); ++i) {
        Row row = in.row();
        Entry e;
        e.count = in.i64();
        e.associations = in.i64();
        bag.rows.emplace(std::move(row), e);
    }
    if (!in.ok()) return;
    if (m_ttl > 0) armTtlTimer(bag.touched + m_ttl);
    if (!s.keys.emplace(std::move(key), std::move(bag)).second) in.fail("a key appears twice");
}

Result<std::unique_ptr<Operator>> makeRegularJoinOperator(const OperatorSpec& spec)
{
    const Schema& l = spec.inputSchemas.at(0);
    const Schema& r = spec.inputSchemas.at(1);
    auto keys = joinKeyColumns(spec);
    if (!keys) return keys.error();
    const std::string t = propertyValue(spec.node, "join_type").get<std::string>();
    using T = RegularJoinOperator::Type;
    const T type = t == "left"    ? T::Left
                   : t == "right" ? T::Right
                   : t == "full"  ? T::Full
                                  : T::Inner;
    if (t != "inner" && t != "left" && t != "right" && t != "full")
        return makeError("join_type: expected inner, left, right or full");
    PropertyReader props(spec.node);
    const std::int64_t ttl = props.durationMs("state_ttl");
    if (!props.ok()) return props.error();
    if (ttl < 0) return makeError("state_ttl: must not be negative");
    return makeOperator<RegularJoinOperator>(std::move(keys->left), std::move(keys->right), type,
                                             l.size(), r.size(), ttl);
}

} // namespace sw::runtime
