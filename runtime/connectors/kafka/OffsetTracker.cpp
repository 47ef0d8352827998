#include "connectors/kafka/OffsetTracker.h"

#include <algorithm>

namespace sw::runtime::kafka {

void OffsetTracker::emitted(std::int64_t offset, int acks)
{
    if (offset <= m_last || offset < m_commit) return; // re-delivery of something seen
    m_last = offset;
    if (m_overflow) return;
    if (acks > 0 && m_pending.size() >= m_maxPending) {
        m_overflow = true;
        return;
    }
    m_lastTracked = offset;
    if (acks <= 0) {
        if (m_pending.empty())
            m_commit = offset + 1;
        else
            m_pending.push_back({offset, 0});
        return;
    }
    if (m_pending.empty()) m_commit = offset;
    m_pending.push_back({offset, acks});
}

bool OffsetTracker::acknowledge(std::int64_t offset)
{
    if (m_pending.empty() || offset < m_pending.front().offset || offset > m_pending.back().offset)
        return false;
    auto it = std::lower_bound(m_pending.begin(), m_pending.end(), offset,
                               [](const Entry& e, std::int64_t o) { return e.offset < o; });
    if (it == m_pending.end() || it->offset != offset || it->remaining <= 0) return false;
    --it->remaining;
    if (it == m_pending.begin()) advance();
    return true;
}

void OffsetTracker::advance()
{
    while (!m_pending.empty() && m_pending.front().remaining <= 0)
        m_pending.pop_front();
    // When overflowed, the untracked records after the last tracked one hold the commit point.
    if (!m_pending.empty())
        m_commit = m_pending.front().offset;
    else
        m_commit = (m_overflow ? m_lastTracked : m_last) + 1;
}

} // namespace sw::runtime::kafka
