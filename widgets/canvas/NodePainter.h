#pragma once
// Paints one node (body, header, icon, title, ports, validation badge).
#include <functional>
#include <string>

#include <QFont>
#include <QRectF>

#include "canvas/CanvasStyle.h"
#include "model/Diagnostic.h"

class QPainter;

namespace sw::widgets {

enum class PortState;

class NodePainter {
public:
    struct Input {
        const runtime::NodeSpec& node;
        const runtime::NodeType* type;
        const CanvasStyle& style;
        bool selected = false;
        double levelOfDetail = 1.0;
        QFont font; ///< base font (the scene's); the painter's font is not reliable
        std::vector<runtime::Diagnostic> diagnostics;
        std::function<PortState(bool input, int index)> portState;
        std::function<bool(bool input, const std::string& port)> connected;
    };
    static void paint(QPainter* p, const Input& in, const QRectF& exposed);
    /// Title shown on the node: the label, or the id when there is none.
    static QString title(const runtime::NodeSpec& node);

private:
    static void paintBody(QPainter* p, const Input& in);
    static void paintHeader(QPainter* p, const Input& in);
    static void paintPorts(QPainter* p, const Input& in);
    static void paintSummary(QPainter* p, const Input& in);
    static void paintBadge(QPainter* p, const Input& in);
};

} // namespace sw::widgets
