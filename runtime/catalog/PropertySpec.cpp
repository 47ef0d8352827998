#include "catalog/PropertySpec.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "types/DataType.h"
#include "types/Duration.h"

namespace sw::runtime {
namespace {

std::string rangeText(const PropertySpec& p)
{
    auto num = [](double d) {
        if (d == std::floor(d)) return std::to_string(static_cast<long long>(d));
        std::string s = std::to_string(d);
        while (s.back() == '0') s.pop_back();
        return s;
    };
    if (p.min && p.max) return " between " + num(*p.min) + " and " + num(*p.max);
    if (p.min) return " >= " + num(*p.min);
    if (p.max) return " <= " + num(*p.max);
    return "";
}

Status fail(std::string m) { return Status(makeError(std::move(m))); }

Status checkObjectList(const nlohmann::json& v, std::initializer_list<const char*> required,
                       std::initializer_list<const char*> optional, const char* shape)
{
    if (!v.is_array()) return fail(std::string("expected an array of ") + shape);
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& e = v[i];
        std::string at = "item " + std::to_string(i) + ": ";
        if (!e.is_object()) return fail(at + "expected " + shape);
        for (const char* k : required)
            if (!e.contains(k) || !e[k].is_string())
                return fail(at + "missing string member '" + k + "' (expected " + shape + ")");
        for (auto it = e.begin(); it != e.end(); ++it) {
            bool known = std::any_of(required.begin(), required.end(),
                                     [&](const char* k) { return it.key() == k; }) ||
                         std::any_of(optional.begin(), optional.end(),
                                     [&](const char* k) { return it.key() == k; });
            if (!known) return fail(at + "unknown member '" + it.key() + "'");
            if (!it->is_string()) return fail(at + "member '" + it.key() + "' must be a string");
        }
    }
    return {};
}

} // namespace

std::string_view toString(PropertyType t)
{
    switch (t) {
    case PropertyType::String: return "string";
    case PropertyType::Int: return "integer";
    case PropertyType::Double: return "number";
    case PropertyType::Bool: return "boolean";
    case PropertyType::Duration: return "duration";
    case PropertyType::Choice: return "choice";
    case PropertyType::Expression: return "expression";
    case PropertyType::Field: return "column";
    case PropertyType::FieldList: return "column list";
    case PropertyType::Aggregates: return "aggregate list";
    case PropertyType::Columns: return "computed columns";
    case PropertyType::SchemaDef: return "schema";
    case PropertyType::KeyValue: return "key/value map";
    case PropertyType::Path: return "path";
    case PropertyType::Topic: return "topic";
    }
    return "string";
}

Status PropertySpec::check(const nlohmann::json& v) const
{
    switch (type) {
    case PropertyType::String:
    case PropertyType::Expression:
    case PropertyType::Field:
    case PropertyType::Path:
    case PropertyType::Topic:
        if (!v.is_string()) return fail("expected a string");
        if (required && v.get<std::string>().empty()) return fail("must not be empty");
        return {};
    case PropertyType::Int: {
        if (!v.is_number_integer()) return fail("expected an integer" + rangeText(*this));
        double d = static_cast<double>(v.get<long long>());
        if ((min && d < *min) || (max && d > *max)) return fail("expected an integer" + rangeText(*this));
        return {};
    }
    case PropertyType::Double: {
        if (!v.is_number()) return fail("expected a number" + rangeText(*this));
        double d = v.get<double>();
        if (!std::isfinite(d) || (min && d < *min) || (max && d > *max))
            return fail("expected a number" + rangeText(*this));
        return {};
    }
    case PropertyType::Bool:
        if (!v.is_boolean()) return fail("expected true or false");
        return {};
    case PropertyType::Duration: {
        if (!v.is_string()) return fail("expected a duration string like \"5 min\" or \"30 s\"");
        std::string err;
        if (!parseDuration(v.get<std::string>(), &err)) return fail(err);
        return {};
    }
    case PropertyType::Choice: {
        std::string all;
        for (const auto& c : choices) all += (all.empty() ? "" : ", ") + c;
        if (!v.is_string()) return fail("expected one of: " + all);
        if (std::find(choices.begin(), choices.end(), v.get<std::string>()) == choices.end())
            return fail("'" + v.get<std::string>() + "' is not one of: " + all);
        return {};
    }
    case PropertyType::FieldList:
        if (!v.is_array()) return fail("expected an array of column names");
        for (const auto& e : v)
            if (!e.is_string()) return fail("expected an array of column names");
        if (required && v.empty()) return fail("must name at least one column");
        return {};
    case PropertyType::Aggregates: {
        auto s = checkObjectList(v, {"function"}, {"column", "as"},
                                 "{\"function\": \"SUM\", \"column\": \"amount\", \"as\": \"total\"}");
        if (!s) return s;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string f = v[i]["function"].get<std::string>();
            const auto& fs = aggregateFunctions();
            if (std::find(fs.begin(), fs.end(), f) == fs.end())
                return fail("item " + std::to_string(i) + ": unknown aggregate function '" + f +
                            "' (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE)");
        }
        if (required && v.empty()) return fail("add at least one aggregate");
        return {};
    }
    case PropertyType::Columns: {
        auto s = checkObjectList(v, {"name", "expr"}, {}, "{\"name\": ..., \"expr\": ...}");
        if (!s) return s;
        if (required && v.empty()) return fail("add at least one column");
        return {};
    }
    case PropertyType::SchemaDef: {
        auto s = checkObjectList(v, {"name", "type"}, {}, "{\"name\": ..., \"type\": ...}");
        if (!s) return s;
        for (std::size_t i = 0; i < v.size(); ++i) {
            std::string err;
            if (!DataType::parse(v[i]["type"].get<std::string>(), &err))
                return fail("item " + std::to_string(i) + ": " + err);
        }
        return {};
    }
    case PropertyType::KeyValue:
        if (!v.is_object()) return fail("expected an object of string values");
        for (auto it = v.begin(); it != v.end(); ++it)
            if (!it->is_string()) return fail("value of '" + it.key() + "' must be a string");
        return {};
    }
    return {};
}

bool isSecretKey(std::string_view key)
{
    std::string k(key);
    std::transform(k.begin(), k.end(), k.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* s : {"password", "secret", "jaas", "ssl.key", "token", "credential",
                          "private", "api.key", "apikey", "api-key", "api_key", "authorization"})
        if (k.find(s) != std::string::npos) return true;
    return false;
}

} // namespace sw::runtime
