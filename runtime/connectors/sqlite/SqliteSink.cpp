#include "connectors/sqlite/SqliteSink.h"

#include <sqlite3.h>

#include <stdexcept>

#include "connectors/ConnectorFactories.h"
#include "connectors/PropertyReader.h"
#include "state/StateCodec.h"

namespace sw::runtime {

SqliteSink::SqliteSink(Options o) : m_opt(std::move(o)) {}

std::string SqliteSink::createTableSql(const std::string& table, const Schema& schema,
                                       const std::vector<std::string>& keys)
{
    std::string sql = "CREATE TABLE IF NOT EXISTS " + sqliteQuote(table) + " (";
    for (std::size_t i = 0; i < schema.size(); ++i) {
        if (i) sql += ", ";
        sql += sqliteQuote(schema[i].name) + " " + sqliteColumnType(schema[i].type);
    }
    if (!keys.empty()) {
        sql += ", PRIMARY KEY (";
        for (std::size_t i = 0; i < keys.size(); ++i)
            sql += (i ? ", " : "") + sqliteQuote(keys[i]);
        sql += ")";
    }
    return sql + ")";
}

Status SqliteSink::open(OperatorContext& ctx)
{
    m_nodeId = ctx.nodeId();
    m_ctx = &ctx;
    auto prefix = [&] { return "node '" + m_nodeId + "': "; };
    for (const auto& k : m_opt.keys) {
        int c = m_opt.schema.indexOf(k);
        if (c < 0) return makeError(prefix() + "key column '" + k + "' is not in the input");
        m_keyColumns.push_back(c);
    }
    auto db = SqliteDb::open(m_opt.path);
    if (!db) return makeError(prefix() + db.error().message);
    m_db = std::move(*db);
    Status s = prepareTable();
    if (s && m_opt.exactlyOnce) {
        m_staging = std::make_unique<SqliteStaging>(*m_db, m_opt.table,
                                                    m_nodeId + "#" + std::to_string(ctx.subtask()),
                                                    m_opt.schema, m_opt.keys);
        auto insert = m_staging->prepare();
        auto stmt = insert ? m_db->prepare(*insert) : Result<SqliteStatement>(insert.error());
        if (stmt)
            m_insert = std::move(*stmt); // rows are staged, not written to the table
        else
            s = stmt.error();
    }
    if (!s)
        return makeError(prefix() + "SQLite table '" + m_opt.table + "' in '" + m_opt.path +
                         "': " + s.message());
    return Status::ok();
}

Status SqliteSink::prepareTable()
{
    Status s = m_db->exec(createTableSql(m_opt.table, m_opt.schema, m_opt.keys));
    if (!s) return s;
    auto info =
        m_db->prepare("SELECT name FROM pragma_table_info(" + sqliteQuote(m_opt.table) + ")");
    if (!info) return info.error();
    std::vector<std::string> existing;
    while (info->step() == SQLITE_ROW)
        existing.push_back(info->columnBytes(0));
    for (const auto& f : m_opt.schema.fields())
        if (std::find(existing.begin(), existing.end(), f.name) == existing.end())
            return makeError("the existing table has no column '" + f.name + "'");
    std::string cols, params, updates;
    for (std::size_t i = 0; i < m_opt.schema.size(); ++i) {
        const std::string q = sqliteQuote(m_opt.schema[i].name);
        cols += (i ? ", " : "") + q;
        params += (i ? ", ?" : "?") + std::to_string(i + 1);
        if (std::find(m_keyColumns.begin(), m_keyColumns.end(), static_cast<int>(i)) ==
            m_keyColumns.end())
            updates += (updates.empty() ? "" : ", ") + q + " = excluded." + q;
    }
    std::string sql =
        "INSERT INTO " + sqliteQuote(m_opt.table) + " (" + cols + ") VALUES (" + params + ")";
    if (!m_opt.keys.empty()) {
        sql += " ON CONFLICT (";
        for (std::size_t i = 0; i < m_opt.keys.size(); ++i)
            sql += (i ? ", " : "") + sqliteQuote(m_opt.keys[i]);
        sql += updates.empty() ? ") DO NOTHING" : ") DO UPDATE SET " + updates;
    }
    auto stmt = m_db->prepare(sql);
    if (!stmt) return stmt.error();
    m_insert = std::move(*stmt);
    if (!m_opt.keys.empty()) {
        std::string where;
        for (std::size_t i = 0; i < m_opt.keys.size(); ++i)
            where +=
                (i ? " AND " : "") + sqliteQuote(m_opt.keys[i]) + " = ?" + std::to_string(i + 1);
        auto del = m_db->prepare("DELETE FROM " + sqliteQuote(m_opt.table) + " WHERE " + where);
        if (!del) return del.error();
        m_delete = std::move(*del);
    }
    return Status::ok();
}

void SqliteSink::fail(const Record& r, const std::string& message, Collector& out)
{
    out.emitError(ErrorClass::Sink, "SQLite table '" + m_opt.table + "': " + message, r,
                  m_opt.schema);
}

void SqliteSink::processBatch(int, RecordBatch& batch, Collector& out)
{
    if (m_staging && !m_started) startFresh();
    Record* it = batch.begin();
    while (it != batch.end()) {
        Record* end =
            it + std::min<std::size_t>(m_opt.batchSize, static_cast<std::size_t>(batch.end() - it));
        writeChunk(it, end, out);
        it = end;
    }
}

void SqliteSink::writeChunk(Record* begin, Record* end, Collector& out)
{
    m_ok.clear();
    Status s = m_db->exec("BEGIN");
    if (!s) {
        for (Record* r = begin; r != end; ++r)
            fail(*r, "cannot begin a transaction: " + s.message(), out);
        return;
    }
    const std::size_t n = m_opt.schema.size();
    for (Record* r = begin; r != end; ++r) {
        bool nullKey = false;
        for (int k : m_keyColumns)
            nullKey = nullKey || static_cast<std::size_t>(k) >= r->row.size() ||
                      r->row[static_cast<std::size_t>(k)].isNull();
        if (nullKey) {
            fail(*r, "NULL in a key column (upserts need the whole key)", out);
            continue;
        }
        // -U and -D delete the key's row; +I and +U upsert it.
        const bool remove = !isAccumulate(r->kind) && !m_keyColumns.empty();
        SqliteStatement& st = remove ? m_delete : m_insert;
        if (remove)
            for (std::size_t i = 0; i < m_keyColumns.size(); ++i) {
                const auto c = static_cast<std::size_t>(m_keyColumns[i]);
                st.bind(static_cast<int>(i + 1), r->row[c], m_opt.schema[c].type);
            }
        else
            for (std::size_t c = 0; c < n; ++c)
                st.bind(static_cast<int>(c + 1), c < r->row.size() ? r->row[c] : Value(),
                        m_opt.schema[c].type);
        const int rc = st.step();
        const std::string msg = rc == SQLITE_DONE ? std::string() : m_db->errorMessage();
        st.reset();
        if (rc == SQLITE_DONE) {
            m_ok.push_back(r);
            continue;
        }
        fail(*r, msg, out);
        if (!m_db->inTransaction()) { // SQLite rolled the transaction back (disk full, I/O error)
            for (Record* ok : m_ok)
                fail(*ok, "transaction rolled back: " + msg, out);
            m_ok.clear();
            if (!m_db->exec("BEGIN")) {
                for (Record* rest = r + 1; rest != end; ++rest)
                    fail(*rest, "cannot begin a transaction: " + msg, out);
                return;
            }
        }
    }
    s = m_db->exec("COMMIT");
    if (!s) {
        m_db->exec("ROLLBACK");
        for (Record* ok : m_ok)
            fail(*ok, "commit failed: " + s.message(), out);
        return;
    }
    if (!m_staging) m_written += m_ok.size(); // staged rows count when committed
}

// ------------------------------------------------------------------ exactly-once

namespace {
const std::string kEpochKey = "sqlite-eo";
constexpr std::uint64_t kEpochFormat = 1;
} // namespace

void SqliteSink::startFresh()
{
    m_started = true;
    if (Status s = m_staging->reset(); !s)
        throw std::runtime_error("SQLite table '" + m_opt.table +
                                 "': cannot clear the staging "
                                 "table: " +
                                 s.message());
}

void SqliteSink::prepareSnapshotPreBarrier(std::int64_t checkpointId, Collector&)
{
    if (!m_staging) return; // at-least-once: every batch is committed already
    if (!m_started) startFresh();
    if (Status s = m_staging->seal(checkpointId); !s)
        throw std::runtime_error("SQLite table '" + m_opt.table +
                                 "': staging the rows of "
                                 "checkpoint " +
                                 std::to_string(checkpointId) + " failed: " + s.message());
}

void SqliteSink::snapshotState(std::int64_t checkpointId, StateWriter& w)
{
    if (!m_staging) return;
    StateOutput out;
    out.u64(kEpochFormat);
    out.i64(checkpointId); // rows sealed up to this checkpoint are part of it
    w.put(kEpochKey, out.take());
}

void SqliteSink::restoreState(const StateReader& r)
{
    const std::string* blob = r.get(kEpochKey);
    if (!m_staging) return; // at-least-once now: staged rows of an exactly-once run stay put
    m_started = true;
    std::int64_t sealed = 0;
    if (blob) {
        StateInput in(*blob);
        if (in.u64() != kEpochFormat) in.fail("unknown format");
        sealed = in.i64();
        if (std::string e = in.finish("the SQLite sink's state"); !e.empty())
            throw std::runtime_error(e);
    }
    std::int64_t already = 0;
    if (Status s = m_staging->recover(sealed, &already); !s)
        throw std::runtime_error("SQLite table '" + m_opt.table +
                                 "': committing the rows of "
                                 "checkpoint " +
                                 std::to_string(sealed) + " failed: " + s.message());
    if (already > 0 && m_ctx)
        m_ctx->warn("table '" + m_opt.table + "' already holds the rows of checkpoint " +
                    std::to_string(already) + ", newer than the one restored (" +
                    std::to_string(sealed) + "): the rows in between are written again");
}

void SqliteSink::notifyCheckpointComplete(std::int64_t checkpointId)
{
    if (!m_staging) return;
    std::uint64_t moved = 0;
    if (Status s = m_staging->commit(checkpointId, &moved); !s)
        throw std::runtime_error("SQLite table '" + m_opt.table + "': committing checkpoint " +
                                 std::to_string(checkpointId) + " failed: " + s.message());
    m_written += moved;
}

void SqliteSink::endOfInput(Collector&)
{
    if (m_staging && !m_started) startFresh(); // nothing arrived: still a fresh start
}

void SqliteSink::close()
{
    if (m_db && m_db->inTransaction()) m_db->exec("ROLLBACK");
    m_insert = SqliteStatement();
    m_delete = SqliteStatement();
    m_staging.reset();
    m_db.reset();
}

Result<std::unique_ptr<Operator>> makeSqliteSinkOperator(const OperatorSpec& spec)
{
    PropertyReader p(spec.node);
    SqliteSink::Options o;
    o.path = resolvePath(spec.dataDirectory, p.string("path"));
    o.table = p.string("table");
    o.keys = p.stringList("key_fields");
    std::int64_t batch = p.integer("batch_size");
    if (p.ok() && o.path.empty()) p.fail("path", "a database path is required");
    if (p.ok() && o.table.empty()) p.fail("table", "a table name is required");
    if (p.ok() && batch < 1) p.fail("batch_size", "must be >= 1");
    if (!p.ok()) return p.error();
    o.batchSize = static_cast<std::size_t>(batch);
    o.exactlyOnce = spec.delivery == DeliveryGuarantee::ExactlyOnce;
    if (spec.inputSchemas.empty()) return makeError("node '" + spec.node.id + "': no input schema");
    o.schema = spec.inputSchemas[0];
    o.updating = !spec.inputChangelogs.empty() && spec.inputChangelogs[0].updating();
    if (o.updating && o.keys.empty())
        return makeError("key_fields: an updating input needs the primary key to apply its "
                         "updates and deletes");
    if (o.updating && o.exactlyOnce)
        return makeError("exactly-once delivery of an updating input (deletes) into a SQLite "
                         "sink is not supported yet; use at-least-once (upserts by key are "
                         "idempotent)");
    return makeOperator<SqliteSink>(std::move(o));
}

} // namespace sw::runtime
