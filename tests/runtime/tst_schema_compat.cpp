// Avro compatibility (runtime/schema/AvroCompatibility): a table of cases from Confluent's
// documented rules (docs.confluent.io "Schema Evolution and Compatibility") and the Avro
// specification's resolution rules. Each case gives an old and a new schema and whether the new
// one reads old data (backward) and the old one reads new data (forward); every case is checked
// at all seven levels (the verdict each level must give follows from those two), and a failing
// direction must name its rule and where it failed.
#include <QtTest>

#include "schema/AvroCompatibility.h"

using namespace sw::runtime::schema;

namespace {

std::string rec(const std::string& fields, const std::string& name = "Order")
{
    return R"({"type":"record","name":")" + name + R"(","namespace":"shop","fields":[)" + fields +
           "]}";
}

const std::string kId = R"({"name":"id","type":"long"})";

struct Case {
    const char* name;
    std::string oldSchema;
    std::string newSchema;
    bool backward;          ///< the new schema reads data written with the old one
    bool forward;           ///< the old schema reads data written with the new one
    const char* rule = "";  ///< the rule of the first failing direction
    const char* where = ""; ///< a fragment of its message or path
};

std::vector<Case> cases()
{
    const std::string e3 = R"({"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]})";
    const std::string e2 = R"({"type":"enum","name":"Status","symbols":["NEW","PAID"]})";
    const std::string e2d =
        R"({"type":"enum","name":"Status","symbols":["NEW","PAID","OTHER"],"default":"OTHER"})";
    const std::string e3d =
        R"({"type":"enum","name":"Status","symbols":["NEW","PAID","OTHER","SHIPPED"],"default":"OTHER"})";
    auto f = [](const std::string& name, const std::string& type, const std::string& extra = "") {
        return R"({"name":")" + name + R"(","type":)" + type + extra + "}";
    };
    auto nested = [&](const std::string& fields) {
        return rec(kId + "," +
                   f("address", R"({"type":"record","name":"Address","fields":[)" + fields + "]}"));
    };
    const std::string street = f("street", R"("string")");
    return {
        {"identical", rec(kId), rec(kId), true, true},
        {"field added with default", rec(kId),
         rec(kId + "," + f("n", R"("int")", R"(,"default":0)")), true, true},
        {"field added without default", rec(kId), rec(kId + "," + f("coupon", R"("string")")),
         false, true, "READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/1"},
        {"nullable field added with null default", rec(kId),
         rec(kId + "," + f("c", R"(["null","string"])", R"(,"default":null)")), true, true},
        {"field removed that had a default", rec(kId + "," + f("n", R"("int")", R"(,"default":0)")),
         rec(kId), true, true},
        {"field removed without default", rec(kId + "," + f("n", R"("int")")), rec(kId), true,
         false, "READER_FIELD_MISSING_DEFAULT_VALUE", "field 'n'"},
        {"fields reordered", rec(kId + "," + f("a", R"("int")")),
         rec(f("a", R"("int")") + "," + kId), true, true},
        {"int to long", rec(f("q", R"("int")")), rec(f("q", R"("long")")), true, false,
         "TYPE_MISMATCH", "/fields/0/type"},
        {"long to int", rec(f("q", R"("long")")), rec(f("q", R"("int")")), false, true,
         "TYPE_MISMATCH", "field 'q'"},
        {"int to float", rec(f("q", R"("int")")), rec(f("q", R"("float")")), true, false,
         "TYPE_MISMATCH"},
        {"int to double", rec(f("q", R"("int")")), rec(f("q", R"("double")")), true, false,
         "TYPE_MISMATCH"},
        {"long to float", rec(f("q", R"("long")")), rec(f("q", R"("float")")), true, false,
         "TYPE_MISMATCH"},
        {"long to double", rec(f("q", R"("long")")), rec(f("q", R"("double")")), true, false,
         "TYPE_MISMATCH"},
        {"float to double", rec(f("q", R"("float")")), rec(f("q", R"("double")")), true, false,
         "TYPE_MISMATCH"},
        {"double to float", rec(f("q", R"("double")")), rec(f("q", R"("float")")), false, true,
         "TYPE_MISMATCH"},
        {"string to bytes", rec(f("s", R"("string")")), rec(f("s", R"("bytes")")), true, true},
        {"bytes to string", rec(f("s", R"("bytes")")), rec(f("s", R"("string")")), true, true},
        {"string to int", rec(f("s", R"("string")")), rec(f("s", R"("int")")), false, false,
         "TYPE_MISMATCH", "field 's'"},
        {"boolean to int", rec(f("b", R"("boolean")")), rec(f("b", R"("int")")), false, false,
         "TYPE_MISMATCH"},
        {"enum symbol added", rec(f("st", e2)), rec(f("st", e3)), true, false,
         "MISSING_ENUM_SYMBOLS", "SHIPPED"},
        {"enum symbol removed", rec(f("st", e3)), rec(f("st", e2)), false, true,
         "MISSING_ENUM_SYMBOLS", "/fields/0/type/symbols"},
        {"enum symbol added, old has a default", rec(f("st", e2d)), rec(f("st", e3d)), true, true},
        {"enum renamed", rec(f("st", e2)),
         rec(f("st", R"({"type":"enum","name":"State","symbols":["NEW","PAID"]})")), false, false,
         "NAME_MISMATCH", "'shop.Status'"},
        {"union widened", rec(f("u", R"(["null","string"])")),
         rec(f("u", R"(["null","string","int"])")), true, false, "MISSING_UNION_BRANCH", "int"},
        {"union narrowed", rec(f("u", R"(["null","string","int"])")),
         rec(f("u", R"(["null","string"])")), false, true, "MISSING_UNION_BRANCH", "int"},
        {"type made nullable", rec(f("u", R"("string")")), rec(f("u", R"(["null","string"])")),
         true, false, "MISSING_UNION_BRANCH", "null"},
        {"nullable made required", rec(f("u", R"(["null","string"])")), rec(f("u", R"("string")")),
         false, true, "MISSING_UNION_BRANCH", "null"},
        {"union branch promoted", rec(f("u", R"(["null","int"])")),
         rec(f("u", R"(["null","long"])")), true, false, "MISSING_UNION_BRANCH", "long"},
        {"nested field added without default", nested(street),
         nested(street + "," + f("zip", R"("string")")), false, true,
         "READER_FIELD_MISSING_DEFAULT_VALUE", "/fields/1/type/fields/1"},
        {"nested field added with default", nested(street),
         nested(street + "," + f("zip", R"("string")", R"(,"default":"")")), true, true},
        {"nested type changed", nested(street), nested(f("street", R"("int")")), false, false,
         "TYPE_MISMATCH", "field 'address': field 'street'"},
        {"record renamed", rec(kId), rec(kId, "Purchase"), false, false, "NAME_MISMATCH",
         "'shop.Purchase'"},
        {"record renamed with an alias of the old name", rec(kId),
         R"({"type":"record","name":"Purchase","namespace":"shop","aliases":["Order"],"fields":[)" +
             kId + "]}",
         true, false, "NAME_MISMATCH"},
        {"namespace changed (names compare unqualified)", rec(kId),
         R"({"type":"record","name":"Order","namespace":"other","fields":[)" + kId + "]}", true,
         true},
        {"field renamed with an alias", rec(f("amount", R"("double")")),
         rec(f("total", R"("double")", R"(,"aliases":["amount"])")), true, false,
         "READER_FIELD_MISSING_DEFAULT_VALUE", "field 'amount'"},
        {"array items int to long", rec(f("a", R"({"type":"array","items":"int"})")),
         rec(f("a", R"({"type":"array","items":"long"})")), true, false, "TYPE_MISMATCH",
         "/fields/0/type/items"},
        {"map values string to int", rec(f("m", R"({"type":"map","values":"string"})")),
         rec(f("m", R"({"type":"map","values":"int"})")), false, false, "TYPE_MISMATCH",
         "/fields/0/type/values"},
        {"fixed size changed", rec(f("h", R"({"type":"fixed","name":"Hash","size":16})")),
         rec(f("h", R"({"type":"fixed","name":"Hash","size":32})")), false, false,
         "FIXED_SIZE_MISMATCH", "/fields/0/type/size"},
        {"logical type added (annotations are not compared)", rec(f("t", R"("long")")),
         rec(f("t", R"({"type":"long","logicalType":"timestamp-millis"})")), true, true},
        {"recursive record unchanged",
         R"({"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]})",
         R"({"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]})",
         true, true},
    };
}

