#pragma once
// Group keys for keyed state, looked up without allocating (heterogeneous lookup by a view of
// the record's key columns).
#include <span>
#include <unordered_map>
#include <vector>

#include "exec/Partitioner.h"

namespace sw::runtime {

struct GroupKey {
    std::vector<Value> values;
    std::size_t hash = 0;
};

/// The key columns of a row, not copied.
struct KeyView {
    const Row* row;
    std::span<const int> columns;
    std::size_t hash;
};

/// Hash of the key columns of `row` for keyed state (consistent with Value equality, like
/// keyHash; inline, as it runs once per record).
inline std::size_t groupKeyHash(const Row& row, std::span<const int> columns)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (int c : columns)
        h = Value::mix64(h ^ row[static_cast<std::size_t>(c)].hash());
    return static_cast<std::size_t>(h);
}

inline KeyView keyViewOf(const Row& row, std::span<const int> columns)
{
    return KeyView{&row, columns, groupKeyHash(row, columns)};
}

inline GroupKey toGroupKey(const KeyView& v)
{
    GroupKey k;
    k.values.reserve(v.columns.size());
    for (int c : v.columns)
        k.values.push_back((*v.row)[static_cast<std::size_t>(c)]);
    k.hash = v.hash;
    return k;
}

struct GroupKeyHash {
    using is_transparent = void;
    std::size_t operator()(const GroupKey& k) const { return k.hash; }
    std::size_t operator()(const KeyView& v) const { return v.hash; }
};

struct GroupKeyEq {
    using is_transparent = void;
    bool operator()(const GroupKey& a, const GroupKey& b) const { return a.values == b.values; }
    bool operator()(const GroupKey& a, const KeyView& b) const { return eq(b, a); }
    bool operator()(const KeyView& a, const GroupKey& b) const { return eq(a, b); }

private:
    static bool eq(const KeyView& v, const GroupKey& k)
    {
        for (std::size_t i = 0; i < v.columns.size(); ++i)
            if (!((*v.row)[static_cast<std::size_t>(v.columns[i])] == k.values[i])) return false;
        return true;
    }
};

template <typename T> using KeyedMap = std::unordered_map<GroupKey, T, GroupKeyHash, GroupKeyEq>;

/// Finds or inserts the entry for the key columns of `row`; allocates only for a new key.
template <typename T> T& keyedEntry(KeyedMap<T>& m, const KeyView& v)
{
    auto it = m.find(v);
    if (it != m.end()) return it->second;
    return m.emplace(toGroupKey(v), T{}).first->second;
}

} // namespace sw::runtime
