#include "dlq/DlqEntry.h"

#include <climits>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "connectors/dlq/DeadLetterStore.h"
#include "types/Value.h"

namespace sw::widgets {

std::string DlqEntry::sourcePosition() const
{
    if (!sourceTopic.empty()) {
        std::string s = sourceTopic;
        if (sourcePartition) s += "[" + std::to_string(*sourcePartition) + "]";
        if (sourceOffset) s += "@" + std::to_string(*sourceOffset);
        return s;
    }
    if (!sourceFile.empty())
        return sourceFile + (sourceLine ? ":" + std::to_string(*sourceLine) : "");
    return {};
}

std::string DlqEntry::replayText() const
{
    if (editedText) return *editedText;
    if (replaysRawBytes()) return *rawValue;
    return recordJson;
}

namespace {
const runtime::Value* column(const runtime::Row& row, const runtime::Schema& s, const char* name)
{
    const int i = s.indexOf(name);
    if (i < 0 || static_cast<std::size_t>(i) >= row.size()) return nullptr;
    const runtime::Value& v = row[static_cast<std::size_t>(i)];
    return v.isNull() ? nullptr : &v;
}
std::string str(const runtime::Value* v)
{
    return v ? (v->kind() == runtime::Value::Kind::String ? v->asString() : v->toString())
             : std::string();
}
} // namespace

namespace {
void addNote(DlqEntry& e, const std::string& note)
{
    e.rawNote += (e.rawNote.empty() ? "" : "; ") + note;
}
void readRawHeaders(DlqEntry& e, const std::string& json)
{
    std::string error;
    if (runtime::parseRawHeaders(json, e.rawHeaders, &error)) return;
    e.unreadableHeaders = json;
    addNote(e, error);
}
/// raw_timestamp as the errors port has it (TIMESTAMP), or as text/ms from another writer.
void readRawTimestamp(DlqEntry& e, const runtime::Value& v)
{
    using K = runtime::Value::Kind;
    if (v.kind() == K::Timestamp) {
        e.rawTimestampMs = v.asTimestamp();
        return;
    }
    if (v.kind() == K::Int) {
        e.rawTimestampMs = v.asInt();
        return;
    }
    std::int64_t ms = 0;
    const std::string text = v.kind() == K::String ? v.asString() : v.toString();
    if (v.kind() == K::String && runtime::parseTimestamp(text, ms)) {
        e.rawTimestampMs = ms;
        return;
    }
    addNote(e, "raw_timestamp '" + text + "' is not a timestamp");
}
} // namespace

DlqEntry dlqEntryFromErrorRow(const runtime::Row& row, const runtime::Schema& s)
{
    DlqEntry e;
    if (const auto* v = column(row, s, "error_time")) e.errorTimeMs = v->asTimestamp();
    e.nodeId = str(column(row, s, "node_id"));
    e.errorClass = str(column(row, s, "error_class"));
    e.message = str(column(row, s, "message"));
    e.sourceTopic = str(column(row, s, "source_topic"));
    if (const auto* v = column(row, s, "source_partition"))
        e.sourcePartition = static_cast<int>(v->asInt());
    if (const auto* v = column(row, s, "source_offset")) e.sourceOffset = v->asInt();
    e.sourceFile = str(column(row, s, "source_file"));
    if (const auto* v = column(row, s, "source_line")) e.sourceLine = v->asInt();
    if (const auto* v = column(row, s, "raw_key")) e.rawKey = v->asString();
    if (const auto* v = column(row, s, "raw_value")) e.rawValue = v->asString();
    e.recordJson = str(column(row, s, "record"));
    if (const auto* v = column(row, s, "raw_headers")) readRawHeaders(e, str(v));
    if (const auto* v = column(row, s, "raw_timestamp")) readRawTimestamp(e, *v);
    return e;
}

DlqEntry dlqEntryFromDeadLetter(const runtime::DeadLetter& d)
{
    DlqEntry e;
    e.errorTimeMs = d.errorTime;
    e.nodeId = d.nodeId;
    e.errorClass = d.errorClass;
    e.message = d.message;
    e.sourceTopic = d.sourceTopic.value_or("");
    if (d.sourcePartition) e.sourcePartition = static_cast<int>(*d.sourcePartition);
    e.sourceOffset = d.sourceOffset;
    e.sourceFile = d.sourceFile.value_or("");
    e.sourceLine = d.sourceLine;
    e.rawKey = d.rawKey;
    e.rawValue = d.rawValue;
    e.recordJson = d.record.value_or("");
    e.rawHeaders = d.rawHeaders;
    e.rawTimestampMs = d.rawTimestamp;
    e.unreadableHeaders = d.unreadableHeaders;
    e.rawNote = d.problems;
    return e;
}

std::string hexDump(std::string_view bytes)
{
    std::string out;
    char buf[32];
    for (std::size_t off = 0; off < bytes.size(); off += 16) {
        std::snprintf(buf, sizeof buf, "%08zx  ", off);
        out += buf;
        for (std::size_t i = 0; i < 16; ++i) {
            if (off + i < bytes.size()) {
                std::snprintf(buf, sizeof buf, "%02x ", static_cast<unsigned char>(bytes[off + i]));
                out += buf;
            } else {
                out += "   ";
            }
            if (i == 7) out += ' ';
        }
        out += " |";
        for (std::size_t i = 0; i < 16 && off + i < bytes.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(bytes[off + i]);
            out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
        }
        out += "|\n";
    }
    return out;
}

std::string hexBytes(std::string_view bytes)
{
    std::string out;
    char buf[4];
    for (unsigned char c : bytes) {
        std::snprintf(buf, sizeof buf, "%02x", c);
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

bool isPrintableText(std::string_view s)
{
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    return isValidUtf8(s);
}

std::string bytesAsText(std::string_view bytes)
{
    if (isValidUtf8(bytes)) return std::string(bytes);
    std::string out;
    char buf[8];
    for (unsigned char c : bytes) {
        if (c >= 0x20 && c < 0x7f)
            out += static_cast<char>(c);
        else {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    return out;
}

std::string dlqEntryToJsonLine(const DlqEntry& e)
{
    using J = nlohmann::ordered_json;
    J j;
    j["error_time"] = runtime::formatTimestamp(e.errorTimeMs);
    j["node_id"] = e.nodeId;
    j["error_class"] = e.errorClass;
    j["message"] = e.message;
    if (!e.sourceTopic.empty()) {
        j["source_topic"] = e.sourceTopic;
        j["source_partition"] = e.sourcePartition ? J(*e.sourcePartition) : J();
        j["source_offset"] = e.sourceOffset ? J(*e.sourceOffset) : J();
    }
    if (!e.sourceFile.empty()) {
        j["source_file"] = e.sourceFile;
        j["source_line"] = e.sourceLine ? J(*e.sourceLine) : J();
    }
    auto bytes = [&](const char* name, const std::optional<std::string>& b) {
        if (!b) return;
        if (isValidUtf8(*b)) j[name] = *b;
        j[std::string(name) + "_base64"] = base64Encode(*b);
    };
    bytes("raw_key", e.rawKey);
    bytes("raw_value", e.rawValue);
    if (!e.rawHeaders.empty()) {
        J headers = J::array();
        for (const auto& [name, value] : e.rawHeaders) {
            J h;
            h["key"] = name;
            if (isValidUtf8(value)) h["text"] = value;
            h["value"] = base64Encode(value);
            headers.push_back(std::move(h));
        }
        j["raw_headers"] = std::move(headers);
    } else if (e.unreadableHeaders) {
        j["raw_headers"] = *e.unreadableHeaders; // as stored: it could not be decoded
    }
    if (e.rawTimestampMs) j["raw_timestamp"] = runtime::formatTimestamp(*e.rawTimestampMs);
    if (!e.recordJson.empty()) {
        J rec = J::parse(e.recordJson, nullptr, false);
        j["record"] = rec.is_discarded() ? J(e.recordJson) : rec;
    }
    if (e.replay != DlqEntry::Replay::None) j["replayed"] = e.replay == DlqEntry::Replay::Replayed;
    return j.dump(-1, ' ', false, J::error_handler_t::replace);
}

} // namespace sw::widgets
