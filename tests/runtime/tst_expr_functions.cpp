// Expected values of conditionals, casts and every function (fixture in tst_expr_support.h).
#include "tst_expr_support.h"

namespace exprtest {

void conditionalCases()
{
    val("CASE WHEN qty > 5 THEN 'big' ELSE 'small' END", "STRING NOT NULL", "'big'");
    val("CASE WHEN qty > 50 THEN 'big' END", "STRING", "NULL");
    val("CASE WHEN flag THEN 1 ELSE 2 END", "INT NOT NULL", "2");
    val("CASE qty WHEN 1 THEN 'one' WHEN 7 THEN 'seven' ELSE 'other' END", "STRING NOT NULL",
        "'seven'");
    val("CASE qty WHEN 1 THEN 'one' ELSE 'other' END", "STRING NOT NULL", "'other'");
    val("CASE n_int WHEN 1 THEN 'one' ELSE 'other' END", "STRING NOT NULL", "'other'");
    val("CASE name WHEN 'Alice' THEN 1 END", "INT", "1");
    val("CASE WHEN qty > 5 THEN 1 ELSE 2.5 END", "DECIMAL(11, 1) NOT NULL", "1.0");
    val("CASE WHEN qty > 5 THEN 1 ELSE 2e0 END", "DOUBLE NOT NULL", "1");
    val("CASE WHEN qty > 5 THEN qty ELSE id END", "BIGINT", "7");
    val("CASE WHEN qty > 5 THEN NULL ELSE 1 END", "INT", "NULL");
    val("CASE WHEN FALSE THEN 1 END", "INT", "NULL");
    val("CASE WHEN qty > 100 THEN 'a' WHEN qty > 5 THEN 'b' ELSE 'c' END", "STRING NOT NULL",
        "'b'");
    val("case when TRUE then 'x' end", "STRING", "'x'");
    val("CASE WHEN qty > 5 THEN price ELSE amount END", "DECIMAL(10, 2)", "12.34");
    val("CASE WHEN qty < 5 THEN price ELSE 1 END", "DECIMAL(12, 2)", "1.00");
    val("CASE WHEN qty < 5 THEN city ELSE name END", "STRING", "'Alice'");
    val("CASE WHEN qty > 5 THEN CASE WHEN f THEN 'x' ELSE 'y' END ELSE 'z' END", "STRING NOT NULL",
        "'y'");
    val("CASE WHEN qty < 0 THEN 1 / 0 ELSE 0 END", "INT NOT NULL", "0");
    val("IF(qty > 5, 'y', 'n')", "STRING NOT NULL", "'y'");
    val("IF(flag, 1, 2)", "INT NOT NULL", "2");
    val("IF(active, price, NULL)", "DECIMAL(10, 2)", "12.34");
    val("COALESCE(n_int, qty)", "INT", "7");
    val("COALESCE(n_int, 0)", "INT NOT NULL", "0");
    val("COALESCE(city, name, 'x')", "STRING NOT NULL", "'Alice'");
    val("COALESCE(city, 'unknown')", "STRING NOT NULL", "'unknown'");
    val("COALESCE(NULL, NULL)", "NULL", "NULL");
    val("COALESCE(n_int, n_big, 3)", "BIGINT NOT NULL", "3");
    val("COALESCE(n_int, 2.5)", "DECIMAL(11, 1) NOT NULL", "2.5");
    val("COALESCE(n_dec, price)", "DECIMAL(10, 2)", "12.34");
    val("COALESCE(n_dbl, qty)", "DOUBLE", "7");
    val("COALESCE(qty, 1 / 0)", "INT NOT NULL", "7");
    val("COALESCE(n_ts, ts)", "TIMESTAMP(3)", "2024-03-15 13:45:30.250");
    val("IFNULL(city, 'x')", "STRING NOT NULL", "'x'");
    val("NULLIF(qty, 7)", "INT", "NULL");
    val("NULLIF(qty, 8)", "INT", "7");
    val("NULLIF(name, 'Alice')", "STRING", "NULL");
    val("NULLIF(name, 'Bob')", "STRING", "'Alice'");
    val("NULLIF(n_int, 1)", "INT", "NULL");
    val("NULLIF(qty, NULL)", "INT", "7");
    val("NULLIF(qty, 7.0)", "INT", "NULL");
    val("NULLIF(1, 1)", "INT", "NULL");
    val("NULLIF(price, 0)", "DECIMAL(10, 2)", "12.34");
}

void castCases()
{
    val("CAST(qty AS BIGINT)", "BIGINT", "7");
    val("CAST(qty AS DOUBLE)", "DOUBLE", "7");
    val("CAST(qty AS DECIMAL(5, 2))", "DECIMAL(5, 2)", "7.00");
    val("CAST(price AS INT)", "INT", "12");
    val("CAST(-12.99 AS INT)", "INT NOT NULL", "-12");
    val("CAST(price AS DOUBLE)", "DOUBLE", "12.34");
    val("CAST(rate AS DECIMAL(3, 2))", "DECIMAL(3, 2)", "0.50");
    val("CAST(2.675e0 AS DECIMAL(4, 2))", "DECIMAL(4, 2) NOT NULL", "2.68");
    val("CAST(price AS DECIMAL(4, 1))", "DECIMAL(4, 1)", "12.3");
    val("CAST(12.35 AS DECIMAL(4, 1))", "DECIMAL(4, 1) NOT NULL", "12.4");
    val("CAST(-12.35 AS DECIMAL(4, 1))", "DECIMAL(4, 1) NOT NULL", "-12.4");
    val("CAST(rate AS INT)", "INT", "0");
    val("CAST(-1.9e0 AS INT)", "INT NOT NULL", "-1");
    val("CAST(TRUE AS INT)", "INT NOT NULL", "1");
    val("CAST(FALSE AS DECIMAL(3, 1))", "DECIMAL(3, 1) NOT NULL", "0.0");
    val("CAST(1 AS BOOLEAN)", "BOOLEAN NOT NULL", "TRUE");
    val("CAST(0 AS BOOLEAN)", "BOOLEAN NOT NULL", "FALSE");
    val("CAST(0.0e0 AS BOOLEAN)", "BOOLEAN NOT NULL", "FALSE");
    val("CAST(' 42 ' AS INT)", "INT NOT NULL", "42");
    val("CAST('-17' AS BIGINT)", "BIGINT NOT NULL", "-17");
    val("CAST('1.9' AS INT)", "INT NOT NULL", "1");
    val("CAST('12.345' AS DECIMAL(5, 2))", "DECIMAL(5, 2) NOT NULL", "12.35");
    val("CAST('1e2' AS DECIMAL(5, 1))", "DECIMAL(5, 1) NOT NULL", "100.0");
    val("CAST('1.5' AS DOUBLE)", "DOUBLE NOT NULL", "1.5");
    val("CAST('1e3' AS DOUBLE)", "DOUBLE NOT NULL", "1000");
    val("CAST('-Infinity' AS DOUBLE) < 0", "BOOLEAN NOT NULL", "TRUE");
    val("CAST('true' AS BOOLEAN)", "BOOLEAN NOT NULL", "TRUE");
    val("CAST('NO' AS BOOLEAN)", "BOOLEAN NOT NULL", "FALSE");
    val("CAST('2024-01-02 03:04:05' AS TIMESTAMP(3))", "TIMESTAMP(3) NOT NULL",
        "2024-01-02 03:04:05.000");
    val("CAST('2024-01-02T03:04:05.5' AS TIMESTAMP)", "TIMESTAMP(3) NOT NULL",
        "2024-01-02 03:04:05.500");
    val("CAST(dstr AS TIMESTAMP(3))", "TIMESTAMP(3)", "2024-03-15 13:45:30.000");
    val("CAST(qty AS STRING)", "STRING", "'7'");
    val("CAST(price AS STRING)", "STRING", "'12.34'");
    val("CAST(rate AS STRING)", "STRING", "'0.5'");
    val("CAST(1e7 AS STRING)", "STRING NOT NULL", "'1.0E7'");
    val("CAST(100e0 AS STRING)", "STRING NOT NULL", "'100.0'");
    val("CAST(0.001e0 AS STRING)", "STRING NOT NULL", "'0.001'");
    val("CAST(1.5e-5 AS STRING)", "STRING NOT NULL", "'1.5E-5'");
    val("CAST(TRUE AS STRING)", "STRING NOT NULL", "'TRUE'");
    val("CAST(ts AS STRING)", "STRING", "'2024-03-15 13:45:30.250'");
    val("CAST(0e0 / 0 AS STRING)", "STRING NOT NULL", "'NaN'");
    val("CAST(1e0 / 0 AS STRING)", "STRING NOT NULL", "'Infinity'");
    val("CAST(-1e0 / 0 AS STRING)", "STRING NOT NULL", "'-Infinity'");
    val("CAST(qty AS VARCHAR(10))", "STRING", "'7'");
    val("CAST(name AS STRING)", "STRING", "'Alice'");
    val("CAST(payload AS STRING)", "STRING", "'raw'");
    val("CAST(name AS BYTES)", "BYTES", "'Alice'");
    val("CAST(NULL AS INT)", "INT", "NULL");
    val("CAST(n_int AS STRING)", "STRING", "NULL");
    val("CAST(ts AS TIMESTAMP(3) WITHOUT TIME ZONE)", "TIMESTAMP(3)", "2024-03-15 13:45:30.250");
    val("CAST(CAST(qty AS STRING) AS INT) + 1", "INT", "8");
    val("cast(qty as double precision)", "DOUBLE", "7");
    val("TRY_CAST('abc' AS INT)", "INT", "NULL");
    val("TRY_CAST('12' AS INT)", "INT", "12");
    val("TRY_CAST(big AS INT)", "INT", "NULL");
    val("TRY_CAST('x' AS TIMESTAMP)", "TIMESTAMP(3)", "NULL");
    val("TRY_CAST(amount AS DECIMAL(3, 1))", "DECIMAL(3, 1)", "NULL");
    val("TRY_CAST(price AS DECIMAL(4, 1))", "DECIMAL(4, 1)", "12.3");
    val("TRY_CAST('1e400' AS DECIMAL(5, 1))", "DECIMAL(5, 1)", "NULL");
}

void stringCases()
{
    val("UPPER(name)", "STRING", "'ALICE'");
    val("LOWER(name)", "STRING", "'alice'");
    val("upper('MiXeD 123')", "STRING NOT NULL", "'MIXED 123'");
    val("UPPER(city)", "STRING", "NULL");
    val("LOWER(NULL)", "STRING", "NULL");
    val("TRIM(padded)", "STRING", "'padded'");
    val("TRIM(BOTH FROM padded)", "STRING", "'padded'");
    val("TRIM(LEADING FROM padded)", "STRING", "'padded  '");
    val("TRIM(TRAILING FROM padded)", "STRING", "'  padded'");
    val("TRIM(BOTH 'x' FROM 'xxaxx')", "STRING NOT NULL", "'a'");
    val("TRIM('x' FROM 'xxaxx')", "STRING NOT NULL", "'a'");
    val("TRIM(LEADING 'ab' FROM 'abbac')", "STRING NOT NULL", "'c'");
    val("TRIM(TRAILING '\xC3\xB6rld' FROM word)", "STRING", "'h\xC3\xA9llo w'");
    val("LTRIM(padded)", "STRING", "'padded  '");
    val("RTRIM(padded)", "STRING", "'  padded'");
    val("TRIM('   ')", "STRING NOT NULL", "''");
    val("TRIM(city)", "STRING", "NULL");
    val("CHAR_LENGTH(name)", "INT", "5");
    val("CHAR_LENGTH(word)", "INT", "11");
    val("CHARACTER_LENGTH('')", "INT NOT NULL", "0");
    val("CHAR_LENGTH(city)", "INT", "NULL");
    val("SUBSTRING(name FROM 2)", "STRING", "'lice'");
    val("SUBSTRING(name FROM 2 FOR 3)", "STRING", "'lic'");
    val("SUBSTRING(name, 1, 2)", "STRING", "'Al'");
    val("SUBSTRING(name, 0, 2)", "STRING", "'Al'");
    val("SUBSTRING(name, -3)", "STRING", "'ice'");
    val("SUBSTRING(name, -3, 2)", "STRING", "'ic'");
    val("SUBSTRING(name, 10)", "STRING", "''");
    val("SUBSTRING(name, 2, 100)", "STRING", "'lice'");
    val("SUBSTRING(name, 2, -1)", "STRING", "NULL");
    val("SUBSTRING(name, -10, 2)", "STRING", "''");
    val("SUBSTRING(word, 2, 4)", "STRING", "'\xC3\xA9llo'");
    val("SUBSTR(name, 3)", "STRING", "'ice'");
    val("SUBSTRING(city, 1)", "STRING", "NULL");
    val("SUBSTRING(name, n_int)", "STRING", "NULL");
    val("CONCAT(name, '-', Name)", "STRING", "'Alice-Bob'");
    val("CONCAT(name, city)", "STRING", "NULL");
    val("CONCAT('a')", "STRING NOT NULL", "'a'");
    val("CONCAT('a', 'b', 'c', 'd')", "STRING NOT NULL", "'abcd'");
    val("name || city", "STRING", "NULL");
    val("'a' || 'b'", "STRING NOT NULL", "'ab'");
    val("name || ' ' || Name", "STRING", "'Alice Bob'");
    val("name || CAST(qty AS STRING)", "STRING", "'Alice7'");
    val("POSITION('li' IN name)", "INT", "2");
    val("POSITION('z' IN name)", "INT", "0");
    val("POSITION('' IN name)", "INT", "1");
    val("POSITION('w\xC3\xB6' IN word)", "INT", "7");
    val("POSITION('a' IN city)", "INT", "NULL");
    val("REPLACE(name, 'li', 'LI')", "STRING", "'ALIce'");
    val("REPLACE('aaa', 'a', 'bb')", "STRING NOT NULL", "'bbbbbb'");
    val("REPLACE(name, '', 'x')", "STRING", "'Alice'");
    val("REPLACE(name, 'z', 'y')", "STRING", "'Alice'");
    val("LPAD(name, 8, '*')", "STRING", "'***Alice'");
    val("RPAD(name, 8, 'ab')", "STRING", "'Aliceaba'");
    val("LPAD(name, 3, '*')", "STRING", "'Ali'");
    val("LPAD(name, -1, '*')", "STRING", "NULL");
    val("LPAD(name, 8, '')", "STRING", "NULL");
    val("RPAD('', 2, '\xC3\xA9')", "STRING", "'\xC3\xA9\xC3\xA9'");
}

void numericCases()
{
    val("ABS(neg)", "INT", "7");
    val("ABS(-2.5)", "DECIMAL(2, 1) NOT NULL", "2.5");
    val("ABS(-rate)", "DOUBLE", "0.5");
    val("ABS(n_int)", "INT", "NULL");
    val("ABS(id)", "BIGINT NOT NULL", "42");
    val("ROUND(price)", "DECIMAL(9, 0)", "12");
    val("ROUND(price, 1)", "DECIMAL(10, 1)", "12.3");
    val("ROUND(12.35, 1)", "DECIMAL(4, 1) NOT NULL", "12.4");
    val("ROUND(-12.35, 1)", "DECIMAL(4, 1) NOT NULL", "-12.4");
    val("ROUND(12.345, 2)", "DECIMAL(5, 2) NOT NULL", "12.35");
    val("ROUND(price, 5)", "DECIMAL(10, 2)", "12.34");
    val("ROUND(1234.5, -2)", "DECIMAL(5, 0) NOT NULL", "1200");
    val("ROUND(149.5, -2)", "DECIMAL(4, 0) NOT NULL", "100");
    val("ROUND(99.95, 1)", "DECIMAL(4, 1) NOT NULL", "100.0");
    val("ROUND(1250, -2)", "INT NOT NULL", "1300");
    val("ROUND(-1250, -2)", "INT NOT NULL", "-1300");
    val("ROUND(1249, -2)", "INT NOT NULL", "1200");
    val("ROUND(qty, -1)", "INT", "10");
    val("ROUND(qty, 2)", "INT", "7");
    val("ROUND(rate)", "DOUBLE", "1");
    val("ROUND(2.5e0)", "DOUBLE NOT NULL", "3");
    val("ROUND(-2.5e0)", "DOUBLE NOT NULL", "-3");
    val("ROUND(2.675e0, 2)", "DOUBLE NOT NULL", "2.68");
    val("ROUND(1.005e0, 2)", "DOUBLE NOT NULL", "1.01");
    val("ROUND(1234.5678e0, -2)", "DOUBLE NOT NULL", "1200");
    val("ROUND(n_dec, 1)", "DECIMAL(10, 1)", "NULL");
    val("ROUND(qty, n_int)", "INT", "NULL");
    val("FLOOR(price)", "DECIMAL(10, 0)", "12");
    val("CEIL(price)", "DECIMAL(10, 0)", "13");
    val("CEILING(price)", "DECIMAL(10, 0)", "13");
    val("FLOOR(-12.5)", "DECIMAL(3, 0) NOT NULL", "-13");
    val("CEIL(-12.5)", "DECIMAL(3, 0) NOT NULL", "-12");
    val("CEIL(12.00)", "DECIMAL(4, 0) NOT NULL", "12");
    val("FLOOR(rate)", "DOUBLE", "0");
    val("CEIL(rate)", "DOUBLE", "1");
    val("FLOOR(qty)", "INT", "7");
    val("POWER(2, 10)", "DOUBLE NOT NULL", "1024");
    val("POWER(qty, 2)", "DOUBLE", "49");
    val("POWER(2, -1)", "DOUBLE NOT NULL", "0.5");
    val("POWER(price, 2)", "DOUBLE", "152.2756");
    val("SQRT(16)", "DOUBLE NOT NULL", "4");
    val("SQRT(rate * 8)", "DOUBLE", "2");
    val("CAST(SQRT(-1) AS STRING)", "STRING NOT NULL", "'NaN'");
    val("LN(1)", "DOUBLE NOT NULL", "0");
    val("EXP(0)", "DOUBLE NOT NULL", "1");
    val("LOG10(1000)", "DOUBLE NOT NULL", "3");
    val("LOG2(8)", "DOUBLE NOT NULL", "3");
    val("POWER(n_int, 2)", "DOUBLE", "NULL");
}

void timeCases()
{
    val("EXTRACT(YEAR FROM ts)", "BIGINT", "2024");
    val("EXTRACT(QUARTER FROM ts)", "BIGINT", "1");
    val("EXTRACT(MONTH FROM ts)", "BIGINT", "3");
    val("EXTRACT(WEEK FROM ts)", "BIGINT", "11");
    val("EXTRACT(DAY FROM ts)", "BIGINT", "15");
    val("EXTRACT(DOY FROM ts)", "BIGINT", "75");
    val("EXTRACT(DOW FROM ts)", "BIGINT", "6");
    val("EXTRACT(HOUR FROM ts)", "BIGINT", "13");
    val("EXTRACT(MINUTE FROM ts)", "BIGINT", "45");
    val("EXTRACT(SECOND FROM ts)", "BIGINT", "30");
    val("extract(year from ts)", "BIGINT", "2024");
    val("EXTRACT(YEAR FROM n_ts)", "BIGINT", "NULL");
    val("EXTRACT(DAY FROM TIMESTAMP '2024-02-29 00:00:00')", "BIGINT NOT NULL", "29");
    val("YEAR(ts)", "BIGINT", "2024");
    val("QUARTER(ts)", "BIGINT", "1");
    val("MONTH(ts)", "BIGINT", "3");
    val("WEEK(ts)", "BIGINT", "11");
    val("DAYOFMONTH(ts)", "BIGINT", "15");
    val("DAYOFYEAR(ts)", "BIGINT", "75");
    val("DAYOFWEEK(ts)", "BIGINT", "6");
    val("HOUR(ts)", "BIGINT", "13");
    val("MINUTE(ts)", "BIGINT", "45");
    val("SECOND(ts)", "BIGINT", "30");
    val("YEAR(TIMESTAMP '1969-12-31 23:59:59.999')", "BIGINT NOT NULL", "1969");
    val("HOUR(TIMESTAMP '1969-12-31 23:59:59.999')", "BIGINT NOT NULL", "23");
    val("SECOND(TIMESTAMP '1969-12-31 23:59:59.999')", "BIGINT NOT NULL", "59");
    val("DAYOFWEEK(TIMESTAMP '1970-01-01 00:00:00')", "BIGINT NOT NULL", "5");
    val("WEEK(TIMESTAMP '2021-01-03 00:00:00')", "BIGINT NOT NULL", "53");
    val("QUARTER(TIMESTAMP '2024-12-31 00:00:00')", "BIGINT NOT NULL", "4");
    val("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss')", "STRING", "'2024-03-15 13:45:30'");
    val("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss.SSS')", "STRING", "'2024-03-15 13:45:30.250'");
    val("DATE_FORMAT(ts, 'yyyyMMdd')", "STRING", "'20240315'");
    val("DATE_FORMAT(ts, 'dd/MM/yy')", "STRING", "'15/03/24'");
    val("DATE_FORMAT(ts, 'MMM d, yyyy')", "STRING", "'Mar 15, 2024'");
    val("DATE_FORMAT(ts, 'EEEE')", "STRING", "'Friday'");
    val("DATE_FORMAT(ts, 'EEE MMMM')", "STRING", "'Fri March'");
    val("DATE_FORMAT(ts, 'hh:mm a')", "STRING", "'01:45 PM'");
    val("DATE_FORMAT(ts, '''at'' HH')", "STRING", "'at 13'");
    val("DATE_FORMAT(ts, 'D')", "STRING", "'75'");
    val("DATE_FORMAT(ts, 'S')", "STRING", "'2'");
    val("DATE_FORMAT(ts, 'HH:mm')", "STRING", "'13:45'");
    val("DATE_FORMAT(dstr, 'yyyy/MM/dd')", "STRING", "'2024/03/15'");
    val("DATE_FORMAT(name, 'yyyy')", "STRING", "NULL");
    val("DATE_FORMAT(n_ts, 'yyyy')", "STRING", "NULL");
    val("DATE_FORMAT(TIMESTAMP '2024-01-01 00:00:00', 'yyyy')", "STRING NOT NULL", "'2024'");
    val("TO_TIMESTAMP('2024-01-02 03:04:05')", "TIMESTAMP(3)", "2024-01-02 03:04:05.000");
    val("TO_TIMESTAMP('2024-01-02 03:04:05.678')", "TIMESTAMP(3)", "2024-01-02 03:04:05.678");
    val("TO_TIMESTAMP('02/01/2024 03:04', 'dd/MM/yyyy HH:mm')", "TIMESTAMP(3)",
        "2024-01-02 03:04:00.000");
    val("TO_TIMESTAMP('20240102', 'yyyyMMdd')", "TIMESTAMP(3)", "2024-01-02 00:00:00.000");
    val("TO_TIMESTAMP('Mar 5 2024', 'MMM d yyyy')", "TIMESTAMP(3)", "2024-03-05 00:00:00.000");
    val("TO_TIMESTAMP('2024-01-02 01:02:03 PM', 'yyyy-MM-dd hh:mm:ss a')", "TIMESTAMP(3)",
        "2024-01-02 13:02:03.000");
    val("TO_TIMESTAMP('2024-01-02 12:00:00 AM', 'yyyy-MM-dd hh:mm:ss a')", "TIMESTAMP(3)",
        "2024-01-02 00:00:00.000");
    val("TO_TIMESTAMP('garbage')", "TIMESTAMP(3)", "NULL");
    val("TO_TIMESTAMP('2024-02-30 00:00:00')", "TIMESTAMP(3)", "NULL");
    val("TO_TIMESTAMP('2024-01-02', 'yyyy-MM-dd HH')", "TIMESTAMP(3)", "NULL");
    val("TO_TIMESTAMP(city)", "TIMESTAMP(3)", "NULL");
    val("TO_TIMESTAMP(dstr)", "TIMESTAMP(3)", "2024-03-15 13:45:30.000");
    val("UNIX_TIMESTAMP('1970-01-01 00:01:00')", "BIGINT NOT NULL", "60");
    val("UNIX_TIMESTAMP('2024-01-02', 'yyyy-MM-dd')", "BIGINT NOT NULL", "1704153600");
    val("UNIX_TIMESTAMP('bad')", "BIGINT NOT NULL", "-9223372036854775808");
    val("ts + INTERVAL '5' MINUTE", "TIMESTAMP(3)", "2024-03-15 13:50:30.250");
    val("ts - INTERVAL '1' HOUR", "TIMESTAMP(3)", "2024-03-15 12:45:30.250");
    val("ts + INTERVAL '1' DAY", "TIMESTAMP(3)", "2024-03-16 13:45:30.250");
    val("ts + INTERVAL '10' SECOND", "TIMESTAMP(3)", "2024-03-15 13:45:40.250");
    val("ts + INTERVAL '1.5' SECOND", "TIMESTAMP(3)", "2024-03-15 13:45:31.750");
    val("ts + INTERVAL '1' MONTH", "TIMESTAMP(3)", "2024-04-15 13:45:30.250");
    val("ts + INTERVAL '1' YEAR", "TIMESTAMP(3)", "2025-03-15 13:45:30.250");
    val("TIMESTAMP '2024-01-31 00:00:00' + INTERVAL '1' MONTH", "TIMESTAMP(3) NOT NULL",
        "2024-02-29 00:00:00.000");
    val("TIMESTAMP '2024-02-29 00:00:00' + INTERVAL '1' YEAR", "TIMESTAMP(3) NOT NULL",
        "2025-02-28 00:00:00.000");
    val("INTERVAL '2' HOUR + ts", "TIMESTAMP(3)", "2024-03-15 15:45:30.250");
    val("ts + INTERVAL -'5' MINUTE", "TIMESTAMP(3)", "2024-03-15 13:40:30.250");
    val("ts + INTERVAL '-5' MINUTE", "TIMESTAMP(3)", "2024-03-15 13:40:30.250");
    val("ts + INTERVAL '100' DAY(3)", "TIMESTAMP(3)", "2024-06-23 13:45:30.250");
    val("ts - INTERVAL '2' MONTH", "TIMESTAMP(3)", "2024-01-15 13:45:30.250");
    val("n_ts + INTERVAL '1' DAY", "TIMESTAMP(3)", "NULL");
    val("ts + INTERVAL '1' HOUR > ts", "BOOLEAN", "TRUE");
    val("TIMESTAMPADD(HOUR, 2, ts)", "TIMESTAMP(3)", "2024-03-15 15:45:30.250");
    val("TIMESTAMPADD(DAY, -15, ts)", "TIMESTAMP(3)", "2024-02-29 13:45:30.250");
    val("TIMESTAMPADD(MONTH, 11, ts)", "TIMESTAMP(3)", "2025-02-15 13:45:30.250");
    val("TIMESTAMPADD(WEEK, 1, ts)", "TIMESTAMP(3)", "2024-03-22 13:45:30.250");
    val("TIMESTAMPADD(QUARTER, 1, ts)", "TIMESTAMP(3)", "2024-06-15 13:45:30.250");
    val("TIMESTAMPADD(YEAR, 1, TIMESTAMP '2024-02-29 12:00:00')", "TIMESTAMP(3) NOT NULL",
        "2025-02-28 12:00:00.000");
    val("TIMESTAMPADD(SECOND, qty, ts)", "TIMESTAMP(3)", "2024-03-15 13:45:37.250");
    val("TIMESTAMPADD(MINUTE, n_int, ts)", "TIMESTAMP(3)", "NULL");
}

} // namespace exprtest
