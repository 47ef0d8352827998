#pragma once
// Recursive-descent parser with Calcite's operator precedence (lowest first):
//   OR < AND < NOT < IS ... < comparisons < BETWEEN/IN/LIKE < + - < * / % || < unary - +
// Recursion is bounded (kMaxDepth) so hostile input cannot overflow the stack, and so is the
// height of the resulting tree (kMaxHeight; AND/OR chains are flattened and do not count).
#include <optional>
#include <string_view>
#include <vector>

#include "expr/Ast.h"
#include "expr/Lexer.h"

namespace sw::runtime::expr {

inline constexpr int kMaxDepth = 200;
inline constexpr int kMaxHeight = 1000;

class Parser {
public:
    explicit Parser(std::string_view text);
    /// Parses the whole text. Throws CompileError.
    AstPtr parseAll();

private:
    const Token& peek(int ahead = 0) const;
    Token take();
    bool isKw(const Token& t, const char* kw) const;
    bool atKw(const char* kw) const { return isKw(peek(), kw); }
    bool acceptKw(const char* kw);
    void expectKw(const char* kw, const char* context);
    void expect(Tok kind, const char* what, const char* context);
    [[noreturn]] void failAt(const Token& t, std::string message) const;
    [[noreturn]] void unexpected(const Token& t, const char* expectedWhat) const;

    AstPtr make(AstKind kind, int pos) const;
    AstPtr finish(AstPtr node) const; // computes height, enforces kMaxHeight

    AstPtr parseExpr();
    AstPtr parseOr();
    AstPtr parseAnd();
    AstPtr parseNot();
    AstPtr parseIs();
    AstPtr parseComparison();
    AstPtr parsePredicate();
    AstPtr parseAdditive();
    AstPtr parseMultiplicative();
    /// One left-associative binary level: operands from `next`, operators mapped by `opOf`.
    AstPtr parseBinaryLevel(AstPtr (Parser::*next)(), std::optional<BinOp> (*opOf)(Tok));
    AstPtr parseUnary();
    AstPtr parsePrimary();

    // ParserPrimary.cpp
    AstPtr parseNumber(const Token& t, bool negative, int pos);
    AstPtr parseIdentifier();
    AstPtr parseParenthesized();
    AstPtr parseCase();
    AstPtr parseCast(bool tryCast);
    DataType parseTypeName();
    AstPtr parseCall(const Token& name);
    void closeCall(const Token& name, const Token& open, std::size_t argCount);
    // ParserSpecial.cpp
    AstPtr parseExtract(const Token& name);
    AstPtr parseSubstring(const Token& name);
    AstPtr parseTrim(const Token& name);
    AstPtr parsePosition(const Token& name);
    AstPtr parseInterval(const Token& kw);
    AstPtr parseTimestampLiteral(const Token& kw);

    std::string_view m_text;
    std::vector<Token> m_toks;
    std::size_t m_i = 0;
    int m_depth = 0;
};

/// Reserved words that cannot be used as plain column names (write them `quoted`).
bool isReservedWord(std::string_view upperName);

} // namespace sw::runtime::expr
