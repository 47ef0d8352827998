// runtime/state: the state codec (round trips, every truncation fails cleanly), the checkpoint
// store (completion row last, retention, incomplete and corrupt checkpoints never restored, errors
// naming the file) and state compatibility fingerprints.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

#include <sqlite3.h>

#include "state/CheckpointStore.h"
#include "state/StateCodec.h"
#include "state/StateFingerprint.h"

using namespace sw::runtime;

namespace {
Value randomValue(std::mt19937_64& rng)
{
    switch (rng() % 8) {
    case 0:
        return Value::null();
    case 1:
        return Value::boolean(rng() & 1);
    case 2:
        return Value::integer(static_cast<std::int64_t>(rng()));
    case 3:
        return Value::float64(static_cast<double>(static_cast<std::int64_t>(rng())) / 7.0);
    case 4:
        return Value::decimal(static_cast<std::int64_t>(rng() % 1000000) - 500000,
                              static_cast<int>(rng() % 6));
    case 5: {
        std::string s(rng() % 20, '\0');
        for (char& c : s)
            c = static_cast<char>(rng() & 0xff); // any bytes, NUL included
        return Value::string(s);
    }
    case 6:
        return Value::timestamp(static_cast<std::int64_t>(rng() % 4000000000000ULL) - 1000);
    default:
        return Value::integer(std::numeric_limits<std::int64_t>::min());
    }
}

/// Kind and bits equal (Value's == compares numbers across kinds).
bool identical(const Value& a, const Value& b)
{
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case Value::Kind::Double:
        return a.asDouble() == b.asDouble();
    case Value::Kind::Decimal:
        return a.decimalUnscaled() == b.decimalUnscaled() && a.decimalScale() == b.decimalScale();
    case Value::Kind::String:
        return a.asString() == b.asString();
    default:
        return a == b;
    }
}

CheckpointData sampleCheckpoint(std::int64_t id, std::mt19937_64& rng)
{
    CheckpointData c;
    c.id = id;
    c.triggerMs = 1000 * id;
    c.durationMs = 5;
    c.nodes.push_back({"win", 2, "abc", "type: tumbling-window\n"});
    for (int s = 0; s < 2; ++s) {
        SubtaskSnapshot snap{"win", s, {}, 3};
        std::string b(static_cast<std::size_t>(rng() % 300), '\0');
        for (char& ch : b)
            ch = static_cast<char>(rng() & 0xff);
        snap.blobs["windows"] = b;
        snap.blobs["~engine"] = std::to_string(id);
        c.subtasks.push_back(snap);
    }
    c.subtasks.push_back({"filter", 0, {}, 1}); // a subtask without state
    return c;
}

void sql(const std::string& path, const std::string& statement)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err);
    QVERIFY2(rc == SQLITE_OK, err ? err : "");
    sqlite3_close(db);
}
} // namespace

class TstState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void codecRoundTripsRandomValues();
    void codecFailsOnEveryTruncation();
    void codecBoundsCorruptCounts();
    void storeKeepsTheLastCompleted();
    void storeNeverListsIncompleteCheckpoints();
    void storeDetectsCorruptBlobs();
    void storeDetectsMissingBlobs();
    void garbageFileErrorNamesIt();
    void fingerprintNamesWhatChanged();

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) { return (m_dir.path() + "/" + name).toStdString(); }
};

void TstState::codecRoundTripsRandomValues()
{
    std::mt19937_64 rng(42);
    for (int round = 0; round < 200; ++round) {
        StateOutput out;
        std::vector<Row> rows(rng() % 10);
        std::vector<std::int64_t> ints;
        for (Row& r : rows) {
            r.resize(rng() % 6);
            for (Value& v : r)
                v = randomValue(rng);
            ints.push_back(static_cast<std::int64_t>(rng()));
        }
        out.u64(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out.row(rows[i]);
            out.i64(ints[i]);
            out.time(kMinWatermark);
        }
        StateInput in(out.data());
        QCOMPARE(in.count(), rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Row r = in.row();
            QCOMPARE(r.size(), rows[i].size());
            for (std::size_t k = 0; k < r.size(); ++k)
                QVERIFY2(identical(r[k], rows[i][k]),
                         qPrintable(QString::fromStdString(r[k].toString())));
            QCOMPARE(in.i64(), ints[i]);
            QCOMPARE(in.time(), kMinWatermark);
        }
        QVERIFY(in.atEnd());
        QCOMPARE(QString::fromStdString(in.finish("blob")), QString());
    }
}

