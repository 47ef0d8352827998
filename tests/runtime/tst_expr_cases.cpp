// Expected values and types of valid expressions (fixture in tst_expr_support.h). Types follow
// Flink's rules: literals are NOT NULL, nullability propagates from the columns.
#include "tst_expr_support.h"

namespace exprtest {

void literalCases()
{
    val("42", "INT NOT NULL", "42");
    val("2147483647", "INT NOT NULL", "2147483647");
    val("2147483648", "BIGINT NOT NULL", "2147483648");
    val("-2147483648", "INT NOT NULL", "-2147483648");
    val("-2147483649", "BIGINT NOT NULL", "-2147483649");
    val("9223372036854775807", "BIGINT NOT NULL", "9223372036854775807");
    val("-9223372036854775808", "BIGINT NOT NULL", "-9223372036854775808");
    val("007", "INT NOT NULL", "7");
    val("0.908", "DECIMAL(4, 3) NOT NULL", "0.908");
    val("12.34", "DECIMAL(4, 2) NOT NULL", "12.34");
    val(".5", "DECIMAL(1, 1) NOT NULL", "0.5");
    val("-0.5", "DECIMAL(2, 1) NOT NULL", "-0.5");
    val("5.", "INT NOT NULL", "5");
    val("100.00", "DECIMAL(5, 2) NOT NULL", "100.00");
    val("12345678901234567.8", "DECIMAL(18, 1) NOT NULL", "12345678901234567.8");
    val("1e3", "DOUBLE NOT NULL", "1000");
    val("1.5E-3", "DOUBLE NOT NULL", "0.0015");
    val("2.5e0", "DOUBLE NOT NULL", "2.5");
    val("'abc'", "STRING NOT NULL", "'abc'");
    val("'it''s'", "STRING NOT NULL", "'it's'");
    val("''", "STRING NOT NULL", "''");
    val("'h\xC3\xA9llo'", "STRING NOT NULL", "'h\xC3\xA9llo'");
    val("TRUE", "BOOLEAN NOT NULL", "TRUE");
    val("false", "BOOLEAN NOT NULL", "FALSE");
    val("True", "BOOLEAN NOT NULL", "TRUE");
    val("NULL", "NULL", "NULL");
    val("null", "NULL", "NULL");
    val("TIMESTAMP '2024-01-01 00:00:00'", "TIMESTAMP(3) NOT NULL", "2024-01-01 00:00:00.000");
    val("TIMESTAMP '2024-02-29 23:59:59.999'", "TIMESTAMP(3) NOT NULL", "2024-02-29 23:59:59.999");
    val("timestamp '2024-01-01'", "TIMESTAMP(3) NOT NULL", "2024-01-01 00:00:00.000");
    val("-- a comment\n 1", "INT NOT NULL", "1");
    val("1 /* inline */ + 2", "INT NOT NULL", "3");
    val("  42  ", "INT NOT NULL", "42");
    val("id", "BIGINT NOT NULL", "42");
    val("`order id`", "STRING", "'X-1'");
    val("Name", "STRING", "'Bob'");
    val("name", "STRING", "'Alice'");
    val("`name`", "STRING", "'Alice'");
    val("year", "INT", "2020");
    val("`year` + 1", "INT", "2021");
    val("payload", "BYTES", "'raw'");
    val("-(-5)", "INT NOT NULL", "5");
    val("- -5", "INT NOT NULL", "5");
    val("+5", "INT NOT NULL", "5");
    val("+qty", "INT", "7");
    val("-qty", "INT", "-7");
    val("-price", "DECIMAL(10, 2)", "-12.34");
    val("-rate", "DOUBLE", "-0.5");
    val("-n_int", "INT", "NULL");
}

void arithmeticCases()
{
    val("1 + 2", "INT NOT NULL", "3");
    val("qty + 1", "INT", "8");
    val("qty + id", "BIGINT", "49");
    val("id + 1", "BIGINT NOT NULL", "43");
    val("qty * 3", "INT", "21");
    val("qty - 10", "INT", "-3");
    val("qty / 2", "INT", "3");
    val("neg / 2", "INT", "-3");
    val("neg % 3", "INT", "-1");
    val("7 % -3", "INT NOT NULL", "1");
    val("qty % 4", "INT", "3");
    val("auction % 123", "INT", "0");
    val("qty % id", "BIGINT", "7");
    val("MOD(auction, 7)", "INT", "5");
    val("MOD(-7, 3)", "INT NOT NULL", "-1");
    val("mod(amount, 7)", "DECIMAL(10, 2)", "2.50");
    val("rate * 2", "DOUBLE", "1");
    val("rate + qty", "DOUBLE", "7.5");
    val("qty / 2.0e0", "DOUBLE", "3.5");
    val("1 / 3e0", "DOUBLE NOT NULL", "0.3333333333333333");
    val("1e0 / 0", "DOUBLE NOT NULL", "inf");
    val("price + 1", "DECIMAL(13, 2)", "13.34");
    val("price + amount", "DECIMAL(11, 2)", "112.84");
    val("price - amount", "DECIMAL(11, 2)", "-88.16");
    val("price * 2", "DECIMAL(18, 2)", "24.68");
    val("price * qty", "DECIMAL(18, 2)", "86.38");
    val("price * 0.908", "DECIMAL(15, 5)", "11.20472");
    val("price / 4", "DECIMAL(18, 10)", "3.0850000000");
    val("price / amount", "DECIMAL(18, 8)", "0.12278607");
    val("amount % 7", "DECIMAL(10, 2)", "2.50");
    val("price % 0.5", "DECIMAL(3, 2)", "0.34");
    val("0.1 + 0.2", "DECIMAL(3, 1) NOT NULL", "0.3");
    val("0.1 * 0.2", "DECIMAL(5, 2) NOT NULL", "0.02");
    val("1 / 3.0", "DECIMAL(17, 6) NOT NULL", "0.333333");
    val("2 / 3.0", "DECIMAL(17, 6) NOT NULL", "0.666667");
    val("-2 / 3.0", "DECIMAL(17, 6) NOT NULL", "-0.666667");
    val("price * -1", "DECIMAL(18, 2)", "-12.34");
    val("price + rate", "DOUBLE", "12.84");
    val("price * 1e0", "DOUBLE", "12.34");
    val("qty + NULL", "INT", "NULL");
    val("NULL * 2", "INT", "NULL");
    val("n_int + 1", "INT", "NULL");
    val("n_dec * 2", "DECIMAL(18, 2)", "NULL");
    val("n_dbl / 0", "DOUBLE", "NULL");
    val("n_int / 0", "INT", "NULL");
    val("1 + 2 * 3", "INT NOT NULL", "7");
    val("(1 + 2) * 3", "INT NOT NULL", "9");
    val("10 - 4 - 3", "INT NOT NULL", "3");
    val("2 * 3 % 4", "INT NOT NULL", "2");
    val("100 / 10 / 5", "INT NOT NULL", "2");
    val("-2 * 3", "INT NOT NULL", "-6");
    val("id * id", "BIGINT NOT NULL", "1764");
    val("big - 1", "BIGINT", "9223372036854775806");
    val("imax - 1", "INT", "2147483646");
    val("2147483647 + 1e0", "DOUBLE NOT NULL", "2147483648");
    val("9223372036854775807 / 2", "BIGINT NOT NULL", "4611686018427387903");
}

void comparisonCases()
{
    val("qty = 7", "BOOLEAN", "TRUE");
    val("qty <> 7", "BOOLEAN", "FALSE");
    val("qty != 7", "BOOLEAN", "FALSE");
    val("qty < 10", "BOOLEAN", "TRUE");
    val("qty <= 7", "BOOLEAN", "TRUE");
    val("qty > 7", "BOOLEAN", "FALSE");
    val("qty >= 8", "BOOLEAN", "FALSE");
    val("id = 42", "BOOLEAN NOT NULL", "TRUE");
    val("1 = 1", "BOOLEAN NOT NULL", "TRUE");
    val("qty = 7.0", "BOOLEAN", "TRUE");
    val("price = 12.340", "BOOLEAN", "TRUE");
    val("price > 12.339", "BOOLEAN", "TRUE");
    val("price < 12.3401", "BOOLEAN", "TRUE");
    val("price = amount", "BOOLEAN", "FALSE");
    val("rate = 0.5", "BOOLEAN", "TRUE");
    val("qty = 7e0", "BOOLEAN", "TRUE");
    val("qty < rate", "BOOLEAN", "FALSE");
    val("big > 9.2e18", "BOOLEAN", "TRUE");
    val("big = 9223372036854775807", "BOOLEAN", "TRUE");
    val("big > 9223372036854775.8", "BOOLEAN", "TRUE");
    val("0.1 + 0.2 = 0.3", "BOOLEAN NOT NULL", "TRUE");
    val("0.1e0 + 0.2e0 = 0.3e0", "BOOLEAN NOT NULL", "FALSE");
    val("name = 'Alice'", "BOOLEAN", "TRUE");
    val("name < 'Bob'", "BOOLEAN", "TRUE");
    val("name > 'alice'", "BOOLEAN", "FALSE");
    val("'' < 'a'", "BOOLEAN NOT NULL", "TRUE");
    val("word > 'hz'", "BOOLEAN", "TRUE");
    val("Name = 'Bob'", "BOOLEAN", "TRUE");
    val("active = TRUE", "BOOLEAN", "TRUE");
    val("f < active", "BOOLEAN", "TRUE");
    val("ts > TIMESTAMP '2024-01-01 00:00:00'", "BOOLEAN", "TRUE");
    val("ts = TIMESTAMP '2024-03-15 13:45:30.250'", "BOOLEAN", "TRUE");
    val("payload = payload", "BOOLEAN", "TRUE");
    val("qty = NULL", "BOOLEAN", "NULL");
    val("NULL = NULL", "BOOLEAN", "NULL");
    val("n_int <> 1", "BOOLEAN", "NULL");
    val("city = 'x'", "BOOLEAN", "NULL");
    val("n_ts < ts", "BOOLEAN", "NULL");
    val("auction % 123 = 0", "BOOLEAN", "TRUE");
    val("(qty > 5) = TRUE", "BOOLEAN", "TRUE");
    val("n_int IS DISTINCT FROM NULL", "BOOLEAN NOT NULL", "FALSE");
    val("qty IS DISTINCT FROM NULL", "BOOLEAN NOT NULL", "TRUE");
    val("qty IS NOT DISTINCT FROM 7", "BOOLEAN NOT NULL", "TRUE");
    val("n_int IS NOT DISTINCT FROM n_big", "BOOLEAN NOT NULL", "TRUE");
    val("qty IS DISTINCT FROM 7.0", "BOOLEAN NOT NULL", "FALSE");
    val("name IS DISTINCT FROM Name", "BOOLEAN NOT NULL", "TRUE");
}

void logicCases()
{
    // Three-valued AND / OR / NOT truth tables.
    val("TRUE AND TRUE", "BOOLEAN NOT NULL", "TRUE");
    val("TRUE AND FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("FALSE AND FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("TRUE AND NULL", "BOOLEAN", "NULL");
    val("NULL AND TRUE", "BOOLEAN", "NULL");
    val("FALSE AND NULL", "BOOLEAN", "FALSE");
    val("NULL AND FALSE", "BOOLEAN", "FALSE");
    val("NULL AND NULL", "BOOLEAN", "NULL");
    val("TRUE OR FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("FALSE OR FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("TRUE OR NULL", "BOOLEAN", "TRUE");
    val("NULL OR TRUE", "BOOLEAN", "TRUE");
    val("FALSE OR NULL", "BOOLEAN", "NULL");
    val("NULL OR FALSE", "BOOLEAN", "NULL");
    val("NULL OR NULL", "BOOLEAN", "NULL");
    val("NOT TRUE", "BOOLEAN NOT NULL", "FALSE");
    val("NOT FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("NOT NULL", "BOOLEAN", "NULL");
    // The same with columns.
    val("active AND flag", "BOOLEAN", "NULL");
    val("f AND flag", "BOOLEAN", "FALSE");
    val("flag AND f", "BOOLEAN", "FALSE");
    val("active OR flag", "BOOLEAN", "TRUE");
    val("f OR flag", "BOOLEAN", "NULL");
    val("NOT flag", "BOOLEAN", "NULL");
    val("NOT f", "BOOLEAN NOT NULL", "TRUE");
    val("NOT active", "BOOLEAN", "FALSE");
    val("active AND TRUE", "BOOLEAN", "TRUE");
    val("TRUE AND TRUE AND NULL", "BOOLEAN", "NULL");
    val("TRUE AND NULL AND FALSE", "BOOLEAN", "FALSE");
    val("FALSE OR NULL OR TRUE", "BOOLEAN", "TRUE");
    val("qty > 5 and name = 'Alice'", "BOOLEAN", "TRUE");
    val("qty > 5 AND city = 'Paris'", "BOOLEAN", "NULL");
    val("qty > 50 AND city = 'Paris'", "BOOLEAN", "FALSE");
    val("qty > 5 OR city = 'Paris'", "BOOLEAN", "TRUE");
    // Precedence: NOT binds tighter than AND, AND tighter than OR, comparisons tighter than NOT.
    val("NOT TRUE AND FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("NOT (TRUE AND FALSE)", "BOOLEAN NOT NULL", "TRUE");
    val("TRUE OR FALSE AND FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("(TRUE OR FALSE) AND FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("NOT qty = 7", "BOOLEAN", "FALSE");
    val("NOT n_int IS NULL", "BOOLEAN NOT NULL", "FALSE");
    val("NOT NOT active", "BOOLEAN", "TRUE");
    // IS [NOT] NULL / TRUE / FALSE / UNKNOWN never return NULL.
    val("flag IS TRUE", "BOOLEAN NOT NULL", "FALSE");
    val("flag IS NOT TRUE", "BOOLEAN NOT NULL", "TRUE");
    val("flag IS FALSE", "BOOLEAN NOT NULL", "FALSE");
    val("flag IS NOT FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("f IS FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("active IS TRUE", "BOOLEAN NOT NULL", "TRUE");
    val("active IS NOT TRUE", "BOOLEAN NOT NULL", "FALSE");
    val("flag IS UNKNOWN", "BOOLEAN NOT NULL", "TRUE");
    val("active IS NOT UNKNOWN", "BOOLEAN NOT NULL", "TRUE");
    val("NULL IS NULL", "BOOLEAN NOT NULL", "TRUE");
    val("city IS NULL", "BOOLEAN NOT NULL", "TRUE");
    val("name IS NOT NULL", "BOOLEAN NOT NULL", "TRUE");
    val("n_int + 1 IS NULL", "BOOLEAN NOT NULL", "TRUE");
    val("(qty > 100) IS FALSE", "BOOLEAN NOT NULL", "TRUE");
    val("qty = 7 IS TRUE", "BOOLEAN NOT NULL", "TRUE");
    val("n_int = 7 IS NOT FALSE", "BOOLEAN NOT NULL", "TRUE");
    // Short circuit: the right side is not evaluated when the left decides.
    val("FALSE AND 1 / 0 = 1", "BOOLEAN NOT NULL", "FALSE");
    val("n_int IS NULL OR qty / 0 = 1", "BOOLEAN", "TRUE");
}

void predicateCases()
{
    val("qty IN (1, 7)", "BOOLEAN", "TRUE");
    val("qty IN (1, 2)", "BOOLEAN", "FALSE");
    val("qty IN (1, NULL)", "BOOLEAN", "NULL");
    val("qty IN (7, NULL)", "BOOLEAN", "TRUE");
    val("qty NOT IN (1, 2)", "BOOLEAN", "TRUE");
    val("qty NOT IN (7, NULL)", "BOOLEAN", "FALSE");
    val("qty NOT IN (1, NULL)", "BOOLEAN", "NULL");
    val("n_int IN (1, 2)", "BOOLEAN", "NULL");
    val("n_int NOT IN (1)", "BOOLEAN", "NULL");
    val("NULL IN (1)", "BOOLEAN", "NULL");
    val("id IN (1, 42)", "BOOLEAN NOT NULL", "TRUE");
    val("name IN ('Bob', 'Alice')", "BOOLEAN", "TRUE");
    val("name in ('bob')", "BOOLEAN", "FALSE");
    val("price IN (12.34, 1)", "BOOLEAN", "TRUE");
    val("qty IN (7.0)", "BOOLEAN", "TRUE");
    val("qty IN (6.5e0, 7e0)", "BOOLEAN", "TRUE");
    val("rate IN (0.5)", "BOOLEAN", "TRUE");
    val("ts IN (TIMESTAMP '2024-03-15 13:45:30.250')", "BOOLEAN", "TRUE");
    val("qty IN (qty + 1, qty)", "BOOLEAN", "TRUE");
    val("active IN (FALSE)", "BOOLEAN", "FALSE");
    val("qty BETWEEN 1 AND 10", "BOOLEAN", "TRUE");
    val("qty BETWEEN 7 AND 7", "BOOLEAN", "TRUE");
    val("qty BETWEEN 8 AND 10", "BOOLEAN", "FALSE");
    val("qty NOT BETWEEN 1 AND 5", "BOOLEAN", "TRUE");
    val("qty BETWEEN 10 AND 1", "BOOLEAN", "FALSE");
    val("qty BETWEEN SYMMETRIC 10 AND 1", "BOOLEAN", "TRUE");
    val("qty NOT BETWEEN SYMMETRIC 10 AND 1", "BOOLEAN", "FALSE");
    val("qty BETWEEN ASYMMETRIC 1 AND 10", "BOOLEAN", "TRUE");
    val("qty BETWEEN NULL AND 10", "BOOLEAN", "NULL");
    val("qty BETWEEN NULL AND 5", "BOOLEAN", "FALSE");
    val("qty BETWEEN 8 AND NULL", "BOOLEAN", "FALSE");
    val("qty NOT BETWEEN NULL AND 5", "BOOLEAN", "TRUE");
    val("n_int BETWEEN 1 AND 2", "BOOLEAN", "NULL");
    val("price BETWEEN 12 AND 13", "BOOLEAN", "TRUE");
    val("price BETWEEN 12.35 AND 13", "BOOLEAN", "FALSE");
    val("rate BETWEEN 0 AND 1", "BOOLEAN", "TRUE");
    val("name BETWEEN 'A' AND 'B'", "BOOLEAN", "TRUE");
    val("ts BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2025-01-01 00:00:00'", "BOOLEAN",
        "TRUE");
    val("qty BETWEEN 1 AND 10 AND FALSE", "BOOLEAN", "FALSE");
    val("1 BETWEEN 0 AND 2", "BOOLEAN NOT NULL", "TRUE");
    val("name LIKE 'A%'", "BOOLEAN", "TRUE");
    val("name LIKE '%ce'", "BOOLEAN", "TRUE");
    val("name LIKE '%li%'", "BOOLEAN", "TRUE");
    val("name LIKE 'A_ice'", "BOOLEAN", "TRUE");
    val("name LIKE 'a%'", "BOOLEAN", "FALSE");
    val("name LIKE 'Alice'", "BOOLEAN", "TRUE");
    val("name LIKE 'Alic'", "BOOLEAN", "FALSE");
    val("name LIKE '%'", "BOOLEAN", "TRUE");
    val("name LIKE '_____'", "BOOLEAN", "TRUE");
    val("name LIKE '____'", "BOOLEAN", "FALSE");
    val("name NOT LIKE 'B%'", "BOOLEAN", "TRUE");
    val("name LIKE 'A%e'", "BOOLEAN", "TRUE");
    val("name LIKE '%l%e'", "BOOLEAN", "TRUE");
    val("name LIKE 'A%x%'", "BOOLEAN", "FALSE");
    val("city LIKE '%'", "BOOLEAN", "NULL");
    val("name LIKE NULL", "BOOLEAN", "NULL");
    val("'' LIKE '%'", "BOOLEAN NOT NULL", "TRUE");
    val("'' LIKE '_'", "BOOLEAN NOT NULL", "FALSE");
    val("'aaa' LIKE '%a%a%a%'", "BOOLEAN NOT NULL", "TRUE");
    val("'aa' LIKE '%a%a%a%'", "BOOLEAN NOT NULL", "FALSE");
    val("'abcabc' LIKE '%bc_bc'", "BOOLEAN NOT NULL", "TRUE");
    val("'mississippi' LIKE 'mis%is%pi'", "BOOLEAN NOT NULL", "TRUE");
    val("word LIKE 'h_llo%'", "BOOLEAN", "TRUE");
    val("word LIKE 'h__llo%'", "BOOLEAN", "FALSE");
    val("pct LIKE '50!%%' ESCAPE '!'", "BOOLEAN", "TRUE");
    val("pct LIKE '50!_%' ESCAPE '!'", "BOOLEAN", "FALSE");
    val("pct LIKE '%!_off' ESCAPE '!'", "BOOLEAN", "TRUE");
    val("'a%' LIKE 'a\\%' ESCAPE '\\'", "BOOLEAN NOT NULL", "TRUE");
    val("'a!' LIKE 'a!!' ESCAPE '!'", "BOOLEAN NOT NULL", "TRUE");
    val("name LIKE name", "BOOLEAN", "TRUE");
    val("name LIKE UPPER('a') || '%'", "BOOLEAN", "TRUE");
}

} // namespace exprtest
