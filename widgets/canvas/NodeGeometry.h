#pragma once
// Where things are on a node: size, ports, badge. A small strategy so NodeItem stays small;
// the auto-layout and the scene's hit tests use the same numbers.
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include "catalog/NodeType.h"

namespace sw::widgets {

struct PortHit {
    bool input = false;
    int index = -1;
    bool valid() const { return index >= 0; }
};

class NodeGeometry {
public:
    static constexpr double kWidth = 240;
    static constexpr double kHeaderHeight = 46;
    static constexpr double kPortRow = 22;
    static constexpr double kPortRadius = 5.5;
    static constexpr double kPortHitRadius = 10;
    static constexpr double kGrid = 20;
    static constexpr double kSummaryHeight = 18;

    /// Size of a node of type `t` (nullptr = unknown type: header only plus one row).
    static QSizeF size(const runtime::NodeType* t);
    /// Port centre in item coordinates.
    static QPointF portPos(bool input, int index);
    static QRectF iconRect() { return {12, 11, 24, 24}; }
    static QRectF badgeRect() { return {kWidth - 26, 8, 18, 18}; }
    /// The summary line under the ports.
    static QRectF summaryRect(const runtime::NodeType* t)
    {
        double h = size(t).height();
        return {12, h - kSummaryHeight - 6, kWidth - 24, kSummaryHeight};
    }
    /// The port under `itemPos`, if any.
    static PortHit portAt(const runtime::NodeType* t, QPointF itemPos);
    /// The body plus room for port circles and the selection outline.
    static QRectF boundingRect(const runtime::NodeType* t);
    static double snap(double v) { return qRound(v / kGrid) * kGrid; }
    static QPointF snap(QPointF p) { return {snap(p.x()), snap(p.y())}; }
};

} // namespace sw::widgets
