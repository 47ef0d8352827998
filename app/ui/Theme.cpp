#include "ui/Theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QToolTip>

namespace sw::app {

namespace {
ThemeMode g_mode = ThemeMode::System;
bool g_dark = false;
QPalette g_platformPalette;

/// Fusion outlines check boxes with the window colour darkened, which vanishes on a dark Base:
/// draw a frame in the text colour over every check indicator so unchecked boxes stay visible.
class LegibleStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement pe, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(pe, option, painter, widget);
        if (pe != PE_IndicatorCheckBox && pe != PE_IndicatorItemViewItemCheck) return;
        if (option->palette.color(QPalette::Base).lightness() >= 128) return;
        QColor frame = option->palette.color(QPalette::Text);
        frame.setAlpha(150);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(frame, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        painter->restore();
    }
};

bool platformIsDark()
{
    QByteArray gtk = qgetenv("GTK_THEME").toLower();
    if (gtk.contains(":dark") || gtk.endsWith("-dark")) return true;
    return g_platformPalette.color(QPalette::Window).lightness() < 128;
}
} // namespace

QPalette Theme::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf2));
    p.setColor(QPalette::WindowText, QColor(0x1d, 0x22, 0x29));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ToolTipText, QColor(0x1d, 0x22, 0x29));
    p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x88, 0x94));
    p.setColor(QPalette::Text, QColor(0x1d, 0x22, 0x29));
    p.setColor(QPalette::Button, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::ButtonText, QColor(0x1d, 0x22, 0x29));
    p.setColor(QPalette::BrightText, QColor(0xd0, 0x31, 0x31));
    p.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, QColor(0xe2, 0xe5, 0xe9));
    p.setColor(QPalette::Mid, QColor(0xc5, 0xcb, 0xd3));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa7, 0xb1));
    p.setColor(QPalette::Shadow, QColor(0x60, 0x66, 0x70));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xc4));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0xa1, 0xab));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2a, 0x2d, 0x32));
    p.setColor(QPalette::WindowText, QColor(0xe4, 0xe7, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1f, 0x22, 0x26));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::ToolTipText, QColor(0xec, 0xee, 0xf1));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x92, 0x9d));
    p.setColor(QPalette::Text, QColor(0xe4, 0xe7, 0xeb));
    p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3d));
    p.setColor(QPalette::ButtonText, QColor(0xe4, 0xe7, 0xeb));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x4a, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3f, 0x46));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x33, 0x39));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1c, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x0e, 0x0f, 0x11));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7d, 0xe0));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x75, 0x80));
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x29, 0x2e));
    return p;
}

void Theme::install(QApplication& app, ThemeMode mode)
{
    g_platformPalette = QApplication::palette();
    g_mode = mode;
    QByteArray env = qgetenv("SW_THEME").toLower();
    if (mode == ThemeMode::System && env == "dark") g_mode = ThemeMode::Dark;
    if (mode == ThemeMode::System && env == "light") g_mode = ThemeMode::Light;
    app.setStyle(new LegibleStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    bool dark = g_mode == ThemeMode::Dark || (g_mode == ThemeMode::System && platformIsDark());
    apply(app, dark);
}

bool Theme::isDark()
{
    return g_dark;
}

void Theme::systemThemeChanged(QApplication& app)
{
    if (g_mode != ThemeMode::System) return;
    bool dark = platformIsDark();
    if (dark != g_dark) apply(app, dark);
}

void Theme::apply(QApplication& app, bool dark)
{
    g_dark = dark;
    QPalette p = dark ? darkPalette() : lightPalette();
    app.setPalette(p);
    QToolTip::setPalette(p);
}

} // namespace sw::app
