#include "operators/JoinKeys.h"

#include "catalog/PropertyAccess.h"

namespace sw::runtime {

namespace {
Result<std::vector<int>> keyColumns(const NodeSpec& n, const char* prop, const Schema& s)
{
    std::vector<int> keys;
    auto v = propertyValue(n, prop);
    for (std::size_t i = 0; v.is_array() && i < v.size(); ++i) {
        int idx = v[i].is_string() ? s.indexOf(v[i].get<std::string>()) : -1;
        if (idx < 0) return makeError(std::string(prop) + ": unknown column " + v[i].dump());
        keys.push_back(idx);
    }
    if (keys.empty()) return makeError(std::string(prop) + ": at least one key column is required");
    return keys;
}
} // namespace

Result<JoinKeys> joinKeyColumns(const OperatorSpec& spec)
{
    auto lk = keyColumns(spec.node, "left_keys", spec.inputSchemas.at(0));
    if (!lk) return lk.error();
    auto rk = keyColumns(spec.node, "right_keys", spec.inputSchemas.at(1));
    if (!rk) return rk.error();
    if (lk->size() != rk->size())
        return makeError("right_keys: must have as many columns as left_keys");
    return JoinKeys{std::move(*lk), std::move(*rk)};
}

bool hasNullKey(const Row& row, const std::vector<int>& keys)
{
    for (int c : keys)
        if (row[static_cast<std::size_t>(c)].isNull()) return true;
    return false;
}

} // namespace sw::runtime
