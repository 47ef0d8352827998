#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/Result.h"

namespace sw::runtime {

/// How a property's JSON value is shaped and edited.
enum class PropertyType {
    String,     ///< JSON string
    Int,        ///< JSON integer, within [min, max]
    Double,     ///< JSON number, within [min, max]
    Bool,       ///< JSON boolean
    Duration,   ///< JSON string like "5 min" (types/Duration.h)
    Choice,     ///< JSON string, one of `choices`
    Expression, ///< JSON string, an expression over input port `port`'s schema
    Field,      ///< JSON string, a column name of input port `port`'s schema
    FieldList,  ///< JSON array of column names of input port `port`'s schema
    Aggregates, ///< JSON array of {"function": "SUM", "column": "amount", "as": "revenue"}
    Columns,    ///< JSON array of {"name": "total", "expr": "price * qty"} (map projections)
    SchemaDef,  ///< JSON array of {"name": "order_id", "type": "BIGINT"}
    KeyValue,   ///< JSON object of string -> string (client properties)
    Path,       ///< JSON string, a file path
    Topic,      ///< JSON string, a Kafka topic name
};
std::string_view toString(PropertyType t);

struct PropertySpec {
    std::string name;    ///< key in the file, snake_case
    std::string label;   ///< shown in the property editor
    PropertyType type = PropertyType::String;
    nlohmann::json defaultValue; ///< null = no default
    bool required = false;       ///< must be present and non-empty
    std::optional<double> min;   ///< Int/Double range, inclusive
    std::optional<double> max;
    std::vector<std::string> choices; ///< Choice values
    std::string unit;                 ///< shown next to numbers: "events/s", "%"
    std::string doc;                  ///< one line
    int port = 0;                     ///< input port index for Field/FieldList/Expression/Aggregates
    bool advanced = false;            ///< grouped under "Advanced" in the editor

    /// Checks the JSON shape and range of a value (not schema references; that is validation's
    /// job). The message says what was expected, e.g. "expected an integer between 1 and 256".
    Status check(const nlohmann::json& value) const;
};

/// Aggregate functions of window nodes, Flink SQL spelling.
inline const std::vector<std::string>& aggregateFunctions()
{
    static const std::vector<std::string> f = {"COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN",
                                               "MAX", "FIRST_VALUE", "LAST_VALUE"};
    return f;
}

/// True for client property keys and HTTP header names whose values are secrets (passwords,
/// keys, JAAS configs, tokens, Authorization headers).
/// Secret values never appear in logs, messages, reports or exports.
bool isSecretKey(std::string_view key);

} // namespace sw::runtime
