// Transform node types: filter, map, key-by, union.
#include <set>

#include "catalog/Builders.h"
#include "catalog/ChangelogRules.h"
#include "expr/Expression.h"

namespace sw::runtime {
using namespace catalog_detail;

namespace {

/// Compiles an expression property against `input`, reporting errors with their column.
std::optional<expr::Expression> compileProp(DeriveContext& ctx, const std::string& property,
                                            const std::string& text, const Schema& input,
                                            const std::string& what)
{
    auto r = expr::Expression::compile(text, input);
    if (!r) {
        ctx.error(property, what + r.error().message, r.error().column);
        return std::nullopt;
    }
    return std::move(r).value();
}

NodeType filterType()
{
    NodeType t;
    t.name = "filter";
    t.displayName = "Filter";
    t.category = Category::Transforms;
    t.icon = "filter";
    t.description = "Keeps records for which a SQL condition is TRUE (FALSE and NULL are dropped "
                    "and counted). Evaluation errors go to errors.";
    t.inputs = {in()};
    t.outputs = {out(), errorsPort()};
    t.properties = {
        P("condition", "Condition", PropertyType::Expression)
            .def("")
            .required()
            .doc("SQL boolean expression, e.g. amount > 100 AND category <> 'test'"),
        parallelismProp(),
    };
    t.deriveSchema = [](DeriveContext& ctx) {
        const Schema* s = ctx.input(0);
        if (!s) return;
        std::string cond = ctx.prop("condition").get<std::string>();
        if (cond.empty()) ctx.error("condition", "a condition is required");
        else if (auto e = compileProp(ctx, "condition", cond, *s, ""))
            if (e->type().kind() != TypeKind::Boolean && e->type().kind() != TypeKind::Null)
                ctx.error("condition", "condition must be BOOLEAN, but it is " + e->type().toString(), 1);
        ctx.setOutput(0, *s);
    };
    t.changelog = changelog_rules::passThrough();
    t.flinkSql = FlinkSqlExport::Filter;
    return t;
}

NodeType mapType()
{
    NodeType t;
    t.name = "map";
    t.displayName = "Map";
    t.category = Category::Transforms;
    t.icon = "map";
    t.description = "Projects and computes columns with SQL expressions (SELECT expr AS name, ...).";
    t.inputs = {in()};
    t.outputs = {out(), errorsPort()};
    t.properties = {
        P("columns", "Columns", PropertyType::Columns)
            .def(nlohmann::json::array())
            .required()
            .doc("Output columns: name and SQL expression"),
        P("keep_input_columns", "Keep input columns", PropertyType::Bool)
            .def(false)
            .doc("Output all input columns first, then the computed ones (SELECT *, ...)"),
        parallelismProp(),
    };
    t.deriveSchema = [](DeriveContext& ctx) {
        const Schema* s = ctx.input(0);
        if (!s) return;
        Schema o;
        std::set<std::string> names;
        bool keep = ctx.prop("keep_input_columns").get<bool>();
        if (keep) {
            o = *s;
            for (const auto& f : s->fields()) names.insert(f.name);
        }
        auto cols = ctx.prop("columns");
        if (!cols.is_array() || cols.empty()) {
            if (!keep) ctx.error("columns", "add at least one output column");
        } else {
            for (std::size_t i = 0; i < cols.size(); ++i) {
                const auto& c = cols[i];
                if (!c.is_object() || !c.contains("name") || !c.contains("expr")) continue;
                std::string name = c["name"].get<std::string>();
                std::string text = c["expr"].get<std::string>();
                std::string where = "column '" + name + "': ";
                if (!isIdentifier(name)) {
                    ctx.error("columns", "'" + name + "' is not a valid column name");
                    continue;
                }
                if (!names.insert(name).second) {
                    ctx.error("columns", "duplicate output column '" + name + "'");
                    continue;
                }
                if (auto e = compileProp(ctx, "columns", text, *s, where)) {
                    o.add(name, e->type().kind() == TypeKind::Null ? DataType::string() : e->type());
                    if (!s->rowtime().empty() && text == s->rowtime()) o.setRowtime(name);
                }
            }
        }
        if (keep && !s->rowtime().empty()) o.setRowtime(s->rowtime());
        ctx.setOutput(0, std::move(o));
    };
    t.flinkSql = FlinkSqlExport::Map;
    t.changelog = changelog_rules::projection();
    return t;
}

NodeType keyByType()
{
    NodeType t;
    t.name = "key-by";
    t.displayName = "Key By";
    t.category = Category::Transforms;
    t.icon = "key-by";
    t.description = "Partitions the stream by key columns: equal keys go to the same subtask.";
    t.inputs = {in()};
    t.outputs = {out()};
    t.properties = {
        P("keys", "Key columns", PropertyType::FieldList).def(nlohmann::json::array()).required().doc("Columns to hash-partition by"),
        parallelismProp(),
    };
    t.deriveSchema = [](DeriveContext& ctx) {
        const Schema* s = ctx.input(0);
        if (!s) return;
        checkFieldList(ctx, "keys", *s, true);
        ctx.setOutput(0, *s);
    };
    t.changelog = changelog_rules::passThrough();
    t.flinkSql = FlinkSqlExport::KeyBy;
    return t;
}

NodeType unionType()
{
    NodeType t;
    t.name = "union";
    t.displayName = "Union";
    t.category = Category::Transforms;
    t.icon = "union";
    t.description = "Merges several streams with the same schema (UNION ALL). The watermark is the "
                    "minimum over non-idle inputs.";
    t.inputs = {in("in", true)};
    t.outputs = {out()};
    t.properties = {parallelismProp()};
    t.deriveSchema = [](DeriveContext& ctx) {
        if (const Schema* s = ctx.input(0)) ctx.setOutput(0, *s);
    };
    t.changelog = changelog_rules::unionAll();
    t.flinkSql = FlinkSqlExport::Union;
    return t;
}

} // namespace

void registerTransformTypes(std::vector<NodeType>& types)
{
    types.push_back(filterType());
    types.push_back(mapType());
    types.push_back(keyByType());
    types.push_back(unionType());
}

} // namespace sw::runtime
