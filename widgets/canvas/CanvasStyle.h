#pragma once
// Colours of the canvas, derived from the application palette so light and dark both read well.
#include <QColor>
#include <QPalette>

#include "catalog/NodeType.h"

namespace sw::widgets {

struct CanvasStyle {
    bool dark = false;
    QColor background;
    QColor gridMinor;
    QColor gridMajor;
    QColor nodeBody;
    QColor nodeBorder;
    QColor selection;
    QColor title;
    QColor subtitle;
    QColor port;
    QColor errorsPort;
    QColor edge;
    QColor errorsEdge;
    QColor compatible;
    QColor incompatible;
    QColor badgeError;
    QColor badgeWarning;
    QColor shadow;

    static CanvasStyle fromPalette(const QPalette& palette);
    /// Accent of a node category (the palette icons use the same hues).
    static QColor categoryColor(runtime::Category c);
};

} // namespace sw::widgets
