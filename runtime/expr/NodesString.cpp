// String functions. Lengths and positions count Unicode code points of UTF-8 text (Flink counts
// characters); invalid UTF-8 never crashes, it is just counted byte by byte.
#include <algorithm>

#include "expr/Nodes.h"
#include "util/Utf8.h"

namespace sw::runtime::expr {
namespace {

constexpr std::int64_t kMaxPadLength = 1 << 20;

std::int64_t cpCount(std::string_view s)
{
    return static_cast<std::int64_t>(utf8Length(s));
}

/// Byte offset of code point number `k` (0-based), or s.size().
std::size_t cpOffset(std::string_view s, std::int64_t k)
{
    std::size_t i = 0;
    for (std::int64_t n = 0; n < k && i < s.size(); ++n)
        i = utf8Next(s, i);
    return i;
}

StrResult tooLong(EvalContext& ctx, const char* fn)
{
    return ctx.failStr(std::string(fn) + " result exceeds the limit of " +
                       std::to_string(kMaxStringBytes >> 20) + " MiB");
}

int clampInt(std::int64_t v)
{
    return static_cast<int>(std::clamp<std::int64_t>(v, INT32_MIN, INT32_MAX));
}

class ConcatNode final : public CompiledNode {
public:
    ConcatNode(std::vector<NodePtr> parts, DataType t) : CompiledNode(t), m_parts(std::move(parts))
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string out, tmp;
        for (const auto& p : m_parts) {
            StrResult r = p->evalStr(ctx, tmp);
            if (r.null) return StrResult::none();
            if (out.size() + r.s.size() > kMaxStringBytes) return tooLong(ctx, "CONCAT");
            out.append(r.s);
        }
        buf = std::move(out);
        return StrResult::of(buf);
    }

private:
    std::vector<NodePtr> m_parts;
};

class CaseConvertNode final : public CompiledNode {
public:
    CaseConvertNode(NodePtr s, bool up)
        : CompiledNode(DataType::string().withNullable(s->type().nullable())), m_s(std::move(s)),
          m_up(up)
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string tmp;
        StrResult r = m_s->evalStr(ctx, tmp);
        if (r.null) return r;
        std::string out(r.s);
        for (char& c : out) {
            if (m_up && c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 32);
            else if (!m_up && c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + 32);
        }
        buf = std::move(out);
        return StrResult::of(buf);
    }

private:
    NodePtr m_s;
    bool m_up;
};

class TrimNode final : public CompiledNode {
public:
    TrimNode(NodePtr s, NodePtr chars, int side, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_chars(std::move(chars)), m_side(side)
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string tmp, tmpChars;
        StrResult r = m_s->evalStr(ctx, tmp);
        StrResult c = m_chars ? m_chars->evalStr(ctx, tmpChars) : StrResult::of(" ");
        if (r.null || c.null) return StrResult::none();
        std::string_view s = r.s;
        auto inSet = [&](std::size_t from, std::size_t to) {
            std::string_view cp = s.substr(from, to - from);
            for (std::size_t i = 0; i < c.s.size(); i = utf8Next(c.s, i))
                if (c.s.substr(i, utf8Next(c.s, i) - i) == cp) return true;
            return false;
        };
        std::size_t b = 0, e = s.size();
        if (m_side != 2)
            while (b < e && inSet(b, utf8Next(s, b)))
                b = utf8Next(s, b);
        if (m_side != 1)
            while (e > b) {
                std::size_t start = e - 1;
                while (start > b && isUtf8Continuation(s[start]))
                    --start;
                if (!inSet(start, e)) break;
                e = start;
            }
        buf.assign(s.substr(b, e - b));
        return StrResult::of(buf);
    }

private:
    NodePtr m_s, m_chars;
    int m_side;
};

class CharLengthNode final : public CompiledNode {
public:
    explicit CharLengthNode(NodePtr s)
        : CompiledNode(DataType::int32().withNullable(s->type().nullable())), m_s(std::move(s))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        std::string tmp;
        StrResult r = m_s->evalStr(ctx, tmp);
        return r.null ? Scalar::none() : Scalar::ofInt(cpCount(r.s));
    }

private:
    NodePtr m_s;
};

/// Flink's substringSQL: 1-based start, negative start counts from the end, 0 acts as 1,
/// negative length gives NULL.
class SubstringNode final : public CompiledNode {
public:
    SubstringNode(NodePtr s, NodePtr start, NodePtr len, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_start(std::move(start)), m_len(std::move(len))
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string tmp;
        StrResult r = m_s->evalStr(ctx, tmp);
        Scalar start = m_start->eval(ctx);
        Scalar len = m_len ? m_len->eval(ctx) : Scalar::ofInt(INT32_MAX);
        if (r.null || start.null || len.null) return StrResult::none();
        std::int64_t pos = clampInt(start.i), length = clampInt(len.i);
        if (length < 0) return StrResult::none();
        std::int64_t n = cpCount(r.s), first = 0;
        if (pos > 0)
            first = pos - 1;
        else if (pos < 0)
            first = n + pos;
        if (first >= n || first < 0) {
            buf.clear();
            return StrResult::of(buf);
        }
        std::int64_t end = n - first < length ? n : first + length;
        std::size_t b = cpOffset(r.s, first);
        std::size_t e = b + cpOffset(r.s.substr(b), end - first);
        buf.assign(r.s.substr(b, e - b));
        return StrResult::of(buf);
    }

private:
    NodePtr m_s, m_start, m_len;
};

