// Expression language: table-driven semantics (tst_expr_cases.cpp, tst_expr_errors.cpp) plus
// tests of the API contract, limits, row robustness and the types it builds on.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

#include "expr/Expression.h"
#include "tst_expr_support.h"

using namespace sw::runtime;
using namespace sw::runtime::expr;

using namespace exprtest;

class TstExpr : public QObject {
    Q_OBJECT

private:
    Schema m_schema = exprSchema();
    Row m_row = exprRow();

    /// Value kind that a result of type `t` must have.
    static bool kindMatches(const Value& v, DataType t)
    {
        if (v.isNull()) return true;
        switch (t.kind()) {
        case TypeKind::Boolean:
            return v.kind() == Value::Kind::Bool;
        case TypeKind::Int:
        case TypeKind::BigInt:
            return v.kind() == Value::Kind::Int;
        case TypeKind::Double:
            return v.kind() == Value::Kind::Double;
        case TypeKind::Decimal:
            return v.kind() == Value::Kind::Decimal && v.decimalScale() == t.scale();
        case TypeKind::String:
        case TypeKind::Bytes:
            return v.kind() == Value::Kind::String;
        case TypeKind::Timestamp:
            return v.kind() == Value::Kind::Timestamp;
        case TypeKind::Null:
            return false;
        }
        return false;
    }

    void check()
    {
        QFETCH(QString, expr);
        QFETCH(int, expect);
        QFETCH(QString, type);
        QFETCH(QString, expected);
        QFETCH(int, column);
        const std::string text = expr.toStdString();
        auto r = Expression::compile(text, m_schema);
        if (static_cast<Expect>(expect) == Expect::CompileError) {
            if (r)
                QFAIL(qPrintable("compiled, type " + QString::fromStdString(r->type().toString())));
            QCOMPARE(QString::fromStdString(r.error().message), expected);
            QCOMPARE(r.error().column, column);
            QCOMPARE(r.error().line, 0);
            return;
        }
        QVERIFY2(r, qPrintable(QString::fromStdString(r ? "" : r.error().toString())));
        QCOMPARE(QString::fromStdString(r->text()), expr);
        QVERIFY(Expression::checkSyntax(text).isOk());
        EvalError err;
        Value v = r->evaluate(m_row, err);
        if (static_cast<Expect>(expect) == Expect::RuntimeError) {
            QVERIFY2(err.set(), qPrintable("no error, got " + render(v)));
            QCOMPARE(QString::fromStdString(err.message), expected);
            QVERIFY(v.isNull());
            return;
        }
        QVERIFY2(!err.set(), err.message.c_str());
        QCOMPARE(QString::fromStdString(r->type().toString()), type);
        QCOMPARE(render(v), expected);
        QVERIFY2(kindMatches(v, r->type()), "value kind does not match the type");
        QVERIFY2(r->type().nullable() || !v.isNull(), "NULL from a NOT NULL type");
        if (r->type().kind() == TypeKind::Boolean) {
            EvalError err2;
            QCOMPARE(r->test(m_row, err2), !v.isNull() && v.asBool());
            QVERIFY(!err2.set());
        }
    }

private Q_SLOTS:
    void literals_data()
    {
        addColumns();
        literalCases();
    }
    void literals() { check(); }
    void arithmetic_data()
    {
        addColumns();
        arithmeticCases();
    }
    void arithmetic() { check(); }
    void comparisons_data()
    {
        addColumns();
        comparisonCases();
    }
    void comparisons() { check(); }
    void logic_data()
    {
        addColumns();
        logicCases();
    }
    void logic() { check(); }
    void predicates_data()
    {
        addColumns();
        predicateCases();
    }
    void predicates() { check(); }
    void conditionals_data()
    {
        addColumns();
        conditionalCases();
    }
    void conditionals() { check(); }
    void casts_data()
    {
        addColumns();
        castCases();
    }
    void casts() { check(); }
    void strings_data()
    {
        addColumns();
        stringCases();
    }
    void strings() { check(); }
    void numericFunctions_data()
    {
        addColumns();
        numericCases();
    }
    void numericFunctions() { check(); }
    void timeFunctions_data()
    {
        addColumns();
        timeCases();
    }
    void timeFunctions() { check(); }
    void syntaxErrors_data()
    {
        addColumns();
        syntaxErrorCases();
    }
    void syntaxErrors() { check(); }
    void typeErrors_data()
    {
        addColumns();
        typeErrorCases();
    }
    void typeErrors() { check(); }
    void runtimeErrors_data()
    {
        addColumns();
        runtimeErrorCases();
    }
    void runtimeErrors() { check(); }

