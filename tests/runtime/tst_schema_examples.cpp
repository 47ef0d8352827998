// docs/pipeline.schema.json is checked against the node catalog (it is regenerated here from the
// catalog and must equal the committed file, so it cannot drift), and every shipped example is
// validated against it with Ajv (tests/tools/validate-json-schema.cjs).
// To refresh the committed schema after a catalog change: SW_UPDATE_SCHEMA=1 tst_schema_examples
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"

using namespace sw::runtime;
using ojson = nlohmann::ordered_json;

namespace {

QString sourceDir()
{
    return QStringLiteral(SW_SOURCE_DIR);
}
QString schemaPath()
{
    return sourceDir() + "/docs/pipeline.schema.json";
}

ojson described(ojson s, const PropertySpec& p)
{
    std::string doc = p.doc;
    if (!p.unit.empty()) doc += " [" + p.unit + "]";
    if (!doc.empty()) s["description"] = doc;
    if (!p.defaultValue.is_null()) s["default"] = ojson::parse(p.defaultValue.dump());
    return s;
}

ojson propertySchema(const PropertySpec& p)
{
    auto number = [](double d) { // 256, not 256.0
        return d == std::trunc(d) && std::fabs(d) < 9007199254740992.0
                   ? ojson(static_cast<long long>(d))
                   : ojson(d);
    };
    auto ranged = [&](const char* type) {
        ojson s = {{"type", type}};
        if (p.min) s["minimum"] = number(*p.min);
        if (p.max) s["maximum"] = number(*p.max);
        return s;
    };
    auto listOf = [](const char* def) {
        return ojson{{"type", "array"}, {"items", {{"$ref", def}}}};
    };
    switch (p.type) {
    case PropertyType::Int:
        return described(ranged("integer"), p);
    case PropertyType::Double:
        return described(ranged("number"), p);
    case PropertyType::Bool:
        return described({{"type", "boolean"}}, p);
    case PropertyType::Duration:
        return described({{"$ref", "#/$defs/duration"}}, p);
    case PropertyType::Choice:
        return described({{"enum", p.choices}}, p);
    case PropertyType::FieldList:
        return described({{"type", "array"}, {"items", {{"type", "string"}}}}, p);
    case PropertyType::Aggregates:
        return described(listOf("#/$defs/aggregate"), p);
    case PropertyType::Columns:
        return described(listOf("#/$defs/computedColumn"), p);
    case PropertyType::SchemaDef:
        return described(listOf("#/$defs/schemaField"), p);
    case PropertyType::KeyValue:
        return described({{"type", "object"}, {"additionalProperties", {{"type", "string"}}}}, p);
    default:
        return described({{"type", "string"}}, p);
    }
}

ojson nodeTypeSchemas(ojson& defs)
{
    ojson conditions = ojson::array();
    for (const NodeType& t : Catalog::instance().types()) {
        ojson props = ojson::object();
        for (const PropertySpec& p : t.properties)
            props[p.name] = propertySchema(p);
        std::string def = "properties-" + t.name;
        defs[def] = {{"description", "Properties of a " + t.name + " node: " + t.description},
                     {"type", "object"},
                     {"additionalProperties", false},
                     {"properties", props}};
        conditions.push_back(
            {{"if", {{"properties", {{"type", {{"const", t.name}}}}}}},
             {"then", {{"properties", {{"properties", {{"$ref", "#/$defs/" + def}}}}}}}});
    }
    return conditions;
}

ojson staticDefs()
{
    ojson defs;
    defs["id"] = {{"description", "Node id: unique in the pipeline, stable across edits."},
                  {"type", "string"},
                  {"pattern", "^[A-Za-z_][A-Za-z0-9_.-]*$"}};
    defs["duration"] = {{"description",
                         "A duration such as \"5 min\", \"30 s\", \"100 ms\", \"1 h\", "
                         "\"2 d\" (units ms, s, min, h, d and their long forms)."},
                        {"type", "string"},
                        {"pattern", "^\\s*[-+]?[0-9]*\\.?[0-9]+\\s*[A-Za-z]*\\s*$"}};
    defs["portRef"] = {
        {"type", "object"},
        {"required", {"node", "port"}},
        {"additionalProperties", false},
        {"properties", {{"node", {{"$ref", "#/$defs/id"}}}, {"port", {{"type", "string"}}}}}};
    defs["edge"] = {
        {"type", "object"},
        {"required", {"from", "to"}},
        {"additionalProperties", false},
        {"properties",
         {{"from", {{"$ref", "#/$defs/portRef"}}},
          {"to", {{"$ref", "#/$defs/portRef"}}},
          {"partitioning",
           {{"description", "How records spread over the consumer's subtasks; \"auto\" (the "
                            "default, never written) is key-hash into keyed inputs, else forward "
                            "or rebalance by parallelism. See docs/pipeline-format.md."},
            {"enum", {"auto", "rebalance", "broadcast", "forward"}}}}}}};
    defs["aggregate"] = {{"type", "object"},
                         {"required", {"function"}},
                         {"additionalProperties", false},
                         {"properties",
                          {{"function", {{"enum", aggregateFunctions()}}},
                           {"column", {{"type", "string"}}},
                           {"as", {{"type", "string"}}}}}};
    defs["computedColumn"] = {
        {"type", "object"},
        {"required", {"name", "expr"}},
        {"additionalProperties", false},
        {"properties", {{"name", {{"type", "string"}}}, {"expr", {{"type", "string"}}}}}};
    defs["schemaField"] = {
        {"type", "object"},
        {"required", {"name", "type"}},
        {"additionalProperties", false},
        {"properties",
         {{"name", {{"type", "string"}}},
          {"type",
           {{"description", "Flink SQL type, e.g. BIGINT, DECIMAL(10,2), TIMESTAMP(3)"},
            {"type", "string"}}}}}};
    return defs;
}

/// `restart_strategy`: the members a type has (none: only `type`; max_delay: exponential only).
ojson restartStrategySchema()
{
    auto when = [](const char* type, ojson then) {
        return ojson{{"if", {{"properties", {{"type", {{"const", type}}}}}}}, {"then", then}};
    };
    return {
        {"type", "object"},
        {"required", {"type"}},
        {"additionalProperties", false},
        {"default", {{"type", "fixed-delay"}, {"attempts", 3}, {"delay", "1 s"}}},
        {"properties",
         {{"type", {{"enum", {"none", "fixed-delay", "exponential-delay"}}}},
          {"attempts", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}, {"default", 3}}},
          {"delay", {{"$ref", "#/$defs/duration"}, {"default", "1 s"}}},
          {"max_delay", {{"$ref", "#/$defs/duration"}, {"default", "1 min"}}}}},
        {"allOf",
         {when("none",
               {{"properties", {{"attempts", false}, {"delay", false}, {"max_delay", false}}}}),
          when("fixed-delay", {{"properties", {{"max_delay", false}}}})}}};
}

