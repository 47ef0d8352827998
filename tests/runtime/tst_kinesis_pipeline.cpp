// kinesis-source and kinesis-sink in whole pipelines run by the engine against kinesalite
// (tests/tools/kinesis, started per test on a free port):
//  - round trip generator -> kinesis-sink -> stream -> kinesis-source -> file: every record once,
//    per-key order, payload byte-identical to what the stream holds (read by the raw client);
//  - interop with a client nobody here wrote: Debian's aws CLI writes records the source reads,
//    and reads the records the sink wrote;
//  - a shard split and a merge in the middle of a run: nothing lost, per-key order across
//    parents and children (parents read first);
//  - injected throttling (GetRecords and partial PutRecords failures): backoff, then every record
//    arrives exactly once;
//  - a restart from a checkpoint resumes after the checkpointed sequence number;
//  - an undecodable record goes to errors with its bytes, partition key, shard and sequence
//    number; a missing stream, refused credentials and an unreachable endpoint fail the node with
//    a clear message (a warning first for the endpoint), never hang, never show a secret.
#include <QtTest/QtTest>

#include <QProcess>
#include <QTemporaryDir>
#include <map>
#include <set>

#include "KinesaliteProcess.h"
#include "PipelineRunner.h"
#include "catalog/PipelineLoader.h"
#include "connectors/kafka/ClientHealth.h"
#include "exec/Engine.h"
#include "tst_kafka_support.h"
#include "tst_kinesis_support.h"
#include "util/Base64.h"

using namespace sw::runtime;
using namespace sw::runtime::kinesis;
using namespace sw::test;
using json = nlohmann::json;

