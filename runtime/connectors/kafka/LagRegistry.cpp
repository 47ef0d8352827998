#include "connectors/kafka/LagRegistry.h"

#include <algorithm>
#include <limits>

namespace sw::runtime::kafka {

LagRegistry& LagRegistry::instance()
{
    static LagRegistry* r = new LagRegistry(); // never destroyed: handles may outlive statics
    return *r;
}

LagRegistry::Handle::~Handle()
{
    std::lock_guard lock(m_registry->m_mutex);
    m_registry->m_entries.erase(m_id);
}

void LagRegistry::Handle::update(const SourceLag& s)
{
    std::lock_guard lock(m_registry->m_mutex);
    m_registry->m_entries[m_id] = s;
}

void LagRegistry::Handle::setReading(bool reading)
{
    std::lock_guard lock(m_registry->m_mutex);
    auto it = m_registry->m_entries.find(m_id);
    if (it != m_registry->m_entries.end()) it->second.reading = reading;
}

void LagRegistry::Handle::updatePositions(
    const std::vector<std::pair<std::int32_t, std::int64_t>>& positions)
{
    std::lock_guard lock(m_registry->m_mutex);
    auto it = m_registry->m_entries.find(m_id);
    if (it == m_registry->m_entries.end()) return;
    auto& parts = it->second.partitions;
    for (const auto& [p, pos] : positions) {
        auto pit = std::find_if(parts.begin(), parts.end(),
                                [&](const PartitionLag& l) { return l.partition == p; });
        if (pit == parts.end()) {
            PartitionLag l;
            l.partition = p;
            l.position = pos;
            parts.push_back(l);
        } else {
            pit->position = pos;
            // The high watermark is refreshed once a second, positions more often: a position
            // past it proves the log reached it (never report position > high watermark).
            if (pit->highWatermark >= 0 && pos > pit->highWatermark) pit->highWatermark = pos;
            if (pit->highWatermark >= 0 && pos >= 0) pit->lag = pit->highWatermark - pos;
        }
    }
    std::int64_t total = 0;
    for (const PartitionLag& l : parts)
        if (l.lag > 0) total += l.lag;
    it->second.totalLag = total;
}

std::unique_ptr<LagRegistry::Handle> LagRegistry::add(const SourceLag& initial)
{
    std::lock_guard lock(m_mutex);
    std::uint64_t id = m_next++;
    m_entries[id] = initial;
    return std::make_unique<Handle>(this, id);
}

std::vector<SourceLag> LagRegistry::snapshot() const
{
    std::vector<SourceLag> out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, e] : m_entries)
            out.push_back(e);
    }
    std::stable_sort(out.begin(), out.end(), [](const SourceLag& a, const SourceLag& b) {
        return a.nodeId != b.nodeId ? a.nodeId < b.nodeId : a.subtask < b.subtask;
    });
    return out;
}

std::int64_t LagRegistry::totalLag(const std::string& nodeId) const
{
    std::lock_guard lock(m_mutex);
    std::int64_t total = -1;
    for (const auto& [id, e] : m_entries)
        if (e.nodeId == nodeId) total = (total < 0 ? 0 : total) + e.totalLag;
    return total;
}

std::int64_t LagRegistry::slowestPosition(const std::string& bootstrap, const std::string& topic,
                                          std::int32_t partition) const
{
    std::lock_guard lock(m_mutex);
    // Per group: the position of whichever subtask holds the partition (unknown = 0).
    std::map<std::string, std::int64_t> byGroup;
    for (const auto& [id, e] : m_entries) {
        if (e.topic != topic || e.bootstrapServers != bootstrap || !e.reading) continue;
        auto [it, inserted] = byGroup.try_emplace(e.groupId, -1);
        for (const PartitionLag& p : e.partitions)
            if (p.partition == partition && p.position >= 0)
                it->second = std::max(it->second, p.position);
    }
    if (byGroup.empty()) return -2;
    std::int64_t slowest = std::numeric_limits<std::int64_t>::max();
    for (const auto& [g, pos] : byGroup)
        slowest = std::min(slowest, pos < 0 ? 0 : pos);
    return slowest;
}

} // namespace sw::runtime::kafka
