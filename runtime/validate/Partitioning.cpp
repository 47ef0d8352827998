#include "validate/Partitioning.h"

#include <algorithm>

#include "catalog/PropertyAccess.h"

namespace sw::runtime {

int nodeParallelism(const NodeSpec& node, const NodeType& type, int pipelineDefault)
{
    if (!type.findProperty("parallelism")) return 1;
    auto v = propertyValue(node, "parallelism");
    int p = v.is_number_integer() ? v.get<int>() : 0;
    if (p <= 0) p = pipelineDefault;
    return std::max(1, p);
}

std::optional<std::vector<std::string>> partitionKeys(const NodeSpec& node, const NodeType& type,
                                                      int port)
{
    for (const PropertySpec& ps : type.properties) {
        if (ps.type != PropertyType::FieldList) continue;
        int keyedPort = -1;
        if (ps.name == "keys" || ps.name == "left_keys")
            keyedPort = 0;
        else if (ps.name == "right_keys")
            keyedPort = 1;
        if (keyedPort != port) continue;
        std::vector<std::string> names;
        auto v = propertyValue(node, ps.name);
        if (v.is_array())
            for (const auto& k : v)
                if (k.is_string()) names.push_back(k.get<std::string>());
        return names;
    }
    return std::nullopt;
}

} // namespace sw::runtime