namespace {

/// Writes records {"key": k, "n": n} for n in [from, to), key = "k" + (n % keys).
void putSequence(const Kinesalite& k, const std::string& stream, int from, int to, int keys)
{
    KinesisClient c(k.clientOptions());
    std::vector<PutEntry> batch;
    for (int n = from; n < to; ++n) {
        const std::string key = "k" + std::to_string(n % keys);
        batch.push_back({key, json{{"key", key}, {"n", n}}.dump()});
        if (batch.size() == 100 || n + 1 == to) {
            auto r = c.putRecords(stream, batch);
            QVERIFY2(r.ok(), r.error.message.c_str());
            for (const auto& e : *r.value)
                QVERIFY(e.ok);
            batch.clear();
        }
    }
}

/// Per key, the values of "n" in file order: each key's sequence must be strictly increasing,
/// and every n in [0, total) present exactly once.
void checkSequence(const std::vector<json>& lines, int total)
{
    std::map<std::string, int> last;
    std::set<int> seen;
    for (const json& l : lines) {
        const json v = json::parse(l["value"].get<std::string>());
        const std::string key = v["key"];
        const int n = v["n"];
        QVERIFY2(seen.insert(n).second, qPrintable(QString("duplicate n=%1").arg(n)));
        auto it = last.find(key);
        QVERIFY2(
            it == last.end() || it->second < n,
            qPrintable(QString("key %1: %2 after %3").arg(key.c_str()).arg(n).arg(it->second)));
        last[key] = n;
    }
    QCOMPARE(int(seen.size()), total);
    QCOMPARE(*seen.begin(), 0);
    QCOMPARE(*seen.rbegin(), total - 1);
}

bool waitForFile(Run& run, const std::string& node, std::uint64_t n, int ms = 60000)
{
    return run.waitUntil(
        [&](const MetricsSnapshot& s) {
            const NodeMetrics* m = s.node(node);
            return m && m->recordsIn >= n;
        },
        ms);
}

bool waitFailed(Run& run, int ms = 60000)
{
    return run.waitUntil(
        [&](const MetricsSnapshot&) { return run.engine.state() == EngineState::Failed; }, ms);
}

std::string allMessages(const std::vector<EngineEvent>& ev, EngineEvent::Kind kind)
{
    std::string s;
    for (const auto& e : ev)
        if (e.kind == kind) s += e.message + "\n";
    return s;
}

/// Runs /usr/bin/aws (Debian's awscli) against kinesalite; returns stdout.
QByteArray awsCli(const Kinesalite& k, QStringList args, bool* ok)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
    env.insert("AWS_SECRET_ACCESS_KEY", "local-secret-value");
    env.insert("AWS_DEFAULT_REGION", "us-east-1");
    env.insert("AWS_CONFIG_FILE", "/dev/null");
    env.insert("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.insert("AWS_EC2_METADATA_DISABLED", "true");
    p.setProcessEnvironment(env);
    p.start("/usr/bin/aws", QStringList{"--endpoint-url", QString::fromStdString(k.endpoint()),
                                        "--no-cli-pager", "--output", "json"} +
                                args);
    *ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        qWarning("aws %s: %s", qPrintable(args.join(' ')), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

std::string tmpPath(const QTemporaryDir& d, const char* name)
{
    return (d.path() + "/" + name).toStdString();
}

} // namespace

class TestKinesisPipeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripEveryRecordInOrderByteIdentical();
    void awsCliWritesWhatWeReadAndReadsWhatWeWrite();
    void splitAndMergeMidRunLoseNothingParentsFirst();
    void throttlingBacksOffThenEveryRecordArrives();
    void sinkBatchesStayWithinKinesisLimits();
    void recordsThatKeepFailingGoToErrors();
    void restartResumesAfterTheCheckpointedPosition();
    void undecodableRecordGoesToErrorsWithShardAndSequence();
    void missingStreamFailsClearly();
    void badCredentialsFailWithoutShowingTheSecret();
    void unreachableEndpointWarnsThenFails();
};

void TestKinesisPipeline::roundTripEveryRecordInOrderByteIdentical()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("rt", 4));
    QTemporaryDir dir;
    const int n = 3000;
    auto w = parsePipeline(generatorToSink(kinesisProps(k, "rt"), n));
    QVERIFY2(w, w ? "" : w.error().toString().c_str());
    QCOMPARE(runPipeline(*w, dir.path().toStdString()), std::string());

    const auto oracle = readStream(k, "rt");
    QCOMPARE(int(oracle.size()), n);
    std::set<std::string> shardsUsed;
    for (const auto& r : oracle)
        shardsUsed.insert(r.shard);
    QVERIFY(shardsUsed.size() > 1);

    const std::string out = tmpPath(dir, "rt.jsonl");
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(kinesisProps(k, "rt"), "raw", "[]", out, 2), &err),
             err.c_str());
    QVERIFY2(waitForFile(run, "out", n), errorsOf(run.events).c_str());
    QVERIFY(run.stop(StopMode::Drain));
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());

    const auto lines = readJsonLines(out);
    QCOMPARE(int(lines.size()), n);
    // Byte-identical: the multiset of values equals what the stream holds.
    std::multiset<std::string> got, want;
    for (const auto& l : lines)
        got.insert(l["value"].get<std::string>());
    for (const auto& r : oracle)
        want.insert(r.data);
    QVERIFY(got == want);
    // Every order once; per customer (one partition key, one shard) in generator order.
    std::set<long long> ids;
    std::map<long long, long long> lastOfCustomer;
    for (const auto& l : lines) {
        const json o = json::parse(l["value"].get<std::string>());
        const long long id = o["order_id"], customer = o["customer_id"];
        QVERIFY(ids.insert(id).second);
        auto it = lastOfCustomer.find(customer);
        QVERIFY2(it == lastOfCustomer.end() || it->second < id, "per-key order broken");
        lastOfCustomer[customer] = id;
    }
    QCOMPARE(int(ids.size()), n);
}

