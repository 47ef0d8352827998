#include "operators/windows/TimeWindowOperator.h"

#include <numeric>

#include "operators/windows/WindowState.h"

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
    StateOutput out;
    out.u64(kOperatorStateFormat);
    out.time(m_time);
    out.u64(m_seq);
    out.u64(m_windows.size());
    const std::size_t n = m_c.aggregates.size();
    for (const auto& [end, win] : m_windows) {
        out.time(win.start);
        out.time(end);
        out.boolean(win.fired);
        out.u64(win.keyIds.size());
        for (std::size_t s = 0; s < win.keyIds.size(); ++s) {
            writeKey(out, m_dict.key(win.keyIds[s]));
            writeAccs(out, win.accs.data() + s * n, n);
        }
    }
    w.put("windows", out.take());
}

void TimeWindowOperator::restoreState(const StateReader& r)
{
    const std::string* blob = r.get("windows");
    if (!blob) return; // no state for this subtask (nothing was in state)
    StateInput in(*blob);
    readFormat(in);
    m_time = in.time();
    m_seq = in.u64();
    const std::size_t windows = in.count(4);
    const std::size_t n = m_c.aggregates.size();
    Row values;            // one key's values, reused (no allocation per key)
    std::vector<int> cols; // 0..k-1
    for (std::size_t i = 0; i < windows && in.ok(); ++i) {
        const EventTime start = in.time(), end = in.time();
        const bool fired = in.boolean();
        Window& win = m_windows[end];
        win.start = start;
        win.fired = fired;
        const std::size_t keys = in.count(2);
        win.keyIds.reserve(keys);
        win.accs.reserve(keys * n);
        for (std::size_t k = 0; k < keys && in.ok(); ++k) {
            values.resize(in.count());
            for (Value& v : values)
                v = in.value();
            if (cols.size() != values.size()) {
                cols.resize(values.size());
                std::iota(cols.begin(), cols.end(), 0);
            }
            const std::uint32_t keyId = m_dict.intern(keyViewOf(values, cols));
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
        if (!m_c.eventTime && !fired)
            m_ctx->registerProcessingTimer(TimeWindow{start, end}.maxTimestamp());
    }
    m_last = nullptr;
    finishRestore(in, "window state");
}

} // namespace sw::runtime
