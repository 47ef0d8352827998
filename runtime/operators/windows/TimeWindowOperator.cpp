#include "operators/windows/TimeWindowOperator.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "operators/windows/WindowState.h"
#include "state/KeyedState.h"

namespace sw::runtime {

TimeWindowOperator::Window& TimeWindowOperator::windowFor(const TimeWindow& w)
{
    if (m_last && m_lastEnd == w.end) return *m_last;
    auto it = m_windows.find(w.end);
    if (it == m_windows.end()) {
        it = m_windows.emplace(w.end, Window{}).first;
        it->second.start = w.start;
        // A window created behind the watermark (late but allowed) fires on this element alone
        // and must not fire again on the next watermark.
        it->second.fired = m_c.eventTime && w.maxTimestamp() <= m_time;
        if (!m_c.eventTime) m_ctx->registerProcessingTimer(w.maxTimestamp());
    }
    m_lastEnd = w.end;
    m_last = &it->second;
    return it->second;
}

bool TimeWindowOperator::addTo(const TimeWindow& w, std::uint32_t keyId, const Record& r,
                               Collector& out)
{
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    if (m_c.eventTime && EventTimeTrigger::isWindowLate(w, lateness, m_time)) return false;
    Window& win = windowFor(w);
    // Commit hold while the window has state: until it fired and, with allowed lateness, until
    // its cleanup (a late record re-fires it with the whole aggregate, so a replay after a
    // restart must rebuild all of it).
    // The same ranges make its replay unit once it leaves state (collectReplayUnits).
    if (r.provenance.kind == Provenance::Kind::Kafka) win.records.add(r.provenance);
    const std::size_t n = m_c.aggregates.size();
    std::uint32_t slot = win.index.find(keyId);
    if (slot == FlatIndex::kNone) {
        slot = static_cast<std::uint32_t>(win.keyIds.size());
        win.index.insert(keyId, slot);
        win.keyIds.push_back(keyId);
        win.accs.resize(win.accs.size() + n);
        m_dict.acquire(keyId);
    }
    Acc* accs = win.accs.data() + std::size_t(slot) * n;
    m_c.aggregates.add(accs, r.row, m_seq);
    // Late but within the allowed lateness: the window already fired; fire it again (Flink's
    // EventTimeTrigger.onElement returns FIRE when the watermark is past the window).
    if (m_c.eventTime && EventTimeTrigger::onElement(w, m_time) == TriggerResult::Fire)
        emitResult(&w, m_dict.key(keyId), accs, w.maxTimestamp(), out);
    return true;
}

void TimeWindowOperator::processBatch(int, RecordBatch& batch, Collector& out)
{
    for (Record& r : batch) {
        ++m_seq;
        EventTime ts = timeOf(r);
        if (ts == kNoTimestamp) [[unlikely]] {
            out.emitError(ErrorClass::Type, "record has no event time", r, m_c.input);
            continue;
        }
        std::uint32_t keyId = m_dict.intern(keyViewOf(r.row, m_c.keyColumns));
        bool accepted = false;
        if (m_c.kind == WindowConfig::Kind::Tumbling) {
            accepted = addTo(TumblingAssigner{m_c.size, m_c.offset}.assign(ts), keyId, r, out);
        } else {
            HopAssigner{m_c.size, m_c.slide, 0}.forEach(
                ts, [&](const TimeWindow& w) { accepted = addTo(w, keyId, r, out) || accepted; });
        }
        if (!accepted) {
            m_dict.releaseIfUnused(keyId);
            emitLate(r, out);
        }
    }
}

void TimeWindowOperator::emitWindow(const TimeWindow& w, const Window& win, Collector& out)
{
    const std::size_t n = m_c.aggregates.size();
    for (std::size_t s = 0; s < win.keyIds.size(); ++s)
        emitResult(&w, m_dict.key(win.keyIds[s]), win.accs.data() + s * n, w.maxTimestamp(), out);
}

void TimeWindowOperator::purge(std::map<EventTime, Window>::iterator it)
{
    for (std::uint32_t id : it->second.keyIds)
        m_dict.release(id);
    Window& win = it->second;
    if (win.fired && !win.records.empty() && m_c.eventTime &&
        m_c.kind == WindowConfig::Kind::Tumbling) {
        if (m_units.size() < kMaxUnits)
            m_units.push_back(std::move(win.records));
        else // no barrier for long (bounded): merge into the last unit, coarser but correct
            m_units.back().merge(win.records);
    }
    if (m_last == &it->second) m_last = nullptr;
    m_windows.erase(it);
}

void TimeWindowOperator::advance(EventTime time, Collector& out)
{
    m_time = time;
    const std::int64_t lateness = m_c.eventTime ? m_c.allowedLateness : 0;
    for (auto it = m_windows.begin(); it != m_windows.end();) {
        TimeWindow w{it->second.start, it->first};
        if (w.maxTimestamp() > time) break;
        if (!it->second.fired) {
            emitWindow(w, it->second, out);
            it->second.fired = true;
        }
        auto next = std::next(it);
        if (EventTimeTrigger::isCleanupTime(w, lateness, time)) purge(it);
        it = next;
    }
}

void TimeWindowOperator::collectHolds(SourceHolds& holds) const
{
    for (const auto& [end, win] : m_windows)
        win.records.holdLowest(holds);
}

void TimeWindowOperator::collectReplayUnits(std::vector<ReplayUnit>& units)
{
    for (ReplayUnit& u : m_units)
        units.push_back(std::move(u));
    m_units.clear();
}

void TimeWindowOperator::snapshotState(std::int64_t, StateWriter& w)
{
    // Per key group (state/KeyedState.h): one item per (window, group) with the window and the
    // keys of that group in slot order, each with its slot. The meta holds the number of keys,
    // so a restore reserves its key table once.
    KeyedStateOutput out;
    out.meta().time(m_time);
    out.meta().u64(m_seq);
    out.meta().u64(m_dict.size());
    out.meta().u64(m_windows.size());
    for (const auto& [end, win] : m_windows) {
        out.meta().time(end);
        out.meta().u64(win.keyIds.size());
    }
    const std::size_t n = m_c.aggregates.size();
    std::vector<std::uint32_t> count(static_cast<std::size_t>(out.maxParallelism()));
    std::vector<std::uint16_t> groups;
    for (const auto& [end, win] : m_windows) {
        groups.resize(win.keyIds.size());
        for (std::size_t s = 0; s < win.keyIds.size(); ++s) {
            groups[s] =
                static_cast<std::uint16_t>(keyGroupOf(keyHash(m_dict.key(win.keyIds[s]).values)));
            ++count[groups[s]];
        }
        for (std::size_t s = 0; s < win.keyIds.size(); ++s) {
            StateOutput& o = out.group(groups[s]);
            if (count[groups[s]] > 0) { // the group's first key of this window: its header
                o.time(win.start);
                o.time(end);
                o.boolean(win.fired);
                o.u64(std::exchange(count[groups[s]], 0));
            }
            o.u64(s); // the slot: the restore keeps the emission order of the keys
            writeKey(o, m_dict.key(win.keyIds[s]));
            writeAccs(o, win.accs.data() + s * n, n);
        }
    }
    w.put(keyedBlobName("windows"), out.finish());
}

void TimeWindowOperator::restoreState(const StateReader& r)
{
    bool found = false, reserved = false;
    std::size_t keys = 0; // in the old subtasks' dictionaries
    const std::string e = readKeyedStateIndexed(
        r, "windows", "window state",
        [&](StateInput& in, int old) {
            m_time = std::max(m_time, in.time());
            m_seq = std::max(m_seq, in.u64());
            keys += in.count(0);
            if (m_oldKeys.size() <= static_cast<std::size_t>(old))
                m_oldKeys.resize(static_cast<std::size_t>(old) + 1);
            const std::size_t windows = in.count(2);
            for (std::size_t i = 0; i < windows && in.ok(); ++i) {
                const EventTime end = in.time();
                m_oldKeys[static_cast<std::size_t>(old)][end] = in.count(0);
            }
        },
        [&](StateInput& in, int old) {
            if (!reserved) { // keys spread evenly over the groups: this subtask's share
                m_dict.reserve(keys * static_cast<std::size_t>(r.keyGroups().size()) /
                               kMaxParallelism);
                reserved = true;
            }
            while (in.ok() && !in.atEnd())
                restoreWindow(in, old);
        },
        &found);
    m_oldKeys.clear();
    m_last = nullptr;
    if (!e.empty()) {
        m_restoring.clear();
        throw std::runtime_error(e);
    }
    if (found) {
        finishRestoredWindows();
        return;
    }
    // A checkpoint written before key groups: this subtask's own blob, same layout per window.
    const std::string* blob = r.get("windows");
    if (!blob) return; // no state for this subtask (nothing was in state)
    StateInput in(*blob);
    readFormat(in);
    m_time = in.time();
    m_seq = in.u64();
    const std::size_t windows = in.count(4);
    for (std::size_t i = 0; i < windows && in.ok(); ++i)
        restoreWindow(in, -1);
    finishRestore(in, "window state");
}

void TimeWindowOperator::restoreWindow(StateInput& in, int old)
{
    const std::size_t n = m_c.aggregates.size();
    const EventTime start = in.time(), end = in.time();
    const bool fired = in.boolean();
    // The same window may come from several old subtasks (other keys): merged. Their fired
    // flags agree (every subtask saw the same watermarks before the barrier).
    const bool existed = m_windows.count(end) > 0;
    Window& win = m_windows[end];
    win.start = start;
    win.fired = win.fired || fired;
    if (!m_c.eventTime && !fired && !existed)
        m_ctx->registerProcessingTimer(TimeWindow{start, end}.maxTimestamp());
    const std::size_t keys = in.count(2);
    Restoring* rs = nullptr;
    if (old >= 0) {
        auto [it, fresh] = m_restoring.try_emplace(end);
        rs = &it->second;
        if (fresh && !existed && static_cast<std::size_t>(old) < m_oldKeys.size()) {
            // The first old subtask with keys of this window: each key straight to its old slot
            // (holes for keys of groups outside this subtask's range are removed at the end).
            const auto size = m_oldKeys[static_cast<std::size_t>(old)].find(end);
            if (size != m_oldKeys[static_cast<std::size_t>(old)].end() && size->second > 0) {
                rs->owner = old;
                rs->direct = true;
                win.keyIds.assign(size->second, kHole);
                win.accs.resize(size->second * n);
            }
        } else if (rs->direct && rs->owner != old) {
            toAppendMode(win, *rs); // a second old subtask: merge, ordered at the end
        }
    }
    if (rs && rs->direct) {
        for (std::size_t k = 0; k < keys && in.ok(); ++k) {
            const std::uint64_t slot = in.u64();
            const std::uint32_t keyId = readRestoredKey(in);
            if (slot >= win.keyIds.size() || win.keyIds[slot] != kHole) {
                in.fail("corrupt slot " + std::to_string(slot));
                break;
            }
            win.keyIds[slot] = keyId;
            m_dict.acquire(keyId);
            readAccs(in, win.accs.data() + slot * n, n);
        }
        return;
    }
    // Appended: grow geometrically (a window arrives in one item per key group).
    const std::size_t first = win.keyIds.size();
    if (const std::size_t need = first + keys; need > win.keyIds.capacity()) {
        const std::size_t cap = std::max(need, 2 * win.keyIds.capacity());
        win.keyIds.reserve(cap);
        win.accs.reserve(cap * n);
    }
    win.accs.resize((first + keys) * n);
    for (std::size_t k = 0; k < keys && in.ok(); ++k) {
        if (rs) rs->oldSlots.push_back(static_cast<std::uint32_t>(in.u64()));
        const std::uint32_t keyId = readRestoredKey(in);
        const auto slot = static_cast<std::uint32_t>(win.keyIds.size());
        if (!rs) { // with slots the index is built once the keys are in their final order
            if (win.index.find(keyId) != FlatIndex::kNone) {
                in.fail("a key appears twice in one window");
                break;
            }
            win.index.insert(keyId, slot);
        }
        win.keyIds.push_back(keyId);
        m_dict.acquire(keyId);
        readAccs(in, win.accs.data() + std::size_t(slot) * n, n);
    }
    win.accs.resize(win.keyIds.size() * n); // fewer when the input failed
}

std::uint32_t TimeWindowOperator::readRestoredKey(StateInput& in)
{
    m_keyValues.resize(in.count());
    for (Value& v : m_keyValues)
        v = in.value();
    if (m_keyCols.size() != m_keyValues.size()) {
        m_keyCols.resize(m_keyValues.size());
        std::iota(m_keyCols.begin(), m_keyCols.end(), 0);
    }
    return m_dict.intern(keyViewOf(m_keyValues, m_keyCols));
}

void TimeWindowOperator::compact(Window& win, std::vector<std::uint32_t>* oldSlots)
{
    const std::size_t n = m_c.aggregates.size();
    std::size_t to = 0;
    for (std::size_t s = 0; s < win.keyIds.size(); ++s) {
        if (win.keyIds[s] == kHole) continue;
        if (oldSlots) oldSlots->push_back(static_cast<std::uint32_t>(s));
        if (to != s) {
            win.keyIds[to] = win.keyIds[s];
            std::move(win.accs.begin() + std::ptrdiff_t(s * n),
                      win.accs.begin() + std::ptrdiff_t((s + 1) * n),
                      win.accs.begin() + std::ptrdiff_t(to * n));
        }
        ++to;
    }
    win.keyIds.resize(to);
    win.accs.resize(to * n);
}

void TimeWindowOperator::toAppendMode(Window& win, Restoring& rs)
{
    compact(win, &rs.oldSlots);
    rs.direct = false;
}

void TimeWindowOperator::finishRestoredWindows()
{
    // Windows placed directly keep their old slot order; merged ones (several old subtasks)
    // are put in slot order (interleaved by slot, stable: old subtask order), so a restored
    // window emits its keys in the order the uninterrupted run would. Then they are indexed.
    for (auto& [end, rs] : m_restoring) {
        Window& win = m_windows[end];
        if (rs.direct)
            compact(win, nullptr);
        else
            permuteToSlotOrder(win, rs.oldSlots);
        const std::size_t k = win.keyIds.size();
        win.index = FlatIndex();
        win.index.reserve(k);
        for (std::size_t slot = 0; slot < k; ++slot) {
            if (win.index.find(win.keyIds[slot]) != FlatIndex::kNone) {
                m_restoring.clear();
                throw std::runtime_error("window state: a key appears twice in one window");
            }
            win.index.insert(win.keyIds[slot], static_cast<std::uint32_t>(slot));
        }
    }
    m_restoring.clear();
}

void TimeWindowOperator::permuteToSlotOrder(Window& win, const std::vector<std::uint32_t>& oldSlots)
{
    const std::size_t n = m_c.aggregates.size();
    const std::size_t k = win.keyIds.size();
    if (oldSlots.size() != k || std::is_sorted(oldSlots.begin(), oldSlots.end())) return;
    // order[slot] = the position read that goes to `slot`.
    std::vector<std::uint32_t> order(k);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return oldSlots[a] < oldSlots[b]; });
    // Gather in place along the permutation's cycles (no second copy of the accumulators).
    std::vector<Acc> tmp(n);
    for (std::size_t start = 0; start < k; ++start) {
        if (order[start] == start || order[start] == kHole) continue;
        const std::uint32_t keyId = win.keyIds[start];
        std::move(win.accs.begin() + std::ptrdiff_t(start * n),
                  win.accs.begin() + std::ptrdiff_t((start + 1) * n), tmp.begin());
        std::size_t j = start;
        while (order[j] != start) {
            const std::size_t from = order[j];
            win.keyIds[j] = win.keyIds[from];
            std::move(win.accs.begin() + std::ptrdiff_t(from * n),
                      win.accs.begin() + std::ptrdiff_t((from + 1) * n),
                      win.accs.begin() + std::ptrdiff_t(j * n));
            order[j] = kHole; // done
            j = from;
        }
        win.keyIds[j] = keyId;
        std::move(tmp.begin(), tmp.end(), win.accs.begin() + std::ptrdiff_t(j * n));
        order[j] = kHole;
    }
}

} // namespace sw::runtime
