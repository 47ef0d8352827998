#pragma once
// The part-file lifecycle of one sink subtask (Flink's FileSink: buckets, part files and the
// committer): the one home of the exactly-once file model, used by the file sink
// (PartFileSink, one bucket: the directory itself) and the lake sink (connectors/lake/, one
// bucket per partition directory). The sink writes the bytes; this class names, hides, stages,
// publishes, remembers and cleans up the files.
//
// Lifecycle of a part file of subtask S (index N, six digits, increasing over all buckets of
// the subtask; ext = jsonl | csv | avro | jsonl.gz; B = the bucket directory, "" = the root):
//   in-progress  `B/.part-S-N.ext.inprogress`  the sink appends rows;
//   pending      `B/.part-S-N.ext.pending`     the sink flushed and fsync'ed it (roll or
//                barrier k); stage() renames it; at barrier k preCommit(k) assigns every
//                staged part to k, and the sink's state for k lists them and the next index;
//   finished     `B/part-S-N.ext`              when k (or a later checkpoint) completes,
//                commitUpTo(k) renames the pending parts of checkpoints <= k and fsyncs their
//                directories. Without two-phase commit publish() renames in-progress ->
//                finished at once (the file is complete: at-least-once, committed on roll).
// Names starting with '.' are hidden by convention (ls, Flink's readers, Spark, Hive skip them);
// a rename is atomic, so a visible file is never partial.
//
// Restore from a checkpoint: its pending files are finished (renamed unless that happened before
// the crash; a pending file that is neither there nor finished is an error naming it); every
// other hidden file of the subtask is deleted (data after the cut: the sources replay it), and
// so is a finished file with an index at or past the restored next index (committed by a
// checkpoint newer than the one restored: a warning names it).
// A fresh start (no state restored) deletes the subtask's hidden files and, unless
// `keepFinished` (the lake: an archive is appended to), its finished files too, as the
// at-least-once file sink truncates its file; keeping them, numbering continues after the
// highest index found.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "exec/OperatorContext.h"
#include "state/OperatorState.h"
#include "util/Result.h"

namespace sw::runtime {

class PartFileCommitter {
public:
    struct Options {
        std::string directory;     ///< the root; buckets are relative directories under it
        std::string extension;     ///< "jsonl", "csv", "avro", "jsonl.gz"
        bool buckets = false;      ///< parts live in bucket subdirectories (scan recursively)
        bool keepFinished = false; ///< a fresh start keeps finished parts (numbering goes on)
        std::string stateKey = "part-files";
    };
    /// A part file: its bucket (relative directory, "" = the root) and index.
    struct Part {
        std::string bucket;
        std::uint64_t index = 0;
    };

    explicit PartFileCommitter(Options options);

    /// Creates the root directory. `what` names the sink in errors ("the file sink").
    Status open(OperatorContext& ctx, const std::string& what);
    /// Before the first part or barrier: a start without restored state (see above).
    void ensureStarted();
    /// A new part in `bucket` (its directories are created): create the file at
    /// inProgressPath(part) and write it.
    Part newPart(const std::string& bucket);
    /// The sink flushed, fsync'ed and closed the part: it becomes pending, committed by the
    /// next checkpoint that completes after the next barrier (two-phase commit).
    void stage(const Part& part);
    /// Barrier k: every staged part belongs to checkpoint k.
    void preCommit(std::int64_t checkpointId);
    /// Without two-phase commit: the complete part becomes visible at once.
    void publish(const Part& part);
    /// Checkpoint k completed: the pending parts of checkpoints <= k become visible.
    void commitUpTo(std::int64_t checkpointId);
    void snapshot(StateWriter& w) const;
    /// Restores the state of a checkpoint (none for the sink: a fresh start) and cleans up.
    void restore(const StateReader& r);

    std::string inProgressPath(const Part& p) const;
    std::string pendingPath(const Part& p) const;
    std::string finishedPath(const Part& p) const;
    /// File names of part `index` of `subtask` (no directory).
    static std::string finishedName(int subtask, std::uint64_t index, const std::string& ext);
    static std::string inProgressName(int subtask, std::uint64_t index, const std::string& ext);
    static std::string pendingName(int subtask, std::uint64_t index, const std::string& ext);

    /// Parts staged or pending, not yet committed (tests, metrics).
    std::size_t uncommitted() const { return m_pending.size(); }

private:
    struct Pending {
        std::optional<std::int64_t> checkpoint; ///< nullopt: staged after the last barrier
        Part part;
    };
    std::string pathOf(const std::string& bucket, const std::string& name) const;
    void startFresh();
    /// Renames a pending part to its finished name (done already when only that one exists).
    void finish(const Pending& p);
    /// Deletes this subtask's leftovers: fresh = every hidden part (and every finished one
    /// unless keepFinished); else the hidden parts not pending in the restored state and
    /// finished ones at or past the next index.
    void removeLeftovers(bool fresh);
    void syncDirectory(const std::string& bucket) const;
    [[noreturn]] void ioError(const std::string& what, const std::string& path) const;

    Options m_opt;
    int m_subtask = 0;
    OperatorContext* m_ctx = nullptr;
    bool m_started = false;
    std::uint64_t m_nextIndex = 0; ///< index of the next part to create
    std::vector<Pending> m_pending;
};

} // namespace sw::runtime
