#include "canvas/NodeSummary.h"

#include <QStringList>

#include "catalog/PropertyAccess.h"

namespace sw::widgets {

QString propertyText(const runtime::PropertySpec& spec, const nlohmann::json& v)
{
    using T = runtime::PropertyType;
    if (v.is_string()) return QString::fromStdString(v.get<std::string>());
    if (v.is_boolean()) return v.get<bool>() ? QString::fromStdString(spec.label) : QString();
    if (v.is_number()) {
        QString n = v.is_number_integer() ? QString::number(v.get<long long>())
                                          : QString::number(v.get<double>(), 'g', 6);
        return spec.unit.empty() ? n : n + QLatin1Char(' ') + QString::fromStdString(spec.unit);
    }
    QStringList parts;
    if (v.is_array()) {
        for (const auto& e : v) {
            if (e.is_string())
                parts << QString::fromStdString(e.get<std::string>());
            else if (spec.type == T::Aggregates && e.is_object())
                parts << QStringLiteral("%1(%2)").arg(
                    QString::fromStdString(e.value("function", "")),
                    QString::fromStdString(e.value("column", "")));
            else if (e.is_object() && e.contains("name") && e["name"].is_string())
                parts << QString::fromStdString(e["name"].get<std::string>());
        }
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            parts << QString::fromStdString(it.key());
    }
    return parts.join(QStringLiteral(", "));
}

QString nodeSummary(const runtime::NodeSpec& node, const runtime::NodeType& type, int maxParts)
{
    QStringList parts;
    for (const auto& spec : type.properties) {
        if (spec.advanced || spec.name == "parallelism") continue;
        bool set = node.properties.is_object() && node.properties.contains(spec.name);
        if (!set && !spec.required) continue;
        QString text = propertyText(spec, propertyValue(node, spec.name));
        if (text.isEmpty()) continue;
        parts << text;
        if (parts.size() >= maxParts) break;
    }
    return parts.join(QStringLiteral("  \u00b7  "));
}

} // namespace sw::widgets
