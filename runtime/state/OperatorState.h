#pragma once
// The state API of every stateful operator (Flink's StateSnapshotContext /
// StateInitializationContext, reduced to what the embedded runtime needs): at a checkpoint
// barrier an operator writes its state as byte blobs under keys of its choice (the synchronous
// "copy" of Flink's snapshot); the engine hands the blobs to the checkpoint store, which writes
// them on a background thread (state/CheckpointStore.h). On restore, after open() and before
// any input, the operator reads them back. Blobs are encoded with state/StateCodec.h.
//
// Redistribution: keyed operators write their state per key group (state/KeyedState.h) and
// restore, at any parallelism, the groups of their range (keyGroups()) from the blobs of every
// old subtask. Sources whose splits move between subtasks (Kafka partitions, Kinesis shards)
// read the blobs of every subtask of their node (Flink's union list state) through
// subtaskCount()/getFrom(). Any other state restores only at the parallelism it was written
// with (get(): this subtask's own blobs); the engine refuses a changed parallelism for it.
#include <map>
#include <string>
#include <vector>

#include "state/KeyGroups.h"

namespace sw::runtime {

/// Where operator state goes in a checkpoint.
class StateWriter {
public:
    virtual ~StateWriter() = default;
    virtual void put(const std::string& key, std::string bytes) = 0;
};

/// Where operator state comes from on restore.
class StateReader {
public:
    virtual ~StateReader() = default;
    /// The blob stored under `key` by this subtask, or nullptr.
    virtual const std::string* get(const std::string& key) const = 0;
    /// Union state: how many subtasks of this node wrote state in the checkpoint, and the blob
    /// stored under `key` by subtask `i` (nullptr when none). Default: this subtask only.
    virtual int subtaskCount() const { return 1; }
    virtual const std::string* getFrom(int subtask, const std::string& key) const
    {
        return subtask == 0 ? get(key) : nullptr;
    }
    /// The key groups this subtask owns (state/KeyGroups.h). Default: all.
    virtual KeyGroupRange keyGroups() const { return KeyGroupRange::all(); }
};

/// One subtask's blobs (key -> bytes).
using StateBlobs = std::map<std::string, std::string>;

/// A StateWriter collecting blobs in memory (what the engine hands to the store).
class BlobStateWriter final : public StateWriter {
public:
    void put(const std::string& key, std::string bytes) override
    {
        m_blobs[key] = std::move(bytes);
    }
    StateBlobs& blobs() { return m_blobs; }

private:
    StateBlobs m_blobs;
};

/// A StateReader over the blobs of one node: `own` is this subtask's, `all` every old subtask's
/// (indexed by subtask; may be null when union state is not needed), `groups` the key groups
/// of the restoring subtask.
class BlobStateReader final : public StateReader {
public:
    BlobStateReader(const StateBlobs* own, const std::vector<StateBlobs>* all = nullptr,
                    KeyGroupRange groups = KeyGroupRange::all())
        : m_own(own), m_all(all), m_groups(groups)
    {
    }
    KeyGroupRange keyGroups() const override { return m_groups; }
    const std::string* get(const std::string& key) const override { return find(m_own, key); }
    int subtaskCount() const override { return m_all ? static_cast<int>(m_all->size()) : 1; }
    const std::string* getFrom(int subtask, const std::string& key) const override
    {
        if (!m_all) return subtask == 0 ? get(key) : nullptr;
        if (subtask < 0 || subtask >= static_cast<int>(m_all->size())) return nullptr;
        return find(&(*m_all)[static_cast<std::size_t>(subtask)], key);
    }

private:
    static const std::string* find(const StateBlobs* b, const std::string& key)
    {
        if (!b) return nullptr;
        auto it = b->find(key);
        return it == b->end() ? nullptr : &it->second;
    }
    const StateBlobs* m_own;
    const std::vector<StateBlobs>* m_all;
    KeyGroupRange m_groups;
};

} // namespace sw::runtime
