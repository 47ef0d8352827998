#include "canvas/NodePainter.h"

#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

#include "canvas/NodeGeometry.h"
#include "canvas/NodeSummary.h"
#include "canvas/PipelineScene.h"
#include "common/NodeIcons.h"

namespace sw::widgets {

namespace {

constexpr double kRadius = 7;

QFont scaledFont(const QFont& base, double pointDelta, bool bold)
{
    QFont f = base;
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() + pointDelta);
    f.setBold(bold);
    return f;
}

QPainterPath bodyPath(const runtime::NodeType* t)
{
    QPainterPath path;
    path.addRoundedRect(QRectF(QPointF(0, 0), NodeGeometry::size(t)), kRadius, kRadius);
    return path;
}

} // namespace

QString NodePainter::title(const runtime::NodeSpec& node)
{
    return QString::fromStdString(node.label.empty() ? node.id : node.label);
}

void NodePainter::paint(QPainter* p, const Input& in, const QRectF&)
{
    p->setRenderHint(QPainter::Antialiasing, true);
    paintBody(p, in);
    paintHeader(p, in);
    if (in.levelOfDetail >= 0.35) {
        paintPorts(p, in);
        paintSummary(p, in);
    }
    paintBadge(p, in);
}

void NodePainter::paintBody(QPainter* p, const Input& in)
{
    const CanvasStyle& s = in.style;
    QPainterPath body = bodyPath(in.type);
    if (in.levelOfDetail >= 0.5) p->fillPath(body.translated(0, 2), s.shadow);
    p->fillPath(body, s.nodeBody);
    // Header tint and accent stripe, clipped to the rounded body.
    QColor accent = in.type ? CanvasStyle::categoryColor(in.type->category) : QColor(Qt::gray);
    QColor tint = accent;
    tint.setAlpha(s.dark ? 46 : 26);
    p->save();
    p->setClipPath(body);
    p->fillRect(QRectF(0, 0, NodeGeometry::kWidth, NodeGeometry::kHeaderHeight), tint);
    p->fillRect(QRectF(0, 0, NodeGeometry::kWidth, 3.5), accent);
    p->restore();
    p->setPen(QPen(s.nodeBorder, 1));
    p->drawLine(QPointF(1, NodeGeometry::kHeaderHeight),
                QPointF(NodeGeometry::kWidth - 1, NodeGeometry::kHeaderHeight));
    p->setBrush(Qt::NoBrush);
    if (in.selected) {
        p->setPen(QPen(s.selection, 2.2));
        p->drawPath(bodyPath(in.type));
    } else {
        p->setPen(QPen(s.nodeBorder, 1));
        p->drawPath(body);
    }
}

void NodePainter::paintHeader(QPainter* p, const Input& in)
{
    const CanvasStyle& s = in.style;
    nodeIconRenderer(in.type ? in.type->icon : std::string())->render(p, NodeGeometry::iconRect());
    if (in.levelOfDetail < 0.35) return;
    const bool badge = !in.diagnostics.empty();
    const double textLeft = 46;
    const double textWidth = NodeGeometry::kWidth - textLeft - (badge ? 32 : 10);
    QFont titleFont = scaledFont(in.font, 0.5, true);
    p->setFont(titleFont);
    p->setPen(s.title);
    QFontMetricsF fm(titleFont);
    p->drawText(QRectF(textLeft, 8, textWidth, 18), Qt::AlignLeft | Qt::AlignVCenter,
                fm.elidedText(title(in.node), Qt::ElideRight, textWidth));
    QFont subFont = scaledFont(in.font, -1.5, false);
    p->setFont(subFont);
    p->setPen(s.subtitle);
    QString sub =
        in.type ? QString::fromStdString(in.type->displayName)
                : QStringLiteral("unknown type '%1'").arg(QString::fromStdString(in.node.type));
    if (!in.node.label.empty())
        sub += QStringLiteral("  \u00b7  ") + QString::fromStdString(in.node.id);
    p->drawText(QRectF(textLeft, 26, textWidth, 14), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(subFont).elidedText(sub, Qt::ElideRight, textWidth));
}

