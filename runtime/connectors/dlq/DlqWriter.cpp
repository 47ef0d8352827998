#include "connectors/dlq/DlqWriter.h"

#include "connectors/kafka/KafkaFactories.h"

#include <map>
#include <mutex>

namespace sw::runtime {

namespace {

struct Registry {
    std::mutex mutex;
    std::map<std::string, DlqWriterFactory> factories;
};

Registry& registry()
{
    static Registry* r = [] {
        auto* reg = new Registry; // never destroyed: usable from static destructors too
        // Built-in targets. Add a target here with one line, or call registerDlqWriter().
        reg->factories["sqlite"] = makeSqliteDlqWriter;
        reg->factories["jsonl"] = makeJsonlDlqWriter;
        reg->factories["kafka"] = kafka::makeKafkaDlqWriter;
        return reg;
    }();
    return *r;
}

} // namespace

void registerDlqWriter(const std::string& target, DlqWriterFactory factory)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    r.factories[target] = std::move(factory);
}

DlqWriterFactory findDlqWriter(const std::string& target)
{
    Registry& r = registry();
    std::lock_guard lock(r.mutex);
    auto it = r.factories.find(target);
    return it == r.factories.end() ? DlqWriterFactory() : it->second;
}

} // namespace sw::runtime
