#include "expr/Parser.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace sw::runtime::expr {
namespace {

bool equalsIgnoreCase(std::string_view a, const char* b)
{
    std::size_t n = std::char_traits<char>::length(b);
    if (a.size() != n) return false;
    for (std::size_t i = 0; i < n; ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) != b[i]) return false;
    return true;
}

struct DepthGuard {
    explicit DepthGuard(int& d) : d(d) { ++d; }
    ~DepthGuard() { --d; }
    int& d;
};

} // namespace

const char* opSymbol(BinOp op)
{
    static constexpr std::array<const char*, 12> k = {"+", "-",  "*", "/",  "%", "||",
                                                      "=", "<>", "<", "<=", ">", ">="};
    return k[static_cast<std::size_t>(op)];
}

bool isReservedWord(std::string_view u)
{
    static constexpr std::array<std::string_view, 31> k = {
        "AND",     "OR",       "NOT",     "IS",        "NULL",      "TRUE",      "FALSE",
        "UNKNOWN", "IN",       "BETWEEN", "LIKE",      "ESCAPE",    "CASE",      "WHEN",
        "THEN",    "ELSE",     "END",     "CAST",      "TRY_CAST",  "AS",        "DISTINCT",
        "FROM",    "INTERVAL", "EXTRACT", "SUBSTRING", "TIMESTAMP", "SYMMETRIC", "ASYMMETRIC",
        "FOR",     "TRIM",     "POSITION"};
    return std::find(k.begin(), k.end(), u) != k.end();
}

Parser::Parser(std::string_view text) : m_text(text), m_toks(tokenize(text)) {}

const Token& Parser::peek(int ahead) const
{
    std::size_t i = std::min(m_i + static_cast<std::size_t>(ahead), m_toks.size() - 1);
    return m_toks[i];
}

Token Parser::take()
{
    Token t = m_toks[m_i];
    if (m_i + 1 < m_toks.size()) ++m_i;
    return t;
}

bool Parser::isKw(const Token& t, const char* kw) const
{
    return t.kind == Tok::Ident && equalsIgnoreCase(t.text, kw);
}

bool Parser::acceptKw(const char* kw)
{
    if (!atKw(kw)) return false;
    take();
    return true;
}

void Parser::failAt(const Token& t, std::string message) const
{
    throw CompileError{t.pos, std::move(message)};
}

void Parser::unexpected(const Token& t, const char* expectedWhat) const
{
    if (t.kind == Tok::End) failAt(t, "unexpected end of expression");
    failAt(t, std::string("expected ") + expectedWhat + ", found " + describe(t));
}

void Parser::expectKw(const char* kw, const char* context)
{
    if (acceptKw(kw)) return;
    const Token& t = peek();
    if (t.kind == Tok::End)
        failAt(t, std::string("unexpected end of expression: expected ") + kw + " " + context);
    failAt(t, std::string("expected ") + kw + " " + context + ", found " + describe(t));
}

void Parser::expect(Tok kind, const char* what, const char* context)
{
    if (peek().kind == kind) {
        take();
        return;
    }
    const Token& t = peek();
    if (t.kind == Tok::End)
        failAt(t, std::string("unexpected end of expression: expected ") + what + " " + context);
    failAt(t, std::string("expected ") + what + " " + context + ", found " + describe(t));
}

AstPtr Parser::make(AstKind kind, int pos) const
{
    auto n = std::make_unique<Ast>();
    n->kind = kind;
    n->pos = pos;
    n->opPos = pos;
    return n;
}

AstPtr Parser::finish(AstPtr node) const
{
    int h = 0;
    bool flat = node->kind == AstKind::And || node->kind == AstKind::Or;
    for (const auto& k : node->kids)
        h = std::max(h, k->height);
    node->height = h + (flat ? 0 : 1);
    if (node->height > kMaxHeight)
        throw CompileError{node->opPos, "expression is too complex (more than " +
                                            std::to_string(kMaxHeight) + " nested operations)"};
    return node;
}

