#pragma once
// Tokenizer for the expression language. Keywords are not distinguished here: they are plain
// identifiers that the parser matches case-insensitively; `quoted` identifiers never match.
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime::expr {

enum class Tok : unsigned char {
    End,
    Ident,       ///< text = name as written
    QuotedIdent, ///< `name`; text = unescaped name
    Integer,     ///< text = digits
    Decimal,     ///< text = digits with a '.'
    Double,      ///< text = number with an exponent
    String,      ///< text = unescaped contents
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Concat,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    LParen,
    RParen,
    Comma,
    Dot,
};

struct Token {
    Tok kind = Tok::End;
    int pos = 0; ///< byte offset of the first character
    int len = 0; ///< length in bytes
    std::string text;
};

/// Thrown inside the compiler only (never escapes Expression::compile / checkSyntax).
struct CompileError {
    int pos; ///< byte offset in the expression text
    std::string message;
};

/// Splits `text` into tokens, ending with a Tok::End token. Throws CompileError.
std::vector<Token> tokenize(std::string_view text);

/// Human-readable form of a token for messages: "')'", "'foo'", "end of expression".
std::string describe(const Token& t);

/// 1-based character column of a byte offset (UTF-8 aware).
int columnOf(std::string_view text, int bytePos);

} // namespace sw::runtime::expr