void TestKinesisPipeline::awsCliWritesWhatWeReadAndReadsWhatWeWrite()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QTemporaryDir dir;
    bool ok = false;
    awsCli(k, {"kinesis", "create-stream", "--stream-name", "cli-in", "--shard-count", "2"}, &ok);
    QVERIFY2(ok, "aws CLI (Debian awscli: packaging/install-deps.sh) failed");
    // The CLI writes 40 records (text data) ...
    json records = json::array();
    std::multiset<std::string> written;
    for (int i = 0; i < 40; ++i) {
        const std::string data = "cli record " + std::to_string(i) + " \xc3\xa9";
        records.push_back({{"Data", data}, {"PartitionKey", "p" + std::to_string(i % 7)}});
        written.insert(data);
    }
    const std::string recordsFile = tmpPath(dir, "records.json");
    std::ofstream(recordsFile) << records.dump();
    awsCli(k,
           {"--cli-binary-format", "raw-in-base64-out", "kinesis", "put-records", "--stream-name",
            "cli-in", "--records", QString::fromStdString("file://" + recordsFile)},
           &ok);
    QVERIFY(ok);
    // ... which our source reads, byte for byte.
    const std::string out = tmpPath(dir, "cli-in.jsonl");
    {
        Run run;
        std::string err;
        QVERIFY2(run.start(sourceToFile(kinesisProps(k, "cli-in"), "raw", "[]", out), &err),
                 err.c_str());
        QVERIFY2(waitForFile(run, "out", 40), errorsOf(run.events).c_str());
        QVERIFY(run.stop(StopMode::Drain));
    }
    std::multiset<std::string> read;
    for (const auto& l : readJsonLines(out))
        read.insert(l["value"].get<std::string>());
    QVERIFY(read == written);

    // Our sink writes 30 orders; the CLI reads them back.
    QVERIFY(k.createStream("cli-out", 1));
    auto w = parsePipeline(generatorToSink(kinesisProps(k, "cli-out"), 30));
    QVERIFY(w);
    QCOMPARE(runPipeline(*w, dir.path().toStdString()), std::string());
    const QByteArray itJson =
        awsCli(k,
               {"kinesis", "get-shard-iterator", "--stream-name", "cli-out", "--shard-id",
                "shardId-000000000000", "--shard-iterator-type", "TRIM_HORIZON"},
               &ok);
    QVERIFY(ok);
    const std::string iterator = json::parse(itJson.toStdString())["ShardIterator"];
    const QByteArray got = awsCli(
        k, {"kinesis", "get-records", "--shard-iterator", QString::fromStdString(iterator)}, &ok);
    QVERIFY(ok);
    const json recs = json::parse(got.toStdString())["Records"];
    QCOMPARE(int(recs.size()), 30);
    const auto oracle = readStream(k, "cli-out");
    std::set<long long> ids;
    for (std::size_t i = 0; i < recs.size(); ++i) {
        std::string data;
        QVERIFY(decodeBase64(recs[i]["Data"].get<std::string>(), data));
        QCOMPARE(data, oracle[i].data);
        QCOMPARE(recs[i]["PartitionKey"].get<std::string>(), oracle[i].key);
        const json o = json::parse(data);
        QCOMPARE(std::to_string(o["customer_id"].get<long long>()), oracle[i].key);
        ids.insert(o["order_id"].get<long long>());
    }
    QCOMPARE(int(ids.size()), 30);
}

