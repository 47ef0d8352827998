#pragma once
// Renders records as alerts (JSON text), the way the alert-sink posts them.
//
// Alertmanager mode: one element of the POST /api/v2/alerts array (Alertmanager's
// postableAlert):
//   {"labels": {...}, "annotations": {...}, "startsAt": "...", "endsAt": "...",
//    "generatorURL": "..."}
//   - labels: the label columns (value as text; NULL or '' = no label, as Alertmanager drops
//     empty labels) and the constant labels. "labels" is always present (the API requires it).
//   - annotations: each expression's result as text (NULL = left out).
//   - startsAt: the record's event time, or now when it has none (RFC 3339, UTC, ms).
//   - endsAt: startsAt + resolve_timeout when that is set, else left out (Alertmanager then
//     resolves the alert after its own resolve_timeout unless it is posted again).
//   - generatorURL: when set.
// Webhook mode: the body template filled in (expr/JsonTemplate.h).
// Text of a value: Value::toString() (TRUE/FALSE, DECIMAL digits, 'yyyy-MM-dd HH:mm:ss.SSS'),
// BYTES as base64.
#include <cstdint>
#include <string>
#include <vector>

#include "connectors/alert/AlertSettings.h"
#include "exec/Record.h"

namespace sw::runtime::alert {

class AlertRenderer {
public:
    explicit AlertRenderer(const AlertSettings& s) : m_s(s) {}

    /// Appends the alert (or body) of `r` to `out`. On an expression error returns false and
    /// sets `error` (`out` may hold a partial alert: the caller discards it).
    bool render(const Record& r, std::int64_t nowMs, std::string& out, std::string& error);

    /// The POST body of `items` (rendered alerts): a JSON array, except a webhook batch of
    /// one, which is posted as the body itself.
    std::string body(const std::vector<const std::string*>& items) const;

private:
    bool renderAlert(const Record& r, std::int64_t nowMs, std::string& out, std::string& error);
    bool renderTemplate(const Record& r, std::string& out, std::string& error);

    const AlertSettings& m_s;
    Value m_value;
    std::string m_text;
};

/// 'yyyy-MM-ddTHH:mm:ss.SSSZ' (RFC 3339 in UTC) of epoch milliseconds.
std::string rfc3339(std::int64_t millis);

} // namespace sw::runtime::alert
