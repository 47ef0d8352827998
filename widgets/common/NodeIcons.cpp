#include "common/NodeIcons.h"

#include <map>
#include <memory>

#include <QFile>
#include <QSvgRenderer>

namespace sw::widgets {

QString nodeIconPath(const std::string& iconName)
{
    QString path = QStringLiteral(":/icons/%1.svg").arg(QString::fromStdString(iconName));
    return QFile::exists(path) ? path : QStringLiteral(":/icons/unknown.svg");
}

QIcon nodeIcon(const std::string& iconName)
{
    static std::map<std::string, QIcon> cache;
    auto it = cache.find(iconName);
    if (it == cache.end()) it = cache.emplace(iconName, QIcon(nodeIconPath(iconName))).first;
    return it->second;
}

QSvgRenderer* nodeIconRenderer(const std::string& iconName)
{
    static std::map<std::string, std::unique_ptr<QSvgRenderer>> cache;
    auto& r = cache[iconName];
    if (!r) r = std::make_unique<QSvgRenderer>(nodeIconPath(iconName));
    return r.get();
}

} // namespace sw::widgets
