// AWS Signature Version 4 (runtime/connectors/kinesis/SigV4): the signer against
//  - AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30 12:36:00Z,
//    us-east-1, service "service"), canonical request and string to sign included for
//    get-vanilla, and the IAM ListUsers example of the AWS General Reference;
//  - an independent signer: botocore's SigV4Auth (Debian python3-botocore, offline, fixed time)
//    on Kinesis-shaped requests: bodies, session tokens, regions, queries, header whitespace.
#include <QtTest>

#include <QProcess>
#include <chrono>

#include <nlohmann/json.hpp>

#include "connectors/kinesis/SigV4.h"

using namespace sw::runtime::kinesis;
using json = nlohmann::json;

namespace {

const AwsCredentials kSuiteCreds{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "", ""};
const SigV4Scope kSuiteScope{"20150830T123600Z", "us-east-1", "service"};
const char* kSuiteCredential =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

SigV4Request suiteRequest(std::string method, std::string path = "/")
{
    SigV4Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.headers = {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}};
    return r;
}

} // namespace

class TestKinesisSigV4 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256OfEmptyPayload()
    {
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    void getVanillaStepByStep()
    {
        const SigV4Signature s = signV4(suiteRequest("GET"), kSuiteScope, kSuiteCreds);
        QCOMPARE(s.canonicalRequest,
                 std::string("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                             "host;x-amz-date\n"
                             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(s.stringToSign,
                 std::string("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/"
                             "aws4_request\n"
                             "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"));
        QCOMPARE(s.authorization,
                 std::string(kSuiteCredential) +
                     "SignedHeaders=host;x-amz-date, "
                     "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    void awsTestSuite_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("post-vanilla")
            << 0
            << "SignedHeaders=host;x-amz-date, "
               "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b";
        QTest::newRow("get-vanilla-query-order-key-case")
            << 1
            << "SignedHeaders=host;x-amz-date, "
               "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500";
        QTest::newRow("post-header-value-case")
            << 2
            << "SignedHeaders=host;my-header1;x-amz-date, "
               "Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d";
        QTest::newRow("get-header-value-trim")
            << 3
            << "SignedHeaders=host;my-header1;my-header2;x-amz-date, "
               "Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736";
        QTest::newRow("get-unreserved")
            << 4
            << "SignedHeaders=host;x-amz-date, "
               "Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f";
        QTest::newRow("get-header-key-duplicate")
            << 5
            << "SignedHeaders=host;my-header1;x-amz-date, "
               "Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea";
    }
    void awsTestSuite()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        SigV4Request r;
        switch (which) {
        case 0:
            r = suiteRequest("POST");
            break;
        case 1:
            r = suiteRequest("GET");
            r.query = {{"Param2", "value2"}, {"Param1", "value1"}};
            break;
        case 2:
            r = suiteRequest("POST");
            r.headers.push_back({"My-Header1", "VALUE1"});
            break;
        case 3:
            r = suiteRequest("GET");
            r.headers.push_back({"My-Header1", " value1"});
            r.headers.push_back({"My-Header2", "\"a   b   c\""});
            break;
        case 4:
            r = suiteRequest("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "abcdefghijklmnopqrstuvwxyz");
            break;
        default:
            r = suiteRequest("GET");
            r.headers.push_back({"My-Header1", "value2"});
            r.headers.push_back({"My-Header1", "value2"});
            r.headers.push_back({"My-Header1", "value1"});
            break;
        }
        const SigV4Signature s = signV4(r, kSuiteScope, kSuiteCreds);
        QCOMPARE(QString::fromStdString(s.authorization),
                 QString::fromLatin1(kSuiteCredential) + expected);
    }

    void iamListUsersExample()
    {
        // AWS General Reference, "Create a canonical request" / "Calculate the signature".
        SigV4Request r;
        r.method = "GET";
        r.query = {{"Action", "ListUsers"}, {"Version", "2010-05-08"}};
        r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
                     {"Host", "iam.amazonaws.com"},
                     {"X-Amz-Date", "20150830T123600Z"}};
        const SigV4Signature s = signV4(r, {"20150830T123600Z", "us-east-1", "iam"}, kSuiteCreds);
        QCOMPARE(sha256Hex(s.canonicalRequest),
                 std::string("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59"));
        QCOMPARE(s.signature,
                 std::string("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"));
    }

    void amzDateIsUtcBasicFormat()
    {
        using namespace std::chrono;
        const system_clock::time_point t{seconds{1440938160}}; // 2015-08-30T12:36:00Z
        QCOMPARE(amzDate(t), std::string("20150830T123600Z"));
    }

    /// The same requests signed by botocore (Debian python3-botocore) and by us.
    void matchesBotocore()
    {
        const QString python = QStringLiteral("/usr/bin/python3");
        json requests = json::array();
        struct Case {
            std::string method, host, path, query, region, service, token, body, amzDate;
            std::vector<std::pair<std::string, std::string>> query2, headers;
        };
        const std::string big(70000, 'x');
        std::vector<Case> cases = {
            {"POST",
             "kinesis.us-east-1.amazonaws.com",
             "/",
             "",
             "us-east-1",
             "kinesis",
             "",
             R"({"StreamName":"orders","ShardCount":2})",
             "20261207T101500Z",
             {},
             {{"Content-Type", "application/x-amz-json-1.1"},
              {"X-Amz-Target", "Kinesis_20131202.ListShards"}}},
            {"POST",
             "kinesis.eu-west-1.amazonaws.com",
             "/",
             "",
             "eu-west-1",
             "kinesis",
             "FQoGZXIvYXdzEJr//////////wEaDM+session/token=",
             R"({"Records":[]})",
             "20240229T235959Z",
             {},
             {{"Content-Type", "application/x-amz-json-1.1"},
              {"X-Amz-Target", "Kinesis_20131202.PutRecords"}}},
            {"POST",
             "127.0.0.1:4567",
             "/",
             "",
             "us-east-1",
             "kinesis",
             "",
             big,
             "20000101T000000Z",
             {},
             {{"Content-Type", "application/x-amz-json-1.1"}}},
            {"POST",
             "kinesis.ap-south-1.amazonaws.com",
             "/",
             "",
             "ap-south-1",
             "kinesis",
             "",
             "{\"Data\":\"\xc3\xa9t\xc3\xa9 \xe2\x82\xac\"}",
             "20991231T120000Z",
             {},
             {{"X-Custom", "  spaced   out  value "}, {"x-amz-target", "A.B"}}},
            {"GET",
             "example.amazonaws.com",
             "/stream/records",
             "b=2&a=1&a=0&c=x%20y",
             "us-west-2",
             "service",
             "",
             "",
             "20150830T123600Z",
             {{"b", "2"}, {"a", "1"}, {"a", "0"}, {"c", "x y"}},
             {}},
        };
        for (const Case& c : cases) {
            json h = json::array();
            for (const auto& [n, v] : c.headers)
                h.push_back({n, v});
            requests.push_back(
                {{"method", c.method},
                 {"url", "https://" + c.host + c.path + (c.query.empty() ? "" : "?" + c.query)},
                 {"headers", h},
                 {"body", c.body},
                 {"region", c.region},
                 {"service", c.service},
                 {"amz_date", c.amzDate},
                 {"access_key", "AKIDTEST"},
                 {"secret_key", "s3cr3t/KEY+with=chars"},
                 {"token", c.token}});
        }
        QProcess p;
        p.start(python, {QStringLiteral(SW_SOURCE_DIR "/tests/tools/kinesis/botocore_sign.py")});
        QVERIFY2(
            p.waitForStarted(10000),
            "cannot run /usr/bin/python3: install python3-botocore (packaging/install-deps.sh)");
        p.write(QByteArray::fromStdString(requests.dump()));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0,
                 qPrintable("botocore signer failed (install python3-botocore): " +
                            QString::fromUtf8(p.readAllStandardError())));
        const json got = json::parse(p.readAllStandardOutput().toStdString());
        QCOMPARE(got.size(), cases.size());
        for (std::size_t i = 0; i < cases.size(); ++i) {
            const Case& c = cases[i];
            SigV4Request r;
            r.method = c.method;
            r.path = c.path;
            r.query = c.query2;
            r.headers = c.headers;
            r.headers.push_back({"Host", c.host});
            r.headers.push_back({"X-Amz-Date", c.amzDate});
            if (!c.token.empty()) r.headers.push_back({"X-Amz-Security-Token", c.token});
            r.payload = c.body;
            const SigV4Signature s = signV4(r, {c.amzDate, c.region, c.service},
                                            {"AKIDTEST", "s3cr3t/KEY+with=chars", c.token, ""});
            QCOMPARE(QString::fromStdString(s.canonicalRequest),
                     QString::fromStdString(got[i]["canonical_request"].get<std::string>()));
            QCOMPARE(QString::fromStdString(s.authorization),
                     QString::fromStdString(got[i]["authorization"].get<std::string>()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKinesisSigV4)
#include "tst_kinesis_sigv4.moc"
