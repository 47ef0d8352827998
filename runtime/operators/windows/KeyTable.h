#pragma once
// A flat hash table from group key to a value, for the window operators' keyed state.
//
// Open addressing with linear probing over 8-byte slots (hash tag, entry id, "one INT key" flag),
// entries in one vector addressed by a stable id (reused after erase). A lookup by a record's key
// columns does not allocate, and for a single integer key (Nexmark's auction/bidder, most keyed
// pipelines) it compares the integer stored next to the entry's value: a slot and the entry's
// line per lookup, instead of a node-based map's bucket -> node -> key vector chain. Any other
// key compares with Value's equality (numbers across INT/DECIMAL/DOUBLE equal, NULLs equal),
// exactly as before; the hash is groupKeyHash(), which is consistent with that equality.
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "operators/windows/GroupKey.h"

namespace sw::runtime {

template <typename T> class KeyTable {
public:
    using Id = std::uint32_t;
    static constexpr Id kNone = 0xffffffffu;

    /// The id of the key of `v`, or kNone.
    Id find(const KeyView& v) const
    {
        if (m_slots.empty()) return kNone;
        const Value* single = singleInt(v);
        const auto tag = static_cast<std::uint32_t>(v.hash);
        for (std::size_t i = tag & m_mask;; i = (i + 1) & m_mask) {
            const Slot& s = m_slots[i];
            if (s.idf == 0) return kNone;
            if (s.tag == tag && matches(s, v, single)) return (s.idf & kIdMask) - 1;
        }
    }
    /// The id of the key of `v`, inserting it with a default value if new (second = inserted).
    std::pair<Id, bool> insert(const KeyView& v)
    {
        Id id = find(v);
        if (id != kNone) return {id, false};
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        if (!m_free.empty()) {
            id = m_free.back();
            m_free.pop_back();
        } else {
            id = static_cast<Id>(m_entries.size());
            m_entries.emplace_back();
        }
        Entry& e = m_entries[id];
        e.key = toGroupKey(v);
        e.value = T{};
        e.live = true;
        place(slotFor(e, id));
        ++m_size;
        return {id, true};
    }
    /// Removes entry `id` (its id may be handed out again by a later insert).
    void erase(Id id)
    {
        Entry& e = m_entries[id];
        std::size_t i = static_cast<std::uint32_t>(e.key.hash) & m_mask;
        while ((m_slots[i].idf & kIdMask) != id + 1)
            i = (i + 1) & m_mask;
        // Backward-shift deletion: no tombstones, probe chains stay short.
        for (std::size_t j = i;;) {
            j = (j + 1) & m_mask;
            if (m_slots[j].idf == 0) break;
            const std::size_t home = m_slots[j].tag & m_mask;
            // Move slot j into the hole at i unless its home lies cyclically in (i, j].
            const bool inRange = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!inRange) {
                m_slots[i] = m_slots[j];
                i = j;
            }
        }
        m_slots[i] = Slot{};
        e.live = false;
        e.key.values.clear();
        e.value = T{};
        m_free.push_back(id);
        --m_size;
    }

    /// Restore (checkpoints): inserts the key of `v` under entry `id` (not in the table yet),
    /// so a restored table has the ids, and thus the iteration order, it was snapshotted with.
    void insertWithId(const KeyView& v, Id id)
    {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        if (id >= m_entries.size()) m_entries.resize(static_cast<std::size_t>(id) + 1);
        Entry& e = m_entries[id];
        e.key = toGroupKey(v);
        e.value = T{};
        e.live = true;
        place(slotFor(e, id));
        ++m_size;
    }
    /// The entry count and free list (ids handed out next), for a snapshot, and their restore
    /// after insertWithId() of every live entry.
    std::size_t entryCount() const { return m_entries.size(); }
    const std::vector<Id>& freeIds() const { return m_free; }
    void restoreFreeIds(std::size_t entryCount, std::vector<Id> free)
    {
        if (entryCount > m_entries.size()) m_entries.resize(entryCount);
        m_free = std::move(free);
    }

