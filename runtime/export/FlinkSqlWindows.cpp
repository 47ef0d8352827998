// Windows: tumbling/hop -> window TVFs, session -> GROUP BY SESSION(...), global -> GROUP BY.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

/// INTERVAL with the sign inside the literal (for TVF offsets).
std::string signedInterval(std::int64_t ms)
{
    std::string s = sqlInterval(ms);
    if (ms < 0) s.insert(s.find('\'') + 1, "-");
    return s;
}

/// "COUNT(*) AS cnt, SUM(amount) AS revenue": aliases are the output schema's names, as the
/// catalog derived them (they follow the window bounds and the keys).
std::string aggregateList(const NodeSpec& n, const Schema& out, std::size_t offset)
{
    std::string list;
    auto aggs = propertyValue(n, "aggregates");
    for (std::size_t i = 0; aggs.is_array() && i < aggs.size(); ++i) {
        std::string fn = aggs[i].value("function", "COUNT");
        std::string col = aggs[i].value("column", "");
        std::string arg = col.empty() || col == "*" ? "*" : quoteIdent(col);
        std::string expr =
            fn == "COUNT_DISTINCT" ? "COUNT(DISTINCT " + arg + ")" : fn + "(" + arg + ")";
        std::string alias =
            offset + i < out.size() ? out[offset + i].name : "agg_" + std::to_string(i);
        list += (list.empty() ? "" : ",\n  ") + expr + " AS " + quoteIdent(alias);
    }
    return list;
}

} // namespace

void FlinkSqlBuilder::exportGroupAggregate(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    const Schema* out = outputSchema(n);
    if (!in || !out) return;
    auto keyNames = stringList(propertyValue(n, "keys"));
    std::string keys = fieldList(propertyValue(n, "keys"));
    std::string query = "SELECT\n  " + (keys.empty() ? "" : keys + ",\n  ") +
                        aggregateList(n, *out, keyNames.size()) + "\nFROM " + in->name +
                        (keys.empty() ? "" : "\nGROUP BY " + keys);
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, true, keyNames}); // upsert on the group keys
    if (durationProperty(n, "state_ttl") > 0)
        issue(n, IssueKind::Approximated, "state-ttl",
              "the aggregate's state_ttl is per node here; Flink SQL sets one TTL for the job",
              "'table.exec.state.ttl' = '" + stringProperty(n, "state_ttl") + "'");
}

void FlinkSqlBuilder::exportWindow(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    const Schema* out = outputSchema(n);
    if (!in || !out) return;
    const bool global = t.window == WindowKind::Global;
    std::string src = in->name, ts;
    if (!global) {
        if (propertyValue(n, "time") == "processing-time") {
            src = newName(n.id + "_pt");
            addStatement(createView(src, "SELECT " + columnList(in->schema) +
                                             ", PROCTIME() AS sw_proc_time\nFROM " + in->name));
            ts = "sw_proc_time";
        } else {
            ts = quoteIdent(in->schema.rowtime());
        }
    }
    auto keyNames = stringList(propertyValue(n, "keys"));
    std::string keys = fieldList(propertyValue(n, "keys"));
    std::string aggs = aggregateList(n, *out, (global ? 0 : 2) + keyNames.size());
    std::string keySel = keys.empty() ? "" : keys + ",\n  ";
    std::string query;
    if (t.window == WindowKind::Tumbling || t.window == WindowKind::Hop) {
        std::string tvf;
        if (t.window == WindowKind::Tumbling) {
            std::int64_t offset = durationProperty(n, "offset");
            tvf = "TUMBLE(TABLE " + src + ", DESCRIPTOR(" + ts + "), " +
                  sqlInterval(durationProperty(n, "size")) +
                  (offset != 0 ? ", " + signedInterval(offset) : "") + ")";
        } else {
            tvf = "HOP(TABLE " + src + ", DESCRIPTOR(" + ts + "), " +
                  sqlInterval(durationProperty(n, "slide")) + ", " +
                  sqlInterval(durationProperty(n, "size")) + ")";
        }
        query = "SELECT\n  window_start,\n  window_end,\n  " + keySel + aggs + "\nFROM TABLE(" +
                tvf + ")\nGROUP BY window_start, window_end" + (keys.empty() ? "" : ", " + keys);
    } else if (t.window == WindowKind::Session) {
        std::string gap = sqlInterval(durationProperty(n, "gap"));
        query = "SELECT\n  SESSION_START(" + ts + ", " + gap +
                ") AS window_start,\n  SESSION_END(" + ts + ", " + gap + ") AS window_end,\n  " +
                keySel + aggs + "\nFROM " + src + "\nGROUP BY SESSION(" + ts + ", " + gap + ")" +
                (keys.empty() ? "" : ", " + keys);
    } else {
        query = "SELECT\n  " + keySel + aggs + "\nFROM " + src +
                (keys.empty() ? "" : "\nGROUP BY " + keys);
    }
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, global, global ? keyNames : std::vector<std::string>{}});

    if (global)
        issue(n, IssueKind::Approximated, "trigger",
              "a non-windowed GROUP BY emits an update for every input record instead of firing "
              "on the " +
                  propertyValue(n, "trigger").get<std::string>() +
                  " trigger; the result is an "
                  "updating stream (written with upserts)",
              "'table.exec.mini-batch.enabled' = 'true' with 'table.exec.mini-batch.allow-latency' "
              "to batch updates");
    if (!global && durationProperty(n, "allowed_lateness") > 0)
        issue(n, IssueKind::Approximated, "allowed-lateness",
              "Flink SQL windows have no allowed lateness: records later than the watermark are "
              "dropped instead of updating the window",
              "raise the source's max_out_of_orderness by the lateness (adds latency), or "
              "DataStream windows with allowedLateness()");
    if (!global && in->updating)
        issue(n, IssueKind::Note, "updating-input",
              "the input is an updating stream; Flink accepts window aggregation over updates "
              "from 1.19 on",
              "deduplicate by processing time upstream to keep the input append-only");
    auto p = propertyValue(n, "parallelism");
    if (p.is_number_integer() && p.get<int>() > 0)
        issue(n, IssueKind::Approximated, "parallelism",
              "per-operator parallelism is not expressible in Flink SQL", "parallelism.default");
}

} // namespace sw::runtime::exporting
