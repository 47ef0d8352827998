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
    // keys of that group in slot order.
    KeyedStateOutput out;
    out.meta().time(m_time);
    out.meta().u64(m_seq);
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
    bool found = false;
    const std::string e = readKeyedState(
        r, "windows", "window state",
        [this](StateInput& in) {
            m_time = std::max(m_time, in.time());
            m_seq = std::max(m_seq, in.u64());
        },
        [this](StateInput& in) {
            while (in.ok() && !in.atEnd())
                restoreWindow(in, true);
        },
        &found);
    m_last = nullptr;
    if (!e.empty()) throw std::runtime_error(e);
    orderRestoredSlots();
    if (found) return;
    // A checkpoint written before key groups: this subtask's own blob, same layout per window.
    const std::string* blob = r.get("windows");
    if (!blob) return; // no state for this subtask (nothing was in state)
    StateInput in(*blob);
    readFormat(in);
    m_time = in.time();
    m_seq = in.u64();
    const std::size_t windows = in.count(4);
    for (std::size_t i = 0; i < windows && in.ok(); ++i)
        restoreWindow(in, false);
    finishRestore(in, "window state");
}

void TimeWindowOperator::restoreWindow(StateInput& in, bool withSlots)
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
    const std::size_t keys = in.count(2);
    win.keyIds.reserve(win.keyIds.size() + keys);
    win.accs.reserve((win.keyIds.size() + keys) * n);
    std::vector<std::uint32_t>* oldSlots = withSlots ? &m_restoredSlots[end] : nullptr;
    for (std::size_t k = 0; k < keys && in.ok(); ++k) {
        if (oldSlots) oldSlots->push_back(static_cast<std::uint32_t>(in.u64()));
        m_keyValues.resize(in.count());
        for (Value& v : m_keyValues)
            v = in.value();
        if (m_keyCols.size() != m_keyValues.size()) {
            m_keyCols.resize(m_keyValues.size());
            std::iota(m_keyCols.begin(), m_keyCols.end(), 0);
        }
        const std::uint32_t keyId = m_dict.intern(keyViewOf(m_keyValues, m_keyCols));
        if (win.index.find(keyId) != FlatIndex::kNone) {
            in.fail("a key appears twice in one window");
            break;
        }
        const auto slot = static_cast<std::uint32_t>(win.keyIds.size());
        win.index.insert(keyId, slot);
        win.keyIds.push_back(keyId);
        win.accs.resize(win.accs.size() + n);
        m_dict.acquire(keyId);
        readAccs(in, win.accs.data() + std::size_t(slot) * n, n);
    }
    if (!m_c.eventTime && !fired && !existed)
        m_ctx->registerProcessingTimer(TimeWindow{start, end}.maxTimestamp());
}

void TimeWindowOperator::orderRestoredSlots()
{
    // Sections come in key-group order: put each window's keys back in their slot order (from
    // several old subtasks: interleaved by slot), so a restored window emits its keys in the
    // order the uninterrupted run would.
    const std::size_t n = m_c.aggregates.size();
    for (auto& [end, oldSlots] : m_restoredSlots) {
        Window& win = m_windows[end];
        if (oldSlots.size() != win.keyIds.size() ||
            std::is_sorted(oldSlots.begin(), oldSlots.end()))
            continue;
        std::vector<std::uint32_t> order(oldSlots.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return oldSlots[a] < oldSlots[b];
        });
        Window sorted;
        sorted.start = win.start;
        sorted.fired = win.fired;
        sorted.keyIds.reserve(order.size());
        sorted.accs.resize(order.size() * n);
        for (std::uint32_t from : order) {
            const auto slot = static_cast<std::uint32_t>(sorted.keyIds.size());
            sorted.keyIds.push_back(win.keyIds[from]);
            sorted.index.insert(win.keyIds[from], slot);
            std::move(win.accs.begin() + std::ptrdiff_t(from * n),
                      win.accs.begin() + std::ptrdiff_t((from + 1) * n),
                      sorted.accs.begin() + std::ptrdiff_t(slot * n));
        }
        win = std::move(sorted);
    }
    m_restoredSlots.clear();
}

} // namespace sw::runtime