void TestKinesisPipeline::splitAndMergeMidRunLoseNothingParentsFirst()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("reshard", 2));
    QTemporaryDir dir;
    const std::string out = tmpPath(dir, "reshard.jsonl");
    KinesisClient admin(k.clientOptions());
    auto retry = [&](const std::string& op, const json& body) {
        for (int i = 0; i < 100; ++i) {
            auto r = admin.call(op, body.dump());
            if (r.ok()) return true;
            if (r.error.type != "ResourceInUseException" &&
                r.error.type != "LimitExceededException") {
                qWarning("%s: %s", op.c_str(), r.error.message.c_str());
                return false;
            }
            QTest::qWait(50);
        }
        return false;
    };
    // Before the run: records in shard 0, then a split of shard 0 (hash keys [0, 2^127)) at
    // 2^126 into children 2 and 3, and records in the children. The source finds a closed parent
    // with unread records next to its children: it must read the parent to its end first.
    putSequence(k, "reshard", 0, 300, 10);
    QVERIFY(
        retry("SplitShard", {{"StreamName", "reshard"},
                             {"ShardToSplit", "shardId-000000000000"},
                             {"NewStartingHashKey", "85070591730234615865843651857942052864"}}));
    putSequence(k, "reshard", 300, 600, 10);
    Run run;
    std::string err;
    QVERIFY2(
        run.start(sourceToFile(kinesisProps(k, "reshard"), "raw", "[]", out, 1, "",
                               R"(, "shard_discovery_interval": "200 ms", "records_per_get": 40)"),
                  &err),
        err.c_str());
    QVERIFY2(waitForFile(run, "out", 600), errorsOf(run.events).c_str());
    // In the middle of the run: the children merge into shard 4 (two parents), more records.
    QVERIFY(retry("MergeShards", {{"StreamName", "reshard"},
                                  {"ShardToMerge", "shardId-000000000002"},
                                  {"AdjacentShardToMerge", "shardId-000000000003"}}));
    putSequence(k, "reshard", 600, 900, 10);
    QVERIFY2(waitForFile(run, "out", 900), errorsOf(run.events).c_str());
    QVERIFY(run.stop(StopMode::Drain));
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());

    // The stream really resharded: records in parents and in both generations of children.
    std::set<std::string> shards;
    for (const auto& r : readStream(k, "reshard"))
        shards.insert(r.shard);
    QVERIFY(shards.count("shardId-000000000000") && shards.count("shardId-000000000002") &&
            shards.count("shardId-000000000004"));
    checkSequence(readJsonLines(out), 900);
}

void TestKinesisPipeline::throttlingBacksOffThenEveryRecordArrives()
{
    Kinesalite k({"--throttle-get", "3", "--throttle-put", "2"});
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("thr", 2));
    QTemporaryDir dir;
    const int n = 2000;
    auto w =
        parsePipeline(generatorToSink(kinesisProps(k, "thr"), n, 50, R"(, "max_attempts": 30)"));
    QVERIFY(w);
    QCOMPARE(runPipeline(*w, dir.path().toStdString()), std::string());
    QVERIFY(k.stats()["throttledPutEntries"].get<int>() > 0);
    const auto oracle = readStream(k, "thr");
    QCOMPARE(int(oracle.size()), n); // failed entries were not written, retried ones once

    const std::string out = tmpPath(dir, "thr.jsonl");
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(kinesisProps(k, "thr"), "raw", "[]", out), &err), err.c_str());
    QVERIFY2(waitForFile(run, "out", n), errorsOf(run.events).c_str());
    QVERIFY(run.stop(StopMode::Drain));
    QVERIFY2(errorsOf(run.events).empty(), errorsOf(run.events).c_str());
    QVERIFY(k.stats()["throttledGets"].get<int>() > 0);
    std::set<long long> ids;
    for (const auto& l : readJsonLines(out))
        QVERIFY(ids.insert(json::parse(l["value"].get<std::string>())["order_id"].get<long long>())
                    .second);
    QCOMPARE(int(ids.size()), n);
}

