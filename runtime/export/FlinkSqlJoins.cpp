// Joins: interval join -> JOIN ... BETWEEN, window join -> window TVF join,
// temporal join -> FOR SYSTEM_TIME AS OF over a versioned view.
#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

/// Select items for a join output: the output schema's columns in order, taken from the left
/// then the right input (renamed right columns keep their derived names), after `skip`
/// leading columns (window bounds).
std::string joinSelect(const Schema& out, const Schema& left, const Schema& right,
                       const std::string& l, const std::string& r, std::size_t skip)
{
    std::string items;
    for (std::size_t i = skip; i < out.size(); ++i) {
        std::size_t k = i - skip;
        const bool fromLeft = k < left.size();
        const Field& src = fromLeft ? left[k] : right[k - left.size()];
        std::string item = (fromLeft ? l : r) + "." + quoteIdent(src.name);
        if (src.name != out[i].name) item += " AS " + quoteIdent(out[i].name);
        items += ",\n  " + item;
    }
    return items;
}

std::string keyCondition(const NodeSpec& n, const std::string& l, const std::string& r)
{
    auto lk = stringList(propertyValue(n, "left_keys")),
         rk = stringList(propertyValue(n, "right_keys"));
    std::string cond;
    for (std::size_t i = 0; i < lk.size() && i < rk.size(); ++i)
        cond += (cond.empty() ? "" : " AND ") + l + "." + quoteIdent(lk[i]) + " = " + r + "." +
                quoteIdent(rk[i]);
    return cond;
}

} // namespace

void FlinkSqlBuilder::exportIntervalJoin(const NodeSpec& n, const NodeType& t)
{
    const Relation *left = input(n, t, 0), *right = input(n, t, 1);
    const Schema* out = outputSchema(n);
    if (!left || !right || !out) return;
    if (left->updating || right->updating) {
        issue(n, IssueKind::NotExportable, "updating-input",
              "Flink's interval join accepts only append-only inputs, but an input is an "
              "updating stream (from a dedup or global window upstream)",
              "deduplicate by processing time upstream, or a regular join with state TTL");
        skip(n);
        return;
    }
    std::string lts = "l." + quoteIdent(left->schema.rowtime());
    std::string rts = "r." + quoteIdent(right->schema.rowtime());
    std::string items = joinSelect(*out, left->schema, right->schema, "l", "r", 0);
    std::string query = "SELECT" + items.substr(1) + "\nFROM " + left->name + " AS l\nJOIN " +
                        right->name + " AS r\n  ON " + keyCondition(n, "l", "r") + "\n  AND " +
                        rts + " BETWEEN " + sqlShift(lts, durationProperty(n, "lower_bound")) +
                        " AND " + sqlShift(lts, durationProperty(n, "upper_bound"));
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, false, {}});
}

void FlinkSqlBuilder::exportRegularJoin(const NodeSpec& n, const NodeType& t)
{
    const Relation *left = input(n, t, 0), *right = input(n, t, 1);
    const Schema* out = outputSchema(n);
    if (!left || !right || !out) return;
    const std::string type = propertyValue(n, "join_type").get<std::string>();
    const std::string join = type == "left"    ? "LEFT JOIN "
                             : type == "right" ? "RIGHT JOIN "
                             : type == "full"  ? "FULL OUTER JOIN "
                                               : "JOIN ";
    std::string items = joinSelect(*out, left->schema, right->schema, "l", "r", 0);
    std::string query = "SELECT" + items.substr(1) + "\nFROM " + left->name + " AS l\n" + join +
                        right->name + " AS r\n  ON " + keyCondition(n, "l", "r");
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, true, {}}); // a retract stream
    if (durationProperty(n, "state_ttl") > 0)
        issue(n, IssueKind::Approximated, "state-ttl",
              "the join's state_ttl is per node here; Flink SQL sets one TTL for the job",
              "'table.exec.state.ttl' = '" + stringProperty(n, "state_ttl") +
                  "' (or a STATE_TTL hint, Flink 1.18+)");
}

