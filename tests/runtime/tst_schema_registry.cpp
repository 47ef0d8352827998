// The embedded Schema Registry over HTTP, driven by cpp-httplib's client: Confluent's routes,
// bodies and error codes, one id per schema, compatibility on registration, deletes, config,
// and persistence across a restart.
#include <QtTest>

#include <filesystem>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "runtime/LocalPorts.h"
#include "schema/RegistryClient.h"
#include "schema/SchemaRegistry.h"

using namespace sw::runtime::schema;
using J = nlohmann::json;

namespace {

const char* kV1 = R"({"type":"record","name":"Order","namespace":"shop","fields":[
    {"name":"id","type":"long"},{"name":"amount","type":"double"}]})";
// The same schema: other whitespace and key order.
const char* kV1Reordered = R"({"namespace": "shop", "name": "Order", "type": "record",
    "fields": [{"type": "long", "name": "id"}, {"name": "amount", "type": "double"}]})";
const char* kV2NoDefault = R"({"type":"record","name":"Order","namespace":"shop","fields":[
    {"name":"id","type":"long"},{"name":"amount","type":"double"},{"name":"coupon","type":"string"}]})";
const char* kV2 = R"({"type":"record","name":"Order","namespace":"shop","fields":[
    {"name":"id","type":"long"},{"name":"amount","type":"double"},
    {"name":"coupon","type":["null","string"],"default":null}]})";

struct Reply {
    int status = 0;
    J body;
};

class Http {
public:
    explicit Http(int port) : m_client("127.0.0.1", port) {}
    Reply get(const std::string& path) { return wrap(m_client.Get(path)); }
    Reply del(const std::string& path) { return wrap(m_client.Delete(path)); }
    Reply post(const std::string& path, const J& body)
    {
        return wrap(m_client.Post(path, body.dump(), "application/vnd.schemaregistry.v1+json"));
    }
    Reply put(const std::string& path, const J& body)
    {
        return wrap(m_client.Put(path, body.dump(), "application/vnd.schemaregistry.v1+json"));
    }
    Reply registerSchema(const std::string& subject, const std::string& schema)
    {
        return post("/subjects/" + subject + "/versions", J{{"schema", schema}});
    }

private:
    static Reply wrap(const httplib::Result& r)
    {
        if (!r) return {};
        return {r->status, J::parse(r->body, nullptr, false)};
    }
    httplib::Client m_client;
};

} // namespace

class TestSchemaRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void registersAndReadsBack()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY2(reg.isOk(), reg.isOk() ? "" : reg.error().message.c_str());
        Http http((*reg)->port());
        QVERIFY((*reg)->url() == "http://127.0.0.1:" + std::to_string((*reg)->port()));
        Reply r = http.registerSchema("orders-value", kV1);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["id"].get<int>(), 1);
        // The same schema (other whitespace and key order): the same id, no new version.
        r = http.registerSchema("orders-value", kV1Reordered);
        QCOMPARE(r.body["id"].get<int>(), 1);
        QCOMPARE(http.get("/subjects/orders-value/versions").body, J::array({1}));
        QCOMPARE(http.get("/subjects").body, J::array({"orders-value"}));
        r = http.get("/subjects/orders-value/versions/latest");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["version"].get<int>(), 1);
        QCOMPARE(r.body["id"].get<int>(), 1);
        QCOMPARE(r.body["subject"].get<std::string>(), std::string("orders-value"));
        QCOMPARE(J::parse(r.body["schema"].get<std::string>()), J::parse(kV1));
        r = http.get("/schemas/ids/1");
        QCOMPARE(r.status, 200);
        QCOMPARE(J::parse(r.body["schema"].get<std::string>()), J::parse(kV1));
        // Ids are global: the same schema under another subject keeps its id.
        QCOMPARE(http.registerSchema("payments-value", kV1).body["id"].get<int>(), 1);
        // Lookup.
        r = http.post("/subjects/orders-value", J{{"schema", kV1Reordered}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["version"].get<int>(), 1);
        QCOMPARE(r.body["id"].get<int>(), 1);
        r = http.post("/subjects/orders-value", J{{"schema", kV2}});
        QCOMPARE(r.body["error_code"].get<int>(), 40403);
    }

    void errorsAreConfluents()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        Http http((*reg)->port());
        Reply r = http.get("/subjects/nope/versions");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body["error_code"].get<int>(), 40401);
        QVERIFY(r.body["message"].get<std::string>().find("nope") != std::string::npos);
        http.registerSchema("s", kV1);
        r = http.get("/subjects/s/versions/7");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body["error_code"].get<int>(), 40402);
        r = http.get("/subjects/s/versions/zero");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.body["error_code"].get<int>(), 42202);
        r = http.get("/schemas/ids/99");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body["error_code"].get<int>(), 40403);
        // Invalid schemas: the parser's reason, with its JSON path.
        r = http.registerSchema(
            "s", R"({"type":"record","name":"X","fields":[{"name":"a","type":"Adress"}]})");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.body["error_code"].get<int>(), 42201);
        QVERIFY2(r.body["message"].get<std::string>().find(
                     "/fields/0/type: undefined name 'Adress'") != std::string::npos,
                 r.body.dump().c_str());
        r = http.registerSchema("s", "{not json");
        QCOMPARE(r.body["error_code"].get<int>(), 42201);
        r = http.registerSchema(
            "s",
            R"({"type":"record","name":"X","fields":[{"name":"a","type":"int","default":"one"}]})");
        QCOMPARE(r.body["error_code"].get<int>(), 42201);
        QVERIFY(r.body["message"].get<std::string>().find("/fields/0/default") !=
                std::string::npos);
        r = http.get("/no/such/route");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body["error_code"].get<int>(), 404);
    }

    void registrationChecksCompatibility()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        Http http((*reg)->port());
        http.registerSchema("orders-value", kV1);
        // BACKWARD (the default): a field added without a default cannot be read from v1 data.
        Reply r = http.registerSchema("orders-value", kV2NoDefault);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.body["error_code"].get<int>(), 409);
        const std::string m = r.body["message"].get<std::string>();
        QVERIFY2(m.find("READER_FIELD_MISSING_DEFAULT_VALUE") != std::string::npos &&
                     m.find("'coupon'") != std::string::npos &&
                     m.find("/fields/2") != std::string::npos,
                 m.c_str());
        QCOMPARE(http.get("/subjects/orders-value/versions").body, J::array({1}));
        // The compatibility endpoint says the same, with the reason when verbose.
        r = http.post("/compatibility/subjects/orders-value/versions/latest?verbose=true",
                      J{{"schema", kV2NoDefault}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["is_compatible"].get<bool>(), false);
        QCOMPARE(r.body["messages"].size(), std::size_t(1));
        r = http.post("/compatibility/subjects/orders-value/versions/1", J{{"schema", kV2}});
        QCOMPARE(r.body["is_compatible"].get<bool>(), true);
        QVERIFY(!r.body.contains("messages"));
        // With a default it registers as version 2 with a new id.
        r = http.registerSchema("orders-value", kV2);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body["id"].get<int>(), 2);
        QCOMPARE(http.get("/subjects/orders-value/versions").body, J::array({1, 2}));
        // NONE lets anything through.
        QCOMPARE(http.put("/config/orders-value", J{{"compatibility", "NONE"}}).body,
                 (J{{"compatibility", "NONE"}}));
        QCOMPARE(http.registerSchema("orders-value", kV2NoDefault).status, 200);
        QCOMPARE(http.get("/subjects/orders-value/versions").body, J::array({1, 2, 3}));
    }

    void configLevels()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        Http http((*reg)->port());
        QCOMPARE(http.get("/config").body, (J{{"compatibilityLevel", "BACKWARD"}}));
        QCOMPARE(http.put("/config", J{{"compatibility", "full_transitive"}}).body,
                 (J{{"compatibility", "FULL_TRANSITIVE"}}));
        QCOMPARE(http.get("/config").body, (J{{"compatibilityLevel", "FULL_TRANSITIVE"}}));
        Reply r = http.get("/config/s");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body["error_code"].get<int>(), 40408);
        QCOMPARE(http.get("/config/s?defaultToGlobal=true").body,
                 (J{{"compatibilityLevel", "FULL_TRANSITIVE"}}));
        r = http.put("/config/s", J{{"compatibility", "SIDEWAYS"}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.body["error_code"].get<int>(), 42203);
        QCOMPARE(http.put("/config/s", J{{"compatibility", "FORWARD"}}).status, 200);
        QCOMPARE(http.get("/config/s").body, (J{{"compatibilityLevel", "FORWARD"}}));
        QCOMPARE(http.del("/config/s").body, (J{{"compatibilityLevel", "FORWARD"}}));
        QCOMPARE(http.get("/config/s").status, 404);
    }

    void deletesSoftThenPermanent()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        Http http((*reg)->port());
        http.registerSchema("s", kV1);
        http.registerSchema("s", kV2);
        Reply r = http.del("/subjects/s/versions/2?permanent=true");
        QCOMPARE(r.body["error_code"].get<int>(), 40407);
        QCOMPARE(http.del("/subjects/s/versions/2").body, J(2));
        QCOMPARE(http.get("/subjects/s/versions").body, J::array({1}));
        QCOMPARE(http.get("/subjects/s/versions/2").body["error_code"].get<int>(), 40402);
        QCOMPARE(http.get("/subjects/s/versions/latest").body["version"].get<int>(), 1);
        // The schema itself stays readable by id (records written with it still decode).
        QCOMPARE(http.get("/schemas/ids/2").status, 200);
        QCOMPARE(http.del("/subjects/s/versions/2?permanent=true").body, J(2));
        QCOMPARE(http.del("/subjects/s?permanent=true").body["error_code"].get<int>(), 40405);
        QCOMPARE(http.del("/subjects/s").body, J::array({1}));
        QCOMPARE(http.get("/subjects").body, J::array());
        QCOMPARE(http.get("/subjects/s/versions").body["error_code"].get<int>(), 40401);
        QCOMPARE(http.del("/subjects/s?permanent=true").body, J::array({1}));
        // Registering again after a delete continues (a new version 1 after a permanent one).
        QCOMPARE(http.registerSchema("s", kV1).body["id"].get<int>(), 1);
    }

    void protobufIsStored()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        Http http((*reg)->port());
        const std::string proto = "syntax = \"proto3\";\nmessage Order { int64 id = 1; }\n";
        Reply r = http.post("/subjects/p-value/versions",
                            J{{"schema", proto}, {"schemaType", "PROTOBUF"}});
        QCOMPARE(r.status, 200);
        const int id = r.body["id"].get<int>();
        r = http.get("/schemas/ids/" + std::to_string(id));
        QCOMPARE(r.body["schemaType"].get<std::string>(), std::string("PROTOBUF"));
        QCOMPARE(r.body["schema"].get<std::string>(), proto);
        r = http.post("/subjects/p-value/versions", J{{"schema", kV1}, {"schemaType", "JSON"}});
        QCOMPARE(r.body["error_code"].get<int>(), 42201);
    }

    void persistsAcrossRestart()
    {
        QTemporaryDir dir;
        const std::string path =
            (std::filesystem::path(dir.path().toStdString()) / SchemaRegistry::kStoreFile).string();
        int port = 0;
        {
            auto reg = SchemaRegistry::start(path);
            QVERIFY(reg.isOk());
            Http http((*reg)->port());
            http.registerSchema("orders-value", kV1);
            http.registerSchema("orders-value", kV2);
            http.put("/config/orders-value", J{{"compatibility", "FULL"}});
            port = (*reg)->port();
        }
        // The same port again (given), then the same answers.
        auto reg = SchemaRegistry::start(path, port);
        QVERIFY2(reg.isOk(), reg.isOk() ? "" : reg.error().message.c_str());
        QCOMPARE((*reg)->port(), port);
        Http http(port);
        QCOMPARE(http.get("/subjects/orders-value/versions").body, J::array({1, 2}));
        QCOMPARE(http.get("/config/orders-value").body, (J{{"compatibilityLevel", "FULL"}}));
        QCOMPARE(http.registerSchema("orders-value", kV2).body["id"].get<int>(), 2);
        QCOMPARE(http.registerSchema("x-value", R"({"type":"string"})").body["id"].get<int>(), 3);
    }

    void clientAgainstTheEmbeddedRegistry()
    {
        auto reg = SchemaRegistry::start("");
        QVERIFY(reg.isOk());
        RegistryClient client({(*reg)->url() + "/"});
        auto id = client.registerSchema("orders-value", kV1);
        QVERIFY2(id.isOk(), id.isOk() ? "" : id.error().message.c_str());
        QCOMPARE(*id, 1);
        auto bad = client.registerSchema("orders-value", kV2NoDefault);
        QVERIFY(!bad.isOk());
        QVERIFY2(bad.error().message.find("409") != std::string::npos &&
                     bad.error().message.find("'coupon'") != std::string::npos,
                 bad.error().message.c_str());
        auto c = client.testCompatibility("orders-value", "latest", kV2NoDefault);
        QVERIFY(c.isOk());
        QVERIFY(!c->compatible);
        QCOMPARE(c->messages.size(), std::size_t(1));
        QVERIFY(client.setCompatibility("orders-value", "NONE").isOk());
        QVERIFY(client.testCompatibility("orders-value", "latest", kV2NoDefault)->compatible);
        auto latest = client.version("orders-value", "latest");
        QVERIFY(latest.isOk());
        QCOMPARE(latest->id, 1);
        QCOMPARE(latest->version, 1);
        auto s = client.schemaById(1);
        QVERIFY(s.isOk());
        QVERIFY((*s)->avro.has_value());
        QCOMPARE((*s)->avro->root().fullName, std::string("shop.Order"));
        auto unknown = client.schemaById(42);
        QVERIFY(!unknown.isOk());
        QVERIFY(unknown.error().message.find("40403") != std::string::npos);
        // Cached by id: with the registry gone, id 1 still resolves; id 2 was never fetched.
        (*reg)->stop();
        QVERIFY(client.schemaById(1).isOk());
        auto gone = client.schemaById(2);
        QVERIFY(!gone.isOk());
        QVERIFY2(gone.error().message.find("unreachable") != std::string::npos,
                 gone.error().message.c_str());
    }

    void clientSendsBasicAuthAndNeverShowsThePassword()
    {
        httplib::Server server;
        std::string seenAuth;
        server.Get(R"(/schemas/ids/(\d+))", [&](const httplib::Request& q, httplib::Response& r) {
            seenAuth = q.get_header_value("Authorization");
            r.status = 401;
            r.set_content(R"({"error_code":401,"message":"Unauthorized s3cr3t-pw"})",
                          "application/json");
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        std::jthread t([&] { server.listen_after_bind(); });
        while (!server.is_running())
            std::this_thread::yield();
        RegistryClient client({"http://alice:s3cr3t-pw@127.0.0.1:" + std::to_string(port)});
        QVERIFY(client.displayUrl().find("s3cr3t") == std::string::npos);
        QVERIFY(client.displayUrl().find("alice") == std::string::npos);
        auto r = client.schemaById(3);
        server.stop();
        QVERIFY(!r.isOk());
        // "alice:s3cr3t-pw" in base64.
        QCOMPARE(seenAuth, std::string("Basic YWxpY2U6czNjcjN0LXB3"));
        QVERIFY2(r.error().message.find("s3cr3t") == std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find("401") != std::string::npos);
        RegistryClient dead(
            {"http://127.0.0.1:" + std::to_string(sw::test::freePort()), "bob", "hunter2-pw"});
        auto d = dead.registerSchema("x", kV1);
        QVERIFY(!d.isOk());
        QVERIFY(d.error().message.find("hunter2") == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestSchemaRegistry)
#include "tst_schema_registry.moc"
