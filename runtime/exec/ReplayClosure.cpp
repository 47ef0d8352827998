#include "exec/ReplayClosure.h"

#include <algorithm>
#include <limits>

namespace sw::runtime {

namespace {
constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min();

std::int64_t valueOf(const ReplayClosure::CommitVector& c, const ReplayUnit::Range& r)
{
    auto it = c.find({r.origin, r.partition});
    return it == c.end() ? kNever : it->second;
}
} // namespace

void ReplayClosure::add(ReplayUnit unit)
{
    if (unit.empty()) return;
    m_units.push_back({std::move(unit), 0});
}

void ReplayClosure::bound(const CommitVector& proposal)
{
    // Liveness: a unit the proposal is past everywhere is kept only by a chain; give it up
    // after maxAge consecutive closes.
    for (Held& h : m_units) {
        bool behind = true;
        for (const ReplayUnit::Range& r : h.unit.ranges())
            behind = behind && valueOf(proposal, r) > r.hi;
        h.behind = behind ? h.behind + 1 : 0;
    }
    auto old = std::remove_if(m_units.begin(), m_units.end(),
                              [&](const Held& h) { return h.behind > m_maxAge; });
    m_expired += static_cast<std::uint64_t>(m_units.end() - old);
    m_units.erase(old, m_units.end());
    // Memory: merge the oldest pairs (a union is a coarser unit, still correct).
    while (m_units.size() > m_maxUnits && m_units.size() >= 2) {
        m_units[1].unit.merge(m_units[0].unit);
        m_units[1].behind = std::min(m_units[1].behind, m_units[0].behind);
        m_units.erase(m_units.begin());
    }
}

bool ReplayClosure::lower(const ReplayUnit& u, CommitVector& c, const CommitVector& floor)
{
    bool touched = false;
    bool whole = true;
    for (const ReplayUnit::Range& r : u.ranges()) {
        const std::int64_t v = valueOf(c, r);
        touched = touched || v <= r.hi;
        whole = whole && v <= r.lo;
    }
    if (!touched || whole) return false;
    bool changed = false;
    for (const ReplayUnit::Range& r : u.ranges()) {
        auto it = c.find({r.origin, r.partition});
        if (it == c.end() || it->second <= r.lo) continue;
        std::int64_t v = r.lo;
        if (auto f = floor.find(it->first); f != floor.end()) v = std::max(v, f->second);
        if (v < it->second) {
            it->second = v;
            changed = true;
        }
    }
    return changed;
}

const ReplayClosure::CommitVector& ReplayClosure::close(const CommitVector& proposal)
{
    // Start from the previous result (kept for keys without a proposal: what was committed for
    // them stays so) overlaid with the proposal; never lower a key below min(previous, proposal).
    CommitVector c = m_committed;
    CommitVector floor = m_committed;
    for (const auto& [key, v] : proposal) {
        auto prev = floor.find(key);
        if (prev != floor.end()) prev->second = std::min(prev->second, v);
        c[key] = v;
    }
    bound(c); // c is the proposal here (with previous values for keys without one)
    m_lastLowerings = 0;
    for (bool changed = true; changed;) { // fixpoint: values only decrease, bounded by floors
        changed = false;
        for (const Held& h : m_units)
            if (lower(h.unit, c, floor)) {
                changed = true;
                ++m_lastLowerings;
            }
    }
    // A unit the result is past everywhere is never touched again.
    std::erase_if(m_units, [&](const Held& h) {
        for (const ReplayUnit::Range& r : h.unit.ranges())
            if (valueOf(c, r) <= r.hi) return false;
        return true;
    });
    m_committed = std::move(c);
    return m_committed;
}

} // namespace sw::runtime