    /// Room for `n` keys without growing (a restore that knows how many keys come).
    void reserve(std::size_t n)
    {
        m_entries.reserve(n);
        std::size_t slots = m_slots.empty() ? 16 : m_slots.size();
        while (n * 4 > slots * 3)
            slots *= 2;
        if (slots <= m_slots.size()) return;
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(slots, Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old)
            if (s.idf != 0) place(s);
    }
    /// True while `id` names a key in the table.
    bool contains(Id id) const { return id < m_entries.size() && m_entries[id].live; }
    const GroupKey& key(Id id) const { return m_entries[id].key; }
    T& value(Id id) { return m_entries[id].value; }
    const T& value(Id id) const { return m_entries[id].value; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    /// Iteration over the live entries as (key, value) pairs, in id order.
    template <bool Const> class Iter {
    public:
        using Table = std::conditional_t<Const, const KeyTable, KeyTable>;
        using Ref = std::pair<const GroupKey&, std::conditional_t<Const, const T&, T&>>;
        using iterator_category = std::forward_iterator_tag;
        using value_type = Ref;
        using difference_type = std::ptrdiff_t;
        Iter(Table* t, std::size_t i) : m_t(t), m_i(i) { skip(); }
        Ref operator*() const { return {m_t->m_entries[m_i].key, m_t->m_entries[m_i].value}; }
        Iter& operator++()
        {
            ++m_i;
            skip();
            return *this;
        }
        bool operator==(const Iter& o) const { return m_i == o.m_i; }
        Id id() const { return static_cast<Id>(m_i); }

    private:
        void skip()
        {
            while (m_i < m_t->m_entries.size() && !m_t->m_entries[m_i].live)
                ++m_i;
        }
        Table* m_t;
        std::size_t m_i;
    };
    Iter<false> begin() { return {this, 0}; }
    Iter<false> end() { return {this, m_entries.size()}; }
    Iter<true> begin() const { return {this, 0}; }
    Iter<true> end() const { return {this, m_entries.size()}; }

private:
    static constexpr std::uint32_t kIntFlag = 0x80000000u; // the entry's key is one INT `ikey`
    static constexpr std::uint32_t kIdMask = 0x7fffffffu;
    struct Slot {
        std::uint32_t tag = 0; // low 32 bits of the key hash
        std::uint32_t idf = 0; // entry id + 1 (0 = empty slot) | kIntFlag
    };
    struct Entry {
        std::int64_t ikey = 0; // the key, when it is one INT value (next to the value it finds)
        T value{};
        GroupKey key;
        bool live = false;
    };

    /// The key column of `v` when the key is one INT value (the fast path), else nullptr.
    static const Value* singleInt(const KeyView& v)
    {
        if (v.columns.size() != 1) return nullptr;
        const Value& x = (*v.row)[static_cast<std::size_t>(v.columns[0])];
        return x.kind() == Value::Kind::Int ? &x : nullptr;
    }
    bool matches(const Slot& s, const KeyView& v, const Value* single) const
    {
        const Entry& e = m_entries[(s.idf & kIdMask) - 1];
        if (single && (s.idf & kIntFlag)) return e.ikey == single->asInt();
        return GroupKeyEq{}(e.key, v);
    }
    static Slot slotFor(Entry& e, Id id)
    {
        Slot s;
        s.tag = static_cast<std::uint32_t>(e.key.hash);
        s.idf = id + 1;
        if (e.key.values.size() == 1 && e.key.values[0].kind() == Value::Kind::Int) {
            s.idf |= kIntFlag;
            e.ikey = e.key.values[0].asInt();
        }
        return s;
    }
    void place(const Slot& s)
    {
        std::size_t i = s.tag & m_mask;
        while (m_slots[i].idf != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = s;
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& s : old)
            if (s.idf != 0) place(s);
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::vector<Entry> m_entries;
    std::vector<Id> m_free;
    std::size_t m_size = 0;
};

} // namespace sw::runtime
