// SQL LIKE: '%' matches any sequence, '_' exactly one character (code point), an optional
// ESCAPE character makes the next '%', '_' or escape literal. Literal patterns are compiled once
// and common shapes ('abc', 'abc%', '%abc', '%abc%') use direct string operations. The general
// matcher is iterative (backtracking to the last '%'), so no pattern can exhaust the stack.
#include <optional>

#include "expr/Nodes.h"
#include "util/Utf8.h"

namespace sw::runtime::expr {
namespace {

struct Elem {
    enum Kind : unsigned char { Lit, One, Many } kind;
    std::string text;
};

class LikePattern {
public:
    /// Returns an error message or "".
    std::string compile(std::string_view p, std::string_view esc)
    {
        m_elems.clear();
        if (esc.size() > 0 && utf8Next(esc, 0) != esc.size())
            return "the LIKE escape must be a single character, got '" + std::string(esc) + "'";
        for (std::size_t i = 0; i < p.size();) {
            std::size_t j = utf8Next(p, i);
            std::string_view cp = p.substr(i, j - i);
            if (!esc.empty() && cp == esc) {
                if (j >= p.size()) return "LIKE pattern ends with the escape character";
                std::size_t k = utf8Next(p, j);
                std::string_view next = p.substr(j, k - j);
                if (next != "%" && next != "_" && next != esc)
                    return "invalid escape sequence '" + std::string(cp) + std::string(next) +
                           "' in LIKE pattern";
                addLit(next);
                i = k;
                continue;
            }
            if (cp == "%") {
                if (m_elems.empty() || m_elems.back().kind != Elem::Many)
                    m_elems.push_back({Elem::Many, {}});
            } else if (cp == "_") {
                m_elems.push_back({Elem::One, {}});
            } else {
                addLit(cp);
            }
            i = j;
        }
        classify();
        return {};
    }

    bool match(std::string_view s) const
    {
        switch (m_shape) {
        case Shape::Exact:
            return s == m_lit;
        case Shape::Prefix:
            return s.substr(0, m_lit.size()) == m_lit;
        case Shape::Suffix:
            return s.size() >= m_lit.size() && s.substr(s.size() - m_lit.size()) == m_lit;
        case Shape::Contains:
            return s.find(m_lit) != std::string_view::npos;
        case Shape::Any:
            return true;
        case Shape::General:
            break;
        }
        const std::size_t n = m_elems.size();
        std::size_t ti = 0, pi = 0, starPi = n, starTi = 0;
        while (ti < s.size()) {
            if (pi < n) {
                const Elem& e = m_elems[pi];
                if (e.kind == Elem::One) {
                    ti = utf8Next(s, ti);
                    ++pi;
                    continue;
                }
                if (e.kind == Elem::Lit && s.compare(ti, e.text.size(), e.text) == 0) {
                    ti += e.text.size();
                    ++pi;
                    continue;
                }
                if (e.kind == Elem::Many) {
                    starPi = pi++;
                    starTi = ti;
                    continue;
                }
            }
            if (starPi == n) return false;
            pi = starPi + 1;
            starTi = utf8Next(s, starTi);
            ti = starTi;
        }
        while (pi < n && m_elems[pi].kind == Elem::Many)
            ++pi;
        return pi == n;
    }

private:
    enum class Shape : unsigned char { Exact, Prefix, Suffix, Contains, Any, General };

    void addLit(std::string_view cp)
    {
        if (!m_elems.empty() && m_elems.back().kind == Elem::Lit)
            m_elems.back().text += cp;
        else
            m_elems.push_back({Elem::Lit, std::string(cp)});
    }

    void classify()
    {
        auto k = [&](std::size_t i) { return m_elems[i].kind; };
        const std::size_t n = m_elems.size();
        m_shape = Shape::General;
        if (n == 0) {
            m_shape = Shape::Exact;
            m_lit.clear();
        } else if (n == 1 && k(0) == Elem::Lit) {
            m_shape = Shape::Exact;
            m_lit = m_elems[0].text;
        } else if (n == 1 && k(0) == Elem::Many) {
            m_shape = Shape::Any;
        } else if (n == 2 && k(0) == Elem::Lit && k(1) == Elem::Many) {
            m_shape = Shape::Prefix;
            m_lit = m_elems[0].text;
        } else if (n == 2 && k(0) == Elem::Many && k(1) == Elem::Lit) {
            m_shape = Shape::Suffix;
            m_lit = m_elems[1].text;
        } else if (n == 3 && k(0) == Elem::Many && k(1) == Elem::Lit && k(2) == Elem::Many) {
            m_shape = Shape::Contains;
            m_lit = m_elems[1].text;
        }
    }

    std::vector<Elem> m_elems;
    Shape m_shape = Shape::General;
    std::string m_lit;
};

class LikeNode final : public CompiledNode {
public:
    LikeNode(NodePtr s, NodePtr pattern, NodePtr escape, bool negated, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_pattern(std::move(pattern)),
          m_escape(std::move(escape)), m_neg(negated)
    {
        // Literal pattern and escape: compile once (the binder has validated them).
        if (m_pattern->isLiteral() && (!m_escape || m_escape->isLiteral())) {
            EvalError err;
            EvalContext ctx({}, err);
            std::string b1, b2;
            StrResult p = m_pattern->evalStr(ctx, b1);
            StrResult e = m_escape ? m_escape->evalStr(ctx, b2) : StrResult::of("");
            if (!p.null && !e.null && m_fixed.emplace().compile(p.s, e.s).empty()) return;
            m_fixed.reset();
            m_fixedNull = p.null || e.null;
        }
    }

    Scalar eval(EvalContext& ctx) const override
    {
        std::string tmp;
        StrResult s = m_s->evalStr(ctx, tmp);
        if (m_fixed) return s.null ? Scalar::none() : Scalar::ofBool(m_fixed->match(s.s) != m_neg);
        if (m_fixedNull) return Scalar::none();
        std::string b1, b2;
        StrResult p = m_pattern->evalStr(ctx, b1);
        StrResult e = m_escape ? m_escape->evalStr(ctx, b2) : StrResult::of("");
        if (s.null || p.null || e.null) return Scalar::none();
        LikePattern pat;
        std::string error = pat.compile(p.s, e.s);
        if (!error.empty()) return ctx.fail(error);
        return Scalar::ofBool(pat.match(s.s) != m_neg);
    }

private:
    NodePtr m_s, m_pattern, m_escape;
    bool m_neg;
    std::optional<LikePattern> m_fixed;
    bool m_fixedNull = false;
};

} // namespace

std::string checkLikePattern(std::string_view pattern, std::string_view escape)
{
    return LikePattern().compile(pattern, escape);
}

NodePtr makeLike(NodePtr s, NodePtr pattern, NodePtr escape, bool negated, DataType t)
{
    return std::make_unique<LikeNode>(std::move(s), std::move(pattern), std::move(escape), negated,
                                      t);
}

} // namespace sw::runtime::expr