void FlinkSqlBuilder::exportWindowJoin(const NodeSpec& n, const NodeType& t)
{
    const Relation *left = input(n, t, 0), *right = input(n, t, 1);
    const Schema* out = outputSchema(n);
    if (!left || !right || !out) return;
    const bool hop = propertyValue(n, "window") == "hop";
    const std::string size = sqlInterval(durationProperty(n, "size"));
    const std::string tvf = hop ? "HOP" : "TUMBLE";
    const std::string args = hop ? sqlInterval(durationProperty(n, "slide")) + ", " + size : size;
    auto side = [&](const Relation* r) {
        return "(\n  SELECT * FROM TABLE(" + tvf + "(TABLE " + r->name + ", DESCRIPTOR(" +
               quoteIdent(r->schema.rowtime()) + "), " + args + "))\n) ";
    };
    const std::string type = stringProperty(n, "join_type");
    const std::string sameWindow =
        "l.window_start = r.window_start AND l.window_end = r.window_end";
    std::string query;
    if (type == "semi" || type == "anti") {
        // Flink's window semi/anti join: [NOT] EXISTS over the right side's same window.
        std::string items = joinSelect(*out, left->schema, right->schema, "l", "r", 2);
        query = "SELECT\n  l.window_start,\n  l.window_end" + items + "\nFROM " + side(left) +
                "AS l\nWHERE " + (type == "anti" ? "NOT " : "") + "EXISTS (\n  SELECT * FROM " +
                side(right) + "AS r\n  WHERE " + keyCondition(n, "l", "r") + "\n  AND " +
                sameWindow + "\n)";
    } else {
        const std::string join = type == "left"    ? "LEFT JOIN "
                                 : type == "right" ? "RIGHT JOIN "
                                 : type == "full"  ? "FULL OUTER JOIN "
                                                   : "JOIN ";
        // An outer join's bounds come from whichever side is present (Flink's docs: COALESCE).
        const std::string bounds =
            type == "inner" || type == "left" ? "  l.window_start,\n  l.window_end"
            : type == "right"                 ? "  r.window_start,\n  r.window_end"
                              : "  COALESCE(l.window_start, r.window_start) AS window_start,\n"
                                "  COALESCE(l.window_end, r.window_end) AS window_end";
        std::string items = joinSelect(*out, left->schema, right->schema, "l", "r", 2);
        query = "SELECT\n" + bounds + items + "\nFROM " + side(left) + "AS l\n" + join +
                side(right) + "AS r\n  ON " + keyCondition(n, "l", "r") + "\n  AND " + sameWindow;
    }
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, false, {}});
}

void FlinkSqlBuilder::exportTemporalJoin(const NodeSpec& n, const NodeType& t)
{
    const Relation *left = input(n, t, 0), *right = input(n, t, 1);
    const Schema* out = outputSchema(n);
    if (!left || !right || !out) return;
    // An append-only build side becomes a versioned view: the latest row per key by event
    // time, which Flink recognizes as a versioned table (primary key = the partition keys). An
    // upsert build side (the changelog rules require its key = right_keys) already is one.
    std::string versions = right->name;
    if (!right->updating) {
        versions = newName(n.id + "_versions");
        addStatement(createView(
            versions, "SELECT " + columnList(right->schema) + "\nFROM (\n  SELECT " +
                          columnList(right->schema) + ",\n    ROW_NUMBER() OVER (PARTITION BY " +
                          fieldList(propertyValue(n, "right_keys")) + " ORDER BY " +
                          quoteIdent(right->schema.rowtime()) + " DESC) AS sw_row_num\n  FROM " +
                          right->name + "\n)\nWHERE sw_row_num = 1"));
    }
    std::string items = joinSelect(*out, left->schema, right->schema, "l", "r", 0);
    std::string join = propertyValue(n, "join_type") == "left" ? "LEFT JOIN " : "JOIN ";
    std::string query = "SELECT" + items.substr(1) + "\nFROM " + left->name + " AS l\n" + join +
                        versions + " FOR SYSTEM_TIME AS OF l." +
                        quoteIdent(left->schema.rowtime()) + " AS r\n  ON " +
                        keyCondition(n, "l", "r");
    std::string name = newName(n.id);
    addStatement(createView(name, query));
    setOutput(n, Relation{name, *out, left->updating, left->upsertKey});
}

} // namespace sw::runtime::exporting
