#include "catalog/PropertyAccess.h"

#include "catalog/Catalog.h"

#include "types/Duration.h"
#include "types/Value.h"

namespace sw::runtime {

nlohmann::json propertyValue(const NodeSpec& node, const NodeType* type, std::string_view name)
{
    if (node.properties.is_object()) {
        auto it = node.properties.find(std::string(name));
        if (it != node.properties.end()) return *it;
    }
    if (type)
        if (const PropertySpec* p = type->findProperty(name)) return p->defaultValue;
    return nullptr;
}

nlohmann::json propertyValue(const NodeSpec& node, std::string_view name)
{
    return propertyValue(node, Catalog::instance().find(node.type), name);
}

std::string stringProperty(const NodeSpec& node, std::string_view name)
{
    nlohmann::json v = propertyValue(node, name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::int64_t integerProperty(const NodeSpec& node, std::string_view name, std::int64_t fallback)
{
    nlohmann::json v = propertyValue(node, name);
    return v.is_number_integer() ? v.get<std::int64_t>() : fallback;
}

std::int64_t durationProperty(const NodeSpec& node, std::string_view name)
{
    nlohmann::json v = propertyValue(node, name);
    if (!v.is_string()) return 0;
    return parseDuration(v.get<std::string>()).value_or(0);
}

void PropertyReader::fail(std::string_view name, std::string message)
{
    if (!ok()) return;
    m_error =
        makeError("node '" + m_node.id + "': property '" + std::string(name) + "': " + message,
                  "/properties/" + std::string(name));
}

std::string PropertyReader::string(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    if (v.is_string()) return v.get<std::string>();
    if (!v.is_null()) fail(name, "expected a string");
    return {};
}

std::int64_t PropertyReader::integer(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float() &&
        v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>())))
        return static_cast<std::int64_t>(v.get<double>());
    fail(name, v.is_null() ? "missing" : "expected an integer");
    return 0;
}

double PropertyReader::number(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    if (v.is_number()) return v.get<double>();
    fail(name, v.is_null() ? "missing" : "expected a number");
    return 0;
}

bool PropertyReader::boolean(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    if (v.is_boolean()) return v.get<bool>();
    fail(name, v.is_null() ? "missing" : "expected true or false");
    return false;
}

std::int64_t PropertyReader::durationMs(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (!v.is_string()) {
        fail(name, "expected a duration like '5 s'");
        return 0;
    }
    std::string err;
    auto d = parseDuration(v.get<std::string>(), &err);
    if (!d) fail(name, err.empty() ? "expected a duration like '5 s'" : err);
    return d.value_or(0);
}

std::int64_t PropertyReader::timestampMs(std::string_view name)
{
    std::string text = string(name);
    std::int64_t ms = 0;
    if (ok() && !parseTimestamp(text, ms))
        fail(name, "expected a timestamp like '2024-01-01 00:00:00'");
    return ms;
}

std::vector<std::string> PropertyReader::stringList(std::string_view name)
{
    nlohmann::json v = propertyValue(m_node, name);
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (!v.is_array()) {
        fail(name, "expected a list of column names");
        return out;
    }
    for (const auto& e : v) {
        if (!e.is_string()) {
            fail(name, "expected a list of column names");
            return {};
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

} // namespace sw::runtime
