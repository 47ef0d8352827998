// Every compile-time and runtime error message, with the exact 1-based column of compile errors
// (fixture in tst_expr_support.h).
#include "tst_expr_support.h"

namespace exprtest {

void syntaxErrorCases()
{
    cerr("", "unexpected end of expression", 1);
    cerr("   ", "unexpected end of expression", 4);
    cerr("--5", "unexpected end of expression", 4);
    cerr("(1 + 2", "unexpected end of expression: expected ')' to close the '(' at column 1", 7);
    cerr("(1 + 2 3", "expected ')' to close the '(' at column 1, found '3'", 8);
    cerr("(1, 2)", "unexpected ',' inside parentheses (row values are not supported)", 3);
    cerr("1 +", "unexpected end of expression", 4);
    cerr("1 2", "unexpected '2': expected an operator or the end of the expression", 3);
    cerr("qty > 5 name", "unexpected 'name': expected an operator or the end of the expression", 9);
    cerr("qty NOT 5", "unexpected 'NOT': expected an operator or the end of the expression", 5);
    cerr("'abc", "unterminated string literal", 1);
    cerr("name = 'it''s", "unterminated string literal", 8);
    cerr("`abc", "unterminated quoted identifier", 1);
    cerr("``", "empty quoted identifier", 1);
    cerr("1 /* open", "unterminated comment", 3);
    cerr("a # b", "unexpected character '#'", 3);
    cerr("qty == 7", "unexpected '=='; use '=' to compare", 5);
    cerr("qty & 1", "unexpected character '&'; use AND", 5);
    cerr("qty | 1", "unexpected character '|'; use OR, or '||' to concatenate strings", 5);
    cerr("!active", "unexpected character '!'; use NOT for negation", 1);
    cerr("\"name\" = 'x'",
         "unexpected character '\"'; use 'single quotes' for strings and `backquotes` for column "
         "names",
         1);
    cerr("1e", "invalid number '1e': missing exponent digits", 1);
    cerr("12abc", "invalid number '12a'", 1);
    cerr(")", "expected an expression, found ')'", 1);
    cerr("1)", "unexpected ')' without a matching '('", 2);
    cerr("* 2", "expected an expression before operator '*'", 1);
    cerr("qty > = 1", "expected an expression before operator '='", 7);
    cerr("qty IN ()", "the IN list must not be empty", 9);
    cerr("qty IN (1, 2",
         "unexpected end of expression: expected ')' to close the IN list opened at column 8", 13);
    cerr("qty IN (1 2)", "expected ',' or ')' in the IN list, found '2'", 11);
    cerr("qty IN 1", "expected '(' after IN, found '1'", 8);
    cerr("qty BETWEEN 1",
         "unexpected end of expression: expected AND between the bounds of BETWEEN", 14);
    cerr("qty BETWEEN 1 OR 2", "expected AND between the bounds of BETWEEN, found 'OR'", 15);
    cerr("qty IS 5", "expected NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS, found '5'", 8);
    cerr("qty IS DISTINCT 5", "expected FROM after IS [NOT] DISTINCT, found '5'", 17);
    cerr("CASE qty END", "expected WHEN in CASE, found 'END'", 10);
    cerr("CASE END", "expected WHEN, found 'END'", 6);
    cerr("CASE WHEN TRUE THEN 1",
         "unexpected end of expression: expected END to close the CASE at column 1", 22);
    cerr("CASE WHEN TRUE 1 END", "expected THEN after the WHEN condition, found '1'", 16);
    cerr("CASE WHEN TRUE THEN 1 ELSE 2",
         "unexpected end of expression: expected END to close the "
         "CASE at column 1",
         29);
    cerr("END", "unexpected END without a matching CASE", 1);
    cerr("CAST(qty INT)", "expected AS in CAST(value AS type), found 'INT'", 10);
    cerr("CAST(qty AS)", "expected a type name, found ')'", 12);
    cerr("CAST(qty AS FOO)",
         "unknown data type 'FOO' (expected BOOLEAN, INT, BIGINT, DOUBLE, DECIMAL(p,s), STRING, "
         "BYTES or TIMESTAMP(3))",
         13);
    cerr("CAST(qty AS DECIMAL(20, 2))", "DECIMAL precision must be between 1 and 18, got 20", 13);
    cerr("CAST(ts AS TIMESTAMP(9))", "only TIMESTAMP(3) is supported, got TIMESTAMP(9)", 12);
    cerr("CAST(qty AS INT", "unexpected end of expression: expected ')' after the type in CAST",
         16);
    cerr("CAST qty", "expected '(' after CAST", 6);
    cerr("TRY_CAST(qty AS)", "expected a type name, found ')'", 16);
    cerr("UPPER(name", "unexpected end of expression: expected ')' to close UPPER( at column 6",
         11);
    cerr("CONCAT(name name)", "expected ')' or ',' after argument 1 of CONCAT, found 'name'", 13);
    cerr("COUNT(*)", "'*' is only allowed in COUNT(*), which is an aggregate", 7);
    cerr("COUNT(DISTINCT qty)", "DISTINCT is only allowed in aggregate functions", 7);
    cerr("EXTRACT(FOO FROM ts)",
         "unsupported time unit 'FOO' in EXTRACT (expected YEAR, QUARTER, MONTH, WEEK, DAY, DOY, "
         "DOW, HOUR, MINUTE or SECOND)",
         9);
    cerr("EXTRACT(YEAR ts)", "expected FROM after the time unit in EXTRACT, found 'ts'", 14);
    cerr("SUBSTRING(name FROM)", "expected an expression, found ')'", 20);
    cerr("TRIM(LEADING name)", "expected FROM in TRIM, found ')'", 18);
    cerr("POSITION('a' name)", "expected IN in POSITION(substring IN string), found 'name'", 14);
    cerr("ts + INTERVAL '5' MINUTES",
         "unsupported INTERVAL unit 'MINUTES' (expected YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)",
         19);
    cerr("ts + INTERVAL '100' DAY",
         "INTERVAL amount '100' exceeds the precision of DAY(2); write DAY(3)", 15);
    cerr("ts + INTERVAL 'x' DAY", "invalid INTERVAL amount 'x' for unit DAY", 15);
    cerr("ts + INTERVAL '1.5' MINUTE", "invalid INTERVAL amount '1.5' for unit MINUTE", 15);
    cerr("ts + INTERVAL '1' DAY TO HOUR",
         "compound INTERVAL qualifiers (e.g. DAY TO SECOND) are not supported; use a single unit",
         23);
    cerr("ts + INTERVAL 5 MINUTE",
         "expected a quoted amount after INTERVAL, e.g. INTERVAL '5' MINUTE", 6);
    cerr("TIMESTAMP '2024-13-01 00:00:00'",
         "invalid TIMESTAMP literal '2024-13-01 00:00:00' (expected 'yyyy-MM-dd HH:mm:ss[.SSS]')",
         11);
    cerr("TIMESTAMP '2023-02-29 00:00:00'",
         "invalid TIMESTAMP literal '2023-02-29 00:00:00' (expected 'yyyy-MM-dd HH:mm:ss[.SSS]')",
         11);
    cerr("timestamp > 5",
         "expected a string after TIMESTAMP, e.g. TIMESTAMP '2024-01-01 00:00:00' (write "
         "`timestamp` for a column with that name)",
         1);
    cerr("DATE '2024-01-01'", "DATE literals are not supported (use TIMESTAMP '...')", 1);
    cerr("CURRENT_TIMESTAMP",
         "CURRENT_TIMESTAMP is not allowed: expressions must be deterministic (use the record's "
         "event-time column instead)",
         1);
    cerr("ts > current_date",
         "CURRENT_DATE is not allowed: expressions must be deterministic (use the record's "
         "event-time column instead)",
         6);
    cerr("99999999999999999999",
         "integer literal 99999999999999999999 is out of range for BIGINT (use a DECIMAL or DOUBLE "
         "literal)",
         1);
    cerr("-9223372036854775809",
         "integer literal -9223372036854775809 is out of range for BIGINT (use a DECIMAL or DOUBLE "
         "literal)",
         2);
    cerr("1.0000000000000000001",
         "decimal literal 1.0000000000000000001 needs more than 18 digits; use a DOUBLE literal "
         "instead (e.g. 1.0000000000000000001E0)",
         1);
    cerr("1e999", "numeric literal 1e999 is out of range for DOUBLE", 1);
    cerr("qty AND", "unexpected end of expression", 8);
    cerr("name.first", "qualified names (name.first) are not supported; refer to columns by name",
         5);
    cerr("AND",
         "expected an expression, found keyword AND (write `AND` for a column with that name)", 1);
    cerr("qty = from",
         "expected an expression, found keyword FROM (write `from` for a column with "
         "that name)",
         7);
    cerr("'h\xC3\xA9llo' = qtx", "unknown column 'qtx' (did you mean 'qty'?)", 11);
}

void typeErrorCases()
{
    cerr("amout + 1", "unknown column 'amout' (did you mean 'amount'?)", 1);
    cerr("qty + nme", "unknown column 'nme' (did you mean 'name'?)", 7);
    cerr("NAME = 'x'", "unknown column 'NAME' (did you mean 'name'?)", 1);
    cerr("`Qty`", "unknown column 'Qty' (did you mean 'qty'?)", 1);
    cerr("xyz", "unknown column 'xyz'", 1);
    cerr("name + 1", "cannot apply '+' to STRING and INT", 6);
    cerr("name + name", "cannot apply '+' to STRING and STRING (use || to concatenate strings)", 6);
    cerr("ts + 1",
         "cannot apply '+' to TIMESTAMP(3) and INT (use ts + INTERVAL '1' DAY or "
         "TIMESTAMPADD)",
         4);
    cerr("ts - ts",
         "cannot apply '-' to TIMESTAMP(3) and TIMESTAMP(3) (use ts + INTERVAL '1' DAY "
         "or TIMESTAMPADD)",
         4);
    cerr("active * 2", "cannot apply '*' to BOOLEAN and INT", 8);
    cerr("NULL + NULL", "cannot apply '+' to NULL and NULL (use CAST(NULL AS type))", 6);
    cerr("rate % 2",
         "'%' (MOD) needs exact numeric operands (INT, BIGINT or DECIMAL), got DOUBLE "
         "and INT",
         6);
    cerr("name = 1", "cannot compare STRING with INT in '='", 6);
    cerr("qty < 'a'", "cannot compare INT with STRING in '<'", 5);
    cerr("ts = '2024-01-01'", "cannot compare TIMESTAMP(3) with STRING in '='", 4);
    cerr("active = 1", "cannot compare BOOLEAN with INT in '='", 8);
    cerr("payload = name", "cannot compare BYTES with STRING in '='", 9);
    cerr("qty IN (1, 'a')", "cannot compare INT with STRING in IN list", 12);
    cerr("qty BETWEEN 'a' AND 2", "cannot compare INT with STRING in BETWEEN", 13);
    cerr("qty IS DISTINCT FROM 'a'", "cannot compare INT with STRING in IS DISTINCT FROM", 5);
    cerr("name || 1", "cannot apply '||' to STRING and INT (use CAST(... AS STRING))", 6);
    cerr("qty AND TRUE", "operand of AND must be BOOLEAN, got INT", 1);
    cerr("TRUE OR name", "operand of OR must be BOOLEAN, got STRING", 9);
    cerr("NOT qty", "operand of NOT must be BOOLEAN, got INT", 5);
    cerr("qty IS TRUE", "operand of IS TRUE must be BOOLEAN, got INT", 1);
    cerr("name IS NOT FALSE", "operand of IS NOT FALSE must be BOOLEAN, got STRING", 1);
    cerr("-name", "operand of unary '-' must be numeric, got STRING", 1);
    cerr("+active", "operand of unary '+' must be numeric, got BOOLEAN", 1);
    cerr("qty LIKE 'a'", "LIKE operand must be STRING, got INT", 1);
    cerr("name LIKE 5", "LIKE pattern must be STRING, got INT", 11);
    cerr("name LIKE 'a!' ESCAPE '!'", "LIKE pattern ends with the escape character", 11);
    cerr("name LIKE 'a!b' ESCAPE '!'", "invalid escape sequence '!b' in LIKE pattern", 11);
    cerr("name LIKE 'a' ESCAPE 'ab'", "the LIKE escape must be a single character, got 'ab'", 22);
    cerr("CASE WHEN qty THEN 1 END", "WHEN condition must be BOOLEAN, got INT", 11);
    cerr("CASE WHEN active THEN 1 ELSE 'x' END",
         "CASE branches have incompatible types INT and STRING", 30);
    cerr("CASE qty WHEN 'a' THEN 1 END", "cannot compare INT with STRING in CASE ... WHEN", 15);
    cerr("CAST(active AS TIMESTAMP)", "cannot cast BOOLEAN to TIMESTAMP(3)", 1);
    cerr("CAST(ts AS BIGINT)", "cannot cast TIMESTAMP(3) to BIGINT", 1);
    cerr("TRY_CAST(ts AS INT)", "cannot TRY_CAST TIMESTAMP(3) to INT", 1);
    cerr("FOO(1)", "unknown function FOO", 1);
    cerr("UPPR(name)", "unknown function UPPR (did you mean UPPER?)", 1);
    cerr("substrng(name, 1)", "unknown function SUBSTRNG (did you mean SUBSTRING?)", 1);
    cerr("UPPER(name, 1)", "function UPPER expects 1 argument, got 2", 1);
    cerr("UPPER()", "function UPPER expects 1 argument, got 0", 1);
    cerr("ROUND(price, 1, 2)", "function ROUND expects 1 or 2 arguments, got 3", 1);
    cerr("CONCAT()", "function CONCAT expects at least 1 argument, got 0", 1);
    cerr("SUBSTRING(name)", "function SUBSTRING expects 2 or 3 arguments, got 1", 1);
    cerr("UPPER(qty)", "argument 1 of UPPER must be STRING, got INT", 7);
    cerr("CONCAT(name, qty)", "argument 2 of CONCAT must be STRING, got INT", 14);
    cerr("SUBSTRING(name, 'a')", "argument 2 of SUBSTRING must be INT or BIGINT, got STRING", 17);
    cerr("SUBSTRING(name FROM 1.5)",
         "argument 2 of SUBSTRING must be INT or BIGINT, got DECIMAL(2, 1)", 21);
    cerr("ABS(name)", "argument 1 of ABS must be numeric, got STRING", 5);
    cerr("YEAR(name)", "argument 1 of YEAR must be TIMESTAMP(3), got STRING", 6);
    cerr("EXTRACT(YEAR FROM qty)", "argument 1 of EXTRACT must be TIMESTAMP(3), got INT", 19);
    cerr("DATE_FORMAT(qty, 'yyyy')",
         "argument 1 of DATE_FORMAT must be TIMESTAMP(3) or STRING, got INT", 13);
    cerr("DATE_FORMAT(ts, 'yyyy-MM-dd Q')",
         "unsupported letter 'Q' in date-time pattern (supported: y M d H h m s S D E a)", 17);
    cerr("DATE_FORMAT(ts, 'dddd')", "too many pattern letters 'dddd'", 17);
    cerr("DATE_FORMAT(ts, 'yyyy''')", "unterminated quote in date-time pattern", 17);
    cerr("DATE_FORMAT(ts, '[yyyy]')", "unsupported character '[' in date-time pattern", 17);
    cerr("TO_TIMESTAMP(name, 'yyyy-MM-dd x')",
         "unsupported letter 'x' in date-time pattern (supported: y M d H h m s S D E a)", 20);
    cerr("IF(qty, 1, 2)", "argument 1 of IF must be BOOLEAN, got INT", 4);
    cerr("IF(active, 1, 'a')", "the branches of IF have incompatible types INT and STRING", 15);
    cerr("COALESCE(qty, 'a')", "arguments of COALESCE have incompatible types INT and STRING", 15);
    cerr("NULLIF(qty, 'a')", "cannot compare INT with STRING in NULLIF", 13);
    cerr("MOD(rate, 2)",
         "MOD needs exact numeric arguments (INT, BIGINT or DECIMAL), got DOUBLE and INT", 1);
    cerr("ABS(NULL)", "cannot infer the type of NULL in ABS (use CAST(NULL AS type))", 5);
    cerr("ROUND(price, qty)",
         "the number of decimal places of ROUND must be a constant for a DECIMAL argument", 14);
    cerr("NOW()",
         "NOW() is not allowed: expressions must be deterministic (use the record's "
         "event-time column instead)",
         1);
    cerr("RAND() > 0.5",
         "RAND() is not allowed: expressions must be deterministic (use the "
         "record's event-time column instead)",
         1);
    cerr("UNIX_TIMESTAMP()",
         "UNIX_TIMESTAMP() is not allowed: expressions must be deterministic "
         "(use the record's event-time column instead)",
         1);
    cerr("SUM(qty)",
         "aggregate/window function SUM is not allowed in a row expression (use a "
         "window aggregate node)",
         1);
    cerr("TIMESTAMPADD(CENTURY, 1, ts)",
         "unsupported time unit 'CENTURY' in TIMESTAMPADD (expected YEAR, QUARTER, MONTH, WEEK, "
         "DAY, HOUR, MINUTE, SECOND or MILLISECOND)",
         14);
    cerr("TIMESTAMPADD(DAY, 1, qty)", "argument 2 of TIMESTAMPADD must be TIMESTAMP(3), got INT",
         22);
    cerr("TIMESTAMPADD(DAY 1, ts)", "expected ',' after the time unit of TIMESTAMPADD, found '1'",
         18);
    cerr("TIMESTAMPDIFF(DAY, ts, ts)", "TIMESTAMPDIFF is not supported yet", 1);
    cerr("INTERVAL '1' DAY",
         "an INTERVAL can only be added to or subtracted from a TIMESTAMP (e.g. "
         "ts + INTERVAL '5' MINUTE)",
         1);
    cerr("qty + INTERVAL '1' DAY", "cannot apply '+' to INT and an INTERVAL (needs TIMESTAMP(3))",
         5);
    cerr("INTERVAL '1' DAY - ts",
         "cannot subtract a TIMESTAMP from an INTERVAL (write ts - INTERVAL ...)", 18);
    cerr("INTERVAL '1' DAY + INTERVAL '1' DAY",
         "cannot combine two INTERVAL values; add each to a TIMESTAMP", 18);
    cerr("CAST(NULL AS INT) + 'a'", "cannot apply '+' to INT and STRING", 19);
    cerr("qty > 0 AND UPPER(qty) = 'X'", "argument 1 of UPPER must be STRING, got INT", 19);
}

void runtimeErrorCases()
{
    rerr("qty / 0", "division by zero");
    rerr("qty % 0", "division by zero");
    rerr("MOD(qty, 0)", "division by zero");
    rerr("price / 0", "division by zero");
    rerr("amount % 0", "division by zero");
    rerr("price / (qty - 7)", "division by zero");
    rerr("big + 1", "integer overflow in '+' (BIGINT)");
    rerr("imax + 1", "integer overflow in '+' (INT)");
    rerr("imax * 2", "integer overflow in '*' (INT)");
    rerr("-big - 2", "integer overflow in '-' (BIGINT)");
    rerr("big * big", "integer overflow in '*' (BIGINT)");
    rerr("(-2147483647 - 1) / -1", "integer overflow in '/' (INT)");
    rerr("-(-2147483648)", "integer overflow in unary '-' (INT)");
    rerr("ABS(-2147483648)", "integer overflow in ABS (INT)");
    rerr("price * big", "numeric overflow in '*': result does not fit DECIMAL(18, 2)");
    rerr("CAST('abc' AS INT)", "cannot cast 'abc' to INT");
    rerr("CAST('' AS BIGINT)", "cannot cast '' to BIGINT");
    rerr("CAST('3000000000' AS INT)", "value '3000000000' is out of range for INT");
    rerr("CAST(big AS INT)", "value 9223372036854775807 is out of range for INT");
    rerr("CAST(1e300 AS BIGINT)", "value 1.0E300 is out of range for BIGINT");
    rerr("CAST(0e0 / 0 AS INT)", "cannot cast NaN to INT");
    rerr("CAST(amount AS DECIMAL(3, 1))", "value 100.50 is out of range for DECIMAL(3, 1)");
    rerr("CAST('12345.6' AS DECIMAL(4, 1))", "value '12345.6' is out of range for DECIMAL(4, 1)");
    rerr("CAST('1,5' AS DOUBLE)", "cannot cast '1,5' to DOUBLE");
    rerr("CAST('x' AS TIMESTAMP(3))", "cannot cast 'x' to TIMESTAMP(3)");
    rerr("CAST('2024-02-30 00:00:00' AS TIMESTAMP)",
         "cannot cast '2024-02-30 00:00:00' to TIMESTAMP(3)");
    rerr("CAST('maybe' AS BOOLEAN)", "cannot cast 'maybe' to BOOLEAN");
    rerr("CAST(name || 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' AS INT)",
         "cannot cast 'Alicexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' to INT");
    rerr("TIMESTAMPADD(YEAR, 2147483647, ts)", "timestamp arithmetic overflow");
    rerr("TIMESTAMPADD(SECOND, big, ts)", "timestamp arithmetic overflow");
    rerr("LPAD(name, 2000000, 'x')", "LPAD length 2000000 exceeds the limit of 1048576");
    // Output that would grow exponentially with nesting is cut off.
    rerr("REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(name, 'l', "
         "'llllllllll'), 'l', 'llllllllll'), 'l', 'llllllllll'), 'l', 'llllllllll'), 'l', "
         "'llllllllll'), 'l', 'llllllllll'), 'l', 'llllllllll'), 'l', 'llllllllll')",
         "REPLACE result exceeds the limit of 16 MiB");
    rerr("name LIKE name ESCAPE 'l'", "invalid escape sequence 'li' in LIKE pattern");
    rerr("DATE_FORMAT(ts, name)",
         "unsupported letter 'A' in date-time pattern (supported: y M d H h m s S D E a)");
    rerr("CASE WHEN qty > 0 THEN 1 / 0 ELSE 0 END", "division by zero");
    rerr("1 / 0 = 1 AND FALSE", "division by zero");
    rerr("(qty / 0) IS NULL", "division by zero");
    rerr("ROUND(big, -1)", "numeric overflow in ROUND (BIGINT)");
}

} // namespace exprtest