void TestKinesisPipeline::sinkBatchesStayWithinKinesisLimits()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("big", 2));
    QTemporaryDir dir;
    // 1200 small records (3 requests of at most 500) and 40 records of ~300 KB (12 MB: at least
    // 3 requests under 5 MiB), through file-source -> kinesis-sink.
    const std::string in = tmpPath(dir, "in.jsonl");
    {
        std::ofstream f(in);
        for (int i = 0; i < 1200; ++i)
            f << json{{"id", i}, {"blob", "x"}}.dump() << "\n";
        for (int i = 1200; i < 1240; ++i)
            f << json{{"id", i}, {"blob", std::string(300000, char('a' + i % 26))}}.dump() << "\n";
    }
    const std::string p = R"({"format": "streamwright.pipeline/1", "pipeline": {"name": "big"},
      "nodes": [
        {"id": "file", "type": "file-source", "properties": {"path": ")" +
                          in + R"(",
          "watermark": "processing-time",
          "schema": [{"name": "id", "type": "BIGINT"}, {"name": "blob", "type": "STRING"}]}},
        {"id": "sink", "type": "kinesis-sink", "properties": {)" +
                          kinesisProps(k, "big") +
                          R"(, "partition_key_fields": ["id"]}}],
      "edges": [{"from": {"node": "file", "port": "out"}, "to": {"node": "sink", "port": "in"}}]})";
    auto w = parsePipeline(p);
    QVERIFY2(w, w ? "" : w.error().toString().c_str());
    QCOMPARE(runPipeline(*w, dir.path().toStdString()), std::string());
    const json stats = k.stats();
    QCOMPARE(stats["maxPutEntries"].get<int>(), 500);
    QVERIFY(stats["maxPutBytes"].get<long long>() <= 5LL * 1024 * 1024);
    QVERIFY(stats["maxPutBytes"].get<long long>() > 4LL * 1024 * 1024); // batches are filled
    std::set<long long> ids;
    for (const auto& r : readStream(k, "big"))
        ids.insert(json::parse(r.data)["id"].get<long long>());
    QCOMPARE(int(ids.size()), 1240);
}

void TestKinesisPipeline::recordsThatKeepFailingGoToErrors()
{
    // Every PutRecords fails its odd entries: with max_attempts 2 some records fail twice and go
    // to errors with their bytes; every record is either in the stream or in errors, never both.
    Kinesalite k({"--throttle-put", "1"});
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("fails", 1));
    QTemporaryDir dir;
    const int n = 400;
    const std::string bad = tmpPath(dir, "failed.jsonl");
    std::string p = generatorToSink(kinesisProps(k, "fails"), n, 50, R"(, "max_attempts": 2)");
    p.insert(
        p.rfind("]}"),
        R"(, {"from": {"node": "sink", "port": "errors"}, "to": {"node": "bad", "port": "in"}})");
    p.insert(p.find("\n      ],"), R"(,
        {"id": "bad", "type": "file-sink", "properties": {"path": ")" +
                                       bad + R"("}})");
    auto w = parsePipeline(p);
    QVERIFY2(w, w ? "" : w.error().toString().c_str());
    QCOMPARE(runPipeline(*w, dir.path().toStdString()), std::string());
    std::set<long long> written, failed;
    for (const auto& r : readStream(k, "fails"))
        QVERIFY(written.insert(json::parse(r.data)["order_id"].get<long long>()).second);
    for (const auto& e : readJsonLines(bad)) {
        QCOMPARE(e["error_class"].get<std::string>(), std::string("sink"));
        const std::string m = e["message"];
        QVERIFY2(m.find("failed 2 times") != std::string::npos &&
                     m.find("ProvisionedThroughputExceededException") != std::string::npos,
                 m.c_str());
        std::string raw;
        QVERIFY(decodeBase64(e["raw_value"].get<std::string>(), raw));
        const long long id = json::parse(raw)["order_id"];
        QVERIFY2(!written.count(id), "a record both written and failed");
        QVERIFY(failed.insert(id).second);
    }
    QVERIFY(!failed.empty());
    QCOMPARE(int(written.size() + failed.size()), n);
}

