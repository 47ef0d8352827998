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
// An existing table is reused when it has every column of the schema (extra columns are left
// alone); otherwise open() fails naming the missing column.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

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
    };
    explicit SqliteSink(Options o);

    Status open(OperatorContext& ctx) override;
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void close() override;

    /// Rows committed so far (inserted or updated).
    std::uint64_t written() const { return m_written; }

    /// CREATE TABLE statement for `schema` (exposed for tests and the DLQ).
    static std::string createTableSql(const std::string& table, const Schema& schema,
                                      const std::vector<std::string>& keys);

private:
    Status prepareTable();
    void writeChunk(Record* begin, Record* end, Collector& out);
    void fail(const Record& r, const std::string& message, Collector& out);

    Options m_opt;
    std::unique_ptr<SqliteDb> m_db;
    SqliteStatement m_insert;
    std::vector<int> m_keyColumns;
    std::vector<Record*> m_ok; ///< rows of the open transaction that stepped fine
    std::uint64_t m_written = 0;
    std::string m_nodeId;
};

} // namespace sw::runtime