    void dataTypeParse_data() { dataTypeParseData(); }
    void dataTypeParse() { exprtest::dataTypeParse(); }
    void valueFormatting() { exprtest::valueFormatting(); }
    void valueOrdering() { exprtest::valueOrdering(); }
    void timestampAndDecimalParsing() { exprtest::timestampAndDecimalParsing(); }

    void referencedColumns();
    void checkSyntaxOnly();
    void nestingLimits();
    void longFlatChains();
    void testSemantics();
    void rowMismatches();
    void errorIsOverwrittenOnlyOnFailure();
    void concurrentEvaluation();
    void hotPathFigures();
};

void TstExpr::referencedColumns()
{
    auto e = Expression::compile("price * qty > 10 AND name <> `order id` AND qty < 100", m_schema);
    QVERIFY(e);
    QCOMPARE(e->referencedColumns(), (std::vector<int>{1, 2, 4, 17}));
    auto c = Expression::compile("1 + 2", m_schema);
    QVERIFY(c);
    QVERIFY(c->referencedColumns().empty());
}

void TstExpr::checkSyntaxOnly()
{
    QVERIFY(Expression::checkSyntax("no_such_column + 1 > UNKNOWN_FN(x)").isOk());
    Status s = Expression::checkSyntax("a + (b * 2");
    QVERIFY(!s.isOk());
    QCOMPARE(s.error().column, 11);
    QCOMPARE(QString::fromStdString(s.message()),
             QString("unexpected end of expression: expected ')' to close the '(' at column 5 "
                     "(column 11)"));
    QVERIFY(!Expression::checkSyntax("CURRENT_TIMESTAMP").isOk());
}

void TstExpr::nestingLimits()
{
    // Hostile input must produce an error, never a stack overflow.
    for (const char* open : {"(", "- ", "NOT ", "+", "ABS("}) {
        std::string deep;
        for (int i = 0; i < 100000; ++i)
            deep += open;
        deep += "1";
        auto r = Expression::compile(deep, m_schema);
        QVERIFY(!r);
        QCOMPARE(QString::fromStdString(r.error().message),
                 QString("expression is nested too deeply (more than 200 levels)"));
    }
    std::string ok = std::string(199, '(') + "qty" + std::string(199, ')');
    QVERIFY(Expression::compile(ok, m_schema));
    std::string tooDeep = std::string(201, '(') + "qty" + std::string(201, ')');
    auto r = Expression::compile(tooDeep, m_schema);
    QVERIFY(!r);
    QCOMPARE(r.error().column, 201);
    std::string calls;
    for (int i = 0; i < 300; ++i)
        calls += "ABS(";
    calls += "qty" + std::string(300, ')');
    QVERIFY(!Expression::compile(calls, m_schema));
}

void TstExpr::longFlatChains()
{
    // Long AND/OR chains are flat (a generated filter of 5000 terms is fine) ...
    std::string chain = "qty = 0";
    for (int i = 1; i < 5000; ++i)
        chain += " OR qty = " + std::to_string(i);
    auto e = Expression::compile(chain, m_schema);
    QVERIFY(e);
    EvalError err;
    QVERIFY(e->test(m_row, err));
    // ... but a 5000-term arithmetic chain nests 5000 deep and is rejected with a clear error.
    std::string sum = "qty";
    for (int i = 0; i < 5000; ++i)
        sum += " + 1";
    auto s = Expression::compile(sum, m_schema);
    QVERIFY(!s);
    QCOMPARE(QString::fromStdString(s.error().message),
             QString("expression is too complex (more than 1000 nested operations)"));
    std::string in = "qty IN (0";
    for (int i = 1; i < 3000; ++i)
        in += ", " + std::to_string(i);
    auto i = Expression::compile(in + ")", m_schema);
    QVERIFY(i);
    QVERIFY(i->test(m_row, err));
}

