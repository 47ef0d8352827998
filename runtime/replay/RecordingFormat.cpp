#include "replay/RecordingFormat.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "connectors/format/JsonRowParser.h"
#include "state/CheckpointStore.h"
#include "types/RowJson.h"
#include "types/RowKind.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"

namespace sw::runtime {

using nlohmann::json;

std::string recordingFingerprint(const std::vector<RecordedSource>& sources)
{
    std::string d;
    for (const RecordedSource& s : sources)
        d += s.node + '\n' + s.schema + '\n';
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(stateChecksum(d)));
    return hex;
}

std::string recordingFileName(const std::string& node, int subtask)
{
    return node + "." + std::to_string(subtask) + ".jsonl";
}

Status writeManifest(const std::string& dir, const RecordingManifest& m)
{
    json j;
    j["format"] = m.format;
    j["pipeline"] = m.pipeline;
    j["fingerprint"] = m.fingerprint;
    j["started_ms"] = m.startedMs;
    j["limits"] = {{"max_duration_ms", m.limits.maxDurationMs},
                   {"max_records", m.limits.maxRecords},
                   {"max_bytes", m.limits.maxBytes}};
    j["sources"] = json::array();
    for (const RecordedSource& s : m.sources)
        j["sources"].push_back({{"node", s.node},
                                {"parallelism", s.parallelism},
                                {"schema", s.schema},
                                {"files", s.files}});
    const std::string path = (std::filesystem::path(dir) / kRecordingManifest).string();
    std::ofstream f(path, std::ios::trunc);
    f << j.dump(2) << '\n';
    if (!f) return makeError("cannot write " + path);
    return Status::ok();
}

Result<RecordingManifest> readManifest(const std::string& dir)
{
    const std::string path = (std::filesystem::path(dir) / kRecordingManifest).string();
    std::ifstream f(path);
    if (!f) return makeError(path + ": no recording here (cannot open the manifest)");
    std::stringstream ss;
    ss << f.rdbuf();
    json j = json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError(path + ": not a JSON object (damaged manifest)");
    RecordingManifest m;
    try {
        m.format = j.value("format", std::string());
        if (m.format != kRecordingFormat)
            return makeError(path + ": format '" + m.format + "' is not " + kRecordingFormat +
                             " (a recording of another version)");
        m.pipeline = j.value("pipeline", std::string());
        m.fingerprint = j.value("fingerprint", std::string());
        m.startedMs = j.at("started_ms").get<std::int64_t>();
        for (const json& s : j.at("sources")) {
            RecordedSource r;
            r.node = s.at("node").get<std::string>();
            r.parallelism = s.at("parallelism").get<int>();
            r.schema = s.at("schema").get<std::string>();
            r.files = s.at("files").get<std::vector<std::string>>();
            m.sources.push_back(std::move(r));
        }
    } catch (const std::exception& e) {
        return makeError(path + ": " + e.what());
    }
    return m;
}

std::string encodeHeader(const std::string& node, int subtask, int parallelism,
                         const Schema& schema)
{
    json j = {{"format", kRecordingFormat},
              {"node", node},
              {"subtask", subtask},
              {"parallelism", parallelism},
              {"schema", schema.toString()}};
    return j.dump();
}

