// Fixture and row helpers shared by the tst_expr tables.
#include "tst_expr_support.h"

using namespace sw::runtime;

namespace exprtest {

Schema exprSchema()
{
    Schema s;
    auto add = [&](const char* name, const char* type) { s.add(name, *DataType::parse(type)); };
    add("id", "BIGINT NOT NULL");
    add("qty", "INT");
    add("price", "DECIMAL(10, 2)");
    add("rate", "DOUBLE");
    add("name", "STRING");
    add("city", "STRING");
    add("active", "BOOLEAN");
    add("flag", "BOOLEAN");
    add("ts", "TIMESTAMP(3)");
    add("n_int", "INT");
    add("n_big", "BIGINT");
    add("n_dbl", "DOUBLE");
    add("n_dec", "DECIMAL(10, 2)");
    add("n_ts", "TIMESTAMP(3)");
    add("neg", "INT");
    add("big", "BIGINT");
    add("amount", "DECIMAL(10, 2)");
    add("order id", "STRING");
    add("Name", "STRING");
    add("auction", "BIGINT");
    add("f", "BOOLEAN NOT NULL");
    add("word", "STRING");
    add("payload", "BYTES");
    add("padded", "STRING");
    add("year", "INT");
    add("dstr", "STRING");
    add("imax", "INT");
    add("pct", "STRING");
    return s;
}

Row exprRow()
{
    std::int64_t ts = 0;
    parseTimestamp("2024-03-15 13:45:30.250", ts);
    return {Value::integer(42),
            Value::integer(7),
            Value::decimal(1234, 2),
            Value::float64(0.5),
            Value::string("Alice"),
            Value::null(),
            Value::boolean(true),
            Value::null(),
            Value::timestamp(ts),
            Value::null(),
            Value::null(),
            Value::null(),
            Value::null(),
            Value::null(),
            Value::integer(-7),
            Value::integer(INT64_MAX),
            Value::decimal(10050, 2),
            Value::string("X-1"),
            Value::string("Bob"),
            Value::integer(1230),
            Value::boolean(false),
            Value::string("h\xC3\xA9llo w\xC3\xB6rld"),
            Value::string("raw"),
            Value::string("  padded  "),
            Value::integer(2020),
            Value::string("2024-03-15 13:45:30"),
            Value::integer(INT32_MAX),
            Value::string("50%_off")};
}

QString render(const Value& v)
{
    if (v.isNull()) return "NULL";
    if (v.kind() == Value::Kind::String) return "'" + QString::fromStdString(v.asString()) + "'";
    return QString::fromStdString(v.toString());
}

void addColumns()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<int>("expect");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("column");
}

namespace {
int g_row = 0;
void addRow(const char* expr, Expect e, const char* type, const char* expected, int column)
{
    QByteArray name = QByteArray::number(++g_row) + ": " + QByteArray(expr).left(60);
    QTest::newRow(name.constData())
        << QString::fromUtf8(expr) << static_cast<int>(e) << QString::fromUtf8(type)
        << QString::fromUtf8(expected) << column;
}
} // namespace

void val(const char* expr, const char* type, const char* value)
{
    addRow(expr, Expect::Value, type, value, 0);
}
void cerr(const char* expr, const char* message, int column)
{
    addRow(expr, Expect::CompileError, "", message, column);
}
void rerr(const char* expr, const char* message)
{
    addRow(expr, Expect::RuntimeError, "", message, 0);
}

} // namespace exprtest
