#include <cctype>
#include <string>
#include <vector>

#include "validate/Validator.h"

namespace sw::runtime {
namespace {

std::vector<std::string> split(const std::string& s)
{
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s) {
        if (c == '.') {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    parts.push_back(cur);
    return parts;
}

/// Lowercase kebab-case segment; `allowUnderscore` for database/table names.
bool goodSegment(const std::string& seg, bool allowUnderscore)
{
    if (seg.empty() || seg.front() == '-' || seg.back() == '-') return false;
    for (char c : seg) {
        bool ok = std::islower(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) || c == '-' ||
                  (allowUnderscore && c == '_');
        if (!ok) return false;
    }
    return true;
}

std::string checkSegments(const std::vector<std::string>& parts, std::size_t from,
                          bool allowUnderscore)
{
    for (std::size_t i = from; i < parts.size(); ++i)
        if (!goodSegment(parts[i], allowUnderscore))
            return "segment '" + parts[i] + "' should be lowercase letters, digits and hyphens" +
                   (allowUnderscore ? std::string(" (or underscores)") : std::string());
    return {};
}

} // namespace

std::string checkTopicName(const std::string& topic)
{
    if (topic.empty()) return "topic name is empty";
    if (topic.size() > 249) return "topic names are limited to 249 characters";
    auto parts = split(topic);
    const std::string& head = parts.front();
    auto expect = [&](std::size_t n, const char* pattern) -> std::string {
        if (parts.size() != n)
            return "'" + topic + "' does not follow " + pattern + " (" + std::to_string(n) +
                   " dot-separated parts)";
        return {};
    };
    if (head == "cdc") {
        if (auto e = expect(3, "cdc.database.table"); !e.empty()) return e;
        return checkSegments(parts, 1, true);
    }
    if (head == "metrics") {
        if (auto e = expect(3, "metrics.service.type"); !e.empty()) return e;
        return checkSegments(parts, 1, false);
    }
    if (head == "commands") {
        if (auto e = expect(3, "commands.service.action"); !e.empty()) return e;
        return checkSegments(parts, 1, false);
    }
    if (head == "dlq") {
        if (parts.size() < 3)
            return "'" + topic + "' does not follow dlq.consumer-group.topic";
        return checkSegments(parts, 1, true);
    }
    // Event topics: domain.entity.event, or entity.event when the domain is the entity itself.
    if (parts.size() < 2 || parts.size() > 3)
        return "'" + topic +
               "' does not follow a naming convention: domain.entity.event (e.g. "
               "shop.orders.created), cdc.database.table, metrics.service.type, "
               "commands.service.action or dlq.consumer-group.topic";
    return checkSegments(parts, 0, false);
}

} // namespace sw::runtime