void encodeRecord(std::string& out, int port, const Record& r, const Schema& schema)
{
    // Written by hand (the hot path of --record); read back with nlohmann in readFile.
    out += "{\"port\":";
    out += std::to_string(port);
    out += ",\"kind\":\"";
    out += toString(r.kind);
    out += '"';
    if (r.timestamp != kNoTimestamp) {
        out += ",\"ts\":";
        out += std::to_string(r.timestamp);
    }
    out += ",\"row\":"; // a string: exact values, whatever the JSON reader
    appendJsonString(out, rowToJson(r.row, schema));
    const Provenance& p = r.provenance;
    if (p.kind != Provenance::Kind::None && p.origin) {
        const bool kafka = p.kind == Provenance::Kind::Kafka;
        out += kafka ? ",\"topic\":" : ",\"file\":";
        appendJsonString(out, *p.origin);
        if (kafka) {
            out += ",\"partition\":" + std::to_string(p.partition);
            out += ",\"offset\":" + std::to_string(p.position);
        } else {
            out += ",\"line\":" + std::to_string(p.position);
        }
    }
    if (p.raw) {
        auto b64 = [&](const char* name, std::string_view bytes) {
            out += name;
            out += '"';
            appendBase64(out, bytes);
            out += '"';
        };
        if (p.raw->hasKey) b64(",\"raw_key\":", p.raw->key);
        if (p.raw->hasValue) b64(",\"raw_value\":", p.raw->value);
        if (p.raw->timestamp >= 0) out += ",\"raw_timestamp\":" + std::to_string(p.raw->timestamp);
        if (!p.raw->headers.empty()) {
            out += ",\"raw_headers\":[";
            for (std::size_t i = 0; i < p.raw->headers.size(); ++i) {
                out += i ? ",[" : "[";
                appendJsonString(out, p.raw->headers[i].first);
                out += ",\"";
                appendBase64(out, p.raw->headers[i].second);
                out += "\"]";
            }
            out += ']';
        }
    }
    out += '}';
}

namespace {

/// Shares one origin string per name, as sources do.
using Origins = std::map<std::string, std::shared_ptr<const std::string>>;
std::shared_ptr<const std::string> originOf(Origins& origins, const std::string& s)
{
    auto& p = origins[s];
    if (!p) p = std::make_shared<const std::string>(s);
    return p;
}

std::string decodeB64(const json& j, const char* what)
{
    std::string out;
    if (!decodeBase64(j.get<std::string>(), out))
        throw std::runtime_error(std::string(what) + " is not base64");
    return out;
}

Record decodeRecord(const json& j, const std::vector<Schema>& schemas,
                    std::vector<JsonRowParser>& parsers, Origins& origins, int& port)
{
    port = j.at("port").get<int>();
    if (port < 0 || static_cast<std::size_t>(port) >= schemas.size())
        throw std::runtime_error("record on output port " + std::to_string(port) +
                                 ", which the source does not have");
    Record r;
    auto kind = parseRowKind(j.at("kind").get<std::string>());
    if (!kind) throw std::runtime_error("unknown row kind '" + j.at("kind").dump() + "'");
    r.kind = *kind;
    r.timestamp = j.contains("ts") ? j["ts"].get<std::int64_t>() : kNoTimestamp;
    JsonRowParser& parser = parsers[static_cast<std::size_t>(port)];
    if (!parser.parse(j.at("row").get<std::string>(), r.row))
        throw std::runtime_error("row does not match the source's schema: " + parser.error());
    Provenance& p = r.provenance;
    if (j.contains("topic")) {
        p.kind = Provenance::Kind::Kafka;
        p.origin = originOf(origins, j["topic"].get<std::string>());
        p.partition = j.at("partition").get<std::int32_t>();
        p.position = j.at("offset").get<std::int64_t>();
    } else if (j.contains("file")) {
        p.kind = Provenance::Kind::File;
        p.origin = originOf(origins, j["file"].get<std::string>());
        p.position = j.at("line").get<std::int64_t>();
    }
    if (j.contains("raw_key") || j.contains("raw_value") || j.contains("raw_headers")) {
        auto raw = std::make_shared<RawBytes>();
        raw->hasKey = j.contains("raw_key");
        if (raw->hasKey) raw->key = decodeB64(j["raw_key"], "raw_key");
        raw->hasValue = j.contains("raw_value");
        if (raw->hasValue) raw->value = decodeB64(j["raw_value"], "raw_value");
        raw->timestamp = j.value("raw_timestamp", std::int64_t(-1));
        if (j.contains("raw_headers"))
            for (const json& h : j["raw_headers"])
                raw->headers.emplace_back(h.at(0).get<std::string>(),
                                          decodeB64(h.at(1), "raw header"));
        p.raw = std::move(raw);
    }
    return r;
}

RecordedEvent decodeEvent(const json& j, const std::vector<Schema>& schemas,
                          std::vector<JsonRowParser>& parsers, Origins& origins)
{
    RecordedEvent e;
    e.t = j.at("t").get<std::int64_t>();
    if (j.contains("records")) {
        e.kind = RecordedEvent::Kind::Batch;
        for (const json& r : j["records"]) {
            int port = 0;
            Record rec = decodeRecord(r, schemas, parsers, origins, port);
            e.records.emplace_back(port, std::move(rec));
        }
    } else if (j.contains("watermark")) {
        e.kind = RecordedEvent::Kind::Watermark;
        e.watermark = j["watermark"].get<std::int64_t>();
    } else if (j.contains("idle")) {
        e.kind = RecordedEvent::Kind::Idle;
        e.idle = j["idle"].get<bool>();
    } else if (j.contains("end")) {
        e.kind = RecordedEvent::Kind::End;
        e.endReason = j["end"].get<std::string>();
    } else {
        throw std::runtime_error("unknown line (no records, watermark, idle or end)");
    }
    return e;
}

} // namespace

