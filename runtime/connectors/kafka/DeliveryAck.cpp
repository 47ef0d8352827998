#include "connectors/kafka/DeliveryAck.h"

#include <algorithm>

namespace sw::runtime::kafka {
namespace {

struct Registry {
    std::mutex mutex;
    std::unordered_map<const std::string*, std::weak_ptr<SourceAcks>> receivers;
    // Kept after the source closes (a DLQ may still write its last errors); an address is
    // reused only after every record of the old source is gone, and is then re-registered.
    std::unordered_map<const std::string*, std::string> groups;
};

Registry& registry()
{
    static Registry* r = new Registry(); // never destroyed: sinks may ack during shutdown
    return *r;
}

std::shared_ptr<SourceAcks> find(const std::string* origin)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.receivers.find(origin);
    return it == r.receivers.end() ? nullptr : it->second.lock();
}

} // namespace

OffsetTracker* SourceAcks::tracker(std::int32_t partition)
{
    auto it = m_trackers.find(partition);
    return it == m_trackers.end() ? nullptr : &it->second;
}

OffsetTracker& SourceAcks::assign(std::int32_t partition, std::int64_t startOffset)
{
    m_trackers.erase(partition);
    return m_trackers.emplace(partition, OffsetTracker(startOffset)).first->second;
}

void SourceAcks::acknowledge(std::int32_t partition, std::int64_t offset)
{
    std::lock_guard lock(m_mutex);
    acknowledgeLocked(partition, offset);
}

void SourceAcks::acknowledgeLocked(std::int32_t partition, std::int64_t offset)
{
    OffsetTracker* t = tracker(partition);
    if (!t || !t->acknowledge(offset)) ++m_stray;
}

void registerAckReceiver(const std::string* origin, const std::shared_ptr<SourceAcks>& acks)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.receivers[origin] = acks;
    r.groups[origin] = acks->groupId();
}

void unregisterAckReceiver(const std::string* origin)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.receivers.erase(origin);
}

void acknowledge(const Provenance& p)
{
    if (p.kind != Provenance::Kind::Kafka || !p.origin || p.position < 0) return;
    if (auto acks = find(p.origin.get())) acks->acknowledge(p.partition, p.position);
}

std::string consumerGroupOf(const Provenance& p)
{
    if (p.kind != Provenance::Kind::Kafka || !p.origin) return {};
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.groups.find(p.origin.get());
    return it == r.groups.end() ? std::string() : it->second;
}

void AckBatch::flush()
{
    if (m_items.empty()) return;
    std::stable_sort(m_items.begin(), m_items.end(),
                     [](const Item& a, const Item& b) { return a.origin < b.origin; });
    std::size_t i = 0;
    while (i < m_items.size()) {
        const std::string* origin = m_items[i].origin;
        std::size_t j = i;
        while (j < m_items.size() && m_items[j].origin == origin)
            ++j;
        if (auto acks = find(origin)) {
            std::lock_guard lock(acks->mutex());
            for (std::size_t k = i; k < j; ++k)
                acks->acknowledgeLocked(m_items[k].partition, m_items[k].offset);
        }
        i = j;
    }
    m_items.clear();
}

} // namespace sw::runtime::kafka
