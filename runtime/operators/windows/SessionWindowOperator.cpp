#include "operators/windows/SessionWindowOperator.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>

#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"

namespace sw::runtime {

void SessionWindowOperator::registerTimer(KeyId id, KeyState& st, EventTime t)
{
    // Lazy timers: one pending timer per key at the earliest time any of its sessions needs.
    // A session that grows later is handled when the earlier timer fires (processKey re-arms).
    if (!st.timers.empty() && st.timers.back() <= t) return;
    st.timers.push_back(t);
    m_timers.insert({t, id});
    if (!m_c.eventTime) m_ctx->registerProcessingTimer(t);
}

/// Merges every other session of `ss` that intersects ss[target] into it; returns the target's
/// (possibly moved) index.
std::size_t SessionWindowOperator::absorb(std::vector<Session>& ss, std::size_t target)
{
    for (std::size_t j = 0; j < ss.size();) {
        if (j == target || !ss[j].window.intersects(ss[target].window)) {
            ++j;
            continue;
        }
        Session& t = ss[target];
        t.window.start = std::min(t.window.start, ss[j].window.start);
        t.window.end = std::max(t.window.end, ss[j].window.end);
        m_c.aggregates.merge(t.accs, ss[j].accs);
        t.holds.merge(ss[j].holds);
        t.fired = false; // the merged window is new: it fires (again) on its own end
        if (target == ss.size() - 1) target = j;
        ss[j] = std::move(ss.back());
        ss.pop_back();
        j = 0; // the grown window may now intersect sessions checked before
    }
    return target;
}

void SessionWindowOperator::add(const Record& r, EventTime ts, Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    KeyView kv = keyViewOf(r.row, m_c.keyColumns);
    KeyId id = m_keys.find(kv);
    const TimeWindow w = SessionAssigner{m_c.gap}.assign(ts);
    std::size_t target = SIZE_MAX;
    if (id != m_keys.kNone) {
        auto& ss = m_keys.value(id).sessions;
        for (std::size_t i = 0; i < ss.size() && target == SIZE_MAX; ++i)
            if (ss[i].window.intersects(w)) target = i;
        if (target != SIZE_MAX) {
            Session& t = ss[target];
            if (w.start < t.window.start || w.end > t.window.end) {
                t.window.start = std::min(t.window.start, w.start);
                t.window.end = std::max(t.window.end, w.end);
                t.fired = false; // a grown window fires again (Flink: a new merged window)
                target = absorb(ss, target);
            }
        }
    }
    // Only a window that merged with nothing can be late (merging extends a live session).
    if (target == SIZE_MAX && m_c.eventTime &&
        EventTimeTrigger::isWindowLate(w, lateness, m_time)) {
        emitLate(r, out);
        return;
    }
    if (id == m_keys.kNone) id = m_keys.insert(kv).first;
    KeyState& st = m_keys.value(id);
    if (target == SIZE_MAX) {
        st.sessions.push_back(Session{w, false, {}});
        m_c.aggregates.init(st.sessions.back().accs);
        target = st.sessions.size() - 1;
    }
    Session& s = st.sessions[target];
    m_c.aggregates.add(s.accs, r.row, m_seq);
    if (r.provenance.kind == Provenance::Kind::Kafka) s.holds.hold(r.provenance);
    if (m_c.eventTime && EventTimeTrigger::onElement(s.window, m_time) == TriggerResult::Fire) {
        emitResult(&s.window, m_keys.key(id), s.accs.data(), s.window.maxTimestamp(), out);
        s.fired = true;
        registerTimer(id, st, s.window.maxTimestamp() + lateness);
    } else if (!s.fired) {
        registerTimer(id, st, s.window.maxTimestamp());
    }
}

void SessionWindowOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        ++m_seq;
        EventTime ts = timeOf(r);
        if (ts == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_c.input);
            continue;
        }
        add(r, ts, out);
    }
}

bool SessionWindowOperator::processKey(KeyId id, KeyState& st, EventTime time, Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    const GroupKey& key = m_keys.key(id);
    auto& ss = st.sessions;
    for (std::size_t i = 0; i < ss.size();) {
        Session& s = ss[i];
        if (!s.fired && s.window.maxTimestamp() <= time) {
            emitResult(&s.window, key, s.accs.data(), s.window.maxTimestamp(), out);
            s.fired = true;
        }
        if (s.fired && EventTimeTrigger::isCleanupTime(s.window, lateness, time)) {
            ss[i] = std::move(ss.back());
            ss.pop_back();
            continue;
        }
        registerTimer(id, st,
                      s.fired ? s.window.maxTimestamp() + lateness : s.window.maxTimestamp());
        ++i;
    }
    return ss.empty();
}

