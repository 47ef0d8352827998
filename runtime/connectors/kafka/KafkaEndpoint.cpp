#include "connectors/kafka/KafkaEndpoint.h"

#include <set>

namespace sw::runtime::kafka {
namespace {

std::string prop(const NodeSpec& n, const char* name)
{
    nlohmann::json v = n.property(name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

int intProp(const NodeSpec& n, const char* name, int fallback)
{
    nlohmann::json v = n.property(name);
    return v.is_number_integer() ? v.get<int>() : fallback;
}

bool isKafkaDlq(const NodeSpec& n)
{
    return n.type == "dlq" && prop(n, "target") == "kafka";
}

/// Nodes reachable from `from` along edges (any port).
std::set<std::string> reachable(const PipelineSpec& p, const std::string& from)
{
    std::set<std::string> seen;
    std::vector<std::string> todo{from};
    while (!todo.empty()) {
        std::string n = todo.back();
        todo.pop_back();
        for (const EdgeSpec* e : p.edgesFrom(n))
            if (seen.insert(e->to.node).second) todo.push_back(e->to.node);
    }
    return seen;
}

} // namespace

std::string defaultDlqTopic(const std::string& groupId, const std::string& topic)
{
    return "dlq." + groupId + "." + topic;
}

Result<Endpoint> resolveEndpoint(const std::string& bootstrapProperty,
                                 const nlohmann::json& clientProperties, int brokers)
{
    Endpoint e;
    e.bootstrapServers = bootstrapProperty;
    if (e.bootstrapServers.empty() && clientProperties.is_object()) {
        auto it = clientProperties.find("bootstrap.servers");
        if (it != clientProperties.end() && it->is_string())
            e.bootstrapServers = it->get<std::string>();
    }
    if (!e.bootstrapServers.empty()) return e;
    auto b = EmbeddedBroker::shared(brokers);
    if (!b) return b.error();
    e.broker = *b;
    e.embedded = true;
    e.bootstrapServers = e.broker->bootstrapServers();
    return e;
}

Result<Endpoint> resolveEndpoint(const NodeSpec& node, int brokers)
{
    return resolveEndpoint(prop(node, "bootstrap_servers"), node.property("properties"), brokers);
}

std::string PipelineKafka::describe() const
{
    if (!broker) return {};
    std::string s = "embedded Kafka broker at " + broker->bootstrapServers();
    if (broker->brokerCount() > 1) s += " (" + std::to_string(broker->brokerCount()) + " brokers)";
    if (!embeddedTopics.empty()) {
        s += " (topics: ";
        for (std::size_t i = 0; i < embeddedTopics.size(); ++i)
            s += (i ? ", " : "") + embeddedTopics[i].name + "[" +
                 std::to_string(embeddedTopics[i].partitions) + "]";
        s += ")";
    }
    return s;
}

Result<PipelineKafka> preparePipelineKafka(const PipelineSpec& pipeline, int brokers)
{
    PipelineKafka out;
    auto addTopic = [&](const NodeSpec& n, const std::string& topic, int partitions) -> Status {
        if (topic.empty()) return {};
        auto ep = resolveEndpoint(n, brokers);
        if (!ep) return Status(makeError("node '" + n.id + "': " + ep.error().message));
        if (!ep->embedded) return {};
        out.broker = ep->broker;
        for (const auto& t : out.embeddedTopics)
            if (t.name == topic) return {};
        if (auto s = ep->broker->createTopic(topic, partitions); !s)
            return Status(makeError("node '" + n.id + "': " + s.message()));
        out.embeddedTopics.push_back({topic, partitions});
        return {};
    };
    for (const NodeSpec& n : pipeline.nodes) {
        Status s;
        if (n.type == "kafka-source" || n.type == "kafka-sink")
            s = addTopic(n, prop(n, "topic"), intProp(n, "partitions", 3));
        else if (isKafkaDlq(n) && !prop(n, "topic").empty())
            s = addTopic(n, prop(n, "topic"), intProp(n, "partitions", 1));
        if (!s) return s.error();
    }
    // Default DLQ topics: one per Kafka source whose records can reach a Kafka DLQ node.
    for (const NodeSpec& src : pipeline.nodes) {
        if (src.type != "kafka-source") continue;
        std::set<std::string> r = reachable(pipeline, src.id);
        for (const NodeSpec& d : pipeline.nodes) {
            if (!isKafkaDlq(d) || !prop(d, "topic").empty() || !r.count(d.id)) continue;
            Status s = addTopic(d, defaultDlqTopic(prop(src, "group_id"), prop(src, "topic")),
                                intProp(d, "partitions", 1));
            if (!s) return s.error();
        }
    }
    return out;
}

} // namespace sw::runtime::kafka
