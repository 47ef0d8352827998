// The value types the expression language builds on: DataType::parse, Value rendering and
// ordering, timestamp and decimal parsing.
#include <cmath>

#include "tst_expr_support.h"
#include "types/Value.h"

using namespace sw::runtime;

namespace exprtest {

void dataTypeParseData()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // toString(), or "!" + error message
    auto row = [](const char* t, const char* e) { QTest::newRow(t) << QString(t) << QString(e); };
    row("BIGINT", "BIGINT");
    row("bigint", "BIGINT");
    row("INT", "INT");
    row("INTEGER", "INT");
    row("DECIMAL(10, 2)", "DECIMAL(10, 2)");
    row("decimal(10,2)", "DECIMAL(10, 2)");
    row("DECIMAL", "DECIMAL(10, 0)");
    row("NUMERIC(5)", "DECIMAL(5, 0)");
    row("STRING NOT NULL", "STRING NOT NULL");
    row(" int not null ", "INT NOT NULL");
    row("VARCHAR", "STRING");
    row("VARCHAR(255)", "STRING");
    row("CHAR(3) NOT NULL", "STRING NOT NULL");
    row("TIMESTAMP(3)", "TIMESTAMP(3)");
    row("TIMESTAMP", "TIMESTAMP(3)");
    row("DOUBLE", "DOUBLE");
    row("DOUBLE PRECISION", "DOUBLE");
    row("BOOLEAN", "BOOLEAN");
    row("BOOL", "BOOLEAN");
    row("BYTES", "BYTES");
    row("VARBINARY(16)", "BYTES");
    row("FLOAT", "!unknown data type 'FLOAT' (expected BOOLEAN, INT, BIGINT, DOUBLE, DECIMAL(p,s), "
                 "STRING, BYTES or TIMESTAMP(3))");
    row("DECIMAL(19, 2)", "!DECIMAL precision must be between 1 and 18, got 19");
    row("DECIMAL(5, 6)", "!DECIMAL scale must be between 0 and the precision 5, got 6");
    row("TIMESTAMP(6)", "!only TIMESTAMP(3) is supported, got TIMESTAMP(6)");
    row("INT(5)", "!type INT takes no parameters");
    row("VARCHAR(0)", "!bad length in 'VARCHAR(0)' (expected a positive integer)");
    row("DECIMAL(10, 2", "!unbalanced parentheses in type 'DECIMAL(10, 2'");
    row("DECIMAL(x)", "!bad DECIMAL precision in 'DECIMAL(x)'");
}

void dataTypeParse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    std::string error;
    auto t = DataType::parse(text.toStdString(), &error);
    if (expected.startsWith('!')) {
        QVERIFY(!t);
        QCOMPARE(QString::fromStdString(error), expected.mid(1));
    } else {
        QVERIFY2(t, error.c_str());
        QCOMPARE(QString::fromStdString(t->toString()), expected);
        // Round trip: the rendered type parses to the same type.
        QVERIFY(DataType::parse(t->toString()) == t);
    }
}

void valueFormatting()
{
    QCOMPARE(QString::fromStdString(Value::null().toString()), QString("NULL"));
    QCOMPARE(QString::fromStdString(Value::boolean(true).toString()), QString("TRUE"));
    QCOMPARE(QString::fromStdString(Value::boolean(false).toString()), QString("FALSE"));
    QCOMPARE(QString::fromStdString(Value::integer(-5).toString()), QString("-5"));
    QCOMPARE(QString::fromStdString(Value::integer(INT64_MIN).toString()),
             QString("-9223372036854775808"));
    QCOMPARE(QString::fromStdString(Value::float64(3.5).toString()), QString("3.5"));
    QCOMPARE(QString::fromStdString(Value::float64(1000).toString()), QString("1000"));
    QCOMPARE(QString::fromStdString(Value::float64(0.1).toString()), QString("0.1"));
    QCOMPARE(QString::fromStdString(Value::float64(1e20).toString()), QString("1e+20"));
    QCOMPARE(QString::fromStdString(Value::float64(1.0 / 3).toString()),
             QString("0.3333333333333333"));
    QCOMPARE(QString::fromStdString(Value::decimal(1234, 2).toString()), QString("12.34"));
    QCOMPARE(QString::fromStdString(Value::decimal(-5, 2).toString()), QString("-0.05"));
    QCOMPARE(QString::fromStdString(Value::decimal(5, 0).toString()), QString("5"));
    QCOMPARE(QString::fromStdString(Value::decimal(1200, 2).toString()), QString("12.00"));
    QCOMPARE(QString::fromStdString(Value::decimal(INT64_MIN, 3).toString()),
             QString("-9223372036854775.808"));
    QCOMPARE(QString::fromStdString(Value::string("x y").toString()), QString("x y"));
    QCOMPARE(QString::fromStdString(Value::timestamp(0).toString()),
             QString("1970-01-01 00:00:00.000"));
    QCOMPARE(QString::fromStdString(Value::timestamp(-1).toString()),
             QString("1969-12-31 23:59:59.999"));
    QCOMPARE(QString::fromStdString(Value::timestamp(1710510330250).toString()),
             QString("2024-03-15 13:45:30.250"));
    // Extreme timestamps render without overflowing (was undefined behaviour for INT64_MIN).
    QVERIFY(!Value::timestamp(INT64_MIN).toString().empty());
    QVERIFY(!Value::timestamp(INT64_MAX).toString().empty());
}

