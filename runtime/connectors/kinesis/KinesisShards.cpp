#include "connectors/kinesis/KinesisShards.h"

#include <cctype>
#include <functional>

namespace sw::runtime::kinesis {

int shardOwner(const std::vector<ShardInfo>& all, const std::string& shardId, int parallelism)
{
    if (parallelism <= 1) return 0;
    std::string id = shardId;
    // Follow parents to the root (bounded: a chain longer than the list is a cycle).
    for (std::size_t hops = 0; hops <= all.size(); ++hops) {
        const ShardInfo* s = nullptr;
        for (const ShardInfo& i : all)
            if (i.id == id) s = &i;
        if (!s || s->parent.empty()) break;
        bool parentListed = false;
        for (const ShardInfo& i : all)
            parentListed = parentListed || i.id == s->parent;
        if (!parentListed) break;
        id = s->parent;
    }
    std::size_t digits = id.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(id[digits - 1])))
        --digits;
    std::uint64_t n = 0;
    if (digits < id.size() && id.size() - digits <= 18)
        n = std::stoull(id.substr(digits));
    else
        n = std::hash<std::string>{}(id);
    return static_cast<int>(n % static_cast<std::uint64_t>(parallelism));
}

std::shared_ptr<FinishedShards> FinishedShards::forNode(const std::string& key)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<FinishedShards>> registry;
    std::lock_guard lock(mutex);
    if (auto existing = registry[key].lock()) return existing;
    auto created = std::make_shared<FinishedShards>();
    registry[key] = created;
    return created;
}

void FinishedShards::add(const std::string& shardId)
{
    std::lock_guard lock(m_mutex);
    m_ids.insert(shardId);
}

bool FinishedShards::contains(const std::string& shardId) const
{
    std::lock_guard lock(m_mutex);
    return m_ids.count(shardId) > 0;
}

} // namespace sw::runtime::kinesis
