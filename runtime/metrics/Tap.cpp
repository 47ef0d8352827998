#include "metrics/Tap.h"

namespace sw::runtime {

void Tap::put(TappedRecord t)
{
    if (m_ring.size() < m_capacity) {
        m_ring.push_back(std::move(t));
    } else {
        m_ring[m_head] = std::move(t);
        m_head = (m_head + 1) % m_capacity;
    }
}

std::vector<TappedRecord> Tap::take()
{
    std::lock_guard lock(m_mutex);
    std::vector<TappedRecord> out;
    out.reserve(m_ring.size());
    for (std::size_t i = 0; i < m_ring.size(); ++i)
        out.push_back(std::move(m_ring[(m_head + i) % m_ring.size()]));
    m_ring.clear();
    m_head = 0;
    return out;
}

std::uint64_t Tap::total() const
{
    std::lock_guard lock(m_mutex);
    return m_seq;
}

} // namespace sw::runtime