void TstState::codecFailsOnEveryTruncation()
{
    std::mt19937_64 rng(7);
    StateOutput out;
    Row row;
    for (int i = 0; i < 30; ++i)
        row.push_back(randomValue(rng));
    out.row(row);
    out.f64(3.25);
    const std::string full = out.data();
    for (std::size_t n = 0; n < full.size(); ++n) {
        StateInput in(std::string_view(full).substr(0, n));
        (void)in.row();
        (void)in.f64();
        QVERIFY2(!in.ok(), qPrintable(QString("prefix %1 of %2 decoded").arg(n).arg(full.size())));
        QVERIFY(in.finish("node 'w'").find("node 'w': truncated") == 0 ||
                in.finish("node 'w'").find("node 'w': corrupt") == 0);
    }
    const std::string longer = full + "x";
    StateInput trailing(longer);
    (void)trailing.row();
    (void)trailing.f64();
    QVERIFY(trailing.ok());
    QVERIFY(trailing.finish("b").find("trailing") != std::string::npos);
}

void TstState::codecBoundsCorruptCounts()
{
    StateOutput out;
    out.u64(1ULL << 40); // a count no blob of this size can hold
    out.u64(1);
    StateInput in(out.data());
    QCOMPARE(in.count(), std::size_t(0));
    QVERIFY(!in.ok());
    StateOutput tag;
    tag.u64(1);
    std::string bad = tag.take() + std::string(1, '\x7f'); // a row of one value, unknown tag
    StateInput in2(bad);
    (void)in2.row();
    QVERIFY(!in2.ok());
    QVERIFY(in2.error().find("unknown value tag") != std::string::npos);
}

void TstState::storeKeepsTheLastCompleted()
{
    const std::string p = path("retain.sqlite");
    std::mt19937_64 rng(1);
    std::vector<CheckpointData> written;
    {
        auto store = CheckpointStore::open(p, 3);
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        for (int id = 1; id <= 5; ++id) {
            written.push_back(sampleCheckpoint(id, rng));
            QVERIFY((*store)->write(written.back()).isOk());
        }
        QCOMPARE(*(*store)->maxId(), std::int64_t(5));
    }
    auto store = CheckpointStore::open(p, 3); // reopened: durable
    auto list = (*store)->completed();
    QVERIFY(list);
    QCOMPARE(list->size(), std::size_t(3));
    QCOMPARE((*list)[0].id, std::int64_t(5));
    QCOMPARE((*list)[2].id, std::int64_t(3));
    QCOMPARE((*list)[0].triggerMs, std::int64_t(5000));
    QVERIFY(!(*store)->load(2)); // deleted by retention
    auto c = (*store)->load(4);
    QVERIFY2(c, c ? "" : c.error().message.c_str());
    QCOMPARE(c->subtasks.size(), std::size_t(3));
    for (const SubtaskSnapshot& s : written[3].subtasks) {
        auto it =
            std::find_if(c->subtasks.begin(), c->subtasks.end(), [&](const SubtaskSnapshot& x) {
                return x.nodeId == s.nodeId && x.subtask == s.subtask;
            });
        QVERIFY(it != c->subtasks.end());
        QVERIFY(it->blobs == s.blobs);
        QCOMPARE(it->alignmentMs, s.alignmentMs);
    }
    QCOMPARE(c->nodes.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(c->nodes[0].fingerprint), QString("abc"));
    QCOMPARE(c->nodes[0].parallelism, 2);
}

