// The avro-confluent format (connectors/format/AvroConfluent): Confluent's wire format decoded
// into columns with Avro schema resolution from each record's writer schema (fetched by id from
// the embedded registry), logical types, the precise reason for every kind of bad input, and the
// encoder that registers <topic>-value and refuses an incompatible change. The input bytes are
// written by hand here (zig-zag varints, little-endian doubles: the Avro specification's binary
// encoding), not by the library under test.
#include <QtTest>

#include <cstring>
#include <random>

#include "connectors/format/AvroConfluent.h"
#include "schema/SchemaRegistry.h"

using namespace sw::runtime;

namespace {

/// Avro binary by hand.
struct Bin {
    std::string b;
    Bin& header(int id)
    {
        b.push_back('\0');
        for (int s = 24; s >= 0; s -= 8)
            b.push_back(static_cast<char>((id >> s) & 0xff));
        return *this;
    }
    Bin& lng(std::int64_t v)
    {
        std::uint64_t z =
            (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
        while (z & ~0x7fULL) {
            b.push_back(static_cast<char>((z & 0x7f) | 0x80));
            z >>= 7;
        }
        b.push_back(static_cast<char>(z));
        return *this;
    }
    Bin& str(const std::string& s)
    {
        lng(static_cast<std::int64_t>(s.size()));
        b += s;
        return *this;
    }
    Bin& dbl(double d)
    {
        char raw[8];
        std::memcpy(raw, &d, 8);
        b.append(raw, 8);
        return *this;
    }
    Bin& flt(float f)
    {
        char raw[4];
        std::memcpy(raw, &f, 4);
        b.append(raw, 4);
        return *this;
    }
};

Schema columns(std::initializer_list<std::pair<const char*, DataType>> cols)
{
    Schema s;
    for (const auto& [n, t] : cols)
        s.add(n, t);
    return s;
}

struct Fixture {
    std::unique_ptr<schema::SchemaRegistry> reg;
    std::shared_ptr<RegistryConnection> conn;
    Fixture()
    {
        reg = std::move(*schema::SchemaRegistry::start(""));
        conn = std::make_shared<RegistryConnection>();
        conn->client = std::make_shared<schema::RegistryClient>(schema::RegistryConfig{reg->url()});
    }
    int put(const std::string& subject, const std::string& schema)
    {
        auto id = reg->store().registerSchema(subject, {"AVRO", schema});
        if (!id.ok()) qFatal("register: %s", id.error.message.c_str());
        return *id.value;
    }
};

const char* kV1 = R"({"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"id","type":"int"},{"name":"amount","type":"float"}]})";
const char* kV2 = R"({"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"id","type":"int"},{"name":"amount","type":"float"},
  {"name":"coupon","type":["null","string"],"default":null}]})";
const char* kV3 = R"({"type":"record","name":"Order","namespace":"shop","fields":[
  {"name":"coupon","type":["null","string"],"default":null},
  {"name":"id","type":"long"},{"name":"amount","type":"double"},
  {"name":"channel","type":"string","default":"web"}]})";

} // namespace

