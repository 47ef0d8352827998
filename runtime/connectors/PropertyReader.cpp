#include "connectors/PropertyReader.h"

#include <filesystem>

#include "types/Duration.h"
#include "types/Value.h"

namespace sw::runtime {

void PropertyReader::fail(std::string_view name, std::string message)
{
    if (!ok()) return;
    m_error =
        makeError("node '" + m_node.id + "': property '" + std::string(name) + "': " + message,
                  "/properties/" + std::string(name));
}

std::string PropertyReader::string(std::string_view name)
{
    nlohmann::json v = m_node.property(name);
    if (v.is_string()) return v.get<std::string>();
    if (!v.is_null()) fail(name, "expected a string");
    return {};
}

std::int64_t PropertyReader::integer(std::string_view name)
{
    nlohmann::json v = m_node.property(name);
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float() &&
        v.get<double>() == static_cast<double>(static_cast<std::int64_t>(v.get<double>())))
        return static_cast<std::int64_t>(v.get<double>());
    fail(name, v.is_null() ? "missing" : "expected an integer");
    return 0;
}

double PropertyReader::number(std::string_view name)
{
    nlohmann::json v = m_node.property(name);
    if (v.is_number()) return v.get<double>();
    fail(name, v.is_null() ? "missing" : "expected a number");
    return 0;
}

bool PropertyReader::boolean(std::string_view name)
{
    nlohmann::json v = m_node.property(name);
    if (v.is_boolean()) return v.get<bool>();
    fail(name, v.is_null() ? "missing" : "expected true or false");
    return false;
}

std::int64_t PropertyReader::durationMs(std::string_view name)
{
    nlohmann::json v = m_node.property(name);
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
    nlohmann::json v = m_node.property(name);
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

std::string resolvePath(const std::string& baseDir, const std::string& path)
{
    if (baseDir.empty() || path.empty()) return path;
    std::filesystem::path p(path);
    if (p.is_absolute()) return path;
    return (std::filesystem::path(baseDir) / p).string();
}

} // namespace sw::runtime