void TstExpr::testSemantics()
{
    EvalError err;
    QVERIFY(Expression::compile("qty = 7", m_schema)->test(m_row, err));
    QVERIFY(!Expression::compile("qty = 8", m_schema)->test(m_row, err));
    QVERIFY(!Expression::compile("qty = n_int", m_schema)->test(m_row, err)); // NULL
    QVERIFY(!Expression::compile("NULL", m_schema)->test(m_row, err));
    QVERIFY(!err.set());
    QVERIFY(!Expression::compile("qty / 0 = 1", m_schema)->test(m_row, err));
    QCOMPARE(QString::fromStdString(err.message), QString("division by zero"));
    EvalError err2;
    auto notBool = Expression::compile("qty + 1", m_schema);
    QVERIFY(notBool->type() == DataType::int32());
    QVERIFY(!notBool->test(m_row, err2));
    QCOMPARE(QString::fromStdString(err2.message),
             QString("condition must be BOOLEAN, but it is INT"));
}

void TstExpr::rowMismatches()
{
    auto e = Expression::compile("qty + 1", m_schema);
    EvalError err;
    Row shortRow = {Value::integer(1)};
    QVERIFY(e->evaluate(shortRow, err).isNull());
    QCOMPARE(QString::fromStdString(err.message),
             QString("row has 1 columns; column 'qty' is number 2"));
    Row wrong = m_row;
    wrong[1] = Value::string("seven");
    err = {};
    QVERIFY(e->evaluate(wrong, err).isNull());
    QCOMPARE(QString::fromStdString(err.message),
             QString("column 'qty' holds a STRING value, but its type is INT"));
    // Lossless representation differences are accepted.
    Row lenient = m_row;
    lenient[3] = Value::integer(2);         // integer in a DOUBLE column
    lenient[2] = Value::decimal(123400, 4); // other scale in a DECIMAL(10, 2) column
    err = {};
    auto d = Expression::compile("rate * 2 + price", m_schema);
    QCOMPARE(render(d->evaluate(lenient, err)), QString("16.34"));
    QVERIFY(!err.set());
    auto s = Expression::compile("UPPER(name)", m_schema);
    QVERIFY(s->evaluate(RowView(), err).isNull());
    QVERIFY(err.set());
}

void TstExpr::errorIsOverwrittenOnlyOnFailure()
{
    auto ok = Expression::compile("qty + 1", m_schema);
    auto bad = Expression::compile("qty / 0", m_schema);
    EvalError err{"stale"};
    QCOMPARE(render(ok->evaluate(m_row, err)), QString("8"));
    QCOMPARE(QString::fromStdString(err.message), QString("stale")); // untouched on success
    bad->evaluate(m_row, err);
    QCOMPARE(QString::fromStdString(err.message), QString("division by zero"));
}

void TstExpr::concurrentEvaluation()
{
    // A compiled expression is immutable: copies (and threads) share it safely.
    auto e = Expression::compile(
        "UPPER(name) || '-' || CAST(qty * price AS STRING) || DATE_FORMAT(ts, ' yyyy')", m_schema);
    QVERIFY(e);
    Expression copy = *e;
    std::atomic<int> bad{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 2000; ++i) {
                EvalError err;
                Value v = copy.evaluate(m_row, err);
                if (err.set() || v.asString() != "ALICE-86.38 2024") ++bad;
            }
        });
    for (auto& t : threads)
        t.join();
    QCOMPARE(bad.load(), 0);
}

void TstExpr::hotPathFigures()
{
    // Prints figures only (tests never assert timings); see bench/ for real benchmarks.
    for (const char* text : {"price * 0.908", "auction % 123 = 0", "qty > 5 AND name LIKE 'A%'"}) {
        auto e = Expression::compile(text, m_schema);
        QVERIFY(e);
        const int n = 200000;
        EvalError err;
        int trues = 0;
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i)
            trues += e->test(m_row, err) ? 1 : 0;
        auto mid = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i)
            trues += e->evaluate(m_row, err).isNull() ? 0 : 1;
        auto end = std::chrono::steady_clock::now();
        auto ns = [&](auto a, auto b) {
            return std::chrono::duration<double, std::nano>(b - a).count() / n;
        };
        qInfo("%-32s test(): %6.1f ns  evaluate(): %6.1f ns", text, ns(start, mid), ns(mid, end));
        QVERIFY(trues > 0);
    }
}

QTEST_APPLESS_MAIN(TstExpr)
#include "tst_expr.moc"
