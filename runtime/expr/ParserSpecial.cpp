// Functions with special SQL syntax: EXTRACT(unit FROM x), SUBSTRING(s FROM a FOR b),
// TRIM([BOTH|LEADING|TRAILING] [chars] FROM s), POSITION(a IN b), INTERVAL '5' MINUTE and
// TIMESTAMP '...' literals.
#include <algorithm>
#include <cctype>
#include <cstdlib>

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

const std::initializer_list<std::string_view> kExtractUnits = {
    "YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "DOY", "DOW", "HOUR", "MINUTE", "SECOND"};

} // namespace

AstPtr Parser::parseExtract(const Token& name)
{
    AstPtr n = make(AstKind::Call, name.pos);
    n->name = "EXTRACT";
    Token open = take();
    Token unit = peek();
    if (unit.kind != Tok::Ident) unexpected(unit, "a time unit in EXTRACT");
    take();
    n->unit = upper(unit.text);
    n->opPos = unit.pos;
    if (!isOneOf(n->unit, kExtractUnits))
        failAt(unit, "unsupported time unit '" + unit.text +
                         "' in EXTRACT (expected YEAR, QUARTER, MONTH, WEEK, DAY, DOY, DOW, "
                         "HOUR, MINUTE or SECOND)");
    expectKw("FROM", "after the time unit in EXTRACT");
    n->kids.push_back(parseExpr());
    closeCall(name, open, 1);
    return finish(std::move(n));
}

AstPtr Parser::parseSubstring(const Token& name)
{
    AstPtr n = make(AstKind::Call, name.pos);
    n->name = "SUBSTRING";
    Token open = take();
    n->kids.push_back(parseExpr());
    if (acceptKw("FROM")) {
        n->kids.push_back(parseExpr());
        if (acceptKw("FOR")) n->kids.push_back(parseExpr());
    } else {
        while (peek().kind == Tok::Comma) {
            take();
            n->kids.push_back(parseExpr());
        }
    }
    closeCall(name, open, n->kids.size());
    return finish(std::move(n));
}

AstPtr Parser::parseTrim(const Token& name)
{
    // TRIM([[BOTH|LEADING|TRAILING] [chars] FROM] s); kids = [s, chars?].
    AstPtr n = make(AstKind::Call, name.pos);
    n->name = "TRIM";
    n->unit = "BOTH";
    Token open = take();
    AstPtr chars;
    bool sideGiven = false;
    for (const char* side : {"BOTH", "LEADING", "TRAILING"})
        if (!sideGiven && acceptKw(side)) {
            n->unit = side;
            sideGiven = true;
        }
    AstPtr s;
    if (sideGiven && acceptKw("FROM")) {
        s = parseExpr();
    } else {
        AstPtr first = parseExpr();
        if (acceptKw("FROM")) {
            chars = std::move(first);
            s = parseExpr();
        } else if (sideGiven) {
            unexpected(peek(), "FROM in TRIM");
        } else {
            s = std::move(first);
        }
    }
    n->kids.push_back(std::move(s));
    if (chars) n->kids.push_back(std::move(chars));
    closeCall(name, open, 1);
    return finish(std::move(n));
}

AstPtr Parser::parsePosition(const Token& name)
{
    AstPtr n = make(AstKind::Call, name.pos);
    n->name = "POSITION";
    Token open = take();
    n->kids.push_back(parseAdditive());
    expectKw("IN", "in POSITION(substring IN string)");
    n->kids.push_back(parseExpr());
    closeCall(name, open, 2);
    return finish(std::move(n));
}

AstPtr Parser::parseTimestampLiteral(const Token& kw)
{
    if (peek().kind != Tok::String)
        failAt(kw, "expected a string after TIMESTAMP, e.g. TIMESTAMP '2024-01-01 00:00:00' "
                   "(write `" +
                       kw.text + "` for a column with that name)");
    Token s = take();
    std::int64_t millis = 0;
    if (!parseTimestamp(s.text, millis))
        failAt(s,
               "invalid TIMESTAMP literal '" + s.text + "' (expected 'yyyy-MM-dd HH:mm:ss[.SSS]')");
    AstPtr n = make(AstKind::Literal, kw.pos);
    n->value = Value::timestamp(millis);
    n->type = DataType::timestamp().withNullable(false);
    return finish(std::move(n));
}

