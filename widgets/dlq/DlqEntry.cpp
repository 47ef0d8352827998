#include "dlq/DlqEntry.h"

#include <climits>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "types/Value.h"

namespace sw::widgets {

DlqEntry dlqEntryFromErrorRow(const runtime::Row& row, const runtime::Schema& s)
{
    return DlqEntry(runtime::deadLetterFromErrorRow(row, s));
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
    j["error_time"] = runtime::formatTimestamp(e.errorTime);
    j["node_id"] = e.nodeId;
    j["error_class"] = e.errorClass;
    j["message"] = e.message;
    if (e.sourceTopic) {
        j["source_topic"] = *e.sourceTopic;
        j["source_partition"] = e.sourcePartition ? J(*e.sourcePartition) : J();
        j["source_offset"] = e.sourceOffset ? J(*e.sourceOffset) : J();
    }
    if (e.sourceFile) {
        j["source_file"] = *e.sourceFile;
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
    if (e.rawTimestamp) j["raw_timestamp"] = runtime::formatTimestamp(*e.rawTimestamp);
    if (e.record && !e.record->empty()) {
        J rec = J::parse(*e.record, nullptr, false);
        j["record"] = rec.is_discarded() ? J(*e.record) : rec;
    }
    if (e.replay != DlqEntry::Replay::None) j["replayed"] = e.replay == DlqEntry::Replay::Replayed;
    return j.dump(-1, ' ', false, J::error_handler_t::replace);
}

} // namespace sw::widgets
