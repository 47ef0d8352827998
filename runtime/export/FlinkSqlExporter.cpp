#include "export/FlinkSqlExporter.h"

#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"
#include "types/Duration.h"

namespace sw::runtime::exporting {

Result<FlinkSqlScript> exportFlinkSql(const PipelineSpec& pipeline, const ExportOptions& options)
{
    ValidationResult v = validate(pipeline);
    if (!v.ok()) {
        std::string msg = "the pipeline does not validate, fix these errors before exporting:";
        for (const auto& d : v.diagnostics)
            if (d.severity == Severity::Error)
                msg += "\n  " + (d.nodeId.empty() ? std::string("(pipeline)") : d.nodeId) +
                       (d.property.empty() ? "" : "." + d.property) + ": " + d.message;
        return makeError(msg);
    }
    FlinkSqlBuilder b(pipeline, v, options);
    return b.build();
}

std::string createTable(const std::string& name, const std::vector<std::string>& columnLines,
                        const std::vector<WithOption>& with)
{
    std::string s = "CREATE TABLE " + name + " (\n";
    for (std::size_t i = 0; i < columnLines.size(); ++i)
        s += "  " + columnLines[i] + (i + 1 < columnLines.size() ? ",\n" : "\n");
    s += ") WITH (\n";
    for (std::size_t i = 0; i < with.size(); ++i)
        s += "  " + sqlString(with[i].key) + " = " + sqlString(with[i].value) +
             (i + 1 < with.size() ? ",\n" : "\n");
    return s + ");";
}

std::string createView(const std::string& name, const std::string& query)
{
    return "CREATE TEMPORARY VIEW " + name + " AS\n" + query + ";";
}

std::vector<std::string> columnDefinitions(const Schema& s)
{
    std::vector<std::string> out;
    for (const auto& f : s.fields())
        out.push_back(quoteIdent(f.name) + " " + f.type.toString());
    return out;
}

std::string columnList(const Schema& s, const std::string& prefix)
{
    std::string out;
    for (const auto& f : s.fields())
        out += (out.empty() ? "" : ", ") + prefix + quoteIdent(f.name);
    return out;
}

std::vector<std::string> stringList(const nlohmann::json& names)
{
    std::vector<std::string> out;
    if (names.is_array())
        for (const auto& n : names)
            if (n.is_string()) out.push_back(n.get<std::string>());
    return out;
}

std::string fieldList(const nlohmann::json& names, const std::string& prefix)
{
    std::string out;
    for (const auto& n : stringList(names))
        out += (out.empty() ? "" : ", ") + prefix + quoteIdent(n);
    return out;
}

} // namespace sw::runtime::exporting
