#include "canvas/CanvasStyle.h"

namespace sw::widgets {

CanvasStyle CanvasStyle::fromPalette(const QPalette& p)
{
    CanvasStyle s;
    s.dark = p.color(QPalette::Window).lightness() < 128;
    if (s.dark) {
        s.background = QColor(0x1e, 0x20, 0x24);
        s.gridMinor = QColor(0x26, 0x29, 0x2e);
        s.gridMajor = QColor(0x2e, 0x32, 0x38);
        s.nodeBody = QColor(0x2c, 0x30, 0x36);
        s.nodeBorder = QColor(0x45, 0x4b, 0x54);
        s.title = QColor(0xec, 0xee, 0xf1);
        s.subtitle = QColor(0xa4, 0xab, 0xb6);
        s.port = QColor(0xb8, 0xc0, 0xcc);
        s.errorsPort = QColor(0xf0, 0x7a, 0x6a);
        s.edge = QColor(0x8f, 0x9a, 0xa8);
        s.errorsEdge = QColor(0xe0, 0x6c, 0x5c);
        s.shadow = QColor(0, 0, 0, 90);
    } else {
        s.background = QColor(0xf4, 0xf5, 0xf7);
        s.gridMinor = QColor(0xe8, 0xea, 0xee);
        s.gridMajor = QColor(0xdc, 0xdf, 0xe4);
        s.nodeBody = QColor(0xff, 0xff, 0xff);
        s.nodeBorder = QColor(0xc5, 0xcb, 0xd3);
        s.title = QColor(0x1d, 0x22, 0x29);
        s.subtitle = QColor(0x5f, 0x68, 0x75);
        s.port = QColor(0x6b, 0x75, 0x82);
        s.errorsPort = QColor(0xc8, 0x44, 0x36);
        s.edge = QColor(0x7d, 0x87, 0x94);
        s.errorsEdge = QColor(0xd0, 0x5a, 0x4a);
        s.shadow = QColor(0, 0, 0, 28);
    }
    s.selection = p.color(QPalette::Highlight);
    if (s.dark && s.selection.lightness() < 110) s.selection = s.selection.lighter(150);
    s.compatible = s.dark ? QColor(0x5c, 0xd6, 0x8a) : QColor(0x1f, 0x9d, 0x55);
    s.incompatible = s.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x31, 0x31);
    s.badgeError = QColor(0xd9, 0x3a, 0x3a);
    s.badgeWarning = QColor(0xe0, 0x9b, 0x1a);
    return s;
}

QColor CanvasStyle::categoryColor(runtime::Category c)
{
    switch (c) {
    case runtime::Category::Sources:
        return QColor(0x2e, 0x9d, 0x5b);
    case runtime::Category::Transforms:
        return QColor(0x3a, 0x78, 0xd4);
    case runtime::Category::Windows:
        return QColor(0x8a, 0x56, 0xcc);
    case runtime::Category::Joins:
        return QColor(0xd0, 0x7a, 0x22);
    case runtime::Category::Quality:
        return QColor(0xcf, 0x3f, 0x4c);
    case runtime::Category::Sinks:
        return QColor(0x16, 0x90, 0x9e);
    }
    return QColor(0x7a, 0x7f, 0x87);
}

} // namespace sw::widgets
