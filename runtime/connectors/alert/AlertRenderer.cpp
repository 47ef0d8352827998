#include "connectors/alert/AlertRenderer.h"

#include "connectors/format/JsonRowWriter.h"
#include "types/ValueText.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"

namespace sw::runtime::alert {
namespace {

/// Text of `v` for a label or annotation; false for NULL.
bool valueText(const Value& v, const DataType& t, std::string& out)
{
    out.clear();
    if (v.isNull()) return false;
    if (t.kind() == TypeKind::Bytes && v.kind() == Value::Kind::String)
        appendBase64(out, v.asString());
    else
        out = v.toString();
    return true;
}

/// Appends `"name":"text"` with a leading comma unless `first`.
void member(std::string& out, bool& first, const std::string& name, const std::string& text)
{
    if (!first) out += ',';
    first = false;
    appendJsonString(out, name);
    out += ':';
    appendJsonString(out, text);
}

} // namespace

std::string rfc3339(std::int64_t millis)
{
    std::string s = formatTimestamp(millis); // yyyy-MM-dd HH:mm:ss.SSS
    if (auto sp = s.find(' '); sp != std::string::npos) s[sp] = 'T';
    s += 'Z';
    return s;
}

bool AlertRenderer::render(const Record& r, std::int64_t nowMs, std::string& out,
                           std::string& error)
{
    return m_s.mode == Mode::Alertmanager ? renderAlert(r, nowMs, out, error)
                                          : renderTemplate(r, out, error);
}

bool AlertRenderer::renderAlert(const Record& r, std::int64_t nowMs, std::string& out,
                                std::string& error)
{
    out += "{\"labels\":{";
    bool first = true;
    for (int c : m_s.labelColumns) {
        const auto& f = m_s.inputSchema[static_cast<std::size_t>(c)];
        if (valueText(r.row[static_cast<std::size_t>(c)], f.type, m_text) && !m_text.empty())
            member(out, first, f.name, m_text);
    }
    for (const auto& [name, value] : m_s.constantLabels)
        if (!value.empty()) member(out, first, name, value);
    out += "},\"annotations\":{";
    first = true;
    for (const auto& [name, e] : m_s.annotations) {
        expr::EvalError err;
        if (!e.evaluateInto(r.row, m_value, err)) {
            error = "annotation '" + name + "' (" + e.text() + "): " + err.message;
            return false;
        }
        if (valueText(m_value, e.type(), m_text)) member(out, first, name, m_text);
    }
    out += '}';
    const std::int64_t starts = r.timestamp != kNoTimestamp ? r.timestamp : nowMs;
    out += ",\"startsAt\":\"" + rfc3339(starts) + '"';
    if (m_s.resolveTimeoutMs > 0)
        out += ",\"endsAt\":\"" + rfc3339(starts + m_s.resolveTimeoutMs) + '"';
    if (!m_s.generatorUrl.empty()) {
        out += ",\"generatorURL\":";
        appendJsonString(out, m_s.generatorUrl);
    }
    out += '}';
    return true;
}

bool AlertRenderer::renderTemplate(const Record& r, std::string& out, std::string& error)
{
    for (const expr::JsonTemplate::Part& p : m_s.body->parts()) {
        out += p.literal;
        if (!p.expr) continue;
        expr::EvalError err;
        if (!p.expr->evaluateInto(r.row, m_value, err)) {
            error = "placeholder '{{ " + p.expr->text() + " }}': " + err.message;
            return false;
        }
        if (p.typed) {
            JsonRowWriter::appendValue(out, m_value, p.expr->type());
        } else if (valueText(m_value, p.expr->type(), m_text)) {
            std::string quoted;
            appendJsonString(quoted, m_text);
            out.append(quoted, 1, quoted.size() - 2); // inside the template's quotes
        }
    }
    return true;
}

std::string AlertRenderer::body(const std::vector<const std::string*>& items) const
{
    if (m_s.mode == Mode::Webhook && items.size() == 1) return *items.front();
    std::string b = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) b += ',';
        b += *items[i];
    }
    b += ']';
    return b;
}

} // namespace sw::runtime::alert
