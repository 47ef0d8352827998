#pragma once
// The `sqlite-sink` node: writes rows to a SQLite table created from the input schema
// (types: sqlite/SqliteDb.h sqliteColumnType), in WAL mode, in transactions of at most
// batch_size rows (each input batch is committed before processBatch returns, so rows become
// visible promptly and a failed commit can still name its rows).
//
// With key_fields the table gets PRIMARY KEY(key_fields) and every row is an upsert
// (INSERT ... ON CONFLICT(keys) DO UPDATE SET every other column = excluded value): replaying
// the same input leaves the same rows, so at-least-once delivery becomes idempotent. Without
// keys rows are appended. A row SQLite rejects (constraint, NULL in a key column, a failed
// transaction) goes to the errors port with class `sink` and SQLite's message; the pipeline
// keeps running.
//
// Changelog input (validation requires key_fields for an updating stream, as Flink requires a
// primary key on an upsert sink): +I and +U upsert by the key, -U and -D delete the key's row
// (Flink's JDBC upsert writer: TableBufferReducedStatementExecutor treats update-before and
// delete as a delete of the key), in arrival order.
//
// An existing table is reused when it has every column of the schema (extra columns are left
// alone); otherwise open() fails naming the missing column.
//
// Exactly-once (`exactlyOnce`, the pipeline's `"delivery": "exactly-once"`): rows go to a
// staging table and reach the target only when the checkpoint that covers them completes, with
// that checkpoint's id in the same SQLite transaction (connectors/sqlite/SqliteStaging.h).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "connectors/sqlite/SqliteStaging.h"
#include "exec/Operator.h"
#include "sqlite/SqliteDb.h"

namespace sw::runtime {

class SqliteSink final : public Operator {
public:
    struct Options {
        std::string path; ///< resolved
        std::string table;
        std::vector<std::string> keys;
        std::size_t batchSize = 1000;
        Schema schema; ///< input schema
        bool exactlyOnce = false;
        bool updating = false; ///< the input is a changelog (deletes by key)
    };
    explicit SqliteSink(Options o);

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void close() override;

    // exactly-once (two-phase commit through SqliteStaging)
    bool isTwoPhaseCommitSink() const override { return m_opt.exactlyOnce; }
    void prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;
    void notifyCheckpointComplete(std::int64_t checkpointId) override;
    void endOfInput(Collector& out) override;

    /// Rows committed so far (inserted or updated).
    std::uint64_t written() const { return m_written; }

    /// CREATE TABLE statement for `schema` (exposed for tests and the DLQ).
    static std::string createTableSql(const std::string& table, const Schema& schema,
                                      const std::vector<std::string>& keys);

private:
    Status prepareTable();
    void writeChunk(Record* begin, Record* end, Collector& out);
    void fail(const Record& r, const std::string& message, Collector& out);
    /// Exactly-once: on the first input or checkpoint without a restore before it, a fresh
    /// start drops what an earlier run staged (SqliteStaging::reset).
    void startFresh();

    Options m_opt;
    std::unique_ptr<SqliteDb> m_db;
    SqliteStatement m_insert;
    SqliteStatement m_delete; ///< updating input: DELETE ... WHERE key = ?
    std::vector<int> m_keyColumns;
    std::vector<Record*> m_ok; ///< rows of the open transaction that stepped fine
    std::uint64_t m_written = 0;
    std::string m_nodeId;
    std::unique_ptr<SqliteStaging> m_staging; ///< exactly-once only
    bool m_started = false;                   ///< restored, or started fresh
    OperatorContext* m_ctx = nullptr;
};

} // namespace sw::runtime
