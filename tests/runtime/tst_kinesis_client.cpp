// The Kinesis Data Streams client (runtime/connectors/kinesis/KinesisClient) against kinesalite,
// and the credential chain (AwsCredentialChain):
//  - every operation the connector uses, with binary payloads compared byte for byte;
//  - ListShards follows NextToken (the front server paginates; kinesalite never does);
//  - error classes and messages: missing stream, bad credentials, unreachable endpoint, a server
//    that never answers (timeout) and an abort (stop): each returns, classified, names the
//    endpoint, and carries no secret;
//  - credentials: node properties, then environment, then ~/.aws/credentials with AWS_PROFILE.
#include <QtTest>

#include <QTemporaryDir>
#include <fstream>
#include <map>
#include <set>

#include "KinesaliteProcess.h"
#include "connectors/kafka/ClientConfig.h"
#include "connectors/kinesis/AwsCredentialChain.h"
#include "connectors/kinesis/KinesisClient.h"

using namespace sw::runtime;
using namespace sw::runtime::kinesis;
using namespace sw::test;
using json = nlohmann::json;

namespace {

std::string allBytes()
{
    std::string s;
    for (int i = 0; i < 256; ++i)
        s += static_cast<char>(i);
    return s;
}

EnvLookup envOf(std::map<std::string, std::string> vars)
{
    return [vars](const char* name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

} // namespace

class TestKinesisClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyOperationRoundTripsBytes()
    {
        Kinesalite k;
        SW_REQUIRE_KINESALITE(k);
        QVERIFY(k.createStream("ops", 2));
        KinesisClient c(k.clientOptions());
        auto summary = c.describeStreamSummary("ops");
        QVERIFY2(summary.ok(), summary.error.message.c_str());
        QCOMPARE(summary.value->status, std::string("ACTIVE"));
        QCOMPARE(summary.value->openShards, 2);
        auto shards = c.listShards("ops");
        QVERIFY2(shards.ok(), shards.error.message.c_str());
        QCOMPARE(shards.value->size(), std::size_t(2));

        std::vector<PutEntry> entries;
        for (int i = 0; i < 20; ++i)
            entries.push_back({"key-" + std::to_string(i % 5), allBytes() + std::to_string(i)});
        auto put = c.putRecords("ops", entries);
        QVERIFY2(put.ok(), put.error.message.c_str());
        QCOMPARE(put.value->size(), entries.size());
        for (const auto& r : *put.value)
            QVERIFY(r.ok && !r.sequenceNumber.empty());

        std::map<std::string, std::string> bySeq; // sequence number -> data
        std::size_t got = 0;
        for (const ShardInfo& s : *shards.value) {
            auto it = c.getShardIterator("ops", s.id, IteratorType::TrimHorizon);
            QVERIFY2(it.ok(), it.error.message.c_str());
            auto recs = c.getRecords(*it.value);
            QVERIFY2(recs.ok(), recs.error.message.c_str());
            QVERIFY(!recs.value->nextIterator.empty());
            for (const FetchedRecord& r : recs.value->records) {
                QVERIFY(r.arrivalMs > 0);
                bySeq[r.sequenceNumber] = r.data;
                ++got;
            }
            // AFTER_SEQUENCE_NUMBER of the first record: everything but it.
            if (recs.value->records.size() >= 2) {
                auto after = c.getShardIterator("ops", s.id, IteratorType::AfterSequenceNumber,
                                                recs.value->records[0].sequenceNumber);
                QVERIFY2(after.ok(), after.error.message.c_str());
                auto rest = c.getRecords(*after.value);
                QVERIFY(rest.ok());
                QCOMPARE(rest.value->records.size(), recs.value->records.size() - 1);
                QCOMPARE(rest.value->records[0].sequenceNumber,
                         recs.value->records[1].sequenceNumber);
            }
            auto latest = c.getShardIterator("ops", s.id, IteratorType::Latest);
            QVERIFY(latest.ok());
            auto none = c.getRecords(*latest.value);
            QVERIFY(none.ok());
            QCOMPARE(none.value->records.size(), std::size_t(0));
        }
        QCOMPARE(got, entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i)
            QCOMPARE(bySeq.at((*put.value)[i].sequenceNumber), entries[i].data);
    }

    void listShardsFollowsNextToken()
    {
        Kinesalite k({"--page-size", "2"});
        SW_REQUIRE_KINESALITE(k);
        QVERIFY(k.createStream("paged", 5));
        KinesisClient c(k.clientOptions());
        auto shards = c.listShards("paged", 2);
        QVERIFY2(shards.ok(), shards.error.message.c_str());
        QCOMPARE(shards.value->size(), std::size_t(5));
        std::set<std::string> ids;
        for (const auto& s : *shards.value)
            ids.insert(s.id);
        QCOMPARE(ids.size(), std::size_t(5));
        QCOMPARE(k.stats()["listShardsPages"].get<int>(), 3);
    }

    void missingStreamIsNotFound()
    {
        Kinesalite k;
        SW_REQUIRE_KINESALITE(k);
        KinesisClient c(k.clientOptions());
        auto r = c.listShards("no-such-stream");
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(ErrorKind::NotFound));
        QVERIFY2(r.error.message.find("ResourceNotFoundException") != std::string::npos &&
                     r.error.message.find("no-such-stream") != std::string::npos &&
                     r.error.message.find(k.endpoint()) != std::string::npos,
                 r.error.message.c_str());
    }

