#include "ui/ActionIcons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace sw::app {

namespace {
class TintedSvgEngine : public QIconEngine {
public:
    explicit TintedSvgEngine(QByteArray svg) : m_svg(std::move(svg)) {}
    void paint(QPainter* p, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QPalette pal = QApplication::palette();
        QColor c = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Normal,
                             QPalette::WindowText);
        if (mode == QIcon::Selected) c = pal.color(QPalette::HighlightedText);
        QByteArray data = m_svg;
        data.replace("currentColor", c.name().toLatin1());
        QSvgRenderer r(data);
        r.render(p, rect);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QImage img(size, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::transparent);
        QPainter p(&img);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return QPixmap::fromImage(img);
    }
    QIconEngine* clone() const override { return new TintedSvgEngine(m_svg); }

private:
    QByteArray m_svg;
};
} // namespace

QIcon actionIcon(const QString& name)
{
    QFile f(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QIcon(new TintedSvgEngine(f.readAll()));
}

} // namespace sw::app