ojson settingsSchema()
{
    return {
        {"type", "object"},
        {"required", {"name"}},
        {"additionalProperties", false},
        {"properties",
         {{"name", {{"type", "string"}, {"minLength", 1}}},
          {"description", {{"type", "string"}, {"default", ""}}},
          {"delivery", {{"enum", {"at-least-once", "exactly-once"}}, {"default", "at-least-once"}}},
          {"parallelism", {{"type", "integer"}, {"minimum", 1}, {"maximum", 256}, {"default", 1}}},
          {"checkpoint_interval", {{"$ref", "#/$defs/duration"}, {"default", "10 s"}}},
          {"restart_strategy", restartStrategySchema()},
          {"retained_checkpoints",
           {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 3}}},
          {"tolerable_failed_checkpoints",
           {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}, {"default", 3}}},
          {"schema_evolution", {{"enum", {"backward", "forward", "full", "none"}}}},
          {"alerts",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties",
             {{"consumer_lag", {{"type", "number"}, {"minimum", 1}, {"default", 10000}}},
              {"error_rate", {{"type", "number"}, {"minimum", 0}, {"default", 1}}}}}}},
          {"autoscaling",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties",
             {{"max_parallelism",
               {{"type", "integer"}, {"minimum", 1}, {"maximum", 256}, {"default", 8}}},
              {"target_utilization",
               {{"type", "number"}, {"minimum", 0.05}, {"maximum", 1}, {"default", 0.7}}}}}}}}}};
}