class TestAvroConfluent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsThreeWriterVersionsIntoOneReaderSchema()
    {
        Fixture f;
        const int v1 = f.put("orders-value", kV1), v2 = f.put("orders-value", kV2),
                  v3 = f.put("orders-value", kV3);
        QCOMPARE(v3, 3);
        const Schema reader = columns({{"id", DataType::bigint().withNullable(false)},
                                       {"amount", DataType::float64()},
                                       {"coupon", DataType::string()},
                                       {"region", DataType::string()}}); // in no writer: NULL
        AvroConfluentDecoder d(reader, f.conn);
        Row row;
        // v1: int id, float amount (promoted to long / double), no coupon.
        QVERIFY2(d.decode(Bin().header(v1).lng(7).flt(2.5f).b.data(),
                          Bin().header(v1).lng(7).flt(2.5f).b.size(), row),
                 d.error().c_str());
        QCOMPARE(row, (Row{Value::integer(7), Value::float64(2.5), Value::null(), Value::null()}));
        // v2: the coupon branch 1 (string).
        std::string m = Bin().header(v2).lng(8).flt(1.25f).lng(1).str("SAVE5").b;
        QVERIFY2(d.decode(m.data(), m.size(), row), d.error().c_str());
        QCOMPARE(row, (Row{Value::integer(8), Value::float64(1.25), Value::string("SAVE5"),
                           Value::null()}));
        // v3: other field order, long and double, a field the reader does not have (skipped).
        m = Bin().header(v3).lng(0).lng(9000000000LL).dbl(99.75).str("app").b;
        QVERIFY2(d.decode(m.data(), m.size(), row), d.error().c_str());
        QCOMPARE(row, (Row{Value::integer(9000000000LL), Value::float64(99.75), Value::null(),
                           Value::null()}));
    }

    void logicalTypesAndEnums()
    {
        Fixture f;
        const int id = f.put("t-value", R"({"type":"record","name":"T","fields":[
          {"name":"price","type":{"type":"bytes","logicalType":"decimal","precision":10,"scale":2}},
          {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"ts_us","type":{"type":"long","logicalType":"timestamp-micros"}},
          {"name":"day","type":{"type":"int","logicalType":"date"}},
          {"name":"day_text","type":{"type":"int","logicalType":"date"}},
          {"name":"at","type":{"type":"int","logicalType":"time-millis"}},
          {"name":"uid","type":{"type":"string","logicalType":"uuid"}},
          {"name":"status","type":{"type":"enum","name":"S","symbols":["NEW","PAID"]}},
          {"name":"fee","type":["null",{"type":"fixed","name":"F","size":3,"logicalType":"decimal","precision":6,"scale":1}]}]})");
        const Schema reader = columns({{"price", DataType::decimal(12, 3)},
                                       {"ts", DataType::timestamp()},
                                       {"ts_us", DataType::timestamp()},
                                       {"day", DataType::timestamp()},
                                       {"day_text", DataType::string()},
                                       {"at", DataType::string()},
                                       {"uid", DataType::string()},
                                       {"status", DataType::string()},
                                       {"fee", DataType::float64()}});
        AvroConfluentDecoder d(reader, f.conn);
        Bin b;
        b.header(id);
        b.lng(2).b += std::string("\xfb\x2e", 2); // -1234 -> -12.34
        b.lng(1700000000123LL).lng(1700000000123999LL).lng(19700).lng(19701);
        b.lng(3723004); // 01:02:03.004
        b.str("123e4567-e89b-12d3-a456-426614174000").lng(1);
        b.lng(1).b += std::string("\x00\x30\x39", 3); // 12345 -> 1234.5
        Row row;
        QVERIFY2(d.decode(b.b.data(), b.b.size(), row), d.error().c_str());
        QCOMPARE(row[0], Value::decimal(-12340, 3));
        QCOMPARE(row[1], Value::timestamp(1700000000123LL));
        QCOMPARE(row[2], Value::timestamp(1700000000123LL));
        QCOMPARE(row[3], Value::timestamp(19700LL * 86400000));
        QCOMPARE(row[4], Value::string("2023-12-10"));
        QCOMPARE(row[5], Value::string("01:02:03.004"));
        QCOMPARE(row[6], Value::string("123e4567-e89b-12d3-a456-426614174000"));
        QCOMPARE(row[7], Value::string("PAID"));
        QCOMPARE(row[8], Value::float64(1234.5));
    }

    void badInputSaysWhy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("errorClass");
        const std::string ok = Bin().header(1).lng(7).flt(2.5f).b;
        QTest::newRow("shorter than the header")
            << QByteArray("\0\0\0", 3) << "3 bytes, fewer than the 5-byte header"
            << int(ErrorClass::Parse);
        QTest::newRow("magic byte") << QByteArray("\x01\0\0\0\x01\x0e", 6)
                                    << "the magic byte is 0x01, not 0" << int(ErrorClass::Parse);
        QTest::newRow("json, not avro")
            << QByteArray(R"({"id":7})") << "magic byte is 0x7b" << int(ErrorClass::Parse);
        QTest::newRow("unknown schema id") << QByteArray::fromStdString(Bin().header(77).lng(7).b)
                                           << "40403 Schema 77 not found" << int(ErrorClass::Parse);
        QTest::newRow("truncated datum")
            << QByteArray::fromStdString(ok.substr(0, ok.size() - 2))
            << "schema id 1: the 3-byte datum is not one datum of this "
               "schema (truncated or garbage): field 'amount': a "
               "float of 4 bytes, 2 left"
            << int(ErrorClass::Parse);
        QTest::newRow("a string length of a terabyte")
            << QByteArray::fromStdString(Bin().header(6).lng(1).dbl(1.0).lng(1LL << 40).b)
            << "field 'note': a string of 1099511627776 bytes, 0 left" << int(ErrorClass::Parse);
        QTest::newRow("garbage appended")
            << QByteArray::fromStdString(ok + "xyz") << ": 3 bytes left after the datum"
            << int(ErrorClass::Parse);
        QTest::newRow("writer schema does not fit")
            << QByteArray::fromStdString(Bin().header(2).str("x").b)
            << "schema id 2 does not fit the columns: READER_FIELD_MISSING_DEFAULT_VALUE: column "
               "'id' (BIGINT NOT NULL) is NOT NULL and the writer's record 'shop.Other' has no "
               "field 'id'"
            << int(ErrorClass::Type);
        QTest::newRow("array field")
            << QByteArray::fromStdString(Bin().header(3).lng(1).lng(0).b)
            << "column 'amount' (DOUBLE): field 'amount' is array<double>: Avro arrays have no "
               "column type yet"
            << int(ErrorClass::Type);
        QTest::newRow("type mismatch")
            << QByteArray::fromStdString(Bin().header(4).lng(1).str("x").b)
            << "TYPE_MISMATCH: column 'amount' (DOUBLE) cannot read field 'amount' of type string"
            << int(ErrorClass::Type);
        QTest::newRow("protobuf schema")
            << QByteArray::fromStdString(Bin().header(5).lng(1).b)
            << "schema id 5 is a PROTOBUF schema, not Avro" << int(ErrorClass::Type);
    }

    void badInputSaysWhy()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QFETCH(int, errorClass);
        Fixture f;
        QCOMPARE(f.put("a-value", kV1), 1);
        f.put(
            "b-value",
            R"({"type":"record","name":"Other","namespace":"shop","fields":[{"name":"x","type":"string"}]})");
        f.put(
            "c-value",
            R"({"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"amount","type":{"type":"array","items":"double"}}]})");
        f.put(
            "d-value",
            R"({"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"amount","type":"string"}]})");
        auto proto = f.reg->store().registerSchema("e-value", {"PROTOBUF", "syntax = \"proto3\";"});
        QCOMPARE(*proto.value, 5);
        QCOMPARE(
            f.put(
                "f-value",
                R"({"type":"record","name":"Order","namespace":"shop","fields":[{"name":"id","type":"long"},{"name":"amount","type":"double"},{"name":"note","type":"string"}]})"),
            6);
        AvroConfluentDecoder d(columns({{"id", DataType::bigint().withNullable(false)},
                                        {"amount", DataType::float64()}}),
                               f.conn);
        Row row;
        QVERIFY(!d.decode(bytes.constData(), static_cast<std::size_t>(bytes.size()), row));
        QVERIFY2(d.error().find(reason.toStdString()) != std::string::npos, d.error().c_str());
        QCOMPARE(int(d.errorClass()), errorClass);
        // The decoder goes on: a good record after the bad one decodes.
        const std::string ok = Bin().header(1).lng(7).flt(2.5f).b;
        QVERIFY2(d.decode(ok.data(), ok.size(), row), d.error().c_str());
        QCOMPARE(row[0], Value::integer(7));
    }

    void survivesMutatedInput()
    {
        // Deterministic mutations of valid messages of schemas with unions, enums, arrays and
        // maps (fields no column reads: skipped, but still parsed): every decode returns, with a
        // row of the columns or a reason; nothing crashes, hangs or allocates what garbage asks.
        Fixture f;
        const int a = f.put("m1-value", kV3);
        const int b = f.put("m2-value", R"({"type":"record","name":"M","fields":[
          {"name":"id","type":"long"},
          {"name":"tags","type":{"type":"array","items":"string"}},
          {"name":"attrs","type":{"type":"map","values":["null","long"]}},
          {"name":"st","type":{"type":"enum","name":"S","symbols":["A","B","C"]}},
          {"name":"amount","type":["null","double"]}]})");
        const Schema reader = columns({{"id", DataType::bigint().withNullable(false)},
                                       {"amount", DataType::float64()},
                                       {"coupon", DataType::string()},
                                       {"st", DataType::string()}});
        std::vector<std::string> seeds = {
            Bin().header(a).lng(1).str("SAVE").lng(42).dbl(1.5).str("web").b,
            Bin().header(a).lng(0).lng(-7).dbl(-0.25).str("").b,
        };
        Bin m;
        m.header(b).lng(9).lng(2).str("x").str("yy").lng(0);     // tags: one block of 2
        m.lng(-1).lng(4).str("k").lng(1).lng(300).lng(0).lng(2); // attrs: sized block; st = C
        m.lng(1).dbl(3.25);
        seeds.push_back(m.b);
        AvroConfluentDecoder d(reader, f.conn);
        Row row;
        for (const std::string& s : seeds)
            QVERIFY2(d.decode(s.data(), s.size(), row), d.error().c_str());
        QCOMPARE(row,
                 (Row{Value::integer(9), Value::float64(3.25), Value::null(), Value::string("C")}));
        std::mt19937 rng(20261208);
        int decoded = 0, refused = 0;
        for (int i = 0; i < 30000; ++i) {
            std::string s = seeds[rng() % seeds.size()];
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = 5 + rng() % (s.size() - 4); // keep the header mostly
                switch (rng() % 5) {
                case 0:
                    if (at < s.size()) s[at] = static_cast<char>(rng());
                    break;
                case 1:
                    s.resize(at);
                    break;
                case 2:
                    s.insert(at, 1 + rng() % 3, static_cast<char>(0xff));
                    break;
                case 3:
                    s.insert(at, 1, static_cast<char>(rng()));
                    break;
                default:
                    if (at < s.size()) s[at] = static_cast<char>(s[at] ^ (1 << (rng() % 8)));
                }
                if (s.size() < 6) break;
            }
            if (d.decode(s.data(), s.size(), row)) {
                QCOMPARE(row.size(), reader.size());
                ++decoded;
            } else {
                QVERIFY(!d.error().empty());
                ++refused;
            }
        }
        qInfo("30000 mutated messages: %d decoded, %d refused with a reason", decoded, refused);
        QVERIFY(decoded > 0 && refused > 0);
    }

    void encoderRegistersAndRoundTrips()
    {
        Fixture f;
        const Schema s = columns({{"id", DataType::bigint().withNullable(false)},
                                  {"amount", DataType::decimal(10, 2)},
                                  {"coupon", DataType::string()},
                                  {"ts", DataType::timestamp()}});
        auto enc = AvroConfluentEncoder::make(s, f.conn, "out-value");
        QVERIFY2(enc.isOk(), enc.isOk() ? "" : enc.error().message.c_str());
        QCOMPARE((*enc)->schemaId(), 1u);
        QCOMPARE(*f.reg->store().versions("out-value").value, std::vector<int>{1});
        const Row in{Value::integer(42), Value::decimal(1999, 2), Value::null(),
                     Value::timestamp(1700000000000LL)};
        std::string bytes;
        QVERIFY(!(*enc)->encode(in, bytes));
        QCOMPARE(bytes.substr(0, 5), std::string("\0\0\0\0\x01", 5));
        AvroConfluentDecoder d(s, f.conn);
        Row out;
        QVERIFY2(d.decode(bytes.data(), bytes.size(), out), d.error().c_str());
        QCOMPARE(out, in);
        // A row that cannot be encoded says which column.
        auto bad =
            (*enc)->encode(Row{Value::null(), Value::null(), Value::null(), Value::null()}, bytes);
        QVERIFY(bad && bad->find("column 'id'") != std::string::npos);
        // Registering again (a restart) keeps the id; an incompatible change is refused with the
        // field and the rule (BACKWARD: a NOT NULL column added without a default).
        QCOMPARE((*AvroConfluentEncoder::make(s, f.conn, "out-value"))->schemaId(), 1u);
        Schema changed = s;
        changed.add("channel", DataType::string().withNullable(false));
        auto refused = AvroConfluentEncoder::make(changed, f.conn, "out-value");
        QVERIFY(!refused.isOk());
        const std::string m = refused.error().message;
        QVERIFY2(m.find("409") != std::string::npos &&
                     m.find("READER_FIELD_MISSING_DEFAULT_VALUE") != std::string::npos &&
                     m.find("'channel'") != std::string::npos,
                 m.c_str());
    }

    void schemaEvolutionBecomesTheSubjectLevel()
    {
        Fixture f;
        const Schema v1 = columns(
            {{"id", DataType::bigint().withNullable(false)}, {"amount", DataType::float64()}});
        QVERIFY(AvroConfluentEncoder::make(v1, f.conn, "s-value", "full").isOk());
        QCOMPARE(*f.reg->store().config("s-value", false).value, std::string("FULL"));
        // Dropping a NOT NULL column: BACKWARD would take it, FULL does not (v1 cannot read it).
        const Schema v2 = columns({{"amount", DataType::float64()}});
        auto refused = AvroConfluentEncoder::make(v2, f.conn, "s-value", "full");
        QVERIFY(!refused.isOk());
        QVERIFY2(refused.error().message.find("FULL: version 1 cannot read data written with the "
                                              "new schema") != std::string::npos,
                 refused.error().message.c_str());
        QVERIFY(AvroConfluentEncoder::make(v2, f.conn, "s-value", "backward").isOk());
    }

    void pinnedVersionIsChecked()
    {
        Fixture f;
        f.put("orders-value", kV1);
        f.put("orders-value", kV2);
        f.conn->pinnedVersion = 2;
        const Schema fits = columns({{"id", DataType::bigint()}, {"coupon", DataType::string()}});
        QVERIFY(checkPinnedVersion(*f.conn, "orders-value", fits).isOk());
        const Schema wrong = columns({{"coupon", DataType::bigint()}});
        auto st = checkPinnedVersion(*f.conn, "orders-value", wrong);
        QVERIFY(!st.isOk());
        QVERIFY2(st.message().find("schema_version 2 of subject 'orders-value' does not fit") !=
                         std::string::npos &&
                     st.message().find("column 'coupon'") != std::string::npos,
                 st.message().c_str());
        f.conn->pinnedVersion = 9;
        QVERIFY(checkPinnedVersion(*f.conn, "orders-value", fits).message().find("40402") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestAvroConfluent)
#include "tst_avro_confluent.moc"
