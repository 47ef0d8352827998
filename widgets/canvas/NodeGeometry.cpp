#include "canvas/NodeGeometry.h"

#include <algorithm>
#include <cmath>

namespace sw::widgets {

QSizeF NodeGeometry::size(const runtime::NodeType* t)
{
    std::size_t rows = t ? std::max(t->inputs.size(), t->outputs.size()) : 1;
    rows = std::max<std::size_t>(rows, 1);
    return {kWidth, kHeaderHeight + 6 + static_cast<double>(rows) * kPortRow + kSummaryHeight + 6};
}

QPointF NodeGeometry::portPos(bool input, int index)
{
    return {input ? 0.0 : kWidth, kHeaderHeight + 6 + (index + 0.5) * kPortRow};
}

PortHit NodeGeometry::portAt(const runtime::NodeType* t, QPointF p)
{
    if (!t) return {};
    auto near = [&](QPointF c) {
        return std::hypot(p.x() - c.x(), p.y() - c.y()) <= kPortHitRadius;
    };
    for (int i = 0; i < static_cast<int>(t->inputs.size()); ++i)
        if (near(portPos(true, i))) return {true, i};
    for (int i = 0; i < static_cast<int>(t->outputs.size()); ++i)
        if (near(portPos(false, i))) return {false, i};
    return {};
}

QRectF NodeGeometry::boundingRect(const runtime::NodeType* t)
{
    QSizeF s = size(t);
    return QRectF(QPointF(0, 0), s).adjusted(-kPortHitRadius - 2, -4, kPortHitRadius + 2, 6);
}

} // namespace sw::widgets