void NodePainter::paintPorts(QPainter* p, const Input& in)
{
    if (!in.type) return;
    const CanvasStyle& s = in.style;
    QFont font = scaledFont(in.font, -1, false);
    p->setFont(font);
    QFontMetricsF fm(font);
    auto drawPort = [&](bool input, int index, const runtime::PortSpec& port) {
        QPointF c = NodeGeometry::portPos(input, index);
        PortState st = in.portState ? in.portState(input, index) : PortState::Normal;
        QColor color = port.errors ? s.errorsPort : s.port;
        double r = NodeGeometry::kPortRadius;
        if (st == PortState::Compatible || st == PortState::HoverCompatible) {
            double halo = st == PortState::HoverCompatible ? 6 : 4;
            p->setPen(QPen(s.compatible, 2));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(c, r + halo, r + halo);
            color = s.compatible;
        } else if (st == PortState::HoverIncompatible) {
            p->setPen(QPen(s.incompatible, 2));
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(c, r + 6, r + 6);
            color = s.incompatible;
        } else if (st == PortState::Incompatible) {
            color.setAlpha(90);
        } else if (st == PortState::Source) {
            color = s.selection;
        }
        bool filled = in.connected && in.connected(input, port.name);
        p->setPen(QPen(color, 1.8));
        p->setBrush(filled || st == PortState::Source ? QBrush(color) : QBrush(s.nodeBody));
        if (port.errors) {
            QPolygonF diamond({c + QPointF(0, -r - 1), c + QPointF(r + 1, 0), c + QPointF(0, r + 1),
                               c + QPointF(-r - 1, 0)});
            p->drawPolygon(diamond);
        } else {
            p->drawEllipse(c, r, r);
        }
        QColor text = port.errors ? s.errorsPort : s.subtitle;
        if (st == PortState::Incompatible) text.setAlpha(110);
        p->setPen(text);
        const double w = NodeGeometry::kWidth / 2 - 16;
        QRectF rect =
            input ? QRectF(c.x() + 12, c.y() - 9, w, 18) : QRectF(c.x() - 12 - w, c.y() - 9, w, 18);
        p->drawText(rect, (input ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                    fm.elidedText(QString::fromStdString(port.name), Qt::ElideRight, w));
    };
    for (int i = 0; i < static_cast<int>(in.type->inputs.size()); ++i)
        drawPort(true, i, in.type->inputs[static_cast<std::size_t>(i)]);
    for (int i = 0; i < static_cast<int>(in.type->outputs.size()); ++i)
        drawPort(false, i, in.type->outputs[static_cast<std::size_t>(i)]);
}

void NodePainter::paintSummary(QPainter* p, const Input& in)
{
    if (!in.type) return;
    QString text = nodeSummary(in.node, *in.type);
    if (text.isEmpty()) return;
    QRectF r = NodeGeometry::summaryRect(in.type);
    QColor line = in.style.nodeBorder;
    line.setAlpha(120);
    p->setPen(QPen(line, 1));
    p->drawLine(QPointF(0.5, r.top() - 2), QPointF(NodeGeometry::kWidth - 0.5, r.top() - 2));
    QFont f = scaledFont(in.font, -1.5, false);
    p->setFont(f);
    p->setPen(in.style.subtitle);
    p->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(f).elidedText(text, Qt::ElideRight, r.width()));
}

void NodePainter::paintBadge(QPainter* p, const Input& in)
{
    bool errors = false;
    bool warnings = false;
    for (const auto& d : in.diagnostics) {
        errors |= d.severity == runtime::Severity::Error;
        warnings |= d.severity == runtime::Severity::Warning;
    }
    if (!errors && !warnings) return;
    const CanvasStyle& s = in.style;
    QRectF r = NodeGeometry::badgeRect();
    p->setPen(Qt::NoPen);
    if (errors) {
        p->setBrush(s.badgeError);
        p->drawEllipse(r);
    } else {
        p->setBrush(s.badgeWarning);
        QPolygonF tri({QPointF(r.center().x(), r.top()), r.bottomRight(), r.bottomLeft()});
        p->drawPolygon(tri);
    }
    if (in.levelOfDetail < 0.35) return;
    QPen pen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap);
    p->setPen(pen);
    double cx = r.center().x();
    double top = errors ? r.top() + 4.5 : r.top() + 6.5;
    p->drawLine(QPointF(cx, top), QPointF(cx, r.bottom() - (errors ? 7.5 : 5.5)));
    p->drawPoint(QPointF(cx, r.bottom() - (errors ? 4.5 : 2.8)));
}

} // namespace sw::widgets
