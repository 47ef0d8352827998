// Primary expressions: numeric literals, identifiers, parentheses, CASE, CAST and plain function
// calls. Functions with special SQL syntax are in ParserSpecial.cpp.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "expr/DecimalMath.h"
#include "expr/Parser.h"

namespace sw::runtime::expr {
namespace {

std::string upper(std::string_view s)
{
    std::string r(s);
    for (auto& c : r)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

bool isOneOf(const std::string& u, std::initializer_list<std::string_view> set)
{
    return std::find(set.begin(), set.end(), u) != set.end();
}

} // namespace

AstPtr Parser::parseNumber(const Token& t, bool negative, int pos)
{
    AstPtr n = make(AstKind::Literal, pos);
    n->opPos = t.pos;
    const std::string sign = negative ? "-" : "";
    std::string text = t.text;
    if (t.kind == Tok::Double) {
        double d = std::strtod((sign + text).c_str(), nullptr);
        if (!std::isfinite(d))
            failAt(t, "numeric literal " + sign + text + " is out of range for DOUBLE");
        n->value = Value::float64(d);
        n->type = DataType::float64().withNullable(false);
        return finish(std::move(n));
    }
    // "5." is an integer literal in Calcite.
    if (t.kind == Tok::Decimal && text.back() == '.') text.pop_back();
    auto dot = text.find('.');
    if (dot == std::string::npos) {
        std::string digits = text;
        digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
        i128 v = 0;
        bool tooBig = digits.size() > 19;
        if (!tooBig)
            for (char c : digits)
                v = v * 10 + (c - '0');
        if (negative) v = -v;
        if (tooBig || v > INT64_MAX || v < INT64_MIN)
            failAt(t, "integer literal " + sign + text +
                          " is out of range for BIGINT (use a DECIMAL or DOUBLE literal)");
        bool isInt = v >= INT32_MIN && v <= INT32_MAX;
        n->value = Value::integer(static_cast<std::int64_t>(v));
        n->type = (isInt ? DataType::int32() : DataType::bigint()).withNullable(false);
        return finish(std::move(n));
    }
    // Exact decimal: DECIMAL(p, s) with p = number of digits, s = digits after the point.
    int scale = static_cast<int>(text.size() - dot - 1);
    int precision = static_cast<int>(text.size() - 1);
    std::size_t firstSig = text.find_first_not_of("0.");
    int significantInt = 0;
    if (firstSig != std::string::npos && firstSig < dot)
        significantInt = static_cast<int>(dot - firstSig);
    if (precision > kMaxDecimalPrecision) precision = std::max(significantInt + scale, 1);
    std::int64_t unscaled = 0;
    if (scale > kMaxDecimalPrecision || precision > kMaxDecimalPrecision ||
        !parseDecimalText(sign + text, precision, scale, unscaled))
        failAt(t, "decimal literal " + sign + text + " needs more than " +
                      std::to_string(kMaxDecimalPrecision) +
                      " digits; use a DOUBLE literal instead (e.g. " + text + "E0)");
    n->value = Value::decimal(unscaled, scale);
    n->type = DataType::decimal(precision, scale).withNullable(false);
    return finish(std::move(n));
}

AstPtr Parser::parsePrimary()
{
    const Token& t = peek();
    switch (t.kind) {
    case Tok::Integer:
    case Tok::Decimal:
    case Tok::Double: {
        Token num = take();
        return parseNumber(num, false, num.pos);
    }
    case Tok::String: {
        Token s = take();
        AstPtr n = make(AstKind::Literal, s.pos);
        n->value = Value::string(s.text);
        n->type = DataType::string().withNullable(false);
        return finish(std::move(n));
    }
    case Tok::QuotedIdent: {
        Token id = take();
        AstPtr n = make(AstKind::Column, id.pos);
        n->name = id.text;
        return finish(std::move(n));
    }
    case Tok::Ident:
        return parseIdentifier();
    case Tok::LParen:
        return parseParenthesized();
    case Tok::RParen:
        failAt(t, "expected an expression, found ')'");
    case Tok::End:
        failAt(t, "unexpected end of expression");
    case Tok::Eq:
    case Tok::Ne:
    case Tok::Lt:
    case Tok::Le:
    case Tok::Gt:
    case Tok::Ge:
    case Tok::Star:
    case Tok::Slash:
    case Tok::Percent:
    case Tok::Concat:
        failAt(t, "expected an expression before operator " + describe(t));
    default:
        failAt(t, "expected an expression, found " + describe(t));
    }
}

AstPtr Parser::parseParenthesized()
{
    Token open = take();
    AstPtr e = parseExpr();
    if (peek().kind == Tok::RParen) {
        take();
        return e;
    }
    if (peek().kind == Tok::Comma)
        failAt(peek(), "unexpected ',' inside parentheses (row values are not supported)");
    if (peek().kind == Tok::End)
        failAt(peek(), "unexpected end of expression: expected ')' to close the '(' at column " +
                           std::to_string(columnOf(m_text, open.pos)));
    failAt(peek(), "expected ')' to close the '(' at column " +
                       std::to_string(columnOf(m_text, open.pos)) + ", found " + describe(peek()));
}

AstPtr Parser::parseIdentifier()
{
    Token id = take();
    std::string u = upper(id.text);
    if (u == "TRUE" || u == "FALSE" || u == "NULL") {
        AstPtr n = make(AstKind::Literal, id.pos);
        if (u == "NULL") {
            n->value = Value::null();
            n->type = DataType::null();
        } else {
            n->value = Value::boolean(u == "TRUE");
            n->type = DataType::boolean().withNullable(false);
        }
        return finish(std::move(n));
    }
    if (u == "CASE") return parseCase();
    if (u == "CAST" || u == "TRY_CAST") {
        if (peek().kind != Tok::LParen) failAt(peek(), "expected '(' after " + u);
        return parseCast(u == "TRY_CAST");
    }
    if (u == "INTERVAL") return parseInterval(id);
    if (u == "TIMESTAMP") return parseTimestampLiteral(id);
    if ((u == "DATE" || u == "TIME") && peek().kind == Tok::String)
        failAt(id, u + " literals are not supported (use TIMESTAMP '...')");
    if (isOneOf(u, {"CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP",
                    "LOCALTIME", "CURRENT_ROW_TIMESTAMP"}))
        failAt(id, u + " is not allowed: expressions must be deterministic (use the record's "
                       "event-time column instead)");
    if (peek().kind == Tok::LParen) {
        if (u == "EXTRACT") return parseExtract(id);
        if (u == "SUBSTRING") return parseSubstring(id);
        if (u == "TRIM") return parseTrim(id);
        if (u == "POSITION") return parsePosition(id);
        if (!isReservedWord(u)) return parseCall(id);
    }
    if (isReservedWord(u)) {
        if (u == "END" || u == "WHEN" || u == "THEN" || u == "ELSE")
            failAt(id, "unexpected " + u + " without a matching CASE");
        failAt(id, "expected an expression, found keyword " + u + " (write `" + id.text +
                       "` for a column with that name)");
    }
    if (peek().kind == Tok::Dot)
        failAt(peek(), "qualified names (" + id.text + "." +
                           (peek(1).kind == Tok::Ident ? peek(1).text : std::string("...")) +
                           ") are not supported; refer to columns by name");
    AstPtr n = make(AstKind::Column, id.pos);
    n->name = id.text;
    return finish(std::move(n));
}

AstPtr Parser::parseCase()
{
    const Token& caseTok = m_toks[m_i - 1];
    AstPtr n = make(AstKind::Case, caseTok.pos);
    if (!atKw("WHEN")) {
        if (atKw("END") || atKw("ELSE")) unexpected(peek(), "WHEN");
        n->flag = true;
        n->kids.push_back(parseExpr());
    }
    if (!atKw("WHEN")) unexpected(peek(), "WHEN in CASE");
    while (acceptKw("WHEN")) {
        n->kids.push_back(parseExpr());
        expectKw("THEN", "after the WHEN condition");
        n->kids.push_back(parseExpr());
    }
    if (acceptKw("ELSE")) {
        n->flag2 = true;
        n->kids.push_back(parseExpr());
    }
    if (peek().kind == Tok::End)
        failAt(peek(), "unexpected end of expression: expected END to close the CASE at column " +
                           std::to_string(columnOf(m_text, caseTok.pos)));
    expectKw("END", "to close CASE");
    return finish(std::move(n));
}

AstPtr Parser::parseCast(bool tryCast)
{
    const Token& kw = m_toks[m_i - 1];
    AstPtr n = make(AstKind::Cast, kw.pos);
    n->flag = tryCast;
    take(); // (
    n->kids.push_back(parseExpr());
    expectKw("AS", tryCast ? "in TRY_CAST(value AS type)" : "in CAST(value AS type)");
    n->type = parseTypeName();
    expect(Tok::RParen, "')'", "after the type in CAST");
    return finish(std::move(n));
}

DataType Parser::parseTypeName()
{
    const Token start = peek();
    if (start.kind != Tok::Ident) unexpected(start, "a type name");
    std::string text;
    int words = 0;
    while (peek().kind == Tok::Ident && !atKw("NOT")) {
        std::string w = upper(take().text);
        if (w == "WITHOUT" || w == "WITH") { // TIMESTAMP(3) WITHOUT TIME ZONE
            if (w == "WITH") failAt(start, "TIMESTAMP WITH [LOCAL] TIME ZONE is not supported");
            expectKw("TIME", "in WITHOUT TIME ZONE");
            expectKw("ZONE", "in WITHOUT TIME ZONE");
            continue;
        }
        text += (words++ ? " " : "") + w;
        if (peek().kind == Tok::LParen) {
            text += take().text;
            while (peek().kind == Tok::Integer || peek().kind == Tok::Comma)
                text += take().text;
            if (peek().kind != Tok::RParen) unexpected(peek(), "')' in the type");
            text += take().text;
        }
    }
    if (acceptKw("NOT")) {
        expectKw("NULL", "after NOT in the type");
        text += " NOT NULL";
    }
    std::string err;
    auto t = DataType::parse(text, &err);
    if (!t) failAt(start, err);
    if (t->kind() == TypeKind::Null) failAt(start, "cannot cast to NULL");
    return *t;
}

void Parser::closeCall(const Token& name, const Token& open, std::size_t argCount)
{
    if (peek().kind == Tok::RParen) {
        take();
        return;
    }
    std::string fn = upper(name.text);
    if (peek().kind == Tok::End)
        failAt(peek(), "unexpected end of expression: expected ')' to close " + fn +
                           "( at column " + std::to_string(columnOf(m_text, open.pos)));
    failAt(peek(), "expected ')' or ',' after argument " + std::to_string(argCount) + " of " + fn +
                       ", found " + describe(peek()));
}

AstPtr Parser::parseCall(const Token& name)
{
    AstPtr n = make(AstKind::Call, name.pos);
    n->name = upper(name.text);
    Token open = take();
    if (n->name == "TIMESTAMPADD" || n->name == "TIMESTAMPDIFF") {
        Token unit = peek();
        if (unit.kind != Tok::Ident) unexpected(unit, "a time unit (DAY, HOUR, ...)");
        take();
        n->unit = upper(unit.text);
        if (n->unit == "SQL_TSI_DAY") n->unit = "DAY";
        n->opPos = unit.pos;
        expect(Tok::Comma, "','", ("after the time unit of " + n->name).c_str());
    }
    if (peek().kind == Tok::RParen) {
        take();
        return finish(std::move(n));
    }
    for (;;) {
        if (peek().kind == Tok::Star)
            failAt(peek(), "'*' is only allowed in COUNT(*), which is an aggregate");
        if (atKw("DISTINCT")) failAt(peek(), "DISTINCT is only allowed in aggregate functions");
        n->kids.push_back(parseExpr());
        if (peek().kind != Tok::Comma) break;
        take();
    }
    closeCall(name, open, n->kids.size());
    return finish(std::move(n));
}

} // namespace sw::runtime::expr
