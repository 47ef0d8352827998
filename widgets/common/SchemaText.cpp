#include "common/SchemaText.h"

namespace sw::widgets {

QString severityName(runtime::Severity s)
{
    switch (s) {
    case runtime::Severity::Error:
        return QStringLiteral("Error");
    case runtime::Severity::Warning:
        return QStringLiteral("Warning");
    case runtime::Severity::Info:
        return QStringLiteral("Info");
    }
    return {};
}

QString schemaToolTip(const runtime::Schema& schema, const QString& heading)
{
    QString html;
    if (!heading.isEmpty()) html += QStringLiteral("<b>%1</b><br/>").arg(heading.toHtmlEscaped());
    if (schema.empty()) return html + QStringLiteral("<i>no columns</i>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    for (const auto& f : schema.fields()) {
        QString name = QString::fromStdString(f.name).toHtmlEscaped();
        QString type = QString::fromStdString(f.type.toString()).toHtmlEscaped();
        QString mark =
            f.name == schema.rowtime() ? QStringLiteral(" &nbsp;<i>event time</i>") : QString();
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td><tt>%2</tt>%3</td></tr>")
                    .arg(name, type, mark);
    }
    html += QStringLiteral("</table>");
    if (schema.rowtime().empty())
        html += QStringLiteral("<i>no watermark (processing time only)</i>");
    return html;
}

QString diagnosticsToolTip(const std::vector<runtime::Diagnostic>& diagnostics)
{
    QString html;
    for (const auto& d : diagnostics) {
        if (!html.isEmpty()) html += QStringLiteral("<br/>");
        QString where = d.property.empty() ? QString()
                                           : QString::fromStdString(d.property).toHtmlEscaped() +
                                                 QStringLiteral(": ");
        html += QStringLiteral("<b>%1</b> %2%3")
                    .arg(severityName(d.severity), where,
                         QString::fromStdString(d.message).toHtmlEscaped());
    }
    return html;
}

} // namespace sw::widgets