void valueOrdering()
{
    QVERIFY(Value::integer(1) == Value::decimal(100, 2));
    QCOMPARE(Value::integer(1).hash(), Value::decimal(100, 2).hash());
    // Equal numbers hash equal across kinds, also past 2^53 and for -0.0; unequal ones spread.
    QCOMPARE(Value::integer(-7).hash(), Value::float64(-7.0).hash());
    QCOMPARE(Value::decimal(150, 2).hash(), Value::float64(1.5).hash());
    QCOMPARE(Value::integer(0).hash(), Value::float64(-0.0).hash());
    const std::int64_t big = (std::int64_t{1} << 53) + 1;
    QVERIFY(Value::integer(big) == Value::float64(static_cast<double>(big))); // compared as doubles
    QCOMPARE(Value::integer(big).hash(), Value::float64(static_cast<double>(big)).hash());
    QVERIFY(Value::integer(1).hash() != Value::integer(2).hash());
    QVERIFY(Value::float64(0.5).hash() != Value::float64(0.25).hash());
    QVERIFY(Value::integer(1) < Value::float64(1.5));
    QVERIFY(Value::decimal(150, 2) == Value::float64(1.5));
    QVERIFY(Value::decimal(-1, 18) < Value::integer(0));
    QVERIFY(Value::null() < Value::boolean(false));
    QVERIFY(Value::boolean(false) < Value::boolean(true));
    QVERIFY(Value::string("a") < Value::string("b"));
    QVERIFY(Value::string("B") < Value::string("a"));
    QVERIFY(Value::timestamp(1) < Value::timestamp(2));
    QVERIFY(Value::float64(std::nan("")) == Value::float64(std::nan("")));
    QVERIFY(Value::float64(1e308) < Value::float64(std::nan("")));
    QVERIFY(Value::decimal(INT64_MAX, 1) < Value::integer(INT64_MAX));
}

void timestampAndDecimalParsing()
{
    std::int64_t ms = 0;
    QVERIFY(parseTimestamp("2024-02-29 00:00:00", ms));
    QVERIFY(parseTimestamp("2024-01-01T10:00:00.5Z", ms));
    QCOMPARE(QString::fromStdString(Value::timestamp(ms).toString()),
             QString("2024-01-01 10:00:00.500"));
    QVERIFY(parseTimestamp("2000-02-29", ms));
    QVERIFY(!parseTimestamp("2023-02-29 00:00:00", ms)); // not a leap year
    QVERIFY(!parseTimestamp("1900-02-29", ms));
    QVERIFY(!parseTimestamp("2024-04-31", ms));
    QVERIFY(!parseTimestamp("2024-1-01", ms));
    QVERIFY(!parseTimestamp("2024-01-01 25:00:00", ms));
    std::int64_t u = 0;
    QVERIFY(parseDecimal("12.345", 2, u));
    QCOMPARE(u, std::int64_t{1235});
    QVERIFY(parseDecimal("-0.005", 2, u));
    QCOMPARE(u, std::int64_t{-1});
    QVERIFY(!parseDecimal("abc", 2, u));
}

} // namespace exprtest