void TstState::storeNeverListsIncompleteCheckpoints()
{
    const std::string p = path("incomplete.sqlite");
    std::mt19937_64 rng(2);
    {
        auto store = CheckpointStore::open(p);
        QVERIFY((*store)->write(sampleCheckpoint(1, rng)).isOk());
    }
    // A writer that died between the data and the completion row: checkpoint 2's data only.
    sql(p, "INSERT INTO checkpoint VALUES(2, 2000, 1);"
           "INSERT INTO checkpoint_subtask VALUES(2, 'win', 0, 0, 3);"
           "INSERT INTO state VALUES(2, 'win', 0, 'windows', x'010203', 0);");
    auto store = CheckpointStore::open(p);
    auto list = (*store)->completed();
    QCOMPARE(list->size(), std::size_t(1));
    QCOMPARE((*list)[0].id, std::int64_t(1));
    auto c = (*store)->load(2);
    QVERIFY(!c);
    QVERIFY(c.error().message.find("not a completed checkpoint") != std::string::npos);
    QCOMPARE(*(*store)->maxId(), std::int64_t(2)); // the next run does not reuse its id
    QVERIFY((*store)->write(sampleCheckpoint(3, rng)).isOk());
    sqlite3* db = nullptr;
    sqlite3_open(p.c_str(), &db);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM state WHERE checkpoint = 2", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), 0); // the incomplete one was cleaned up
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TstState::storeDetectsCorruptBlobs()
{
    const std::string p = path("corrupt.sqlite");
    std::mt19937_64 rng(3);
    {
        auto store = CheckpointStore::open(p);
        QVERIFY((*store)->write(sampleCheckpoint(1, rng)).isOk());
        QVERIFY((*store)->write(sampleCheckpoint(2, rng)).isOk());
    }
    sql(p, "UPDATE state SET bytes = x'00' || bytes WHERE checkpoint = 2 AND key = 'windows' "
           "AND subtask = 1");
    auto store = CheckpointStore::open(p);
    auto c = (*store)->load(2);
    QVERIFY(!c);
    const std::string& m = c.error().message;
    QVERIFY2(m.find(p) != std::string::npos, m.c_str());
    QVERIFY2(m.find("checkpoint 2 is corrupt") != std::string::npos, m.c_str());
    QVERIFY2(m.find("node 'win' subtask 1") != std::string::npos, m.c_str());
    QVERIFY((*store)->load(1)); // the previous one is intact
}

void TstState::storeDetectsMissingBlobs()
{
    const std::string p = path("truncated.sqlite");
    std::mt19937_64 rng(4);
    {
        auto store = CheckpointStore::open(p);
        QVERIFY((*store)->write(sampleCheckpoint(1, rng)).isOk());
    }
    sql(p, "DELETE FROM state WHERE checkpoint = 1 AND subtask = 0 AND key = 'windows'");
    auto store = CheckpointStore::open(p);
    auto c = (*store)->load(1);
    QVERIFY(!c);
    QVERIFY2(c.error().message.find("incomplete or corrupt") != std::string::npos,
             c.error().message.c_str());
}

void TstState::garbageFileErrorNamesIt()
{
    const std::string p = path("garbage.sqlite");
    {
        std::ofstream f(p, std::ios::binary);
        f << std::string(4096, 'x');
    }
    auto store = CheckpointStore::open(p);
    QVERIFY(!store);
    QVERIFY2(store.error().message.find(p) != std::string::npos, store.error().message.c_str());
    QVERIFY(CheckpointStore::discard(p).isOk());
    QVERIFY(!std::filesystem::exists(p));
    QVERIFY(CheckpointStore::open(p)); // from scratch
}

void TstState::fingerprintNamesWhatChanged()
{
    NodeSpec n;
    n.id = "win";
    n.type = "tumbling-window";
    n.properties = {{"size", "1 min"}, {"keys", {"user"}}, {"parallelism", 2}};
    Schema in;
    in.add("user", DataType::string());
    const NodeStateInfo a = nodeStateInfo(n, 2, {in}, {});
    n.properties["parallelism"] = 4; // state-neutral
    QCOMPARE(QString::fromStdString(describeStateChange(a, nodeStateInfo(n, 4, {in}, {}))),
             QString());
    n.properties["size"] = "2 min";
    const std::string change = describeStateChange(a, nodeStateInfo(n, 2, {in}, {}));
    QVERIFY2(change.find("property 'size' changed from \"1 min\" to \"2 min\"") !=
                 std::string::npos,
             change.c_str());
    n.properties["size"] = "1 min";
    in.add("amount", DataType::bigint());
    const std::string schema = describeStateChange(a, nodeStateInfo(n, 2, {in}, {}));
    QVERIFY2(schema.find("input schema 0 changed") != std::string::npos, schema.c_str());
}

QTEST_GUILESS_MAIN(TstState)
#include "tst_state.moc"
