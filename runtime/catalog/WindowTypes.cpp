// Window node types: tumbling, hop (sliding), session and global windows with grouped aggregates,
// and the non-windowed group aggregate (`aggregate`, Flink's GROUP BY without a window), which
// shares their aggregate functions.
#include <algorithm>
#include <set>

#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Result type of an aggregate over a column type, following Flink (precision capped at 18).
std::optional<DataType> aggregateType(const std::string& fn, const DataType* arg, std::string& err)
{
    if (fn == "COUNT" || fn == "COUNT_DISTINCT") return DataType::bigint().withNullable(false);
    if (!arg) {
        err = fn + " needs a column";
        return std::nullopt;
    }
    if (fn == "SUM" || fn == "AVG") {
        if (!arg->isNumeric()) {
            err = fn + " needs a numeric column, got " + arg->toString();
            return std::nullopt;
        }
        if (arg->kind() == TypeKind::Decimal) {
            int scale = fn == "SUM" ? arg->scale() : std::max(6, arg->scale());
            return DataType::decimal(kMaxDecimalPrecision, std::min(scale, kMaxDecimalPrecision));
        }
        return arg->withNullable(true);
    }
    if (arg->kind() == TypeKind::Bytes && (fn == "MIN" || fn == "MAX")) {
        err = fn + " cannot compare BYTES";
        return std::nullopt;
    }
    return arg->withNullable(true); // MIN, MAX, FIRST_VALUE, LAST_VALUE
}

std::vector<PropertySpec> commonWindowProps()
{
    return {
        P("keys", "Group by", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Group-by columns (empty = one group)"),
        P("aggregates", "Aggregates", PropertyType::Aggregates)
            .def(nlohmann::json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}}))
            .required()
            .doc("Aggregate functions computed per window and group"),
        P("time", "Time", PropertyType::Choice)
            .def("event-time")
            .choices({"event-time", "processing-time"})
            .doc("Assign windows by event time (needs a watermark upstream) or processing time"),
        P("allowed_lateness", "Allowed lateness", PropertyType::Duration)
            .def("0 ms")
            .doc("Keep window state this long after the watermark passes the end; records later "
                 "than that go to errors as 'late'"),
        parallelismProp(),
    };
}

/// Derives [window_start, window_end,] keys..., aggregates... and checks references (and, for
/// windows, their time settings).
void deriveWindow(DeriveContext& ctx, bool timeBounds, bool windowed = true)
{
    const Schema* s = ctx.input(0);
    if (!s) return;
    Schema o;
    std::set<std::string> names;
    if (timeBounds) {
        o.add("window_start", DataType::timestamp().withNullable(false));
        o.add("window_end", DataType::timestamp().withNullable(false));
        names = {"window_start", "window_end"};
    }
    for (int i : checkFieldList(ctx, "keys", *s, false)) {
        const Field& f = (*s)[static_cast<std::size_t>(i)];
        if (!names.insert(f.name).second) ctx.error("keys", "duplicate output column '" + f.name + "'");
        else o.add(f.name, f.type);
    }
    auto aggs = ctx.prop("aggregates");
    if (!aggs.is_array() || aggs.empty()) ctx.error("aggregates", "add at least one aggregate");
    for (std::size_t i = 0; aggs.is_array() && i < aggs.size(); ++i) {
        const auto& a = aggs[i];
        if (!a.is_object() || !a.contains("function")) continue;
        std::string fn = a["function"].get<std::string>();
        std::string col = a.contains("column") ? a["column"].get<std::string>() : std::string();
        const Field* f = nullptr;
        if (!col.empty() && col != "*") {
            f = s->find(col);
            if (!f) {
                ctx.error("aggregates", fn + "(" + col + "): unknown column '" + col + "'");
                continue;
            }
        } else if (fn != "COUNT") {
            ctx.error("aggregates", fn + " needs a column");
            continue;
        }
        std::string err;
        auto type = aggregateType(fn, f ? &f->type : nullptr, err);
        if (!type) {
            ctx.error("aggregates", err);
            continue;
        }
        std::string as = a.contains("as") ? a["as"].get<std::string>() : std::string();
        if (as.empty()) as = f ? lower(fn) + "_" + col : std::string("cnt");
        if (!isIdentifier(as)) {
            ctx.error("aggregates", "'" + as + "' is not a valid column name");
            continue;
        }
        if (!names.insert(as).second) {
            ctx.error("aggregates", "duplicate output column '" + as + "'");
            continue;
        }
        o.add(as, *type);
    }
    if (!windowed) {
        ctx.setOutput(0, std::move(o));
        return;
    }
    if (ctx.prop("time") == "event-time" && s->rowtime().empty())
        ctx.error("time", "event-time window but no watermark strategy upstream: set a source's "
                          "watermark to bounded-out-of-orderness, or use processing time");
    if (durationProp(ctx, "allowed_lateness") < 0) ctx.error("allowed_lateness", "must not be negative");
    ctx.setOutput(0, std::move(o));
}

NodeType windowBase(std::string name, std::string display, std::string desc)
{
    NodeType t;
    t.name = std::move(name);
    t.displayName = std::move(display);
    t.category = Category::Windows;
    t.icon = t.name;
    t.description = std::move(desc);
    t.inputs = {in()};
    t.outputs = {out(), errorsPort()};
    t.stateful = true;
    t.changelog = changelog_rules::appendOnly(
        "windows aggregate insert-only rows",
        "use the aggregate node (GROUP BY without a window) for updating input");
    t.flinkSql = FlinkSqlExport::Window;
    return t;
}

std::vector<PropertySpec> withCommon(std::vector<PropertySpec> specific)
{
    for (auto& p : commonWindowProps()) specific.push_back(p);
    return specific;
}

