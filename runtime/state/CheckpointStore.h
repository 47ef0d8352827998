#pragma once
// The checkpoint store: one SQLite database per pipeline (`checkpoints.sqlite` in its data
// directory, WAL mode, synchronous=FULL) holding completed checkpoints: metadata, per node the
// compatibility fingerprint of its state (state/StateFingerprint.h), per subtask its alignment
// time and state size, and the state blobs (state/OperatorState.h).
//
// Atomicity: write() stores a checkpoint's metadata and blobs in one transaction, then its
// completion row LAST in a second transaction. Only checkpoints with a completion row exist for
// completed()/load(); a crash between the two leaves an incomplete checkpoint that is never
// restored and is deleted by the next write. The completion row carries the number of blobs,
// their total size and a checksum over them, and every blob its own checksum: load() verifies
// all of them, so a corrupt or truncated checkpoint is an error naming the file (the engine then
// falls back to the previous completed checkpoint), never half a restore.
//
// Retention: after each write, only the newest `retained` completed checkpoints are kept.
// Not thread-safe: one owner (the engine's checkpoint writer thread) at a time.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "state/OperatorState.h"
#include "util/Result.h"

namespace sw::runtime {

class SqliteDb;

/// What one subtask contributed to a checkpoint.
struct SubtaskSnapshot {
    std::string nodeId;
    int subtask = 0;
    StateBlobs blobs;
    std::int64_t alignmentMs = 0; ///< first barrier to aligned (0 for sources)
    std::size_t bytes() const
    {
        std::size_t n = 0;
        for (const auto& [k, v] : blobs)
            n += k.size() + v.size();
        return n;
    }
};

/// What a node's state depends on (state/StateFingerprint.h).
struct NodeStateInfo {
    std::string nodeId;
    int parallelism = 1;
    std::string fingerprint; ///< hash of `description`
    std::string description; ///< readable: type, keys, window, aggregates, schema
};

struct CheckpointData {
    std::int64_t id = 0;
    std::int64_t triggerMs = 0;  ///< wall clock when triggered
    std::int64_t durationMs = 0; ///< trigger to all acknowledged
    std::vector<NodeStateInfo> nodes;
    std::vector<SubtaskSnapshot> subtasks;
};

/// A completed checkpoint's metadata (newest first from completed()).
struct CheckpointInfo {
    std::int64_t id = 0;
    std::int64_t triggerMs = 0;
    std::int64_t durationMs = 0;
    std::int64_t completedMs = 0;
    std::int64_t stateBytes = 0;
    std::int64_t blobs = 0;
};

class CheckpointStore {
public:
    static constexpr const char* kFileName = "checkpoints.sqlite";
    ~CheckpointStore();
    CheckpointStore(const CheckpointStore&) = delete;
    CheckpointStore& operator=(const CheckpointStore&) = delete;

    /// Opens (creating) the store at `path`; errors name the file.
    static Result<std::unique_ptr<CheckpointStore>> open(const std::string& path, int retained = 3);
    /// Deletes the store's files (the database and its WAL/SHM files): --from-scratch.
    static Status discard(const std::string& path);

    /// Writes checkpoint `c` (completion row last, in its own transaction), then applies
    /// retention. On failure nothing of `c` counts as completed.
    Status write(const CheckpointData& c);
    /// Completed checkpoints, newest first.
    Result<std::vector<CheckpointInfo>> completed() const;
    /// The completed checkpoint `id`, verified (counts, sizes, checksums); an error names the
    /// file and what is wrong.
    Result<CheckpointData> load(std::int64_t id) const;
    /// The highest checkpoint id ever written here (completed or not); 0 when none.
    Result<std::int64_t> maxId() const;

    const std::string& path() const { return m_path; }
    int retained() const { return m_retained; }

private:
    CheckpointStore(std::unique_ptr<SqliteDb> db, std::string path, int retained);
    Status writeData(const CheckpointData& c, std::uint64_t& checksum, std::int64_t& bytes,
                     std::int64_t& blobs);
    Status complete(std::int64_t id, std::uint64_t checksum, std::int64_t bytes,
                    std::int64_t blobs);
    Status applyRetention();
    Status loadBlobs(CheckpointData& c, std::uint64_t& checksum, std::int64_t& bytes,
                     std::int64_t& blobs) const;
    Error fail(const std::string& what) const;

    std::unique_ptr<SqliteDb> m_db;
    std::string m_path;
    int m_retained;
};

/// FNV-1a 64 of `bytes` (blob checksums; not cryptographic).
std::uint64_t stateChecksum(const std::string& bytes);

} // namespace sw::runtime
