// Time functions on TIMESTAMP(3) (UTC, no time zones: the runtime's timestamps are zone-less).
#include <optional>

#include "expr/Nodes.h"
#include "expr/TimeUtil.h"

namespace sw::runtime::expr {
namespace {

class ExtractNode final : public CompiledNode {
public:
    ExtractNode(TimeUnit unit, NodePtr ts, DataType t)
        : CompiledNode(t), m_unit(unit), m_ts(std::move(ts))
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        Scalar s = m_ts->eval(ctx);
        if (s.null) return s;
        switch (m_unit) {
        case TimeUnit::DayOfWeek:
            return Scalar::ofInt(dayOfWeek(s.i));
        case TimeUnit::DayOfYear:
            return Scalar::ofInt(dayOfYear(s.i));
        case TimeUnit::Week:
            return Scalar::ofInt(isoWeek(s.i));
        default:
            break;
        }
        CivilTime c = toCivil(s.i);
        switch (m_unit) {
        case TimeUnit::Year:
            return Scalar::ofInt(c.year);
        case TimeUnit::Quarter:
            return Scalar::ofInt((c.month + 2) / 3);
        case TimeUnit::Month:
            return Scalar::ofInt(c.month);
        case TimeUnit::Day:
            return Scalar::ofInt(c.day);
        case TimeUnit::Hour:
            return Scalar::ofInt(c.hour);
        case TimeUnit::Minute:
            return Scalar::ofInt(c.minute);
        default:
            return Scalar::ofInt(c.second);
        }
    }

private:
    TimeUnit m_unit;
    NodePtr m_ts;
};

/// A pattern argument: compiled once when it is a literal, else per row.
class PatternArg {
public:
    explicit PatternArg(NodePtr n) : m_node(std::move(n))
    {
        if (m_node && m_node->isLiteral()) {
            EvalError err;
            EvalContext ctx({}, err);
            std::string buf;
            StrResult r = m_node->evalStr(ctx, buf);
            if (!r.null && m_fixed.emplace().compile(r.s).empty()) return;
            m_fixed.reset();
        }
    }
    bool present() const { return m_node != nullptr; }
    /// The pattern for this row; nullptr for NULL or an invalid pattern (error recorded).
    const DatePattern* get(EvalContext& ctx, DatePattern& scratch) const
    {
        if (m_fixed) return &*m_fixed;
        std::string buf;
        StrResult r = m_node->evalStr(ctx, buf);
        if (r.null) return nullptr;
        std::string error = scratch.compile(r.s);
        if (!error.empty()) {
            ctx.fail(error);
            return nullptr;
        }
        return &scratch;
    }

private:
    NodePtr m_node;
    std::optional<DatePattern> m_fixed;
};

class DateFormatNode final : public CompiledNode {
public:
    DateFormatNode(NodePtr v, NodePtr fmt, DataType t)
        : CompiledNode(t), m_v(std::move(v)), m_fmt(std::move(fmt)),
          m_fromString(isStringKind(m_v->type().kind()))
    {
    }
    StrResult evalStr(EvalContext& ctx, std::string& buf) const override
    {
        std::int64_t millis = 0;
        if (m_fromString) {
            std::string tmp;
            StrResult s = m_v->evalStr(ctx, tmp);
            if (s.null || !parseTimestamp(s.s, millis)) return StrResult::none();
        } else {
            Scalar s = m_v->eval(ctx);
            if (s.null) return StrResult::none();
            millis = s.i;
        }
        DatePattern scratch;
        const DatePattern* p = m_fmt.get(ctx, scratch);
        if (!p) return StrResult::none();
        buf.clear();
        p->format(millis, buf);
        return StrResult::of(buf);
    }

private:
    NodePtr m_v;
    PatternArg m_fmt;
    bool m_fromString;
};

/// TO_TIMESTAMP / UNIX_TIMESTAMP: parse a string with an optional pattern.
class ParseTimeNode final : public CompiledNode {
public:
    ParseTimeNode(NodePtr s, NodePtr fmt, bool unixSeconds, DataType t)
        : CompiledNode(t), m_s(std::move(s)), m_fmt(std::move(fmt)), m_unix(unixSeconds)
    {
    }
    Scalar eval(EvalContext& ctx) const override
    {
        std::string tmp;
        StrResult s = m_s->evalStr(ctx, tmp);
        if (s.null) return Scalar::none();
        std::int64_t millis = 0;
        bool ok;
        if (m_fmt.present()) {
            DatePattern scratch;
            const DatePattern* p = m_fmt.get(ctx, scratch);
            if (!p) return Scalar::none();
            ok = p->parse(s.s, millis);
        } else {
            ok = parseTimestamp(s.s, millis);
        }
        if (m_unix) return Scalar::ofInt(ok ? floorDiv(millis, 1000) : INT64_MIN);
        return ok ? Scalar::ofInt(millis) : Scalar::none();
    }

private:
    NodePtr m_s;
    PatternArg m_fmt;
    bool m_unix;
};

} // namespace

std::string checkDatePattern(std::string_view pattern)
{
    return DatePattern().compile(pattern);
}

NodePtr makeExtract(TimeUnit unit, NodePtr ts, DataType t)
{
    return std::make_unique<ExtractNode>(unit, std::move(ts), t);
}
NodePtr makeDateFormat(NodePtr value, NodePtr format, DataType t)
{
    return std::make_unique<DateFormatNode>(std::move(value), std::move(format), t);
}
NodePtr makeToTimestamp(NodePtr s, NodePtr format, DataType t)
{
    return std::make_unique<ParseTimeNode>(std::move(s), std::move(format), false, t);
}
NodePtr makeUnixTimestamp(NodePtr s, NodePtr format, DataType t)
{
    return std::make_unique<ParseTimeNode>(std::move(s), std::move(format), true, t);
}

} // namespace sw::runtime::expr