RecordingReader::RecordingReader(std::string path, std::vector<Schema> schemas)
    : m_path(std::move(path)), m_schemas(std::move(schemas))
{
    for (const Schema& s : m_schemas)
        m_parsers.emplace_back(s);
}

Error RecordingReader::at(const std::string& what) const
{
    return makeError(m_path + ":" + std::to_string(m_lineNo) + ": " + what);
}

Result<std::unique_ptr<RecordingReader>> RecordingReader::open(const std::string& path,
                                                               const std::string& node,
                                                               const std::vector<Schema>& schemas)
{
    std::unique_ptr<RecordingReader> r(new RecordingReader(path, schemas));
    r->m_in.open(path, std::ios::binary);
    if (!r->m_in) return makeError(path + ": cannot open (the recording is incomplete)");
    r->m_lineNo = 1;
    if (!std::getline(r->m_in, r->m_line)) return r->at("empty file (no header)");
    json j = json::parse(r->m_line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return r->at("not a JSON object: the file is damaged or truncated");
    const std::string format = j.value("format", std::string());
    if (format != kRecordingFormat)
        return r->at("format '" + format + "' is not " + kRecordingFormat);
    const std::string recorded = j.value("node", std::string());
    if (recorded != node) return r->at("records node '" + recorded + "', not '" + node + "'");
    const std::string schema = j.value("schema", std::string());
    const std::string expected = schemas.empty() ? std::string() : schemas[0].toString();
    if (schema != expected)
        return r->at("recorded schema (" + schema + ") does not match source '" + node +
                     "' of the pipeline (" + expected + ")");
    return r;
}

Result<bool> RecordingReader::next(RecordedEvent& e)
{
    if (m_ended) return false;
    if (!std::getline(m_in, m_line))
        return at("no end line: the file is truncated (the recording run was killed?)");
    ++m_lineNo;
    if (m_in.eof()) return at("line cut short (no newline): the file is truncated");
    json j = json::parse(m_line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return at("not a JSON object: the file is damaged or truncated");
    try {
        e = decodeEvent(j, m_schemas, m_parsers, m_origins);
    } catch (const std::exception& ex) {
        return at(ex.what());
    }
    if (e.t < m_lastT) return at("processing time goes backwards");
    m_lastT = e.t;
    if (e.kind == RecordedEvent::Kind::End) {
        m_ended = true;
        std::string rest;
        if (std::getline(m_in, rest)) {
            ++m_lineNo;
            return at("data after the end line");
        }
    }
    return true;
}

Result<std::vector<RecordedEvent>> RecordingReader::readFile(const std::string& path,
                                                             const std::string& node,
                                                             const std::vector<Schema>& schemas)
{
    auto r = open(path, node, schemas);
    if (!r) return r.error();
    std::vector<RecordedEvent> events;
    while (true) {
        RecordedEvent e;
        auto more = (*r)->next(e);
        if (!more) return more.error();
        if (!*more) return events;
        events.push_back(std::move(e));
    }
}

} // namespace sw::runtime