    void badCredentialsAreAuthErrorsWithoutSecrets()
    {
        Kinesalite k({"--access-key", "AKIDGOOD"});
        SW_REQUIRE_KINESALITE(k);
        ClientOptions o = k.clientOptions();
        o.credentials = {"AKIDWRONG", "very-secret-key-123", "session-tok-456", "the environment"};
        KinesisClient c(o);
        auto r = c.describeStreamSummary("any");
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(ErrorKind::Auth));
        QVERIFY2(r.error.message.find("UnrecognizedClientException") != std::string::npos &&
                     r.error.message.find("the environment") != std::string::npos,
                 r.error.message.c_str());
        QVERIFY(r.error.message.find("very-secret-key-123") == std::string::npos);
        // The client registered its secrets: any text that leaves the runtime is redacted.
        QCOMPARE(kafka::redactSecrets("x very-secret-key-123 session-tok-456"),
                 std::string("x ****** ******"));
    }

    void unreachableEndpointFailsAtOnce()
    {
        ClientOptions o;
        o.endpoint = "http://127.0.0.1:" + std::to_string(freePort());
        o.credentials = {"AKID", "secret", "", "test"};
        KinesisClient c(o);
        auto r = c.listShards("s");
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(ErrorKind::Unreachable));
        QVERIFY(r.error.retryable());
        QVERIFY2(r.error.message.find(o.endpoint) != std::string::npos &&
                     r.error.message.find("cannot reach") != std::string::npos,
                 r.error.message.c_str());
    }

    void silentServerTimesOut()
    {
        BoundPort silent; // accepts connections (backlog) and never answers
        QVERIFY(silent.port > 0);
        ClientOptions o;
        o.endpoint = "http://127.0.0.1:" + std::to_string(silent.port);
        o.credentials = {"AKID", "secret", "", "test"};
        o.requestTimeoutMs = 300;
        KinesisClient c(o);
        auto r = c.getRecords("iterator");
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(ErrorKind::Timeout));
    }

    void abortEndsARequest()
    {
        BoundPort silent;
        ClientOptions o;
        o.endpoint = "http://127.0.0.1:" + std::to_string(silent.port);
        o.credentials = {"AKID", "secret", "", "test"};
        o.requestTimeoutMs = 600000; // only the abort can end it
        KinesisClient c(o);
        int calls = 0;
        c.setAbort([&] { return ++calls > 3; });
        auto r = c.getRecords("iterator");
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), int(ErrorKind::Aborted));
    }

    void credentialChainOrder()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const std::string dir = home.path().toStdString();
        QVERIFY(QDir().mkpath(home.path() + "/.aws"));
        std::ofstream(dir + "/.aws/credentials")
            << "[default]\naws_access_key_id = FILEDEF\naws_secret_access_key = filedefsecret\n"
               "\n[prod]\naws_access_key_id=FILEPROD\naws_secret_access_key=fileprodsecret\n"
               "aws_session_token=fileprodtoken\n";
        const json props{{kAccessKeyProperty, "NODEKEY"}, {kSecretKeyProperty, "nodesecret"}};
        const auto env = envOf({{"AWS_ACCESS_KEY_ID", "ENVKEY"},
                                {"AWS_SECRET_ACCESS_KEY", "envsecret"},
                                {"AWS_SESSION_TOKEN", "envtoken"},
                                {"HOME", dir}});
        auto a = resolveCredentials(props, env);
        QVERIFY(a.isOk());
        QCOMPARE(a->accessKeyId, std::string("NODEKEY"));
        auto b = resolveCredentials(json::object(), env);
        QVERIFY(b.isOk());
        QCOMPARE(b->accessKeyId, std::string("ENVKEY"));
        QCOMPARE(b->sessionToken, std::string("envtoken"));
        auto c = resolveCredentials(json::object(), envOf({{"HOME", dir}}));
        QVERIFY(c.isOk());
        QCOMPARE(c->accessKeyId, std::string("FILEDEF"));
        auto d =
            resolveCredentials(json::object(), envOf({{"HOME", dir}, {"AWS_PROFILE", "prod"}}));
        QVERIFY(d.isOk());
        QCOMPARE(d->accessKeyId, std::string("FILEPROD"));
        QCOMPARE(d->sessionToken, std::string("fileprodtoken"));
        QVERIFY(d->source.find("[prod]") != std::string::npos);
        auto e =
            resolveCredentials(json::object(), envOf({{"HOME", dir}, {"AWS_PROFILE", "nope"}}));
        QVERIFY(!e.isOk());
        QVERIFY(e.error().message.find("nope") != std::string::npos);
        auto half = resolveCredentials(json{{kSecretKeyProperty, "lonelysecret"}}, env);
        QVERIFY(!half.isOk());
        QVERIFY(half.error().message.find("lonelysecret") == std::string::npos);
        auto none = resolveCredentials(json::object(), envOf({{"HOME", dir + "/nowhere"}}));
        QVERIFY(!none.isOk());
        QVERIFY(none.error().message.find("AWS_ACCESS_KEY_ID") != std::string::npos);
        for (const char* s : {"nodesecret", "envsecret", "envtoken", "fileprodsecret"})
            QCOMPARE(kafka::redactSecrets(s), std::string("******"));
    }
};

QTEST_GUILESS_MAIN(TestKinesisClient)
#include "tst_kinesis_client.moc"