void SessionWindowOperator::advance(EventTime time, Collector& out)
{
    m_time = time;
    while (!m_timers.empty() && m_timers.begin()->first <= time) {
        auto [t, id] = *m_timers.begin();
        m_timers.erase(m_timers.begin());
        // A key's timers leave m_timers with the key, so `id` is live; `t` is its earliest timer.
        KeyState& st = m_keys.value(id);
        if (!st.timers.empty() && st.timers.back() == t)
            st.timers.pop_back();
        else if (auto f = std::find(st.timers.begin(), st.timers.end(), t); f != st.timers.end())
            st.timers.erase(f);
        if (processKey(id, st, time, out)) {
            for (EventTime rest : st.timers)
                m_timers.erase({rest, id});
            m_keys.erase(id);
        }
    }
}

void SessionWindowOperator::collectHolds(SourceHolds& holds) const
{
    for (const auto& [key, st] : m_keys)
        for (const Session& s : st.sessions)
            holds.merge(s.holds);
}

void SessionWindowOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per key (its sessions and timers).
    KeyedStateOutput out;
    out.meta().time(m_time);
    out.meta().u64(m_seq);
    const std::size_t n = m_c.aggregates.size();
    for (auto it = m_keys.begin(); it != m_keys.end(); ++it) {
        auto [key, st] = *it;
        StateOutput& o = out.groupOf(key.values);
        writeKey(o, key);
        o.u64(st.sessions.size());
        for (const Session& s : st.sessions) {
            o.time(s.window.start);
            o.time(s.window.end);
            o.boolean(s.fired);
            writeAccs(o, s.accs.data(), n);
        }
        o.u64(st.timers.size());
        for (EventTime t : st.timers)
            o.time(t);
    }
    w.put(keyedBlobName("sessions"), out.finish());
}

void SessionWindowOperator::restoreState(const StateReader& r)
{
    bool found = false;
    const std::string e = readKeyedState(
        r, "sessions", "session state",
        [this](StateInput& in) {
            m_time = std::max(m_time, in.time());
            m_seq = std::max(m_seq, in.u64());
        },
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd()) {
                GroupKey key = readKey(in);
                if (!in.ok()) break;
                std::vector<int> cols(key.values.size());
                std::iota(cols.begin(), cols.end(), 0);
                auto [id, inserted] = m_keys.insert(keyViewOf(key.values, cols));
                if (!inserted) {
                    in.fail("a key appears twice");
                    break;
                }
                restoreKey(in, static_cast<KeyId>(id));
            }
        },
        &found);
    if (!e.empty()) throw std::runtime_error(e);
    if (!found) restoreLegacy(r);
}

void SessionWindowOperator::restoreKey(StateInput& in, KeyId id)
{
    const std::size_t n = m_c.aggregates.size();
    KeyState& st = m_keys.value(id);
    st.sessions.resize(in.count(3));
    for (Session& s : st.sessions) {
        s.window.start = in.time();
        s.window.end = in.time();
        s.fired = in.boolean();
        m_c.aggregates.init(s.accs);
        readAccs(in, s.accs.data(), n);
    }
    st.timers.resize(in.count());
    for (EventTime& t : st.timers) {
        t = in.time();
        m_timers.insert({t, id});
        if (!m_c.eventTime) m_ctx->registerProcessingTimer(t);
    }
}

void SessionWindowOperator::restoreLegacy(const StateReader& r)
{
    // A checkpoint written before key groups: this subtask's own blob, with its key ids.
    const std::string* blob = r.get("sessions");
    if (!blob) return;
    StateInput in(*blob);
    readFormat(in);
    m_time = in.time();
    m_seq = in.u64();
    const std::size_t entries = in.count(0);
    std::vector<KeyId> freeIds(in.count());
    for (KeyId& id : freeIds)
        id = static_cast<KeyId>(in.u64());
    const std::size_t keys = in.count(3);
    for (std::size_t k = 0; k < keys && in.ok(); ++k) {
        const std::uint64_t id = in.u64();
        GroupKey key = readKey(in);
        std::vector<int> cols(key.values.size());
        std::iota(cols.begin(), cols.end(), 0);
        if (!in.ok()) break;
        if (id >= entries || m_keys.contains(static_cast<KeyId>(id))) {
            in.fail("corrupt key id " + std::to_string(id));
            break;
        }
        m_keys.insertWithId(keyViewOf(key.values, cols), static_cast<KeyId>(id));
        restoreKey(in, static_cast<KeyId>(id));
    }
    for (KeyId id : freeIds)
        if (id >= entries || m_keys.contains(id)) in.fail("corrupt free key id");
    if (in.ok()) m_keys.restoreFreeIds(entries, std::move(freeIds));
    finishRestore(in, "session state");
}

} // namespace sw::runtime
