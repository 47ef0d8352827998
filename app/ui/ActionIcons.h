#pragma once
#include <QIcon>
#include <QString>

namespace sw::app {

/// A toolbar/menu icon (":/icons/actions/<name>.svg", drawn in currentColor) painted in the
/// palette's text colour at paint time, so it follows light/dark and stays sharp at any DPI.
QIcon actionIcon(const QString& name);

} // namespace sw::app
