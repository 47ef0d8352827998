// Binding of the time functions: EXTRACT and YEAR() etc., DATE_FORMAT, TO_TIMESTAMP,
// UNIX_TIMESTAMP and TIMESTAMPADD.
#include "expr/FunctionCall.h"

namespace sw::runtime::expr::fn {
namespace {

DataType str(bool nullable)
{
    return DataType::string().withNullable(nullable);
}

TimeUnit timeUnitOf(std::string_view u)
{
    static const std::pair<std::string_view, TimeUnit> k[] = {
        {"YEAR", TimeUnit::Year},     {"QUARTER", TimeUnit::Quarter},
        {"MONTH", TimeUnit::Month},   {"WEEK", TimeUnit::Week},
        {"DAY", TimeUnit::Day},       {"DAYOFMONTH", TimeUnit::Day},
        {"DOY", TimeUnit::DayOfYear}, {"DAYOFYEAR", TimeUnit::DayOfYear},
        {"DOW", TimeUnit::DayOfWeek}, {"DAYOFWEEK", TimeUnit::DayOfWeek},
        {"HOUR", TimeUnit::Hour},     {"MINUTE", TimeUnit::Minute},
        {"SECOND", TimeUnit::Second}};
    for (const auto& [n, t] : k)
        if (n == u) return t;
    return TimeUnit::Second;
}

void checkPatternArg(Call& c, std::size_t i)
{
    if (i >= c.args.size() || !c.args[i].node->isLiteral()) return;
    EvalError err;
    EvalContext ctx({}, err);
    std::string buf;
    StrResult r = c.args[i].node->evalStr(ctx, buf);
    if (r.null) return;
    std::string msg = checkDatePattern(r.s);
    if (!msg.empty()) Binder::fail(c.pos(i), msg);
}

} // namespace

Bound extract(Call& c)
{
    TimeUnit u = timeUnitOf(c.ast.name == "EXTRACT" ? c.ast.unit : c.ast.name);
    DataType t = DataType::bigint().withNullable(c.anyNullable());
    return c.done(makeExtract(u, c.take(0), t));
}
Bound dateFormat(Call& c)
{
    checkPatternArg(c, 1);
    bool nullable = c.anyNullable() || c.type(0).kind() == TypeKind::String;
    return c.done(makeDateFormat(c.take(0), c.take(1), str(nullable)));
}
Bound toTimestamp(Call& c)
{
    checkPatternArg(c, 1);
    return c.done(makeToTimestamp(c.take(0), c.take(1), DataType::timestamp()));
}
Bound unixTimestamp(Call& c)
{
    checkPatternArg(c, 1);
    DataType t = DataType::bigint().withNullable(c.anyNullable());
    return c.done(makeUnixTimestamp(c.take(0), c.take(1), t));
}
Bound timestampAdd(Call& c)
{
    static const std::pair<std::string_view, std::int64_t> kUnits[] = {
        {"YEAR", -12},       {"QUARTER", -3},   {"MONTH", -1},
        {"WEEK", 604800000}, {"DAY", 86400000}, {"HOUR", 3600000},
        {"MINUTE", 60000},   {"SECOND", 1000},  {"MILLISECOND", 1}};
    const std::int64_t* unit = nullptr;
    for (const auto& [n, v] : kUnits)
        if (n == c.ast.unit) unit = &v;
    if (!unit)
        Binder::fail(c.ast.opPos, "unsupported time unit '" + c.ast.unit +
                                      "' in TIMESTAMPADD (expected YEAR, QUARTER, MONTH, WEEK, "
                                      "DAY, HOUR, MINUTE, SECOND or MILLISECOND)");
    bool months = *unit < 0;
    DataType t = DataType::timestamp().withNullable(c.anyNullable());
    return c.done(
        makeTimestampAdd(c.take(1), c.take(0), months ? -*unit : *unit, months, false, t));
}

} // namespace sw::runtime::expr::fn