/// `dashboard`: the designer's pinned views (model/Dashboard.h); the members each kind has.
ojson dashboardSchema()
{
    auto when = [](ojson kinds, ojson then) {
        return ojson{{"if", {{"properties", {{"kind", {{"enum", kinds}}}}}}}, {"then", then}};
    };
    auto column = [] { return ojson{{"type", "string"}, {"minLength", 1}}; };
    ojson view = {
        {"type", "object"},
        {"required", {"kind"}},
        {"additionalProperties", false},
        {"properties",
         {{"kind", {{"enum", {"table", "bars", "lines", "tile"}}}},
          {"title", {{"type", "string"}}},
          {"node", {{"$ref", "#/$defs/id"}}},
          {"edge",
           {{"type", "object"},
            {"required", {"from", "to"}},
            {"additionalProperties", false},
            {"properties",
             {{"from", {{"$ref", "#/$defs/portRef"}}}, {"to", {{"$ref", "#/$defs/portRef"}}}}}}},
          {"x", column()},
          {"value", column()},
          {"series", column()},
          {"aggregate",
           {{"enum", {"last", "sum", "count", "min", "max", "avg"}}, {"default", "last"}}},
          {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100000}, {"default", 100}}},
          {"limit_by", {{"enum", {"rows", "windows"}}, {"default", "rows"}}}}},
        // Exactly one source (Ajv's strict mode wants each required member defined beside it).
        {"oneOf",
         {{{"required", {"node"}}, {"properties", {{"node", true}}}},
          {{"required", {"edge"}}, {"properties", {{"edge", true}}}}}},
        {"allOf",
         {when({"table"},
               {{"properties",
                 {{"x", false}, {"value", false}, {"series", false}, {"aggregate", false}}}}),
          when({"bars", "lines"},
               {{"required", {"x", "value"}}, {"properties", {{"x", true}, {"value", true}}}}),
          when({"tile"}, {{"required", {"value"}},
                          {"properties", {{"value", true}, {"x", false}, {"series", false}}}})}}};
    return {{"description",
             "The designer's pinned result views (Dashboard dock); ignored by the runtime. See "
             "docs/pipeline-format.md."},
            {"type", "object"},
            {"required", {"views"}},
            {"additionalProperties", false},
            {"properties", {{"views", {{"type", "array"}, {"items", view}}}}}};
}

/// The whole schema, generated from the catalog and the format's fixed parts.
ojson generateSchema()
{
    ojson defs = staticDefs();
    ojson conditions = nodeTypeSchemas(defs);
    std::vector<std::string> typeNames;
    for (const NodeType& t : Catalog::instance().types())
        typeNames.push_back(t.name);
    ojson node = {{"type", "object"},
                  {"required", {"id", "type"}},
                  {"additionalProperties", false},
                  {"properties",
                   {{"id", {{"$ref", "#/$defs/id"}}},
                    {"type", {{"enum", typeNames}}},
                    {"label", {{"type", "string"}, {"default", ""}}},
                    {"position",
                     {{"type", "object"},
                      {"required", {"x", "y"}},
                      {"additionalProperties", false},
                      {"properties", {{"x", {{"type", "number"}}}, {"y", {{"type", "number"}}}}}}},
                    {"properties", {{"type", "object"}, {"default", ojson::object()}}}}},
                  {"allOf", conditions}};
    defs["node"] = node;
    return {
        {"$schema", "https://json-schema.org/draft/2020-12/schema"},
        {"$id", "https://streamwright.dev/schemas/pipeline-1.schema.json"},
        {"title", "Streamwright pipeline file (format streamwright.pipeline/1)"},
        {"description", "Generated from the node catalog by tests/runtime/tst_schema_examples.cpp; "
                        "see docs/pipeline-format.md. The loader is the authority: it also "
                        "checks duration syntax, unique ids and edge ports."},
        {"type", "object"},
        {"required", {"format", "pipeline", "nodes"}},
        {"additionalProperties", false},
        {"properties",
         {{"format", {{"const", std::string(kPipelineFormat)}}},
          {"pipeline", settingsSchema()},
          {"nodes", {{"type", "array"}, {"items", {{"$ref", "#/$defs/node"}}}}},
          {"edges",
           {{"type", "array"}, {"items", {{"$ref", "#/$defs/edge"}}}, {"default", ojson::array()}}},
          {"dashboard", dashboardSchema()}}},
        {"$defs", defs}};
}