AstPtr Parser::parseAll()
{
    AstPtr e = parseExpr();
    const Token& t = peek();
    if (t.kind == Tok::RParen) failAt(t, "unexpected ')' without a matching '('");
    if (t.kind != Tok::End)
        failAt(t, "unexpected " + describe(t) +
                      ": expected an operator or the end of the "
                      "expression");
    return e;
}

AstPtr Parser::parseExpr()
{
    DepthGuard g(m_depth);
    if (m_depth > kMaxDepth)
        failAt(peek(), "expression is nested too deeply (more than " + std::to_string(kMaxDepth) +
                           " levels)");
    return parseOr();
}

AstPtr Parser::parseOr()
{
    AstPtr left = parseAnd();
    if (!atKw("OR")) return left;
    AstPtr n = make(AstKind::Or, left->pos);
    n->opPos = peek().pos;
    n->kids.push_back(std::move(left));
    while (acceptKw("OR"))
        n->kids.push_back(parseAnd());
    return finish(std::move(n));
}

AstPtr Parser::parseAnd()
{
    AstPtr left = parseNot();
    if (!atKw("AND")) return left;
    AstPtr n = make(AstKind::And, left->pos);
    n->opPos = peek().pos;
    n->kids.push_back(std::move(left));
    while (acceptKw("AND"))
        n->kids.push_back(parseNot());
    return finish(std::move(n));
}

AstPtr Parser::parseNot()
{
    if (!atKw("NOT")) return parseIs();
    DepthGuard g(m_depth);
    if (m_depth > kMaxDepth)
        failAt(peek(), "expression is nested too deeply (more than " + std::to_string(kMaxDepth) +
                           " levels)");
    Token kw = take();
    AstPtr n = make(AstKind::Not, kw.pos);
    n->kids.push_back(parseNot());
    return finish(std::move(n));
}

AstPtr Parser::parseIs()
{
    AstPtr left = parseComparison();
    while (atKw("IS")) {
        Token kw = take();
        bool neg = acceptKw("NOT");
        AstPtr n = make(AstKind::IsNull, left->pos);
        n->opPos = kw.pos;
        n->negated = neg;
        if (acceptKw("NULL") || acceptKw("UNKNOWN")) {
            n->kind = AstKind::IsNull;
        } else if (acceptKw("TRUE")) {
            n->kind = AstKind::IsTrue;
        } else if (acceptKw("FALSE")) {
            n->kind = AstKind::IsFalse;
        } else if (acceptKw("DISTINCT")) {
            expectKw("FROM", "after IS [NOT] DISTINCT");
            n->kind = AstKind::IsDistinct;
            n->kids.push_back(std::move(left));
            n->kids.push_back(parseComparison());
            left = finish(std::move(n));
            continue;
        } else {
            unexpected(peek(), "NULL, TRUE, FALSE, UNKNOWN or DISTINCT FROM after IS");
        }
        n->kids.push_back(std::move(left));
        left = finish(std::move(n));
    }
    return left;
}

AstPtr Parser::parseComparison()
{
    return parseBinaryLevel(&Parser::parsePredicate, [](Tok k) -> std::optional<BinOp> {
        switch (k) {
        case Tok::Eq:
            return BinOp::Eq;
        case Tok::Ne:
            return BinOp::Ne;
        case Tok::Lt:
            return BinOp::Lt;
        case Tok::Le:
            return BinOp::Le;
        case Tok::Gt:
            return BinOp::Gt;
        case Tok::Ge:
            return BinOp::Ge;
        default:
            return std::nullopt;
        }
    });
}

