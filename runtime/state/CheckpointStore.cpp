#include "state/CheckpointStore.h"

#include <chrono>
#include <filesystem>
#include <map>

#include <sqlite3.h>

#include "sqlite/SqliteDb.h"

namespace sw::runtime {

namespace {
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS checkpoint(
  id INTEGER PRIMARY KEY, trigger_ms INTEGER NOT NULL, duration_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoint_node(
  checkpoint INTEGER NOT NULL, node TEXT NOT NULL, parallelism INTEGER NOT NULL,
  fingerprint TEXT NOT NULL, description TEXT NOT NULL, PRIMARY KEY(checkpoint, node));
CREATE TABLE IF NOT EXISTS checkpoint_subtask(
  checkpoint INTEGER NOT NULL, node TEXT NOT NULL, subtask INTEGER NOT NULL,
  alignment_ms INTEGER NOT NULL, state_bytes INTEGER NOT NULL,
  PRIMARY KEY(checkpoint, node, subtask));
CREATE TABLE IF NOT EXISTS state(
  checkpoint INTEGER NOT NULL, node TEXT NOT NULL, subtask INTEGER NOT NULL, key TEXT NOT NULL,
  bytes BLOB NOT NULL, checksum INTEGER NOT NULL, PRIMARY KEY(checkpoint, node, subtask, key));
CREATE TABLE IF NOT EXISTS checkpoint_completed(
  checkpoint INTEGER PRIMARY KEY, completed_ms INTEGER NOT NULL, blobs INTEGER NOT NULL,
  state_bytes INTEGER NOT NULL, checksum INTEGER NOT NULL);
)sql";

std::int64_t wallMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

/// Rolls back an open transaction unless committed.
struct Transaction {
    SqliteDb& db;
    bool done = false;
    ~Transaction()
    {
        if (!done && db.inTransaction()) (void)db.exec("ROLLBACK");
    }
};

int bindBlob(SqliteStatement& st, int index, const std::string& bytes)
{
    return sqlite3_bind_blob64(st.handle(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
}

/// Combines per-blob checksums (order-independent).
std::uint64_t combine(std::uint64_t acc, std::uint64_t blob)
{
    return acc + blob * 0x9e3779b97f4a7c15ULL;
}
} // namespace

std::uint64_t stateChecksum(const std::string& bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

CheckpointStore::CheckpointStore(std::unique_ptr<SqliteDb> db, std::string path, int retained)
    : m_db(std::move(db)), m_path(std::move(path)), m_retained(retained < 1 ? 1 : retained)
{
}

CheckpointStore::~CheckpointStore() = default;

Error CheckpointStore::fail(const std::string& what) const
{
    return makeError("checkpoint store '" + m_path + "': " + what + ": " + m_db->errorMessage());
}

Result<std::unique_ptr<CheckpointStore>> CheckpointStore::open(const std::string& path,
                                                               int retained)
{
    auto db = SqliteDb::open(path);
    if (!db) return makeError("checkpoint store: " + db.error().message);
    if (Status s = (*db)->exec("PRAGMA synchronous=FULL"); !s)
        return makeError("checkpoint store '" + path + "': " + s.message());
    if (Status s = (*db)->exec(kSchema); !s)
        return makeError("checkpoint store '" + path + "': " + s.message());
    return std::unique_ptr<CheckpointStore>(
        new CheckpointStore(std::move(db).value(), path, retained));
}

Status CheckpointStore::discard(const std::string& path)
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path + suffix, ec);
        if (ec) return makeError("cannot delete '" + path + suffix + "': " + ec.message());
    }
    return Status::ok();
}

Status CheckpointStore::write(const CheckpointData& c)
{
    std::uint64_t checksum = 0;
    std::int64_t bytes = 0, blobs = 0;
    if (Status s = writeData(c, checksum, bytes, blobs); !s) return s;
    if (Status s = complete(c.id, checksum, bytes, blobs); !s) return s;
    return applyRetention();
}

Status CheckpointStore::writeData(const CheckpointData& c, std::uint64_t& checksum,
                                  std::int64_t& bytes, std::int64_t& blobs)
{
    if (Status s = m_db->exec("BEGIN IMMEDIATE"); !s) return fail("begin");
    Transaction tx{*m_db};
    // A retried or incomplete checkpoint with this id: replace it.
    for (const char* t : {"checkpoint", "checkpoint_node", "checkpoint_subtask", "state"}) {
        std::string col = std::string(t) == "checkpoint" ? "id" : "checkpoint";
        auto del = m_db->prepare(std::string("DELETE FROM ") + t + " WHERE " + col + " = ?");
        if (!del) return fail("delete");
        del->bindInt(1, c.id);
        if (del->step() != SQLITE_DONE) return fail("delete");
    }
    auto cp = m_db->prepare("INSERT INTO checkpoint(id, trigger_ms, duration_ms) VALUES(?,?,?)");
    auto node = m_db->prepare("INSERT INTO checkpoint_node VALUES(?,?,?,?,?)");
    auto sub = m_db->prepare("INSERT INTO checkpoint_subtask VALUES(?,?,?,?,?)");
    auto blob = m_db->prepare("INSERT INTO state VALUES(?,?,?,?,?,?)");
    if (!cp || !node || !sub || !blob) return fail("prepare");
    cp->bindInt(1, c.id);
    cp->bindInt(2, c.triggerMs);
    cp->bindInt(3, c.durationMs);
    if (cp->step() != SQLITE_DONE) return fail("write checkpoint " + std::to_string(c.id));
    for (const NodeStateInfo& n : c.nodes) {
        node->reset();
        node->bindInt(1, c.id);
        node->bindText(2, n.nodeId);
        node->bindInt(3, n.parallelism);
        node->bindText(4, n.fingerprint);
        node->bindText(5, n.description);
        if (node->step() != SQLITE_DONE) return fail("write node " + n.nodeId);
    }
    for (const SubtaskSnapshot& s : c.subtasks) {
        sub->reset();
        sub->bindInt(1, c.id);
        sub->bindText(2, s.nodeId);
        sub->bindInt(3, s.subtask);
        sub->bindInt(4, s.alignmentMs);
        sub->bindInt(5, static_cast<std::int64_t>(s.bytes()));
        if (sub->step() != SQLITE_DONE) return fail("write subtask " + s.nodeId);
        for (const auto& [key, b] : s.blobs) {
            const std::uint64_t sum = stateChecksum(b);
            blob->reset();
            blob->bindInt(1, c.id);
            blob->bindText(2, s.nodeId);
            blob->bindInt(3, s.subtask);
            blob->bindText(4, key);
            bindBlob(*blob, 5, b);
            blob->bindInt(6, static_cast<std::int64_t>(sum));
            if (blob->step() != SQLITE_DONE) return fail("write state of " + s.nodeId);
            checksum = combine(checksum, sum);
            bytes += static_cast<std::int64_t>(b.size());
            ++blobs;
        }
    }
    if (Status s = m_db->exec("COMMIT"); !s) return fail("commit checkpoint data");
    tx.done = true;
    return Status::ok();
}

Status CheckpointStore::complete(std::int64_t id, std::uint64_t checksum, std::int64_t bytes,
                                 std::int64_t blobs)
{
    // Its own transaction, after the data: the checkpoint exists only once this row does.
    auto st = m_db->prepare("INSERT OR REPLACE INTO checkpoint_completed VALUES(?,?,?,?,?)");
    if (!st) return fail("prepare");
    st->bindInt(1, id);
    st->bindInt(2, wallMs());
    st->bindInt(3, blobs);
    st->bindInt(4, bytes);
    st->bindInt(5, static_cast<std::int64_t>(checksum));
    if (st->step() != SQLITE_DONE) return fail("complete checkpoint " + std::to_string(id));
    return Status::ok();
}

Status CheckpointStore::applyRetention()
{
    // Keep the newest `retained` completed checkpoints; drop older ones and every incomplete
    // checkpoint below the newest completed one (a writer that failed half-way).
    const std::string keep = "(SELECT checkpoint FROM checkpoint_completed ORDER BY checkpoint "
                             "DESC LIMIT " +
                             std::to_string(m_retained) + ")";
    const std::string newest = "(SELECT MAX(checkpoint) FROM checkpoint_completed)";
    std::string sql = "BEGIN;";
    sql += "DELETE FROM checkpoint_completed WHERE checkpoint NOT IN " + keep + ";";
    for (const char* t : {"checkpoint_node", "checkpoint_subtask", "state"})
        sql += std::string("DELETE FROM ") + t + " WHERE checkpoint NOT IN " + keep +
               " AND checkpoint <= " + newest + ";";
    sql += "DELETE FROM checkpoint WHERE id NOT IN " + keep + " AND id <= " + newest + ";";
    sql += "COMMIT;";
    if (Status s = m_db->exec(sql); !s) {
        if (m_db->inTransaction()) (void)m_db->exec("ROLLBACK");
        return fail("retention");
    }
    return Status::ok();
}

Result<std::vector<CheckpointInfo>> CheckpointStore::completed() const
{
    auto st = m_db->prepare(
        "SELECT c.checkpoint, k.trigger_ms, k.duration_ms, c.completed_ms, c.state_bytes, c.blobs "
        "FROM checkpoint_completed c JOIN checkpoint k ON k.id = c.checkpoint "
        "ORDER BY c.checkpoint DESC");
    if (!st) return fail("list checkpoints");
    std::vector<CheckpointInfo> out;
    int rc;
    while ((rc = st->step()) == SQLITE_ROW)
        out.push_back({st->columnInt(0), st->columnInt(1), st->columnInt(2), st->columnInt(3),
                       st->columnInt(4), st->columnInt(5)});
    if (rc != SQLITE_DONE) return fail("list checkpoints");
    return out;
}

Result<std::int64_t> CheckpointStore::maxId() const
{
    auto st = m_db->prepare("SELECT MAX(m) FROM (SELECT MAX(id) AS m FROM checkpoint UNION ALL "
                            "SELECT MAX(checkpoint) FROM checkpoint_completed)");
    if (!st || st->step() != SQLITE_ROW) return fail("read checkpoint ids");
    return st->isNull(0) ? 0 : st->columnInt(0);
}

Status CheckpointStore::loadBlobs(CheckpointData& c, std::uint64_t& checksum, std::int64_t& bytes,
                                  std::int64_t& blobs) const
{
    auto st = m_db->prepare("SELECT s.node, s.subtask, s.alignment_ms, b.key, b.bytes, b.checksum "
                            "FROM checkpoint_subtask s LEFT JOIN state b ON b.checkpoint = "
                            "s.checkpoint AND b.node = s.node AND b.subtask = s.subtask "
                            "WHERE s.checkpoint = ? ORDER BY s.node, s.subtask");
    if (!st) return fail("read checkpoint " + std::to_string(c.id));
    st->bindInt(1, c.id);
    std::map<std::pair<std::string, int>, std::size_t> index;
    int rc;
    while ((rc = st->step()) == SQLITE_ROW) {
        std::pair<std::string, int> who{st->columnBytes(0), static_cast<int>(st->columnInt(1))};
        auto [it, inserted] = index.try_emplace(who, c.subtasks.size());
        if (inserted) c.subtasks.push_back({who.first, who.second, {}, st->columnInt(2)});
        if (st->isNull(3)) continue; // a subtask without state
        std::string b = st->columnBytes(4);
        const std::uint64_t sum = stateChecksum(b);
        if (static_cast<std::int64_t>(sum) != st->columnInt(5))
            return makeError("checkpoint store '" + m_path + "': checkpoint " +
                             std::to_string(c.id) + " is corrupt: the state '" +
                             st->columnBytes(3) + "' of node '" + who.first + "' subtask " +
                             std::to_string(who.second) + " fails its checksum");
        checksum = combine(checksum, sum);
        bytes += static_cast<std::int64_t>(b.size());
        ++blobs;
        c.subtasks[it->second].blobs.emplace(st->columnBytes(3), std::move(b));
    }
    if (rc != SQLITE_DONE) return fail("read checkpoint " + std::to_string(c.id));
    return Status::ok();
}

Result<CheckpointData> CheckpointStore::load(std::int64_t id) const
{
    const std::string name = "checkpoint " + std::to_string(id);
    auto head = m_db->prepare("SELECT k.trigger_ms, k.duration_ms, c.blobs, c.state_bytes, "
                              "c.checksum FROM checkpoint_completed c JOIN checkpoint k ON "
                              "k.id = c.checkpoint WHERE c.checkpoint = ?");
    if (!head) return fail("read " + name);
    head->bindInt(1, id);
    int rc = head->step();
    if (rc == SQLITE_DONE)
        return makeError("checkpoint store '" + m_path + "': " + name +
                         " is not a completed checkpoint");
    if (rc != SQLITE_ROW) return fail("read " + name);
    CheckpointData c;
    c.id = id;
    c.triggerMs = head->columnInt(0);
    c.durationMs = head->columnInt(1);
    const std::int64_t wantBlobs = head->columnInt(2), wantBytes = head->columnInt(3);
    const auto wantSum = static_cast<std::uint64_t>(head->columnInt(4));
    auto nodes = m_db->prepare("SELECT node, parallelism, fingerprint, description FROM "
                               "checkpoint_node WHERE checkpoint = ? ORDER BY node");
    if (!nodes) return fail("read " + name);
    nodes->bindInt(1, id);
    while ((rc = nodes->step()) == SQLITE_ROW)
        c.nodes.push_back({nodes->columnBytes(0), static_cast<int>(nodes->columnInt(1)),
                           nodes->columnBytes(2), nodes->columnBytes(3)});
    if (rc != SQLITE_DONE) return fail("read " + name);
    std::uint64_t sum = 0;
    std::int64_t bytes = 0, blobs = 0;
    if (Status s = loadBlobs(c, sum, bytes, blobs); !s) return s.error();
    if (blobs != wantBlobs || bytes != wantBytes || sum != wantSum)
        return makeError("checkpoint store '" + m_path + "': " + name +
                         " is incomplete or corrupt: " + std::to_string(blobs) +
                         " state blobs of " + std::to_string(bytes) +
                         " bytes found, its completion record says " + std::to_string(wantBlobs) +
                         " of " + std::to_string(wantBytes) + " bytes" +
                         (sum != wantSum && blobs == wantBlobs ? " (checksum differs)" : ""));
    return c;
}

} // namespace sw::runtime
