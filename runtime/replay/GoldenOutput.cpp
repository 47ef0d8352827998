#include "replay/GoldenOutput.h"

#include <algorithm>
#include <sstream>

#include "catalog/Catalog.h"
#include "catalog/PropertyAccess.h"
#include "connectors/format/JsonRowParser.h"
#include "exec/Operator.h"
#include "exec/OperatorContext.h"
#include "types/RowJson.h"

namespace sw::runtime {

namespace {

class CaptureSink final : public Operator {
public:
    CaptureSink(SinkCapture& c, std::string id) : m_capture(c), m_id(std::move(id)) {}
    Status open(OperatorContext& ctx) override
    {
        m_schema = ctx.inputSchemas().empty() ? Schema() : ctx.inputSchemas()[0];
        return Status::ok();
    }
    void processBatch(int, RecordBatch& batch, Collector&) override
    {
        for (const Record& r : batch)
            m_lines.push_back(std::string(toString(r.kind)) + ' ' + rowToJson(r.row, m_schema));
    }
    void close() override { m_capture.add(m_id, std::move(m_lines), m_schema); }

private:
    SinkCapture& m_capture;
    std::string m_id;
    Schema m_schema;
    std::vector<std::string> m_lines;
};

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);)
        if (!l.empty()) out.push_back(l);
    return out;
}

} // namespace

void SinkCapture::install(const PipelineSpec& pipeline, EngineOptions& options)
{
    for (const NodeSpec& n : pipeline.nodes) {
        const NodeType* t = Catalog::instance().find(n.type);
        if (!t || t->isSource() || !t->isSink()) continue;
        m_sinks.push_back(n.id);
        m_lines[n.id];
        // The upstream node's key columns (an aggregate's or window's group keys).
        for (const EdgeSpec& e : pipeline.edges) {
            if (e.to.node != n.id) continue;
            for (const NodeSpec& up : pipeline.nodes)
                if (up.id == e.from.node) {
                    auto it = up.properties.find("keys");
                    if (it != up.properties.end() && it->is_array())
                        for (const auto& k : *it)
                            if (k.is_string()) m_upstreamKeys[n.id].push_back(k.get<std::string>());
                }
        }
        const std::string id = n.id;
        options.operatorOverrides[id] = [this, id](const OperatorSpec&) {
            return makeOperator<CaptureSink>(*this, id);
        };
    }
    std::sort(m_sinks.begin(), m_sinks.end());
}

std::vector<std::string> SinkCapture::sinks() const
{
    return m_sinks;
}

void SinkCapture::add(const std::string& sink, std::vector<std::string> lines, const Schema& schema)
{
    std::lock_guard lock(m_mutex);
    auto& v = m_lines[sink];
    v.insert(v.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    m_schemas[sink] = schema;
}

std::string SinkCapture::golden(const std::string& sink) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_lines.find(sink);
    if (it == m_lines.end()) return {};
    std::vector<std::string> lines = it->second;
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (const std::string& l : lines)
        out += l + '\n';
    return out;
}

const Schema& SinkCapture::schemaOf(const std::string& sink) const
{
    static const Schema kNone;
    std::lock_guard lock(m_mutex);
    auto it = m_schemas.find(sink);
    return it == m_schemas.end() ? kNone : it->second;
}

std::vector<std::string> SinkCapture::keyColumns(const std::string& sink) const
{
    const Schema& s = schemaOf(sink);
    std::vector<std::string> keys;
    if (auto it = m_upstreamKeys.find(sink); it != m_upstreamKeys.end())
        for (const std::string& k : it->second)
            if (s.indexOf(k) >= 0) keys.push_back(k);
    for (const char* w : {"window_start", "window_end"})
        if (s.indexOf(w) >= 0) keys.push_back(w);
    return keys;
}

namespace {

/// The key of a golden line: the key columns' values as JSON, or the whole line.
std::string keyOf(const std::string& line, const Schema& schema, JsonRowParser& parser,
                  const std::vector<int>& keyIdx)
{
    if (keyIdx.empty()) return line;
    const auto sp = line.find(' ');
    Row row;
    if (sp == std::string::npos || !parser.parse(std::string_view(line).substr(sp + 1), row))
        return line;
    Row key;
    Schema ks;
    for (int i : keyIdx) {
        key.push_back(row[static_cast<std::size_t>(i)]);
        const Field& f = schema.fields()[static_cast<std::size_t>(i)];
        ks.add(f.name, f.type);
    }
    return rowToJson(key, ks);
}

} // namespace

std::string diffGolden(const std::string& sink, const std::string& expected,
                       const std::string& actual, const Schema& schema,
                       const std::vector<std::string>& keyColumns)
{
    if (expected == actual) return {};
    std::vector<int> keyIdx;
    for (const std::string& k : keyColumns)
        keyIdx.push_back(schema.indexOf(k));
    JsonRowParser parser(schema);
    // key -> (expected lines, actual lines), lines common to both removed (multiset).
    std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> byKey;
    for (const std::string& l : splitLines(expected))
        byKey[keyOf(l, schema, parser, keyIdx)].first.push_back(l);
    for (const std::string& l : splitLines(actual))
        byKey[keyOf(l, schema, parser, keyIdx)].second.push_back(l);
    std::ostringstream out;
    std::size_t missing = 0, extra = 0, changed = 0;
    std::ostringstream body;
    for (auto& [key, sides] : byKey) {
        auto& [exp, act] = sides;
        std::sort(exp.begin(), exp.end());
        std::sort(act.begin(), act.end());
        std::vector<std::string> onlyExp, onlyAct;
        std::set_difference(exp.begin(), exp.end(), act.begin(), act.end(),
                            std::back_inserter(onlyExp));
        std::set_difference(act.begin(), act.end(), exp.begin(), exp.end(),
                            std::back_inserter(onlyAct));
        if (onlyExp.empty() && onlyAct.empty()) continue;
        const bool keyed = !keyIdx.empty();
        if (keyed && !onlyExp.empty() && !onlyAct.empty()) {
            ++changed;
            body << "  changed  key " << key << "\n";
            for (const std::string& l : onlyExp)
                body << "    - " << l << "\n";
            for (const std::string& l : onlyAct)
                body << "    + " << l << "\n";
            continue;
        }
        for (const std::string& l : onlyExp) {
            ++missing;
            body << "  missing  " << (keyed ? "key " + key + ": " : "") << l << "\n";
        }
        for (const std::string& l : onlyAct) {
            ++extra;
            body << "  extra    " << (keyed ? "key " + key + ": " : "") << l << "\n";
        }
    }
    out << "sink '" << sink << "': " << changed << " changed, " << missing << " missing, " << extra
        << " extra";
    if (!keyIdx.empty()) {
        out << " (key:";
        for (const std::string& k : keyColumns)
            out << ' ' << k;
        out << ')';
    }
    out << "\n" << body.str();
    return out.str();
}

} // namespace sw::runtime