std::int64_t positiveDuration(DeriveContext& ctx, const char* prop)
{
    std::int64_t v = durationProp(ctx, prop);
    if (v <= 0) ctx.error(prop, "must be greater than 0");
    return v;
}

} // namespace

void registerWindowTypes(std::vector<NodeType>& types)
{
    NodeType tumble = windowBase("tumbling-window", "Tumbling Window",
                                 "Fixed, non-overlapping windows [start, start + size).");
    tumble.properties = withCommon({
        P("size", "Size", PropertyType::Duration).def("5 min").required().doc("Window length"),
        P("offset", "Offset", PropertyType::Duration).def("0 ms").doc("Shift window starts").advanced(),
    });
    tumble.deriveSchema = [](DeriveContext& ctx) {
        std::int64_t size = positiveDuration(ctx, "size");
        std::int64_t off = durationProp(ctx, "offset");
        if (size > 0 && (off >= size || off <= -size))
            ctx.error("offset", "offset must be smaller than the window size");
        deriveWindow(ctx, true);
    };
    tumble.window = WindowKind::Tumbling;
    types.push_back(tumble);

    NodeType hop = windowBase("hop-window", "Hop Window",
                              "Sliding windows of a given size every slide; each record belongs to "
                              "size / slide windows.");
    hop.properties = withCommon({
        P("size", "Size", PropertyType::Duration).def("10 s").required().doc("Window length"),
        P("slide", "Slide", PropertyType::Duration).def("2 s").required().doc("Distance between window starts"),
    });
    hop.deriveSchema = [](DeriveContext& ctx) {
        std::int64_t size = positiveDuration(ctx, "size");
        std::int64_t slide = positiveDuration(ctx, "slide");
        if (size > 0 && slide > 0 && size % slide != 0)
            ctx.error("slide", "the size must be a whole multiple of the slide (as Flink's HOP)");
        deriveWindow(ctx, true);
    };
    hop.window = WindowKind::Hop;
    types.push_back(hop);

    NodeType session = windowBase("session-window", "Session Window",
                                  "Windows per key that grow while records arrive less than a gap "
                                  "apart, merging when they touch.");
    session.properties = withCommon({
        P("gap", "Gap", PropertyType::Duration).def("10 s").required().doc("Inactivity that closes a session"),
    });
    session.deriveSchema = [](DeriveContext& ctx) {
        positiveDuration(ctx, "gap");
        deriveWindow(ctx, true);
    };
    session.window = WindowKind::Session;
    types.push_back(session);

    NodeType global = windowBase("global-window", "Global Window",
                                 "One window per key for all time; emits updated results on a "
                                 "count or processing-time trigger (an updating stream).");
    global.properties = withCommon({
        P("trigger", "Trigger", PropertyType::Choice)
            .def("count")
            .choices({"count", "processing-time"})
            .doc("Fire every N records per key, or every interval of processing time"),
        P("trigger_count", "Trigger count", PropertyType::Int).def(100).range(1, 1e9).doc("Records per key between firings"),
        P("trigger_interval", "Trigger interval", PropertyType::Duration).def("10 s").doc("Processing time between firings"),
    });
    for (auto& p : global.properties)
        if (p.name == "time") p.defaultValue = "processing-time";
    global.deriveSchema = [](DeriveContext& ctx) {
        if (ctx.prop("trigger") == "processing-time") positiveDuration(ctx, "trigger_interval");
        deriveWindow(ctx, false);
    };
    global.window = WindowKind::Global;
    global.changelog = changelog_rules::upsertOn("keys", false); // -U/+U per key update
    types.push_back(global);

    NodeType agg;
    agg.name = "aggregate";
    agg.displayName = "Group Aggregate";
    agg.category = Category::Transforms;
    agg.icon = "global-window";
    agg.description = "GROUP BY without a window (Flink's group aggregation): one row per key, "
                      "updated with every input record (+I, then -U/+U; -D when a key's last "
                      "row is retracted). Accepts updating input.";
    agg.inputs = {in()};
    agg.outputs = {out(), errorsPort()};
    agg.properties = {
        P("keys", "Group by", PropertyType::FieldList)
            .def(nlohmann::json::array())
            .doc("Group-by columns (empty = one group)"),
        P("aggregates", "Aggregates", PropertyType::Aggregates)
            .def(nlohmann::json::array({{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}}))
            .required()
            .doc("Aggregate functions computed per group"),
        P("state_ttl", "State TTL", PropertyType::Duration)
            .def("0 ms")
            .doc("Forget a group this long (processing time) after its last update (Flink's "
                 "table.exec.state.ttl); 0 = keep state forever"),
        parallelismProp(),
    };
    agg.deriveSchema = [](DeriveContext& ctx) {
        if (durationProp(ctx, "state_ttl") < 0) ctx.error("state_ttl", "must not be negative");
        deriveWindow(ctx, false, false);
    };
    agg.stateful = true;
    agg.changelog = [](ChangelogContext& ctx) {
        const auto aggs = ctx.prop("aggregates");
        for (std::size_t i = 0; ctx.input(0).mode.updating() && aggs.is_array() && i < aggs.size();
             ++i)
            if (aggs[i].is_object() && (aggs[i].value("function", "") == "FIRST_VALUE" ||
                                        aggs[i].value("function", "") == "LAST_VALUE")) {
                ctx.refuse(0, "FIRST_VALUE and LAST_VALUE cannot retract here",
                           "use MIN or MAX, or aggregate an append-only stream");
                break;
            }
        changelog_rules::upsertOn("keys", true)(ctx);
    };
    agg.flinkSql = FlinkSqlExport::GroupAggregate;
    types.push_back(agg);
}

} // namespace sw::runtime
