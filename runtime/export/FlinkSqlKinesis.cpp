// kinesis-source / kinesis-sink -> Flink's Kinesis SQL connector ('connector' = 'kinesis':
// stream, aws.region, aws.endpoint, scan.stream.initpos, format; PARTITIONED BY for the sink's
// partition key). Credentials in node properties become ${NODE_AWS_*} placeholders (secrets,
// never written); without them Flink's default provider chain applies, as in the runtime.
#include <cctype>

#include "catalog/PropertyAccess.h"
#include "export/FlinkSqlBuilder.h"
#include "export/SqlText.h"

namespace sw::runtime::exporting {
namespace {

std::string upperIdent(const NodeSpec& n)
{
    std::string s = identFromId(n.id);
    for (char& c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string property(const NodeSpec& n, const char* key)
{
    auto v = propertyValue(n, "properties");
    return v.is_object() && v.contains(key) && v[key].is_string() ? v[key].get<std::string>()
                                                                  : std::string();
}

/// stream, region, endpoint and credentials options.
std::vector<WithOption> awsOptions(FlinkSqlBuilder& b, const NodeSpec& n)
{
    std::vector<WithOption> with = {{"connector", "kinesis"},
                                    {"stream", stringProperty(n, "stream")},
                                    {"aws.region", stringProperty(n, "region")}};
    const std::string endpoint = stringProperty(n, "endpoint");
    if (!endpoint.empty()) {
        with.push_back({"aws.endpoint", endpoint});
        b.issue(n, IssueKind::Note, "endpoint",
                "the endpoint override " + endpoint +
                    " is exported as is; a local Kinesis API (kinesalite) is not reachable from "
                    "the Flink pods",
                "remove 'aws.endpoint' to use the region's AWS endpoint");
    }
    const std::string key = property(n, "aws.credentials.basic.accesskeyid");
    if (!key.empty()) {
        const std::string base = upperIdent(n);
        with.push_back({"aws.credentials.provider", "BASIC"});
        with.push_back(
            {"aws.credentials.basic.accesskeyid",
             b.env(base + "_AWS_ACCESS_KEY_ID", true, "", "AWS access key id of node " + n.id)});
        with.push_back(
            {"aws.credentials.basic.secretkey", b.env(base + "_AWS_SECRET_ACCESS_KEY", true, "",
                                                      "AWS secret access key of node " + n.id)});
        if (!property(n, "aws.credentials.basic.sessiontoken").empty())
            b.issue(n, IssueKind::Approximated, "session-token",
                    "a session token (temporary credentials) has no BASIC provider option",
                    "use 'aws.credentials.provider' = 'AUTO' with a role (web identity) in "
                    "the pods");
    }
    return with;
}

} // namespace

void FlinkSqlBuilder::exportKinesisSource(const NodeSpec& n, const NodeType&)
{
    const Schema* s = outputSchema(n);
    if (!s) return;
    std::vector<std::string> cols = columnDefinitions(*s);
    if (!s->rowtime().empty()) {
        const std::string ts = quoteIdent(s->rowtime());
        cols.push_back("WATERMARK FOR " + ts + " AS " + ts + " - " +
                       sqlInterval(durationProperty(n, "max_out_of_orderness") + 1));
    }
    std::vector<WithOption> with = awsOptions(*this, n);
    const std::string start = stringProperty(n, "start_position");
    with.push_back({"scan.stream.initpos", start});
    if (start == "AT_TIMESTAMP") {
        auto v = propertyValue(n, "start_timestamp");
        const long long ms = v.is_number() ? v.get<long long>() : 0;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld.%03lld", ms / 1000, ms % 1000);
        with.push_back({"scan.stream.initpos-timestamp", buf});
    }
    const std::string format = stringProperty(n, "format");
    with.push_back({"format", format});
    const std::string name = newName(n.id);
    addStatement(createTable(name, cols, with));
    setOutput(n, Relation{name, *s, false, {}});
    const std::int64_t idle = durationProperty(n, "idle_timeout");
    if (idle > 0) noteIdleTimeout(idle);
    if (!errorsConnected(n) && format != "raw")
        issue(n, IssueKind::Note, "malformed-records",
              "a record that does not parse as " + format +
                  " fails the Flink job (the desktop runtime sends it to errors)",
              "'" + format + ".ignore-parse-errors' = 'true' to skip such records");
}

void FlinkSqlBuilder::exportKinesisSink(const NodeSpec& n, const NodeType& t)
{
    const Relation* in = input(n, t, 0);
    if (!in) return;
    if (in->updating) {
        issue(n, IssueKind::NotExportable, "updating-input",
              "the input is an updating stream; the Kinesis sink appends only",
              "write updates to an upsert-kafka or JDBC sink");
        skip(n);
        return;
    }
    std::vector<WithOption> with = awsOptions(*this, n);
    const auto keys = stringList(propertyValue(n, "partition_key_fields"));
    if (keys.empty()) with.push_back({"sink.partitioner", "random"});
    with.push_back({"format", stringProperty(n, "format")});
    const std::string name = newName(n.id);
    std::string ddl = createTable(name, columnDefinitions(in->schema), with);
    if (!keys.empty()) {
        // The partition key: the PARTITIONED BY columns (joined by the connector's delimiter).
        std::string cols;
        for (const auto& k : keys)
            cols += (cols.empty() ? "" : ", ") + quoteIdent(k);
        const auto at = ddl.find("\n) WITH (");
        if (at != std::string::npos) ddl.insert(at + 2, " PARTITIONED BY (" + cols + ")");
        if (keys.size() > 1)
            issue(n, IssueKind::Approximated, "partition-key",
                  "Flink joins the key columns with '|' while the runtime uses a JSON object: "
                  "records land on other shards than in the runtime",
                  "use one key column for identical placement");
    }
    addStatement(std::move(ddl));
    addInsert("INSERT INTO " + name + "\nSELECT " + columnList(in->schema) + " FROM " + in->name);
}

} // namespace sw::runtime::exporting
