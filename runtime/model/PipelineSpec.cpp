#include "model/PipelineSpec.h"

namespace sw::runtime {

std::string_view toString(DeliveryGuarantee g)
{
    return g == DeliveryGuarantee::ExactlyOnce ? "exactly-once" : "at-least-once";
}

std::optional<DeliveryGuarantee> parseDeliveryGuarantee(std::string_view s)
{
    if (s == "at-least-once") return DeliveryGuarantee::AtLeastOnce;
    if (s == "exactly-once") return DeliveryGuarantee::ExactlyOnce;
    return std::nullopt;
}

std::string_view toString(RestartStrategy::Kind k)
{
    switch (k) {
    case RestartStrategy::Kind::None:
        return "none";
    case RestartStrategy::Kind::FixedDelay:
        return "fixed-delay";
    case RestartStrategy::Kind::ExponentialDelay:
        return "exponential-delay";
    }
    return "none";
}

std::optional<RestartStrategy::Kind> parseRestartStrategyKind(std::string_view s)
{
    for (auto k : {RestartStrategy::Kind::None, RestartStrategy::Kind::FixedDelay,
                   RestartStrategy::Kind::ExponentialDelay})
        if (s == toString(k)) return k;
    return std::nullopt;
}

std::string_view toString(EdgePartitioning p)
{
    switch (p) {
    case EdgePartitioning::Auto:
        return "auto";
    case EdgePartitioning::Rebalance:
        return "rebalance";
    case EdgePartitioning::Broadcast:
        return "broadcast";
    case EdgePartitioning::Forward:
        return "forward";
    }
    return "auto";
}

std::optional<EdgePartitioning> parseEdgePartitioning(std::string_view s)
{
    for (EdgePartitioning p : {EdgePartitioning::Auto, EdgePartitioning::Rebalance,
                               EdgePartitioning::Broadcast, EdgePartitioning::Forward})
        if (s == toString(p)) return p;
    return std::nullopt;
}

const NodeSpec* PipelineSpec::findNode(std::string_view id) const
{
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

NodeSpec* PipelineSpec::findNode(std::string_view id)
{
    for (auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

std::vector<const EdgeSpec*> PipelineSpec::edgesInto(std::string_view node,
                                                     std::string_view port) const
{
    std::vector<const EdgeSpec*> r;
    for (const auto& e : edges)
        if (e.to.node == node && (port.empty() || e.to.port == port)) r.push_back(&e);
    return r;
}

std::vector<const EdgeSpec*> PipelineSpec::edgesFrom(std::string_view node,
                                                     std::string_view port) const
{
    std::vector<const EdgeSpec*> r;
    for (const auto& e : edges)
        if (e.from.node == node && (port.empty() || e.from.port == port)) r.push_back(&e);
    return r;
}

std::string PipelineSpec::defaultDataDirectoryName() const
{
    return (settings.name.empty() ? std::string("pipeline") : settings.name) + ".data";
}

std::string PipelineSpec::uniqueId(std::string_view base) const
{
    std::string b(base.empty() ? std::string_view("node") : base);
    if (!findNode(b)) return b;
    for (int i = 2;; ++i) {
        std::string c = b + "_" + std::to_string(i);
        if (!findNode(c)) return c;
    }
}

} // namespace sw::runtime
