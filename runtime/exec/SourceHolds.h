#pragma once
// Commit holds (at-least-once without state persistence): the lowest source position, per
// (source origin, partition), of records an operator has absorbed into its state but whose effect
// it has not emitted yet (an open window, a join buffer). A source that commits on checkpoint
// completion never commits past a hold: after a restart those records are read again and the
// state is rebuilt from them.
//
// Keys are the provenance origin's address (one string object per source subtask: its identity)
// and the partition; the address is never dereferenced. Only Kafka provenance is held (files and
// generators are not committed). Few entries (source subtasks x partitions): a flat vector with a
// one-entry cache, so tracking a record costs a compare when it hits the cached entry.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exec/Record.h"

namespace sw::runtime {

class SourceHolds {
public:
    struct Entry {
        const std::string* origin = nullptr;
        std::int32_t partition = -1;
        std::int64_t position = -1; ///< lowest position held
    };

    /// Holds `position` of (origin, partition) (keeps the lowest).
    void hold(const std::string* origin, std::int32_t partition, std::int64_t position)
    {
        if (m_last < m_entries.size()) {
            Entry& e = m_entries[m_last];
            if (e.origin == origin && e.partition == partition) {
                if (position < e.position) e.position = position;
                return;
            }
        }
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            Entry& e = m_entries[i];
            if (e.origin == origin && e.partition == partition) {
                if (position < e.position) e.position = position;
                m_last = i;
                return;
            }
        }
        m_last = m_entries.size();
        m_entries.push_back({origin, partition, position});
    }
    /// Holds the position of a record read from Kafka; other provenance is ignored.
    void hold(const Provenance& p)
    {
        if (p.kind == Provenance::Kind::Kafka && p.origin && p.position >= 0)
            hold(p.origin.get(), p.partition, p.position);
    }
    void merge(const SourceHolds& other)
    {
        for (const Entry& e : other.m_entries)
            hold(e.origin, e.partition, e.position);
    }
    /// The lowest position held for (origin, partition), if any.
    std::optional<std::int64_t> lowest(const std::string* origin, std::int32_t partition) const
    {
        for (const Entry& e : m_entries)
            if (e.origin == origin && e.partition == partition) return e.position;
        return std::nullopt;
    }
    bool empty() const { return m_entries.empty(); }
    void clear()
    {
        m_entries.clear();
        m_last = 0;
    }
    const std::vector<Entry>& entries() const { return m_entries; }

private:
    std::vector<Entry> m_entries;
    std::size_t m_last = 0;
};

} // namespace sw::runtime
