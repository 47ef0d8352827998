// Transforms and quality: filter, map, key-by, union, dedup, dlq.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

void reportParallelism(FlinkSqlBuilder& b, const NodeSpec& n)
{
    auto v = propertyValue(n, "parallelism");
    if (v.is_number_integer() && v.get<int>() > 0)
        b.issue(n, IssueKind::Approximated, "parallelism",
                "per-operator parallelism " + std::to_string(v.get<int>()) +
                    " is not expressible in Flink SQL; the operator runs at parallelism.default",
                "set parallelism.default, or use the DataStream API for per-operator "
                "parallelism");
}

} // namespace

void FlinkSqlBuilder::exportFilter(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    std::string name = newName(n.id);
    addStatement(
        createView(name, "SELECT " + columnList(in->schema) + "\nFROM " + in->name + "\nWHERE " +
                             exportExpression(stringProperty(n, "condition"), in->schema)));
    setOutput(n, Relation{name, in->schema, in->updating, in->upsertKey});
    reportParallelism(*this, n);
}

void FlinkSqlBuilder::exportMap(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    const Schema* out = outputSchema(n);
    if (!in || !out) return;
    std::vector<std::string> items;
    if (propertyValue(n, "keep_input_columns") == true)
        for (const auto& f : in->schema.fields())
            items.push_back(quoteIdent(f.name));
    auto cols = propertyValue(n, "columns");
    for (std::size_t i = 0; cols.is_array() && i < cols.size(); ++i) {
        std::string name = cols[i].value("name", "");
        std::string expr = exportExpression(cols[i].value("expr", ""), in->schema);
        items.push_back(expr == quoteIdent(name) ? expr : expr + " AS " + quoteIdent(name));
    }
    std::string select;
    for (const auto& it : items)
        select += (select.empty() ? "" : ",\n  ") + it;
    std::string name = newName(n.id);
    addStatement(createView(name, "SELECT\n  " + select + "\nFROM " + in->name));
    // Keys of an updating input survive only if the map keeps them under the same name.
    std::vector<std::string> key;
    for (const auto& k : in->upsertKey)
        if (out->find(k)) key.push_back(k);
    if (key.size() != in->upsertKey.size()) key.clear();
    setOutput(n, Relation{name, *out, in->updating, key});
    reportParallelism(*this, n);
}

void FlinkSqlBuilder::exportKeyBy(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    // No statement: Flink SQL partitions by the keys of the next GROUP BY / JOIN / OVER.
    setOutput(n, *in);
    skip(n);
    issue(n, IssueKind::Note, "key-by",
          "no statement of its own: Flink SQL hash-partitions by the keys of the next GROUP BY, "
          "JOIN or PARTITION BY",
          "");
    reportParallelism(*this, n);
}

void FlinkSqlBuilder::exportUnion(const NodeSpec& n, const NodeType& t)
{
    auto ins = inputs(n, t, 0);
    if (ins.empty()) return;
    std::string query;
    bool updating = false;
    for (const Relation* r : ins) {
        query += (query.empty() ? "" : "\nUNION ALL\n") + std::string("SELECT ") +
                 columnList(ins.front()->schema) + " FROM " + r->name;
        updating = updating || r->updating;
    }
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, ins.front()->schema, updating, {}});
    reportParallelism(*this, n);
}

void FlinkSqlBuilder::exportDedup(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    std::string rowtime = in->schema.rowtime();
    std::string order, base = in->name;
    std::string name = newName(n.id);
    if (rowtime.empty()) {
        // No event time: keep the first by processing time (Flink's append-only dedup).
        base = newName(n.id + "_pt");
        addStatement(createView(base, "SELECT " + columnList(in->schema) +
                                          ", PROCTIME() AS sw_proc_time\nFROM " + in->name));
        order = "sw_proc_time";
    } else {
        order = quoteIdent(rowtime);
    }
    addStatement(
        createView(name, "SELECT " + columnList(in->schema) + "\nFROM (\n  SELECT " +
                             columnList(in->schema) + ",\n    ROW_NUMBER() OVER (PARTITION BY " +
                             fieldList(propertyValue(n, "keys")) + " ORDER BY " + order +
                             " ASC) AS sw_row_num\n  FROM " + base + "\n)\nWHERE sw_row_num = 1"));
    bool updating = !rowtime.empty() || in->updating;
    setOutput(n, Relation{name, in->schema, updating, stringList(propertyValue(n, "keys"))});
    std::int64_t ttl = durationProperty(n, "ttl");
    noteStateTtl(ttl);
    issue(n, IssueKind::Approximated, "dedup",
          rowtime.empty()
              ? "keeps the first record per key by processing time; the TTL becomes the "
                "job-wide 'table.exec.state.ttl', which also expires other non-window state"
              : "Flink keeps the record with the smallest event time per key (the desktop keeps "
                "the first to arrive) and emits an update if an earlier duplicate arrives late, so "
                "the result is an updating stream; the TTL becomes the job-wide "
                "'table.exec.state.ttl'",
          "idempotent writes keyed by " + fieldList(propertyValue(n, "keys")) +
              " (an upsert sink) downstream");
    if (stringProperty(n, "store") == "redis")
        issue(n, IssueKind::Approximated, "dedup-store",
              "the seen-ids are kept in the job's own state, not in Redis: jobs no longer share "
              "one idempotency set",
              "a DataStream operator that checks and sets the ids in Redis (SET NX PX), or one job "
              "that deduplicates for all consumers");
    reportParallelism(*this, n);
}

void FlinkSqlBuilder::exportDlq(const NodeSpec& n, const NodeType&)
{
    skip(n);
    std::string target = stringProperty(n, "target");
    issue(n, IssueKind::NotExportable, "dlq-routing",
          "Flink SQL has no dead-letter routing: records that fail are not diverted to the " +
              target + " dead-letter queue",
          target == "kafka"
              ? "a DataStream job (or custom deserialization schema) that writes failures to the "
                "DLQ topic through a side output; the topic stays in the topic plan"
              : "a DataStream side output to a Kafka DLQ topic, or 'json.ignore-parse-errors' = "
                "'true' on the sources to skip malformed records");
}

} // namespace sw::runtime::exporting
