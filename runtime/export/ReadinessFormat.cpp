// Text and JSON renderings of the readiness report.
#include <cctype>

#include "export/ReadinessReport.h"

namespace sw::runtime::exporting {

std::string_view toString(CheckStatus s)
{
    switch (s) {
    case CheckStatus::Pass:
        return "pass";
    case CheckStatus::Warn:
        return "warn";
    case CheckStatus::Fail:
        return "fail";
    }
    return "fail";
}

const std::vector<std::string>& readinessItemIds()
{
    static const std::vector<std::string> ids = {
        "event-schema",     "topic-partitioning", "idempotent-producers", "manual-commits",
        "dlq-per-consumer", "delivery-guarantee", "monitoring",           "backpressure",
        "retention",        "schema-evolution",   "lag-alerts",           "autoscaling"};
    return ids;
}

CheckStatus ReadinessReport::overall() const
{
    CheckStatus worst = CheckStatus::Pass;
    for (const auto& i : items)
        if (static_cast<int>(i.status) > static_cast<int>(worst)) worst = i.status;
    return worst;
}

int ReadinessReport::count(CheckStatus s) const
{
    int n = 0;
    for (const auto& i : items)
        n += i.status == s ? 1 : 0;
    return n;
}

const ReadinessItem* ReadinessReport::find(std::string_view id) const
{
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

std::string readinessText(const ReadinessReport& r)
{
    std::string out = "Production readiness: " + std::to_string(r.count(CheckStatus::Pass)) +
                      " pass, " + std::to_string(r.count(CheckStatus::Warn)) + " warn, " +
                      std::to_string(r.count(CheckStatus::Fail)) + " fail\n";
    for (const auto& i : r.items) {
        std::string tag = std::string(toString(i.status));
        for (auto& ch : tag)
            ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        out += "\n[" + tag + "] " + i.title + "\n";
        if (i.findings.empty()) out += "  " + i.summary + "\n";
        for (const auto& f : i.findings)
            out += "  - " + std::string(toString(f.status)) + " " +
                   (f.nodeId.empty() ? std::string("(pipeline)") : f.nodeId) + ": " + f.message +
                   "\n    fix: " + f.fix + "\n";
    }
    return out;
}

nlohmann::ordered_json readinessJson(const ReadinessReport& r)
{
    nlohmann::ordered_json doc;
    doc["overall"] = std::string(toString(r.overall()));
    doc["pass"] = r.count(CheckStatus::Pass);
    doc["warn"] = r.count(CheckStatus::Warn);
    doc["fail"] = r.count(CheckStatus::Fail);
    auto items = nlohmann::ordered_json::array();
    for (const auto& i : r.items) {
        nlohmann::ordered_json o;
        o["id"] = i.id;
        o["title"] = i.title;
        o["status"] = std::string(toString(i.status));
        o["summary"] = i.summary;
        auto fs = nlohmann::ordered_json::array();
        for (const auto& f : i.findings)
            fs.push_back({{"status", std::string(toString(f.status))},
                          {"node", f.nodeId},
                          {"message", f.message},
                          {"fix", f.fix}});
        o["findings"] = std::move(fs);
        items.push_back(std::move(o));
    }
    doc["items"] = std::move(items);
    return doc;
}

} // namespace sw::runtime::exporting