void TestKinesisPipeline::restartResumesAfterTheCheckpointedPosition()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("rs", 1));
    QTemporaryDir dir;
    putSequence(k, "rs", 0, 300, 3);
    auto startRun = [&](Engine& e, const std::string& out, EngineOptions::Restore restore) {
        auto p = parsePipeline(sourceToFile(kinesisProps(k, "rs"), "raw", "[]", out));
        QVERIFY(p);
        EngineOptions o;
        o.dataDirectory = dir.path().toStdString();
        o.checkpointIntervalMs = 200;
        o.restore = restore;
        Status s = e.start(*p, o);
        QVERIFY2(s, s.message().c_str());
    };
    const std::string out1 = tmpPath(dir, "run1.jsonl"), out2 = tmpPath(dir, "run2.jsonl");
    {
        Engine e;
        startRun(e, out1, EngineOptions::Restore::None);
        std::uint64_t doneAt = 0;
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto s = e.snapshot();
                const NodeMetrics* m = s.node("out");
                if (m && m->recordsIn >= 300 && doneAt == 0) doneAt = s.checkpoints.completed + 1;
                return doneAt > 0 && s.checkpoints.completed > doneAt;
            },
            60000));
        e.stop(StopMode::Cancel); // a crash after a completed checkpoint
        QVERIFY(e.wait(30000));
    }
    putSequence(k, "rs", 300, 600, 3);
    {
        Engine e;
        startRun(e, out2, EngineOptions::Restore::Latest);
        QVERIFY(e.restoredCheckpoint() > 0);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const NodeMetrics* m = e.snapshot().node("out");
                return m && m->recordsIn >= 300;
            },
            60000));
        e.stop(StopMode::Drain);
        QVERIFY(e.wait(30000));
    }
    auto ns = [](const std::string& path) {
        std::vector<int> v;
        for (const auto& l : readJsonLines(path))
            v.push_back(json::parse(l["value"].get<std::string>())["n"].get<int>());
        return v;
    };
    const auto first = ns(out1), second = ns(out2);
    QCOMPARE(int(first.size()), 300);
    // The checkpoint was taken after all 300 records were emitted: the restart resumes after
    // the 300th and reads each later record once (duplicates could only come after it).
    QCOMPARE(int(second.size()), 300);
    for (int i = 0; i < 300; ++i)
        QCOMPARE(second[std::size_t(i)], 300 + i);
}

void TestKinesisPipeline::undecodableRecordGoesToErrorsWithShardAndSequence()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("bad", 1));
    KinesisClient c(k.clientOptions());
    auto put = c.putRecords(
        "bad", {{"a", R"({"id": 1})"}, {"b", "not json {\xff"}, {"c", R"({"id": 3})"}});
    QVERIFY(put.ok());
    const std::string badSeq = (*put.value)[1].sequenceNumber;
    QTemporaryDir dir;
    const std::string out = tmpPath(dir, "good.jsonl"), bad = tmpPath(dir, "bad.jsonl");
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(kinesisProps(k, "bad"), "json",
                                    R"([{"name": "id", "type": "BIGINT"}])", out, 1, bad),
                       &err),
             err.c_str());
    QVERIFY2(waitForFile(run, "bad", 1) && waitForFile(run, "out", 2),
             errorsOf(run.events).c_str());
    QVERIFY(run.stop(StopMode::Drain));
    const auto good = readJsonLines(out);
    QCOMPARE(int(good.size()), 2);
    QCOMPARE(good[0]["id"].get<int>(), 1);
    QCOMPARE(good[1]["id"].get<int>(), 3);
    const auto errors = readJsonLines(bad);
    QCOMPARE(int(errors.size()), 1);
    const json& e = errors[0];
    const std::string message = e["message"];
    QVERIFY2(message.find("shard shardId-000000000000") != std::string::npos &&
                 message.find(badSeq) != std::string::npos,
             message.c_str());
    QCOMPARE(e["error_class"].get<std::string>(), std::string("parse"));
    std::string raw, key;
    QVERIFY(decodeBase64(e["raw_value"].get<std::string>(), raw));
    QCOMPARE(raw, std::string("not json {\xff"));
    QVERIFY(decodeBase64(e["raw_key"].get<std::string>(), key));
    QCOMPARE(key, std::string("b"));
    QVERIFY(e["raw_headers"].get<std::string>().find("kinesis.sequence") != std::string::npos);
}

