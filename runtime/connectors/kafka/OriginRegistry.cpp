#include "connectors/kafka/OriginRegistry.h"

#include <mutex>
#include <unordered_map>

namespace sw::runtime::kafka {
namespace {

struct Registry {
    std::mutex mutex;
    std::unordered_map<const std::string*, std::string> groups;
};

Registry& registry()
{
    static Registry* r = new Registry(); // never destroyed: DLQ writers may ask during shutdown
    return *r;
}

} // namespace

void registerOrigin(const std::string* origin, const std::string& groupId)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.groups[origin] = groupId;
}

std::string consumerGroupOf(const Provenance& p)
{
    if (p.kind != Provenance::Kind::Kafka || !p.origin) return {};
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.groups.find(p.origin.get());
    return it == r.groups.end() ? std::string() : it->second;
}

} // namespace sw::runtime::kafka