class PositionNode final : public CompiledNode {
public:
    PositionNode(NodePtr needle, NodePtr hay)
        : CompiledNode(
              DataType::int32().withNullable(needle->type().nullable() || hay->type().nullable())),
          m_needle(std::move(needle)), m_hay(std::move(hay))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        std::string t1, t2;
        StrResult n = m_needle->evalStr(ctx, t1);
        StrResult h = m_hay->evalStr(ctx, t2);
        if (n.null || h.null) return Scalar::none();
        auto at = h.s.find(n.s);
        if (at == std::string_view::npos) return Scalar::ofInt(0);
        return Scalar::ofInt(cpCount(h.s.substr(0, at)) + 1);
    }

private:
    NodePtr m_needle, m_hay;
};

class ReplaceNode final : public CompiledNode {
public:
    ReplaceNode(NodePtr s, NodePtr from, NodePtr to, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_from(std::move(from)), m_to(std::move(to))
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string t1, t2, t3;
        StrResult s = m_s->evalStr(ctx, t1), f = m_from->evalStr(ctx, t2),
                  r = m_to->evalStr(ctx, t3);
        if (s.null || f.null || r.null) return StrResult::none();
        std::string out;
        if (f.s.empty()) {
            out.assign(s.s);
        } else {
            std::size_t i = 0;
            for (;;) {
                auto at = s.s.find(f.s, i);
                if (at == std::string_view::npos) break;
                out.append(s.s.substr(i, at - i)).append(r.s);
                i = at + f.s.size();
                if (out.size() > kMaxStringBytes) return tooLong(ctx, "REPLACE");
            }
            out.append(s.s.substr(i));
        }
        buf = std::move(out);
        return StrResult::of(buf);
    }

private:
    NodePtr m_s, m_from, m_to;
};

class PadNode final : public CompiledNode {
public:
    PadNode(NodePtr s, NodePtr len, NodePtr pad, bool left, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_len(std::move(len)), m_pad(std::move(pad)),
          m_left(left)
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::string t1, t2;
        StrResult s = m_s->evalStr(ctx, t1);
        Scalar len = m_len->eval(ctx);
        StrResult pad = m_pad->evalStr(ctx, t2);
        if (s.null || len.null || pad.null || len.i < 0 || pad.s.empty()) return StrResult::none();
        if (len.i > kMaxPadLength)
            return ctx.failStr((m_left ? "LPAD" : "RPAD") + std::string(" length ") +
                               std::to_string(len.i) + " exceeds the limit of " +
                               std::to_string(kMaxPadLength));
        std::int64_t n = cpCount(s.s);
        std::string out;
        if (n >= len.i) {
            out.assign(s.s.substr(0, cpOffset(s.s, len.i)));
        } else {
            std::string fill;
            std::int64_t need = len.i - n;
            std::size_t i = 0;
            for (std::int64_t k = 0; k < need; ++k) {
                std::size_t j = utf8Next(pad.s, i);
                fill.append(pad.s.substr(i, j - i));
                i = j >= pad.s.size() ? 0 : j;
            }
            out = m_left ? fill + std::string(s.s) : std::string(s.s) + fill;
        }
        buf = std::move(out);
        return StrResult::of(buf);
    }

private:
    NodePtr m_s, m_len, m_pad;
    bool m_left;
};

} // namespace

NodePtr makeConcat(std::vector<NodePtr> parts, DataType t)
{
    return std::make_unique<ConcatNode>(std::move(parts), t);
}
NodePtr makeCaseConvert(NodePtr s, bool toUpper)
{
    return std::make_unique<CaseConvertNode>(std::move(s), toUpper);
}
NodePtr makeTrim(NodePtr s, NodePtr chars, int side, DataType t)
{
    return std::make_unique<TrimNode>(std::move(s), std::move(chars), side, t);
}
NodePtr makeCharLength(NodePtr s)
{
    return std::make_unique<CharLengthNode>(std::move(s));
}
NodePtr makeSubstring(NodePtr s, NodePtr start, NodePtr length, DataType t)
{
    return std::make_unique<SubstringNode>(std::move(s), std::move(start), std::move(length), t);
}
NodePtr makePosition(NodePtr needle, NodePtr haystack)
{
    return std::make_unique<PositionNode>(std::move(needle), std::move(haystack));
}
NodePtr makeReplace(NodePtr s, NodePtr from, NodePtr to, DataType t)
{
    return std::make_unique<ReplaceNode>(std::move(s), std::move(from), std::move(to), t);
}
NodePtr makePad(NodePtr s, NodePtr len, NodePtr pad, bool left, DataType t)
{
    return std::make_unique<PadNode>(std::move(s), std::move(len), std::move(pad), left, t);
}

} // namespace sw::runtime::expr
