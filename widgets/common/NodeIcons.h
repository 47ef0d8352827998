#pragma once
// SVG icons of node types (":/icons/<NodeType::icon>.svg", shipped by the application's
// resources). Unknown names fall back to ":/icons/unknown.svg".
#include <string>

#include <QIcon>
#include <QString>

class QSvgRenderer;

namespace sw::widgets {

QString nodeIconPath(const std::string& iconName);
QIcon nodeIcon(const std::string& iconName);
/// Shared renderer for painting the icon on the canvas (owned by a cache; never null).
QSvgRenderer* nodeIconRenderer(const std::string& iconName);

} // namespace sw::widgets