std::string readFile(const QString& path)
{
    std::ifstream f(path.toStdString(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

QStringList exampleFiles()
{
    QDir ex(sourceDir() + "/examples");
    QStringList files;
    for (const QString& f : ex.entryList({"*.pipeline.json"}, QDir::Files, QDir::Name))
        files << ex.filePath(f);
    return files;
}

/// Runs the Ajv script; returns its exit code (-1 if node could not run) and output.
int runAjv(const QStringList& files, QString& output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("NODE_PATH", QStringLiteral(SW_BINARY_DIR) + "/node/json-schema/node_modules");
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start("node",
            QStringList{sourceDir() + "/tests/tools/validate-json-schema.cjs", schemaPath()} +
                files);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit) {
        output = "node did not run: " + p.errorString();
        return -1;
    }
    output = QString::fromUtf8(p.readAll());
    return p.exitCode();
}

} // namespace

class TestSchemaExamples : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void schemaMatchesCatalog();
    void schemaListsExactlyTheCatalogTypes();
    void examplesValidateAgainstSchema();
    void schemaRejectsBadFiles();
    void docExampleIsCanonicalAndValid();
    void docPortsTableMatchesCatalog();
};

void TestSchemaExamples::schemaMatchesCatalog()
{
    ojson generated = generateSchema();
    if (qEnvironmentVariableIsSet("SW_UPDATE_SCHEMA")) {
        std::ofstream(schemaPath().toStdString(), std::ios::binary) << generated.dump(2) << "\n";
        qInfo("rewrote %s", qPrintable(schemaPath()));
    }
    std::string text = readFile(schemaPath());
    QVERIFY2(!text.empty(), qPrintable(schemaPath() + " is missing"));
    auto committed = nlohmann::json::parse(text, nullptr, false);
    QVERIFY2(!committed.is_discarded(), "docs/pipeline.schema.json is not valid JSON");
    auto fresh = nlohmann::json::parse(generated.dump());
    if (committed != fresh) {
        QString out = QStringLiteral(SW_BINARY_DIR) + "/pipeline.schema.generated.json";
        std::ofstream(out.toStdString(), std::ios::binary) << generated.dump(2) << "\n";
        std::string hint;
        auto patch = nlohmann::json::diff(committed, fresh);
        for (std::size_t i = 0; i < patch.size() && i < 12; ++i)
            hint += "\n  " + patch[i]["op"].get<std::string>() + " " +
                    patch[i]["path"].get<std::string>();
        QFAIL(qPrintable(
            QString("docs/pipeline.schema.json differs from the catalog (%1 changes):%2\n"
                    "Generated schema written to %3; review it and copy it over, or run "
                    "SW_UPDATE_SCHEMA=1 tst_schema_examples")
                .arg(patch.size())
                .arg(QString::fromStdString(hint), out)));
    }
    // Byte-exact too, so the committed file is exactly what the generator writes.
    QVERIFY2(
        text == generated.dump(2) + "\n",
        "docs/pipeline.schema.json is equivalent to the generated schema but not written as the "
        "generator writes it (number spelling, key order or indentation); run "
        "SW_UPDATE_SCHEMA=1 tst_schema_examples");
}

void TestSchemaExamples::schemaListsExactlyTheCatalogTypes()
{
    auto schema = nlohmann::json::parse(readFile(schemaPath()), nullptr, false);
    QVERIFY(!schema.is_discarded());
    std::vector<std::string> listed = schema["$defs"]["node"]["properties"]["type"]["enum"];
    std::vector<std::string> catalog;
    for (const NodeType& t : Catalog::instance().types())
        catalog.push_back(t.name);
    QCOMPARE(listed, catalog);
    for (const auto& name : catalog) {
        QVERIFY2(schema["$defs"].contains("properties-" + name), name.c_str());
        std::vector<std::string> props;
        for (auto it = schema["$defs"]["properties-" + name]["properties"].begin();
             it != schema["$defs"]["properties-" + name]["properties"].end(); ++it)
            props.push_back(it.key());
        std::vector<std::string> expected;
        for (const auto& p : Catalog::instance().find(name)->properties)
            expected.push_back(p.name);
        std::sort(expected.begin(), expected.end());
        QCOMPARE(props, expected);
    }
}

void TestSchemaExamples::examplesValidateAgainstSchema()
{
    QStringList files = exampleFiles();
    QVERIFY2(!files.isEmpty(), "no examples/*.pipeline.json to validate");
    files << sourceDir() + "/tests/runtime/data/canonical.pipeline.json";
    for (const QString& f : files) { // the loader accepts them too
        auto r = loadPipelineFile(f.toStdString());
        QVERIFY2(r, qPrintable(f + ": " + QString::fromStdString(r ? "" : r.error().toString())));
    }
    QString output;
    int code = runAjv(files, output);
    QVERIFY2(code == 0, qPrintable(output));
    QCOMPARE(output.count(QStringLiteral("ok ")), files.size());
}

