#include "model/DeadLetter.h"

#include <nlohmann/json.hpp>

#include "types/Value.h"
#include "types/ValueText.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"

namespace sw::runtime {

std::string DeadLetter::sourcePosition() const
{
    if (sourceTopic) {
        std::string s = *sourceTopic;
        if (sourcePartition) s += "[" + std::to_string(*sourcePartition) + "]";
        if (sourceOffset) s += "@" + std::to_string(*sourceOffset);
        return s;
    }
    if (sourceFile) return *sourceFile + (sourceLine ? ":" + std::to_string(*sourceLine) : "");
    return {};
}

std::string rawHeadersToJson(const std::vector<std::pair<std::string, std::string>>& headers)
{
    std::string out = "[";
    for (const auto& [name, value] : headers) {
        if (out.size() > 1) out += ", ";
        out += "{\"key\": ";
        appendJsonString(out, name);
        out += ", \"value\": \"";
        appendBase64(out, value);
        out += "\"}";
    }
    out += ']';
    return out;
}

bool parseRawHeaders(std::string_view json, std::vector<std::pair<std::string, std::string>>& out,
                     std::string* error)
{
    auto fail = [&](std::string why) {
        if (error) *error = std::move(why);
        return false;
    };
    const auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded()) return fail("raw_headers is not valid JSON");
    if (!j.is_array())
        return fail("raw_headers is not a JSON array of {\"key\", \"value\"} objects");
    std::vector<std::pair<std::string, std::string>> headers;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto& h = j[i];
        const std::string where = "raw_headers entry " + std::to_string(i + 1);
        if (!h.is_object() || !h.contains("key") || !h["key"].is_string())
            return fail(where + " has no string \"key\"");
        const std::string name = h["key"].get<std::string>();
        if (!h.contains("value") || !h["value"].is_string())
            return fail(where + " ('" + name + "') has no string \"value\"");
        std::string value;
        if (!decodeBase64(h["value"].get<std::string>(), value))
            return fail(where + " ('" + name + "'): value is not base64");
        headers.emplace_back(name, std::move(value));
    }
    out = std::move(headers);
    return true;
}

namespace {
void addProblem(DeadLetter& d, const std::string& problem)
{
    d.problems += (d.problems.empty() ? "" : "; ") + problem;
}
const Value* column(const Row& row, const Schema& s, const char* name)
{
    const int i = s.indexOf(name);
    if (i < 0 || static_cast<std::size_t>(i) >= row.size()) return nullptr;
    const Value& v = row[static_cast<std::size_t>(i)];
    return v.isNull() ? nullptr : &v;
}
std::string text(const Value& v)
{
    return v.kind() == Value::Kind::String ? v.asString() : v.toString();
}
std::optional<std::string> optText(const Row& row, const Schema& s, const char* name)
{
    const Value* v = column(row, s, name);
    return v ? std::optional<std::string>(text(*v)) : std::nullopt;
}
} // namespace

void setRawHeaders(DeadLetter& d, const std::string& json)
{
    std::string why;
    if (parseRawHeaders(json, d.rawHeaders, &why)) return;
    d.unreadableHeaders = json;
    addProblem(d, why);
}

void setRawTimestamp(DeadLetter& d, const std::string& text)
{
    std::int64_t ms = 0;
    if (parseTimestamp(text, ms))
        d.rawTimestamp = ms;
    else
        addProblem(d, "raw_timestamp '" + text + "' is not a timestamp");
}

DeadLetter deadLetterFromErrorRow(const Row& row, const Schema& s)
{
    DeadLetter d;
    if (const Value* v = column(row, s, "error_time")) d.errorTime = v->asTimestamp();
    d.nodeId = optText(row, s, "node_id").value_or("");
    d.errorClass = optText(row, s, "error_class").value_or("");
    d.message = optText(row, s, "message").value_or("");
    d.sourceTopic = optText(row, s, "source_topic");
    if (const Value* v = column(row, s, "source_partition")) d.sourcePartition = v->asInt();
    if (const Value* v = column(row, s, "source_offset")) d.sourceOffset = v->asInt();
    d.sourceFile = optText(row, s, "source_file");
    if (const Value* v = column(row, s, "source_line")) d.sourceLine = v->asInt();
    if (const Value* v = column(row, s, "raw_key")) d.rawKey = v->asString();
    if (const Value* v = column(row, s, "raw_value")) d.rawValue = v->asString();
    d.record = optText(row, s, "record");
    if (const Value* v = column(row, s, "raw_headers")) setRawHeaders(d, text(*v));
    // raw_timestamp as the errors port has it (TIMESTAMP), or as text/ms from another writer.
    if (const Value* v = column(row, s, "raw_timestamp")) {
        if (v->kind() == Value::Kind::Timestamp)
            d.rawTimestamp = v->asTimestamp();
        else if (v->kind() == Value::Kind::Int)
            d.rawTimestamp = v->asInt();
        else if (v->kind() == Value::Kind::String)
            setRawTimestamp(d, v->asString());
        else
            addProblem(d, "raw_timestamp '" + text(*v) + "' is not a timestamp");
    }
    return d;
}

std::string replayText(const DeadLetter& d, const std::string* edited)
{
    if (edited) return *edited;
    if (replaysRawBytes(d)) return *d.rawValue;
    return d.record.value_or(std::string());
}

} // namespace sw::runtime