const CompatibilityLevel kLevels[] = {CompatibilityLevel::None,
                                      CompatibilityLevel::Backward,
                                      CompatibilityLevel::BackwardTransitive,
                                      CompatibilityLevel::Forward,
                                      CompatibilityLevel::ForwardTransitive,
                                      CompatibilityLevel::Full,
                                      CompatibilityLevel::FullTransitive};

bool expected(CompatibilityLevel l, bool backward, bool forward)
{
    switch (l) {
    case CompatibilityLevel::None:
        return true;
    case CompatibilityLevel::Backward:
    case CompatibilityLevel::BackwardTransitive:
        return backward;
    case CompatibilityLevel::Forward:
    case CompatibilityLevel::ForwardTransitive:
        return forward;
    default:
        return backward && forward;
    }
}

AvroSchema parsed(const std::string& text)
{
    auto s = AvroSchema::parse(text);
    if (!s) qFatal("test schema does not parse: %s\n%s", s.error().message.c_str(), text.c_str());
    return std::move(*s);
}

} // namespace

class TestSchemaCompat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<int>("index");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i)
            QTest::newRow(all[i].name) << static_cast<int>(i);
    }

    void table()
    {
        QFETCH(int, index);
        const Case c = cases()[static_cast<std::size_t>(index)];
        const AvroSchema oldS = parsed(c.oldSchema), newS = parsed(c.newSchema);
        // The two directions, with the failing rule where one fails.
        auto back = canRead(newS, oldS);
        auto fwd = canRead(oldS, newS);
        QCOMPARE(!back.has_value(), c.backward);
        QCOMPARE(!fwd.has_value(), c.forward);
        if (const auto& bad = back ? back : fwd) {
            QCOMPARE(bad->type, std::string(c.rule));
            const std::string text = bad->path + " " + bad->message;
            QVERIFY2(text.find(c.where) != std::string::npos, text.c_str());
        }
        // Every level's verdict through the registry's entry point.
        const std::vector<VersionedSchema> existing = {{1, &oldS}};
        for (CompatibilityLevel l : kLevels) {
            const auto messages = checkCompatibility(l, newS, existing);
            QVERIFY2(messages.empty() == expected(l, c.backward, c.forward),
                     (std::string(compatibilityName(l)) + ": " +
                      (messages.empty() ? "compatible" : messages.front()))
                         .c_str());
            for (const std::string& m : messages)
                QVERIFY(m.rfind(std::string(compatibilityName(l)) + ": ", 0) == 0);
        }
    }

    void tableIsLargeEnough() { QVERIFY(cases().size() >= 30); }

    void transitiveLevelsCheckEveryVersion()
    {
        // BACKWARD: v3 reads v2 (b is there) but not v1 (b missing, no default).
        const AvroSchema v1 = parsed(rec(kId));
        const AvroSchema v2 = parsed(rec(kId + R"(,{"name":"b","type":"int","default":0})"));
        const AvroSchema v3 = parsed(rec(kId + R"(,{"name":"b","type":"int"})"));
        const std::vector<VersionedSchema> history = {{1, &v1}, {2, &v2}};
        QVERIFY(checkCompatibility(CompatibilityLevel::Backward, v3, history).empty());
        auto m = checkCompatibility(CompatibilityLevel::BackwardTransitive, v3, history);
        QCOMPARE(m.size(), std::size_t(1));
        QVERIFY2(m[0].find("version 1") != std::string::npos &&
                     m[0].find("READER_FIELD_MISSING_DEFAULT_VALUE") != std::string::npos,
                 m[0].c_str());
        // FORWARD: v2 (default for b) reads v3 without b, v1 (no default) cannot.
        const AvroSchema f1 = parsed(rec(kId + R"(,{"name":"b","type":"int"})"));
        const AvroSchema f2 = parsed(rec(kId + R"(,{"name":"b","type":"int","default":0})"));
        const AvroSchema f3 = parsed(rec(kId));
        const std::vector<VersionedSchema> fh = {{1, &f1}, {2, &f2}};
        QVERIFY(checkCompatibility(CompatibilityLevel::Forward, f3, fh).empty());
        m = checkCompatibility(CompatibilityLevel::ForwardTransitive, f3, fh);
        QCOMPARE(m.size(), std::size_t(1));
        QVERIFY2(m[0].find("version 1 cannot read") != std::string::npos, m[0].c_str());
        QVERIFY(checkCompatibility(CompatibilityLevel::Full, f3, fh).empty());
        QCOMPARE(checkCompatibility(CompatibilityLevel::FullTransitive, f3, fh).size(),
                 std::size_t(1));
    }

    void levelNamesRoundTrip()
    {
        for (CompatibilityLevel l : kLevels) {
            CompatibilityLevel back;
            std::string lower(compatibilityName(l));
            for (char& ch : lower)
                ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            QVERIFY(parseCompatibility(lower, back));
            QVERIFY(back == l);
        }
        CompatibilityLevel x;
        QVERIFY(!parseCompatibility("SIDEWAYS", x));
    }

    void parserRefusesInvalidSchemas_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << R"({"type":"strin"})"
                                      << "undefined name 'strin'";
        QTest::newRow("duplicate field")
            << R"({"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"int"}]})"
            << "/fields/1/name: the field 'a' appears twice";
        QTest::newRow("bad name") << R"({"type":"record","name":"1R","fields":[]})"
                                  << "'1R' is not an Avro name";
        QTest::newRow("nested union") << R"(["null",["int"]])"
                                      << "a union cannot hold a union";
        QTest::newRow("duplicate branch") << R"(["int","int"])"
                                          << "the union holds int twice";
        QTest::newRow("enum default")
            << R"({"type":"enum","name":"E","symbols":["A"],"default":"B"})"
            << "must be one of its symbols";
        QTest::newRow("union default is its first branch")
            << R"({"type":"record","name":"R","fields":[{"name":"a","type":["null","int"],"default":1}]})"
            << "/fields/0/default";
        QTest::newRow("defined twice")
            << R"({"type":"record","name":"R","fields":[{"name":"a","type":{"type":"fixed","name":"R","size":1}}]})"
            << "defined twice";
    }

    void parserRefusesInvalidSchemas()
    {
        QFETCH(QString, schema);
        QFETCH(QString, error);
        auto s = AvroSchema::parse(schema.toStdString());
        QVERIFY(!s.isOk());
        QVERIFY2(s.error().message.find(error.toStdString()) != std::string::npos,
                 s.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSchemaCompat)
#include "tst_schema_compat.moc"
