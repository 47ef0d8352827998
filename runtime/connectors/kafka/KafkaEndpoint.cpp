#include "connectors/kafka/KafkaEndpoint.h"

#include <set>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"

namespace sw::runtime::kafka {
namespace {

bool isKafkaDlq(const NodeSpec& n)
{
    const NodeType* t = nodeTypeOf(n);
    return t && t->deadLetters && t->kafkaRoleOf(n) != KafkaRole::None;
}

/// A Kafka source or sink (a node whose own topic carries pipeline data).
bool isKafkaDataNode(const NodeSpec& n)
{
    const NodeType* t = nodeTypeOf(n);
    return t && !t->deadLetters && t->kafkaRoleOf(n) != KafkaRole::None;
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
    return resolveEndpoint(stringProperty(node, "bootstrap_servers"),
                           propertyValue(node, "properties"), brokers);
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
        if (pipeline.settings.delivery == DeliveryGuarantee::ExactlyOnce &&
            (isKafkaDlq(n) || kafkaRoleOf(n) == KafkaRole::Producer))
            out.exactlyOnceCaveat = kEmbeddedExactlyOnceCaveat;
        for (const auto& t : out.embeddedTopics)
            if (t.name == topic) return {};
        if (auto s = ep->broker->createTopic(topic, partitions); !s)
            return Status(makeError("node '" + n.id + "': " + s.message()));
        out.embeddedTopics.push_back({topic, partitions});
        return {};
    };
    for (const NodeSpec& n : pipeline.nodes) {
        Status s;
        if (isKafkaDataNode(n))
            s = addTopic(n, stringProperty(n, "topic"),
                         static_cast<int>(integerProperty(n, "partitions", 3)));
        else if (isKafkaDlq(n) && !stringProperty(n, "topic").empty())
            s = addTopic(n, stringProperty(n, "topic"),
                         static_cast<int>(integerProperty(n, "partitions", 1)));
        if (!s) return s.error();
    }
    // Default DLQ topics: one per Kafka source whose records can reach a Kafka DLQ node.
    for (const NodeSpec& src : pipeline.nodes) {
        if (kafkaRoleOf(src) != KafkaRole::Consumer) continue;
        std::set<std::string> r = reachable(pipeline, src.id);
        for (const NodeSpec& d : pipeline.nodes) {
            if (!isKafkaDlq(d) || !stringProperty(d, "topic").empty() || !r.count(d.id)) continue;
            Status s = addTopic(
                d, defaultDlqTopic(stringProperty(src, "group_id"), stringProperty(src, "topic")),
                static_cast<int>(integerProperty(d, "partitions", 1)));
            if (!s) return s.error();
        }
    }
    return out;
}

} // namespace sw::runtime::kafka
