#include "expr/Lexer.h"

#include <cctype>

#include "util/Utf8.h"

namespace sw::runtime::expr {
namespace {

bool isIdentStart(unsigned char c)
{
    return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool isIdentPart(unsigned char c)
{
    return isIdentStart(c) || std::isdigit(c) || c == '$';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

class Lexer {
public:
    explicit Lexer(std::string_view t) : m_t(t) {}

    std::vector<Token> run()
    {
        std::vector<Token> out;
        for (;;) {
            skipSpaceAndComments();
            if (m_i >= m_t.size()) break;
            out.push_back(next());
        }
        Token end;
        end.kind = Tok::End;
        end.pos = static_cast<int>(m_t.size());
        out.push_back(end);
        return out;
    }

private:
    [[noreturn]] void fail(std::size_t pos, std::string msg)
    {
        throw CompileError{static_cast<int>(pos), std::move(msg)};
    }

    char at(std::size_t i) const { return i < m_t.size() ? m_t[i] : '\0'; }

    void skipSpaceAndComments()
    {
        for (;;) {
            while (m_i < m_t.size() && std::isspace(static_cast<unsigned char>(m_t[m_i])))
                ++m_i;
            if (at(m_i) == '-' && at(m_i + 1) == '-') {
                while (m_i < m_t.size() && m_t[m_i] != '\n')
                    ++m_i;
            } else if (at(m_i) == '/' && at(m_i + 1) == '*') {
                std::size_t start = m_i;
                auto close = m_t.find("*/", m_i + 2);
                if (close == std::string_view::npos) fail(start, "unterminated comment");
                m_i = close + 2;
            } else {
                return;
            }
        }
    }

    Token make(Tok k, std::size_t start, std::string text = {})
    {
        Token t;
        t.kind = k;
        t.pos = static_cast<int>(start);
        t.len = static_cast<int>(m_i - start);
        t.text = std::move(text);
        if (t.text.empty() && k != Tok::String && k != Tok::QuotedIdent)
            t.text = std::string(m_t.substr(start, m_i - start));
        return t;
    }

    Token next()
    {
        std::size_t start = m_i;
        char c = m_t[m_i];
        if (isDigit(c) || (c == '.' && isDigit(at(m_i + 1)))) return number();
        if (isIdentStart(static_cast<unsigned char>(c))) {
            while (m_i < m_t.size() && isIdentPart(static_cast<unsigned char>(m_t[m_i])))
                ++m_i;
            return make(Tok::Ident, start, std::string(m_t.substr(start, m_i - start)));
        }
        if (c == '\'') return quoted('\'', Tok::String, "unterminated string literal");
        if (c == '`') {
            Token t = quoted('`', Tok::QuotedIdent, "unterminated quoted identifier");
            if (t.text.empty()) fail(start, "empty quoted identifier");
            return t;
        }
        ++m_i;
        switch (c) {
        case '+':
            return make(Tok::Plus, start);
        case '-':
            return make(Tok::Minus, start);
        case '*':
            return make(Tok::Star, start);
        case '/':
            return make(Tok::Slash, start);
        case '%':
            return make(Tok::Percent, start);
        case '(':
            return make(Tok::LParen, start);
        case ')':
            return make(Tok::RParen, start);
        case ',':
            return make(Tok::Comma, start);
        case '.':
            return make(Tok::Dot, start);
        case '=':
            if (at(m_i) == '=') fail(start, "unexpected '=='; use '=' to compare");
            return make(Tok::Eq, start);
        case '<':
            if (at(m_i) == '=') return ++m_i, make(Tok::Le, start);
            if (at(m_i) == '>') return ++m_i, make(Tok::Ne, start);
            return make(Tok::Lt, start);
        case '>':
            if (at(m_i) == '=') return ++m_i, make(Tok::Ge, start);
            return make(Tok::Gt, start);
        case '!':
            if (at(m_i) == '=') return ++m_i, make(Tok::Ne, start);
            fail(start, "unexpected character '!'; use NOT for negation");
        case '|':
            if (at(m_i) == '|') return ++m_i, make(Tok::Concat, start);
            fail(start, "unexpected character '|'; use OR, or '||' to concatenate strings");
        case '&':
            fail(start, "unexpected character '&'; use AND");
        case '"':
            fail(start, "unexpected character '\"'; use 'single quotes' for strings and "
                        "`backquotes` for column names");
        default:
            break;
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            fail(start, "unexpected control character (code " +
                            std::to_string(static_cast<unsigned char>(c)) + ")");
        fail(start, std::string("unexpected character '") + c + "'");
    }

    Token quoted(char q, Tok kind, const char* unterminated)
    {
        std::size_t start = m_i++;
        std::string text;
        for (;;) {
            if (m_i >= m_t.size()) fail(start, unterminated);
            char c = m_t[m_i++];
            if (c == q) {
                if (at(m_i) == q) {
                    text += q;
                    ++m_i;
                    continue;
                }
                break;
            }
            text += c;
        }
        return make(kind, start, std::move(text));
    }

    Token number()
    {
        std::size_t start = m_i;
        bool dot = false, exp = false;
        while (isDigit(at(m_i)))
            ++m_i;
        if (at(m_i) == '.') {
            dot = true;
            ++m_i;
            while (isDigit(at(m_i)))
                ++m_i;
        }
        if (at(m_i) == 'e' || at(m_i) == 'E') {
            std::size_t e = m_i++;
            if (at(m_i) == '+' || at(m_i) == '-') ++m_i;
            if (!isDigit(at(m_i)))
                fail(start, "invalid number '" + std::string(m_t.substr(start, m_i - start)) +
                                "': missing exponent digits");
            while (isDigit(at(m_i)))
                ++m_i;
            exp = true;
            (void)e;
        }
        if (isIdentStart(static_cast<unsigned char>(at(m_i))))
            fail(start, "invalid number '" + std::string(m_t.substr(start, m_i - start + 1)) + "'");
        Tok k = exp ? Tok::Double : dot ? Tok::Decimal : Tok::Integer;
        return make(k, start, std::string(m_t.substr(start, m_i - start)));
    }

    std::string_view m_t;
    std::size_t m_i = 0;
};

} // namespace

std::vector<Token> tokenize(std::string_view text)
{
    return Lexer(text).run();
}

std::string describe(const Token& t)
{
    switch (t.kind) {
    case Tok::End:
        return "end of expression";
    case Tok::String:
        return "string '" + t.text + "'";
    case Tok::QuotedIdent:
        return "`" + t.text + "`";
    default:
        return "'" + t.text + "'";
    }
}

int columnOf(std::string_view text, int bytePos)
{
    int col = 1;
    for (int i = 0; i < bytePos && i < static_cast<int>(text.size()); ++i)
        if (!isUtf8Continuation(text[static_cast<std::size_t>(i)])) ++col;
    return col;
}

} // namespace sw::runtime::expr
