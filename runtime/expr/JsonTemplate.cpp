#include "expr/JsonTemplate.h"

#include <nlohmann/json.hpp>

namespace sw::runtime::expr {
namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// 1-based line and column of byte `pos` in `text`.
Error errorAt(std::string_view text, std::size_t pos, std::string message)
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return makeError(std::move(message), {}, line, column);
}

struct Compiler {
    std::string_view text;
    const Schema& input;
    std::vector<JsonTemplate::Part> parts;
    std::string pending;  // literal text not yet attached to a part
    std::string skeleton; // the text with placeholders blanked, for the JSON syntax check

    /// The expression of the placeholder at [open, close) ("{{" at open, "}}" at close - 2).
    Result<Expression> expression(std::size_t open, std::size_t close) const
    {
        std::size_t b = open + 2, e = close - 2;
        while (b < e && isBlank(text[b]))
            ++b;
        while (e > b && isBlank(text[e - 1]))
            --e;
        std::string raw(text.substr(b, e - b));
        if (raw.empty()) return errorAt(text, open, "empty placeholder '{{}}'");
        std::string src = raw;
        if (raw.find('\\') != std::string::npos) { // JSON escapes inside the string
            auto j = nlohmann::json::parse("\"" + raw + "\"", nullptr, false);
            if (!j.is_string()) return errorAt(text, b, "bad escape in placeholder '" + raw + "'");
            src = j.get<std::string>();
        }
        auto ex = Expression::compile(src, input);
        if (!ex) {
            std::size_t at = b + static_cast<std::size_t>(std::max(ex.error().column, 1)) - 1;
            return errorAt(text, at, "placeholder '{{ " + raw + " }}': " + ex.error().message);
        }
        return ex;
    }

    void hole(Expression e, bool typed)
    {
        JsonTemplate::Part p;
        p.literal = std::move(pending);
        pending.clear();
        p.expr = std::move(e);
        p.typed = typed;
        parts.push_back(std::move(p));
    }

    /// The JSON string whose quotes are at q0 and q1.
    Status string(std::size_t q0, std::size_t q1)
    {
        const std::size_t first = text.find("{{", q0 + 1);
        if (first == std::string_view::npos || first >= q1) {
            pending.append(text.substr(q0, q1 - q0 + 1));
            return {};
        }
        std::size_t after = q1 + 1;
        while (after < text.size() && isBlank(text[after]))
            ++after;
        if (after < text.size() && text[after] == ':')
            return errorAt(text, first, "placeholders are not allowed in object keys");
        std::size_t pos = q0; // copied up to here
        std::size_t open = first;
        while (open != std::string_view::npos && open < q1) {
            std::size_t close = text.find("}}", open + 2);
            if (close == std::string_view::npos || close + 2 > q1)
                return errorAt(text, open,
                               "placeholder '{{' is not closed with '}}' in this "
                               "string");
            close += 2;
            auto ex = expression(open, close);
            if (!ex) return ex.error();
            for (std::size_t i = open; i < close; ++i)
                skeleton[i] = 'x';
            if (open == q0 + 1 && close == q1) { // the whole string: a typed value
                hole(std::move(ex).value(), true);
                pos = q1 + 1;
                return {};
            }
            pending.append(text.substr(pos, open - pos));
            hole(std::move(ex).value(), false);
            pos = close;
            open = text.find("{{", close);
        }
        pending.append(text.substr(pos, q1 + 1 - pos));
        return {};
    }

    Status run()
    {
        skeleton.assign(text);
        std::size_t i = 0;
        while (i < text.size()) {
            char c = text[i];
            if (c == '"') {
                std::size_t j = i + 1;
                while (j < text.size() && text[j] != '"')
                    j += text[j] == '\\' ? 2 : 1;
                if (j >= text.size()) break; // unterminated: the JSON check reports it
                if (Status s = string(i, j); !s) return s;
                i = j + 1;
                continue;
            }
            if (c == '{' && i + 1 < text.size() && text[i + 1] == '{')
                return errorAt(text, i,
                               "a placeholder must stand inside a JSON string, e.g. "
                               "\"{{ amount }}\"");
            pending += c;
            ++i;
        }
        if (i < text.size()) pending.append(text.substr(i));
        try {
            [[maybe_unused]] auto parsed = nlohmann::json::parse(skeleton);
        } catch (const nlohmann::json::parse_error& e) {
            std::string what = e.what();
            if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
            return errorAt(text, e.byte ? e.byte - 1 : 0, "not valid JSON: " + what);
        }
        JsonTemplate::Part tail;
        tail.literal = std::move(pending);
        if (!tail.literal.empty()) parts.push_back(std::move(tail));
        return {};
    }
};

} // namespace

Result<JsonTemplate> JsonTemplate::compile(std::string_view text, const Schema& input)
{
    Compiler c{text, input, {}, {}, {}};
    if (Status s = c.run(); !s) return s.error();
    JsonTemplate t;
    t.m_parts = std::move(c.parts);
    return t;
}

} // namespace sw::runtime::expr