void TestSchemaExamples::schemaRejectsBadFiles()
{
    // Negative control: the schema is not vacuous. One Ajv run over several bad fixtures; each
    // must be reported invalid for the expected reason.
    const std::vector<std::pair<QString, QString>> cases = {
        {"wrong-format", "/format: must be equal to constant"},
        {"unknown-member",
         "/: must NOT have additional properties {\"additionalProperty\":\"edgez\"}"},
        {"unknown-node-type", "/nodes/1/type: must be equal to one of the allowed values"},
        {"unknown-property", "/nodes/1/properties: must NOT have additional properties "
                             "{\"additionalProperty\":\"sise\"}"},
        {"ill-typed-property", "/nodes/1/properties/size: must be string"},
        {"out-of-range-property", "/nodes/0/properties/events_per_second: must be >= 0"},
        {"invalid-node-id", "/nodes/2/id: must match pattern"},
        {"missing-node-id", "/nodes/2: must have required property 'id'"},
        {"bad-delivery", "/pipeline/delivery: must be equal to one of the allowed values"},
        {"unknown-dashboard-kind",
         "/dashboard/views/1/kind: must be equal to one of the allowed values"},
    };
    QStringList files;
    for (const auto& c : cases)
        files << sourceDir() + "/tests/runtime/data/bad/" + c.first + ".pipeline.json";
    QString output;
    int code = runAjv(files, output);
    QVERIFY2(code == 1, qPrintable(QString("exit %1: %2").arg(code).arg(output)));
    for (std::size_t i = 0; i < cases.size(); ++i) {
        QString header = "invalid " + files[int(i)] + "\n";
        qsizetype at = output.indexOf(header);
        QVERIFY2(at >= 0, qPrintable(cases[i].first + " was not reported invalid:\n" + output));
        qsizetype next = output.indexOf(
            QRegularExpression("^(ok|invalid) ", QRegularExpression::MultilineOption),
            at + header.size());
        QString report = output.mid(at, next < 0 ? -1 : next - at);
        QVERIFY2(report.contains(cases[i].second), qPrintable(cases[i].first + ":\n" + report));
    }
}

void TestSchemaExamples::docExampleIsCanonicalAndValid()
{
    std::string doc = readFile(sourceDir() + "/docs/pipeline-format.md");
    auto section = doc.find("## A complete example");
    QVERIFY(section != std::string::npos);
    auto start = doc.find("```json\n", section);
    QVERIFY(start != std::string::npos);
    start += 8;
    auto end = doc.find("```\n", start);
    QVERIFY(end != std::string::npos);
    std::string example = doc.substr(start, end - start);
    auto r = parsePipeline(example);
    QVERIFY2(r, r ? "" : r.error().toString().c_str());
    QCOMPARE(serializePipeline(*r), example);

    QTemporaryDir dir;
    QString file = dir.filePath("doc-example.pipeline.json");
    std::ofstream(file.toStdString(), std::ios::binary) << example;
    QString output;
    QVERIFY2(runAjv({file}, output) == 0, qPrintable(output));
}

void TestSchemaExamples::docPortsTableMatchesCatalog()
{
    std::string doc = readFile(sourceDir() + "/docs/pipeline-format.md");
    auto ports = [](const std::vector<PortSpec>& list) {
        std::string s;
        for (const auto& p : list)
            s += (s.empty() ? "`" : ", `") + p.name + "`" + (p.multiple ? " (several edges)" : "");
        return s.empty() ? std::string("\u2014") : s;
    };
    for (const NodeType& t : Catalog::instance().types()) {
        std::string row = "| `" + t.name + "` | " + std::string(toString(t.category)) + " | " +
                          ports(t.inputs) + " | " + ports(t.outputs) + " |\n";
        QVERIFY2(doc.find(row) != std::string::npos,
                 qPrintable("docs/pipeline-format.md lacks the ports row: " +
                            QString::fromStdString(row)));
    }
    // And no row for a type the catalog does not have.
    auto begin = doc.find("## Node types and ports");
    QVERIFY(begin != std::string::npos);
    std::string section = doc.substr(begin, doc.find("\n## ", begin + 1) - begin);
    std::size_t rows = 0;
    for (std::size_t p = section.find("\n| `"); p != std::string::npos;
         p = section.find("\n| `", p + 1))
        ++rows;
    QCOMPARE(rows, Catalog::instance().types().size());
}

QTEST_GUILESS_MAIN(TestSchemaExamples)
#include "tst_schema_examples.moc"