AstPtr Parser::parseInterval(const Token& kw)
{
    bool neg = false;
    if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) neg = take().kind == Tok::Minus;
    if (peek().kind != Tok::String)
        failAt(peek().kind == Tok::End ? peek() : kw,
               "expected a quoted amount after INTERVAL, e.g. INTERVAL '5' MINUTE");
    Token amount = take();
    Token unitTok = peek();
    if (unitTok.kind != Tok::Ident)
        unexpected(unitTok, "an INTERVAL unit (YEAR, MONTH, DAY, "
                            "HOUR, MINUTE or SECOND)");
    take();
    std::string unit = upper(unitTok.text);
    if (!isOneOf(unit, {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"}))
        failAt(unitTok, "unsupported INTERVAL unit '" + unitTok.text +
                            "' (expected YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)");
    int precision = 2;
    if (peek().kind == Tok::LParen) {
        take();
        Token p = peek();
        if (p.kind != Tok::Integer || p.text.size() > 2) unexpected(p, "an interval precision");
        take();
        precision = std::atoi(p.text.c_str());
        if (precision < 1 || precision > 9) failAt(p, "interval precision must be between 1 and 9");
        expect(Tok::RParen, "')'", "after the interval precision");
    }
    if (atKw("TO"))
        failAt(peek(), "compound INTERVAL qualifiers (e.g. DAY TO SECOND) are not supported; "
                       "use a single unit");
    // Amount: [+-]digits[.fraction] (fraction only for SECOND, at most milliseconds).
    std::string_view a = amount.text;
    while (!a.empty() && a.front() == ' ')
        a.remove_prefix(1);
    while (!a.empty() && a.back() == ' ')
        a.remove_suffix(1);
    if (!a.empty() && (a.front() == '-' || a.front() == '+')) {
        if (a.front() == '-') neg = !neg;
        a.remove_prefix(1);
    }
    auto dot = a.find('.');
    std::string_view whole = a.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : a.substr(dot + 1);
    bool ok = !whole.empty() && whole.find_first_not_of("0123456789") == std::string_view::npos &&
              frac.find_first_not_of("0123456789") == std::string_view::npos &&
              (dot == std::string_view::npos || (unit == "SECOND" && !frac.empty()));
    if (!ok) failAt(amount, "invalid INTERVAL amount '" + amount.text + "' for unit " + unit);
    std::size_t firstSig = whole.find_first_not_of('0');
    std::size_t sigDigits = firstSig == std::string_view::npos ? 0 : whole.size() - firstSig;
    if (static_cast<int>(sigDigits) > precision)
        failAt(amount, "INTERVAL amount '" + amount.text + "' exceeds the precision of " + unit +
                           "(" + std::to_string(precision) + "); write " + unit + "(" +
                           std::to_string(sigDigits) + ")");
    if (frac.size() > 3) failAt(amount, "INTERVAL seconds support at most 3 fractional digits");
    std::int64_t w = 0;
    for (char c : whole)
        w = w * 10 + (c - '0');
    std::int64_t ms = 0;
    for (std::size_t k = 0; k < 3; ++k)
        ms = ms * 10 + (k < frac.size() ? frac[k] - '0' : 0);
    std::int64_t v = 0;
    if (unit == "YEAR")
        v = w * 12;
    else if (unit == "MONTH")
        v = w;
    else if (unit == "DAY")
        v = w * 86400000;
    else if (unit == "HOUR")
        v = w * 3600000;
    else if (unit == "MINUTE")
        v = w * 60000;
    else
        v = w * 1000 + ms;
    AstPtr n = make(AstKind::Interval, kw.pos);
    n->unit = unit;
    n->value = Value::integer(neg ? -v : v);
    return finish(std::move(n));
}

} // namespace sw::runtime::expr
