#include "export/SqlText.h"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "expr/Lexer.h"
#include "types/Duration.h"

namespace sw::runtime::exporting {
namespace {

bool plainIdent(std::string_view n)
{
    if (n.empty() || !(std::isalpha(static_cast<unsigned char>(n[0])) || n[0] == '_')) return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

struct Unit {
    std::int64_t ms;
    const char* name;
};
constexpr Unit kUnits[] = {
    {86400000, "DAY"}, {3600000, "HOUR"}, {60000, "MINUTE"}, {1000, "SECOND"}};

} // namespace

std::string quoteIdent(std::string_view name)
{
    if (plainIdent(name) && !isFlinkKeyword(name)) return std::string(name);
    std::string out = "`";
    for (char c : name) {
        if (c == '`') out += '`';
        out += c;
    }
    return out + "`";
}

std::string sqlString(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

std::string sqlInterval(std::int64_t millis)
{
    if (millis < 0) millis = -millis;
    std::string value;
    const char* unit = "SECOND";
    bool exact = false;
    for (const Unit& u : kUnits) {
        if (millis != 0 && millis % u.ms == 0) {
            value = std::to_string(millis / u.ms);
            unit = u.name;
            exact = true;
            break;
        }
    }
    if (!exact) {
        // Fractional seconds, e.g. 1500 ms -> '1.5' SECOND, 1 ms -> '0.001' SECOND.
        std::string frac = std::to_string(millis % 1000);
        frac.insert(0, 3 - frac.size(), '0');
        while (!frac.empty() && frac.back() == '0')
            frac.pop_back();
        value = std::to_string(millis / 1000) + (frac.empty() ? "" : "." + frac);
    }
    // Calcite's default leading precision is 2 digits: larger values need an explicit one.
    std::size_t digits = value.find('.') == std::string::npos ? value.size() : value.find('.');
    std::string u = unit;
    if (digits > 2) u += "(" + std::to_string(digits) + ")";
    return "INTERVAL '" + value + "' " + u;
}

std::string sqlShift(const std::string& column, std::int64_t millis)
{
    if (millis == 0) return column;
    return column + (millis < 0 ? " - " : " + ") + sqlInterval(millis);
}

std::string flinkDuration(std::int64_t millis)
{
    if (millis != 0 && millis % 3600000 == 0) return std::to_string(millis / 3600000) + " h";
    if (millis != 0 && millis % 60000 == 0) return std::to_string(millis / 60000) + " min";
    if (millis != 0 && millis % 1000 == 0) return std::to_string(millis / 1000) + " s";
    return std::to_string(millis) + " ms";
}

std::string identFromId(std::string_view id)
{
    std::string out;
    for (char c : id)
        out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out.insert(0, "n_");
    return out;
}

std::string exportExpression(std::string_view text, const Schema& input)
{
    std::vector<expr::Token> toks;
    try {
        toks = expr::tokenize(text);
    } catch (const expr::CompileError&) {
        return std::string(text);
    }
    std::string out;
    std::size_t copied = 0;
    for (std::size_t i = 0; i < toks.size(); ++i) {
        const expr::Token& t = toks[i];
        if (t.kind != expr::Tok::Ident || !isFlinkKeyword(t.text) || !input.find(t.text)) continue;
        bool call = i + 1 < toks.size() && toks[i + 1].kind == expr::Tok::LParen;
        bool typeName =
            i > 0 && toks[i - 1].kind == expr::Tok::Ident && iequals(toks[i - 1].text, "AS");
        bool field = i + 1 < toks.size() && toks[i + 1].kind == expr::Tok::Ident &&
                     iequals(toks[i + 1].text, "FROM"); // EXTRACT(YEAR FROM ts)
        if (call || typeName || field) continue;
        out.append(text.substr(copied, static_cast<std::size_t>(t.pos) - copied));
        out += quoteIdent(t.text);
        copied = static_cast<std::size_t>(t.pos + t.len);
    }
    out.append(text.substr(copied));
    return out;
}

} // namespace sw::runtime::exporting