AstPtr Parser::parsePredicate()
{
    AstPtr left = parseAdditive();
    bool neg = false;
    Token notTok;
    if (atKw("NOT") && (isKw(peek(1), "BETWEEN") || isKw(peek(1), "IN") || isKw(peek(1), "LIKE"))) {
        notTok = take();
        neg = true;
    }
    if (atKw("BETWEEN")) {
        Token kw = take();
        AstPtr n = make(AstKind::Between, left->pos);
        n->opPos = neg ? notTok.pos : kw.pos;
        n->negated = neg;
        if (acceptKw("SYMMETRIC"))
            n->flag = true;
        else
            acceptKw("ASYMMETRIC");
        n->kids.push_back(std::move(left));
        n->kids.push_back(parseAdditive());
        expectKw("AND", "between the bounds of BETWEEN");
        n->kids.push_back(parseAdditive());
        return finish(std::move(n));
    }
    if (atKw("IN")) {
        Token kw = take();
        AstPtr n = make(AstKind::In, left->pos);
        n->opPos = neg ? notTok.pos : kw.pos;
        n->negated = neg;
        n->kids.push_back(std::move(left));
        Token open = peek();
        expect(Tok::LParen, "'('", "after IN");
        if (peek().kind == Tok::RParen) failAt(peek(), "the IN list must not be empty");
        for (;;) {
            n->kids.push_back(parseExpr());
            if (peek().kind == Tok::Comma) {
                take();
                continue;
            }
            if (peek().kind == Tok::RParen) {
                take();
                break;
            }
            if (peek().kind == Tok::End)
                failAt(peek(), "unexpected end of expression: expected ')' to close the IN list "
                               "opened at column " +
                                   std::to_string(columnOf(m_text, open.pos)));
            failAt(peek(), "expected ',' or ')' in the IN list, found " + describe(peek()));
        }
        return finish(std::move(n));
    }
    if (atKw("LIKE")) {
        Token kw = take();
        AstPtr n = make(AstKind::Like, left->pos);
        n->opPos = neg ? notTok.pos : kw.pos;
        n->negated = neg;
        n->kids.push_back(std::move(left));
        n->kids.push_back(parseAdditive());
        if (acceptKw("ESCAPE")) n->kids.push_back(parseAdditive());
        return finish(std::move(n));
    }
    return left;
}

AstPtr Parser::parseAdditive()
{
    return parseBinaryLevel(&Parser::parseMultiplicative, [](Tok k) -> std::optional<BinOp> {
        switch (k) {
        case Tok::Plus:
            return BinOp::Add;
        case Tok::Minus:
            return BinOp::Sub;
        default:
            return std::nullopt;
        }
    });
}

AstPtr Parser::parseMultiplicative()
{
    return parseBinaryLevel(&Parser::parseUnary, [](Tok k) -> std::optional<BinOp> {
        switch (k) {
        case Tok::Star:
            return BinOp::Mul;
        case Tok::Slash:
            return BinOp::Div;
        case Tok::Percent:
            return BinOp::Mod;
        case Tok::Concat:
            return BinOp::Concat;
        default:
            return std::nullopt;
        }
    });
}

AstPtr Parser::parseBinaryLevel(AstPtr (Parser::*next)(), std::optional<BinOp> (*opOf)(Tok))
{
    AstPtr left = (this->*next)();
    for (;;) {
        std::optional<BinOp> op = opOf(peek().kind);
        if (!op) return left;
        Token t = take();
        AstPtr n = make(AstKind::Binary, left->pos);
        n->op = *op;
        n->opPos = t.pos;
        n->kids.push_back(std::move(left));
        n->kids.push_back((this->*next)());
        left = finish(std::move(n));
    }
}

AstPtr Parser::parseUnary()
{
    Tok k = peek().kind;
    if (k != Tok::Minus && k != Tok::Plus) return parsePrimary();
    DepthGuard g(m_depth);
    if (m_depth > kMaxDepth)
        failAt(peek(), "expression is nested too deeply (more than " + std::to_string(kMaxDepth) +
                           " levels)");
    Token sign = take();
    Tok nk = peek().kind;
    if (nk == Tok::Integer || nk == Tok::Decimal || nk == Tok::Double) {
        Token num = take();
        return parseNumber(num, k == Tok::Minus, sign.pos);
    }
    AstPtr operand = parseUnary();
    AstPtr n = make(AstKind::Neg, sign.pos);
    n->flag = k == Tok::Plus; // unary plus: type-checked as numeric, value unchanged
    n->kids.push_back(std::move(operand));
    return finish(std::move(n));
}

} // namespace sw::runtime::expr
