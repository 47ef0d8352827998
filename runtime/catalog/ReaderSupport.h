#pragma once
// Helpers of the pipeline file reader (catalog/PipelineReader.cpp, catalog/RecoverySettings.cpp):
// problems at a JSON Pointer, quoting, value type names and member checks with "did you mean".
// Internal to catalog/.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/PipelineReader.h"
#include "model/JsonScanner.h"
#include "model/NameSuggest.h"

namespace sw::runtime::reader {

using json = nlohmann::json;
using Problem = std::optional<LoadProblem>;

inline Problem fail(std::string path, std::string message, bool atName = false)
{
    return LoadProblem{std::move(message), std::move(path), atName};
}

inline std::string quote(std::string_view s)
{
    return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

inline std::string typeName(const json& v)
{
    switch (v.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

inline std::string joined(const std::vector<std::string>& names)
{
    std::string s;
    for (const auto& n : names)
        s += (s.empty() ? "" : ", ") + n;
    return s;
}

inline std::string at(const std::string& path, std::string_view token)
{
    return appendPointer(path, token);
}

inline Problem checkMembers(const json& obj, const std::string& path,
                            const std::vector<std::string>& allowed)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
        return fail(at(path, it.key()),
                    "unknown member " + quote(it.key()) + didYouMean(it.key(), allowed) +
                        "; allowed members: " + joined(allowed),
                    true);
    }
    return {};
}

/// `restart_strategy`, `retained_checkpoints` and `tolerable_failed_checkpoints` of the
/// `pipeline` object `p` (catalog/RecoverySettings.cpp).
Problem readRecoverySettings(const json& p, PipelineSettings& s);

/// The optional `dashboard` section (catalog/DashboardReader.cpp); needs out's nodes and edges.
Problem readDashboard(const json& doc, PipelineSpec& out);

} // namespace sw::runtime::reader
