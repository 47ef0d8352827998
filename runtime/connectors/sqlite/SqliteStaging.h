#pragma once
// Exactly-once for the `sqlite-sink` (`"delivery": "exactly-once"`): a two-phase commit inside
// the sink's own database, so the rows of a checkpoint and that checkpoint's id become visible
// in one SQLite transaction (Flink's TwoPhaseCommitSinkFunction with the database as the
// transaction log).
//
// Two tables next to the target table, in the same database file:
//   "<table>__sw_staging"  (sw_sink, sw_checkpoint, <the target's columns>): rows received but
//                          not committed; sw_checkpoint is NULL until the barrier that follows
//                          them seals them with its id;
//   "__sw_sink_commits"    (sink, checkpoint): per sink subtask ("<node>#<subtask>") the last
//                          checkpoint whose rows were moved into the target.
//
//   receive rows   -> INSERT into staging with sw_checkpoint NULL (invisible to readers);
//   barrier k      -> seal(k): UPDATE staging SET sw_checkpoint = k WHERE it is NULL (durable
//                     before the barrier is acknowledged); the sink's state records k;
//   k completed    -> commit(k), one transaction: unless the marker is already >= k, move every
//                     staged row with sw_checkpoint <= k into the target (in arrival order;
//                     upserts when keyed), delete them from staging, set the marker to k;
//   restore (k)    -> recover(k), one transaction: commit(k) (the checkpoint restored is
//                     complete, but the crash may have come before its commit), then delete
//                     every other staged row (NULL or > k: after the restored cut, the sources
//                     replay them);
//   fresh start    -> reset(): staged rows of the sink are deleted and its marker cleared (its
//                     checkpoint ids start again).
// Why no crash point loses or duplicates a row: docs/state-and-recovery.md.
//
// The connection runs with synchronous=FULL so a commit survives a power loss too.
#include <cstdint>
#include <string>

#include "sqlite/SqliteDb.h"
#include "types/Schema.h"

namespace sw::runtime {

class SqliteStaging {
public:
    /// `db` outlives this object; `sink` identifies the sink subtask; `upsertKeys` the target's
    /// key columns (empty = append).
    SqliteStaging(SqliteDb& db, std::string table, std::string sink, const Schema& schema,
                  std::vector<std::string> upsertKeys);

    /// Creates the staging and marker tables. Returns the INSERT statement text that stages
    /// a row (parameters ?1..?n are the schema's columns).
    Result<std::string> prepare();
    /// Seals the rows received since the last seal under checkpoint `id`.
    Status seal(std::int64_t id);
    /// Moves staged rows of checkpoints <= `id` into the target with marker `id`, in one
    /// transaction; nothing when the marker is already >= `id`. `moved` gets the row count.
    Status commit(std::int64_t id, std::uint64_t* moved = nullptr);
    /// After a restore whose state was sealed up to `id`: commit(id) and drop every later or
    /// unsealed staged row, in one transaction. `alreadyCommitted` gets the marker when it
    /// is past `id` (an older checkpoint was restored: those rows will be written again).
    Status recover(std::int64_t id, std::int64_t* alreadyCommitted);
    /// Fresh start: drops the sink's staged rows and its marker.
    Status reset();
    /// The sink's marker (0 = none).
    Result<std::int64_t> committed() const;

    const std::string& stagingTable() const { return m_staging; }
    static constexpr const char* kCommitsTable = "__sw_sink_commits";

private:
    Status moveLocked(std::int64_t id, std::uint64_t* moved);

    SqliteDb& m_db;
    std::string m_table;
    std::string m_staging;
    std::string m_sink;
    Schema m_schema;
    std::vector<std::string> m_keys;
    std::string m_columns; // quoted target columns, comma-separated
};

} // namespace sw::runtime
