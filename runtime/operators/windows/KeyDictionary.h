#pragma once
// Interned group keys (one copy per distinct key per operator, reference-counted by the windows
// that hold state for it) and a small open-addressing index from key id to a window's slot.
// Keeps the per-(window, key) hot path free of allocation and pointer chasing.
#include <cstdint>
#include <vector>

#include "operators/windows/KeyTable.h"

namespace sw::runtime {

class KeyDictionary {
public:
    /// The id of the key of `v`, interning it if new (reference count unchanged).
    std::uint32_t intern(const KeyView& v) { return m_keys.insert(v).first; }
    const GroupKey& key(std::uint32_t id) const { return m_keys.key(id); }
    void acquire(std::uint32_t id) { ++m_keys.value(id); }
    /// Drops one reference; the key is forgotten when none is left.
    void release(std::uint32_t id)
    {
        if (--m_keys.value(id) == 0) m_keys.erase(id);
    }
    /// Forgets a key interned without any reference (e.g. all its windows were late).
    void releaseIfUnused(std::uint32_t id)
    {
        if (m_keys.contains(id) && m_keys.value(id) == 0) m_keys.erase(id);
    }
    std::size_t size() const { return m_keys.size(); }
    /// Room for `n` keys (restore).
    void reserve(std::size_t n) { m_keys.reserve(n); }

private:
    KeyTable<std::uint32_t> m_keys; // key -> reference count (windows holding state for it)
};

/// uint32 -> uint32 map with linear probing (no deletion; cleared with its window).
class FlatIndex {
public:
    static constexpr std::uint32_t kNone = 0xffffffffu;
    std::uint32_t find(std::uint32_t key) const
    {
        if (m_slots.empty()) return kNone;
        for (std::size_t i = slotOf(key);; i = (i + 1) & m_mask) {
            std::uint64_t s = m_slots[i];
            if (s == 0) return kNone;
            if (static_cast<std::uint32_t>(s >> 32) == key + 1)
                return static_cast<std::uint32_t>(s);
        }
    }
    void insert(std::uint32_t key, std::uint32_t value)
    {
        if ((m_size + 1) * 4 > m_slots.size() * 3) grow();
        place(key, value);
        ++m_size;
    }
    std::size_t size() const { return m_size; }
    /// Room for `n` entries without growing.
    void reserve(std::size_t n)
    {
        while ((n + 1) * 4 > m_slots.size() * 3)
            grow();
    }

private:
    std::size_t slotOf(std::uint32_t key) const
    {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & m_mask;
    }
    void place(std::uint32_t key, std::uint32_t value)
    {
        std::size_t i = slotOf(key);
        while (m_slots[i] != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = (std::uint64_t(key + 1) << 32) | value;
    }
    void grow()
    {
        std::vector<std::uint64_t> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 16 : old.size() * 2, 0);
        m_mask = m_slots.size() - 1;
        for (std::uint64_t s : old)
            if (s) place(static_cast<std::uint32_t>(s >> 32) - 1, static_cast<std::uint32_t>(s));
    }
    std::vector<std::uint64_t> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace sw::runtime
