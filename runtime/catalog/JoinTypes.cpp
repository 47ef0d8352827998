// Join node types: regular join, interval join, window join, temporal (versioned table) join.
#include <set>

#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

std::vector<PropertySpec> keyProps()
{
    return {
        P("left_keys", "Left keys", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .required()
            .port(0)
            .doc("Equality key columns of the left input"),
        P("right_keys", "Right keys", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .required()
            .port(1)
            .doc("Equality key columns of the right input (same count and types)"),
    };
}

/// Checks the equality keys and builds left columns + right columns (right names that collide
/// are prefixed with "right_").
std::optional<Schema> joinSchema(DeriveContext& ctx, const Schema& l, const Schema& r)
{
    auto lk = checkFieldList(ctx, "left_keys", l, false);
    auto rk = checkFieldList(ctx, "right_keys", r, false);
    auto lv = ctx.prop("left_keys"), rv = ctx.prop("right_keys");
    if (!lv.is_array() || lv.empty() || !rv.is_array() || rv.empty()) {
        ctx.error("left_keys",
                  "a join needs an equality key on both sides (left_keys and right_keys)");
        return std::nullopt;
    }
    if (lv.size() != rv.size()) {
        ctx.error("right_keys", "left_keys and right_keys must have the same number of columns");
        return std::nullopt;
    }
    for (std::size_t i = 0; i < lk.size() && i < rk.size(); ++i) {
        const Field& a = l[static_cast<std::size_t>(lk[i])];
        const Field& b = r[static_cast<std::size_t>(rk[i])];
        bool ok = a.type.sameKind(b.type) || (a.type.isNumeric() && b.type.isNumeric());
        if (!ok)
            ctx.error("right_keys", "key " + a.name + " (" + a.type.toString() + ") cannot equal " +
                                        b.name + " (" + b.type.toString() + ")");
    }
    Schema o;
    std::set<std::string> names;
    for (const auto& f : l.fields()) {
        o.add(f.name, f.type);
        names.insert(f.name);
    }
    for (const auto& f : r.fields()) {
        std::string n = names.count(f.name) ? "right_" + f.name : f.name;
        names.insert(n);
        o.add(n, f.type);
    }
    return o;
}

NodeType joinBase(std::string name, std::string display, std::string desc)
{
    NodeType t;
    t.name = std::move(name);
    t.displayName = std::move(display);
    t.category = Category::Joins;
    t.icon = t.name;
    t.description = std::move(desc);
    t.inputs = {in("left"), in("right")};
    t.outputs = {out(), errorsPort()};
    return t;
}

void requireRowtime(DeriveContext& ctx, const Schema& s, const char* side)
{
    if (s.rowtime().empty())
        ctx.error(side,
                  std::string("the ") + side +
                      " input has no event-time attribute: set a watermark strategy upstream");
}

void deriveWindowJoin(DeriveContext& ctx)
{
    const std::int64_t size = durationProp(ctx, "size");
    if (size <= 0) ctx.error("size", "must be greater than 0");
    const nlohmann::json window = ctx.prop("window");
    if (window == "session")
        ctx.error("window", "session windows are not supported by the window join (Flink merges "
                            "sessions per side before joining); use tumbling or hop");
    if (window == "hop") {
        const std::int64_t slide = durationProp(ctx, "slide");
        if (slide <= 0)
            ctx.error("slide", "hop windows need a slide greater than 0");
        else if (size > 0 && (slide > size || size % slide != 0))
            ctx.error("slide", "the size must be a whole multiple of the slide (as Flink's HOP)");
    }
    const Schema *l = ctx.input(0), *r = ctx.input(1);
    if (!l || !r) return;
    requireRowtime(ctx, *l, "left");
    requireRowtime(ctx, *r, "right");
    auto s = joinSchema(ctx, *l, *r);
    if (!s) return;
    const std::string type =
        ctx.prop("join_type").is_string() ? ctx.prop("join_type").get<std::string>() : "";
    const bool leftOnly = type == "semi" || type == "anti";
    const bool leftNull = type == "right" || type == "full";
    const bool rightNull = type == "left" || type == "full";
    Schema o;
    o.add("window_start", DataType::timestamp().withNullable(false));
    o.add("window_end", DataType::timestamp().withNullable(false));
    const std::size_t width = leftOnly ? l->size() : s->size();
    for (std::size_t i = 0; i < width; ++i) {
        const Field& f = (*s)[i];
        const bool pad = i < l->size() ? leftNull : rightNull;
        if (f.name == "window_start" || f.name == "window_end")
            ctx.error("left_keys", "inputs must not have a column named " + f.name);
        else
            o.add(f.name, pad ? f.type.withNullable(true) : f.type);
    }
    ctx.setOutput(0, std::move(o));
}

} // namespace

void registerJoinTypes(std::vector<NodeType>& types)
{
    NodeType interval = joinBase(
        "interval-join", "Interval Join",
        "Joins records with equal keys whose event times satisfy "
        "l.ts + lower <= r.ts <= l.ts + upper (bounds inclusive); output time max(l.ts, r.ts).");
    interval.properties = keyProps();
    interval.properties.push_back(P("lower_bound", "Lower bound", PropertyType::Duration)
                                      .def("-5 min")
                                      .doc("r.ts >= l.ts + lower bound (may be negative)"));
    interval.properties.push_back(P("upper_bound", "Upper bound", PropertyType::Duration)
                                      .def("5 min")
                                      .doc("r.ts <= l.ts + upper bound"));
    interval.properties.push_back(parallelismProp());
    interval.deriveSchema = [](DeriveContext& ctx) {
        const Schema *l = ctx.input(0), *r = ctx.input(1);
        if (durationProp(ctx, "lower_bound") > durationProp(ctx, "upper_bound"))
            ctx.error("lower_bound", "lower bound must not exceed upper bound");
        if (!l || !r) return;
        requireRowtime(ctx, *l, "left");
        requireRowtime(ctx, *r, "right");
        if (auto s = joinSchema(ctx, *l, *r)) {
            s->setRowtime(l->rowtime());
            ctx.setOutput(0, std::move(*s));
        }
    };
    interval.changelog =
        changelog_rules::appendOnly("an interval join buffers insert-only rows by time",
                                    "use a regular join for updating input");
    interval.stateful = true;
    interval.flinkSql = FlinkSqlExport::IntervalJoin;
    types.push_back(interval);

    NodeType window = joinBase(
        "window-join", "Window Join",
        "Joins records with equal keys that fall into the same tumbling or hop window (Flink's "
        "window join); results are emitted when the window closes and carry window_start and "
        "window_end.");
    window.properties = keyProps();
    window.properties.push_back(P("window", "Window", PropertyType::Choice)
                                    .def("tumbling")
                                    .choices({"tumbling", "hop"})
                                    .doc("Tumbling: one window per record; hop: size / slide "
                                         "windows per record (session windows: not supported)"));
    window.properties.push_back(P("size", "Window size", PropertyType::Duration)
                                    .def("1 min")
                                    .required()
                                    .doc("Window length"));
    window.properties.push_back(P("slide", "Slide", PropertyType::Duration)
                                    .def("0 ms")
                                    .doc("Hop windows: distance between window starts"));
    window.properties.push_back(
        P("join_type", "Join type", PropertyType::Choice)
            .def("inner")
            .choices({"inner", "left", "right", "full", "semi", "anti"})
            .doc("Outer sides keep unmatched rows padded with NULLs; semi keeps left rows with a "
                 "match in the window, anti those without (left columns only)"));
    window.properties.push_back(parallelismProp());
    window.deriveSchema = [](DeriveContext& ctx) { deriveWindowJoin(ctx); };
    window.changelog =
        changelog_rules::appendOnly("a window join buffers insert-only rows per window",
                                    "use a regular join for updating input");
    window.stateful = true;
    window.flinkSql = FlinkSqlExport::WindowJoin;
    types.push_back(window);

    NodeType temporal = joinBase(
        "temporal-join", "Temporal Join",
        "Enriches each left (probe) record with the right (versioned table) row valid at the "
        "probe's event time, keyed by the right side's primary key.");
    temporal.properties = keyProps();
    temporal.properties.push_back(
        P("join_type", "Join type", PropertyType::Choice)
            .def("inner")
            .choices({"inner", "left"})
            .doc("Inner drops probes with no version; left keeps them with NULLs"));
    temporal.properties.push_back(parallelismProp());
    temporal.deriveSchema = [](DeriveContext& ctx) {
        const Schema *l = ctx.input(0), *r = ctx.input(1);
        if (!l || !r) return;
        requireRowtime(ctx, *l, "left");
        requireRowtime(ctx, *r, "right");
        if (auto s = joinSchema(ctx, *l, *r)) {
            if (ctx.prop("join_type") == "left") {
                Schema n;
                for (std::size_t i = 0; i < s->size(); ++i)
                    n.add((*s)[i].name,
                          i >= l->size() ? (*s)[i].type.withNullable(true) : (*s)[i].type);
                *s = std::move(n);
            }
            s->setRowtime(l->rowtime());
            ctx.setOutput(0, std::move(*s));
        }
    };
    temporal.changelog = changelog_rules::versionedTableJoin();
    temporal.stateful = true;
    temporal.flinkSql = FlinkSqlExport::TemporalJoin;
    types.push_back(temporal);

    NodeType regular = joinBase(
        "join", "Join",
        "Regular join on equality keys (Flink's JOIN ... ON on streams): both sides are kept in "
        "state; inner, left, right or full outer. Accepts updating input and emits a retract "
        "stream (an outer row padded with NULLs is retracted when its first match arrives).");
    regular.properties = keyProps();
    regular.properties.push_back(P("join_type", "Join type", PropertyType::Choice)
                                     .def("inner")
                                     .choices({"inner", "left", "right", "full"})
                                     .doc("Outer sides keep unmatched rows, padded with NULLs"));
    regular.properties.push_back(
        P("state_ttl", "State TTL", PropertyType::Duration)
            .def("0 ms")
            .doc("Forget a key's rows on one side this long (processing time) after their last "
                 "update (Flink's table.exec.state.ttl); 0 = keep state forever"));
    regular.properties.push_back(parallelismProp());
    regular.deriveSchema = [](DeriveContext& ctx) {
        if (durationProp(ctx, "state_ttl") < 0) ctx.error("state_ttl", "must not be negative");
        const Schema *l = ctx.input(0), *r = ctx.input(1);
        if (!l || !r) return;
        if (auto s = joinSchema(ctx, *l, *r)) {
            const std::string type = ctx.prop("join_type").get<std::string>();
            const bool leftNull = type == "right" || type == "full";
            const bool rightNull = type == "left" || type == "full";
            Schema n; // no time attribute: a regular join's output is not ordered by time
            for (std::size_t i = 0; i < s->size(); ++i) {
                const bool pad = i < l->size() ? leftNull : rightNull;
                n.add((*s)[i].name, pad ? (*s)[i].type.withNullable(true) : (*s)[i].type);
            }
            ctx.setOutput(0, std::move(n));
        }
    };
    regular.stateful = true;
    regular.changelog = changelog_rules::retracting();
    regular.flinkSql = FlinkSqlExport::RegularJoin;
    types.push_back(regular);
}

} // namespace sw::runtime