void TestKinesisPipeline::missingStreamFailsClearly()
{
    Kinesalite k;
    SW_REQUIRE_KINESALITE(k);
    QTemporaryDir dir;
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(kinesisProps(k, "no-such-stream"), "raw", "[]",
                                    tmpPath(dir, "x.jsonl")),
                       &err),
             err.c_str());
    QVERIFY(waitFailed(run));
    run.stop(StopMode::Cancel);
    const std::string errors = errorsOf(run.events);
    QVERIFY2(errors.find("ResourceNotFoundException") != std::string::npos &&
                 errors.find("no-such-stream") != std::string::npos,
             errors.c_str());
    // The sink: the same message, the node fails.
    auto w = parsePipeline(generatorToSink(kinesisProps(k, "no-such-stream"), 10));
    QVERIFY(w);
    const std::string sinkErrors = runPipeline(*w, dir.path().toStdString());
    QVERIFY2(sinkErrors.find("sink: ") != std::string::npos &&
                 sinkErrors.find("ResourceNotFoundException") != std::string::npos,
             sinkErrors.c_str());
}

void TestKinesisPipeline::badCredentialsFailWithoutShowingTheSecret()
{
    Kinesalite k({"--access-key", "AKIDGOOD"});
    SW_REQUIRE_KINESALITE(k);
    QVERIFY(k.createStream("creds", 1) == false); // the fixture's own key is refused too
    QTemporaryDir dir;
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(kinesisProps(k, "creds"), "raw", "[]", tmpPath(dir, "x.jsonl")),
                       &err),
             err.c_str());
    QVERIFY(waitFailed(run));
    run.stop(StopMode::Cancel);
    std::string all;
    for (const auto& e : run.events)
        all += e.message + "\n";
    QVERIFY2(all.find("UnrecognizedClientException") != std::string::npos, all.c_str());
    QVERIFY2(all.find("local-secret-value") == std::string::npos, all.c_str());
}

void TestKinesisPipeline::unreachableEndpointWarnsThenFails()
{
    const kafka::HealthPolicy saved = kafka::ClientHealth::policy();
    kafka::HealthPolicy p = saved;
    p.warnAfterMs = 100;
    p.resolveGraceMs = 2500;
    kafka::ClientHealth::setPolicy(p);
    QTemporaryDir dir;
    const std::string endpoint = "http://127.0.0.1:" + std::to_string(freePort());
    const std::string props = R"("stream": "s", "region": "us-east-1", "endpoint": ")" + endpoint +
                              R"(", "properties": {"aws.credentials.basic.accesskeyid": "AKID",
                                 "aws.credentials.basic.secretkey": "unreachable-secret"})";
    Run run;
    std::string err;
    QVERIFY2(run.start(sourceToFile(props, "raw", "[]", tmpPath(dir, "x.jsonl")), &err),
             err.c_str());
    const bool failed = waitFailed(run);
    kafka::ClientHealth::setPolicy(saved);
    QVERIFY(failed);
    run.stop(StopMode::Cancel);
    const std::string warnings = allMessages(run.events, EngineEvent::Kind::Warning);
    const std::string errors = errorsOf(run.events);
    QVERIFY2(warnings.find("cannot reach") != std::string::npos &&
                 warnings.find(endpoint) != std::string::npos,
             warnings.c_str());
    QVERIFY2(errors.find(endpoint) != std::string::npos, errors.c_str());
    QVERIFY((warnings + errors).find("unreachable-secret") == std::string::npos);
}

QTEST_GUILESS_MAIN(TestKinesisPipeline)
#include "tst_kinesis_pipeline.moc"
