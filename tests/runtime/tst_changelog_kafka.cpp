// The Kafka sink in upsert mode (Flink's upsert-kafka): an aggregate's changelog written to a
// topic keyed by the primary key; compacting the topic (last value per key, a tombstone
// deletes) gives SQLite's GROUP BY over the final input.
#include <QtTest>

#include <QTemporaryDir>

#include <fstream>
#include <random>

#include "connectors/kafka/EmbeddedBroker.h"
#include "exec/Engine.h"
#include "tst_kafka_support.h"
#include "tst_oracle_support.h"

using namespace sw::runtime;
using namespace sw::test;
using sw::runtime::kafka::EmbeddedBroker;

namespace {
NodeSpec makeNodeSpec(const std::string& id, const std::string& type, nlohmann::json props)
{
    NodeSpec n;
    n.id = id;
    n.type = type;
    n.properties = std::move(props);
    return n;
}
EdgeSpec edgeTo(const std::string& from, const std::string& to)
{
    return EdgeSpec{PortRef{from, "out"}, PortRef{to, "in"}};
}
} // namespace

class TstChangelogKafka : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void upsertKafkaTombstonesDelete();
};

void TstChangelogKafka::upsertKafkaTombstonesDelete()
{
    auto broker = EmbeddedBroker::shared();
    QVERIFY(broker);
    const std::string bs = (*broker)->bootstrapServers();
    const std::string topic = "orders.totals.upserted";
    QTemporaryDir dir;
    const std::string input = dir.filePath("events.jsonl").toStdString();
    std::mt19937_64 rng(5);
    std::vector<Row> rows;
    std::ofstream f(input);
    for (int i = 0; i < 3000; ++i) {
        rows.push_back({Value::integer(static_cast<std::int64_t>(rng() % 400)),
                        Value::integer(static_cast<std::int64_t>(rng() % 300)),
                        Value::integer(static_cast<std::int64_t>(rng() % 100))});
        f << "{\"id\": " << rows.back()[0].toString() << ", \"k\": " << rows.back()[1].toString()
          << ", \"v\": " << rows.back()[2].toString() << "}\n";
    }
    f.close();
    PipelineSpec p;
    p.settings.parallelism = 2;
    p.nodes = {makeNodeSpec("src", "file-source",
                            {{"path", input},
                             {"watermark", "processing-time"},
                             {"schema",
                              {{{"name", "id"}, {"type", "BIGINT"}},
                               {{"name", "k"}, {"type", "BIGINT"}},
                               {{"name", "v"}, {"type", "BIGINT"}}}}}),
               makeNodeSpec("last", "dedup", {{"keys", {"id"}}, {"keep", "last"}, {"ttl", "1 d"}}),
               makeNodeSpec("agg", "aggregate",
                            {{"keys", {"k"}},
                             {"aggregates",
                              {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}},
                               {{"function", "SUM"}, {"column", "v"}, {"as", "s"}}}}}),
               makeNodeSpec("sink", "kafka-sink",
                            {{"topic", topic},
                             {"bootstrap_servers", bs},
                             {"key_fields", {"k"}},
                             {"mode", "upsert"},
                             {"partitions", 2}})};
    p.edges = {edgeTo("src", "last"), edgeTo("last", "agg"), edgeTo("agg", "sink")};
    Engine e;
    Status st = e.start(p, EngineOptions{});
    QVERIFY2(st.isOk(), st.message().c_str());
    QVERIFY(e.wait(120000));
    const std::string errs = errorsOf(e.pollEvents());
    QVERIFY2(errs.empty(), errs.c_str());
    std::map<std::string, std::string> table; // key -> value (compaction)
    int tombstones = 0;
    // Up to 8 partitions: the embedded broker creates the topic with its default count.
    for (const Msg& m : readAll(bs, topic, 8)) {
        QVERIFY(m.hasKey);
        if (!m.hasValue) {
            ++tombstones;
            table.erase(m.key);
        } else {
            auto j = nlohmann::json::parse(m.value);
            table[m.key] = std::to_string(j["k"].get<std::int64_t>()) + "|" +
                           std::to_string(j["cnt"].get<std::int64_t>()) + "|" +
                           std::to_string(j["s"].get<std::int64_t>());
        }
    }
    QVERIFY(tombstones > 0);
    Sqlite db;
    db.exec("CREATE TABLE ev(id INTEGER, k INTEGER, v INTEGER, seq INTEGER)");
    std::string sql = "BEGIN;";
    for (std::size_t i = 0; i < rows.size(); ++i)
        sql += "INSERT INTO ev VALUES (" + rows[i][0].toString() + "," + rows[i][1].toString() +
               "," + rows[i][2].toString() + "," + std::to_string(i) + ");";
    db.exec(sql + "COMMIT;");
    auto expect = db.rows("SELECT k, COUNT(*), SUM(v) FROM ev e WHERE seq = (SELECT MAX(seq) FROM "
                          "ev x WHERE x.id = e.id) GROUP BY k",
                          {"I", "I", "I"});
    std::vector<std::string> got;
    for (const auto& [k, v] : table)
        got.push_back(v);
    std::sort(got.begin(), got.end());
    std::sort(expect.begin(), expect.end());
    QCOMPARE(got.size(), expect.size());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(got[i] == expect[i], (got[i] + " vs " + expect[i]).c_str());
}

QTEST_GUILESS_MAIN(TstChangelogKafka)
#include "tst_changelog_kafka.moc"
