// The node canvas over a real Document, driven by mouse, wheel and keyboard events.
#include <QContextMenuEvent>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include "../app/TestUtil.h"
#include <QTreeWidget>

#include "canvas/AutoLayout.h"
#include "canvas/EdgeItem.h"
#include "canvas/NodeCanvas.h"
#include "canvas/NodeGeometry.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "document/Document.h"
#include "palette/NodePalette.h"
#include "ui/Resources.h"

using namespace sw;
using widgets::NodeCanvas;
using widgets::NodeGeometry;
using widgets::PipelineScene;

class TestCanvas : public QObject {
    Q_OBJECT

    std::unique_ptr<app::Document> m_doc;
    std::unique_ptr<PipelineScene> m_scene;
    std::unique_ptr<NodeCanvas> m_view;

    QPoint portPoint(const std::string& node, const std::string& port, bool input) const
    {
        return m_view->mapFromScene(m_scene->portScenePos({node, port}, input));
    }
    QPoint nodePoint(const std::string& node, QPointF local = {110, 20}) const
    {
        return m_view->mapFromScene(m_scene->nodeItem(node)->mapToScene(local));
    }
    QWidget* vp() const { return m_view->viewport(); }

private Q_SLOTS:
    void initTestCase() { app::ensureResources(); }

    void init()
    {
        m_doc = std::make_unique<app::Document>();
        m_scene = std::make_unique<PipelineScene>(m_doc.get());
        m_view = std::make_unique<NodeCanvas>(m_scene.get());
        m_view->resize(1200, 800);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        m_view->resetZoom();
        m_view->centerOn(400, 150);
    }

    void cleanup()
    {
        m_view.reset();
        m_scene.reset();
        m_doc.reset();
    }

    void paletteChangeRepaintsCachedNodes()
    {
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        QPalette light = QApplication::palette();
        light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::WindowText, Qt::black);
        light.setColor(QPalette::Text, Qt::black);
        QPalette dark = light;
        dark.setColor(QPalette::Window, QColor(0x25, 0x27, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1d, 0x21));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        // A point inside the dedup node's body, away from text and ports.
        const QPoint body = nodePoint("dedup", QPointF(100, 80));
        m_scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(light));
        QColor before = m_view->viewport()->grab().toImage().pixelColor(body);
        QVERIFY(m_scene->nodeItem("dedup")->cacheMode() != QGraphicsItem::NoCache);
        m_scene->setCanvasStyle(widgets::CanvasStyle::fromPalette(dark));
        QColor after = m_view->viewport()->grab().toImage().pixelColor(body);
        QVERIFY2(after.lightness() < before.lightness() - 60,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.name(), after.name())));
    }

    void showsALoadedPipeline()
    {
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        QCOMPARE(m_scene->items().size(), 10); // 5 nodes + 5 edges
        for (const auto& n : m_doc->pipeline().nodes) {
            widgets::NodeItem* item = m_scene->nodeItem(n.id);
            QVERIFY(item);
            QCOMPARE(item->pos(), QPointF(n.x, n.y));
        }
        for (const auto& e : m_doc->pipeline().edges)
            QVERIFY(m_scene->edgeItem(e));
        // Errors edges are told apart.
        QVERIFY(
            m_scene->edgeItem({{"orders", "errors"}, {"dead_letters", "in"}})->fromErrorsPort());
        QVERIFY(!m_scene->edgeItem({{"orders", "out"}, {"dedup", "in"}})->fromErrorsPort());
        // Undo/redo of the model shows on the canvas.
        m_doc->removeItems({"dedup"}, {});
        QVERIFY(!m_scene->nodeItem("dedup"));
        QCOMPARE(m_scene->edgeItems().size(), 3u);
        m_doc->undoStack()->undo();
        QVERIFY(m_scene->nodeItem("dedup"));
        QCOMPARE(m_scene->edgeItems().size(), 5u);
    }

    void dropFromPaletteCreatesNodeWhereDropped()
    {
        widgets::NodePalette palette;
        QTreeWidgetItem* item = palette.itemForType(QStringLiteral("filter"));
        QVERIFY(item);
        QModelIndex index = palette.tree()->indexFromItem(item);
        std::unique_ptr<QMimeData> mime(palette.tree()->model()->mimeData({index}));
        QVERIFY(mime && mime->hasFormat(widgets::kNodeTypeMime));
        QPoint at(300, 250);
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(vp(), &drop);
        QCOMPARE(m_doc->pipeline().nodes.size(), 1u);
        const auto& n = m_doc->pipeline().nodes.front();
        QCOMPARE(QString::fromStdString(n.type), QStringLiteral("filter"));
        // Centred under the drop point, on the grid.
        QPointF dropScene = m_view->mapToScene(at);
        QVERIFY(std::abs(n.x + NodeGeometry::kWidth / 2 - dropScene.x()) <= NodeGeometry::kGrid);
        QCOMPARE(std::fmod(n.x, NodeGeometry::kGrid), 0.0);
        QCOMPARE(std::fmod(n.y, NodeGeometry::kGrid), 0.0);
        QCOMPARE(m_scene->selectedNodeIds(), std::vector<std::string>{n.id});
    }

    void dragBetweenPortsConnects()
    {
        auto g = m_doc->addNode("generator", {0, 0});
        auto f = m_doc->addNode("filter", {400, 0});
        drag(vp(), portPoint(g, "out", false), portPoint(f, "in", true));
        QCOMPARE(m_doc->pipeline().edges.size(), 1u);
        QCOMPARE(m_doc->pipeline().edges[0], (runtime::EdgeSpec{{g, "out"}, {f, "in"}}));
        QVERIFY(m_scene->edgeItem(m_doc->pipeline().edges[0]));
        // Dragging from an input back to an output works too.
        auto s = m_doc->addNode("console-sink", {800, 0});
        drag(vp(), portPoint(s, "in", true), portPoint(f, "out", false));
        QCOMPARE(m_doc->pipeline().edges.size(), 2u);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Connect"));
    }

    void incompatibleConnectionIsRefusedWithReason()
    {
        auto g = m_doc->addNode("generator", {0, 0});
        auto d = m_doc->addNode("dlq", {400, 0});
        auto f = m_doc->addNode("filter", {400, 240});
        m_doc->addEdge({{g, "out"}, {f, "in"}});
        QSignalSpy refused(m_scene.get(), &PipelineScene::connectionRefused);
        // Data records into a dead-letter queue: schema mismatch.
        QTest::mousePress(vp(), Qt::LeftButton, {}, portPoint(g, "out", false));
        dragMove(vp(), portPoint(d, "in", true) + QPoint(-30, 0));
        dragMove(vp(), portPoint(d, "in", true));
        QCOMPARE(int(m_scene->portState(d, true, 0)), int(widgets::PortState::HoverIncompatible));
        QCOMPARE(int(m_scene->portState(f, true, 0)),
                 int(widgets::PortState::Incompatible)); // connected
        QTest::mouseRelease(vp(), Qt::LeftButton, {}, portPoint(d, "in", true));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(refused.at(0).at(0).toString().contains(QStringLiteral("errors")),
                 qPrintable(refused.at(0).at(0).toString()));
        QCOMPARE(m_doc->pipeline().edges.size(), 1u);
        // The errors output is compatible and highlighted as such.
        QTest::mousePress(vp(), Qt::LeftButton, {}, portPoint(g, "errors", false));
        dragMove(vp(), QPoint(600, 600));
        QCOMPARE(int(m_scene->portState(d, true, 0)), int(widgets::PortState::Compatible));
        QCOMPARE(int(m_scene->portState(g, false, 1)), int(widgets::PortState::Source));
        dragMove(vp(), portPoint(d, "in", true));
        QTest::mouseRelease(vp(), Qt::LeftButton, {}, portPoint(d, "in", true));
        QCOMPARE(m_doc->pipeline().edges.size(), 2u);
        // An input that takes one edge and already has one.
        auto f2 = m_doc->addNode("filter", {800, 240});
        drag(vp(), portPoint(f2, "out", false), portPoint(f, "in", true));
        QCOMPARE(refused.count(), 2);
        QVERIFY2(refused.at(1).at(0).toString().contains(QStringLiteral("accepts one connection")),
                 qPrintable(refused.at(1).at(0).toString()));
        // A cycle, refused with its path: union -> f3 -> back into the union.
        auto u = m_doc->addNode("union", {0, 400});
        auto f3 = m_doc->addNode("filter", {400, 500});
        m_doc->addEdge({{u, "out"}, {f3, "in"}});
        drag(vp(), portPoint(f3, "out", false), portPoint(u, "in", true));
        QCOMPARE(refused.count(), 3);
        QVERIFY2(refused.at(2).at(0).toString().contains(QStringLiteral("cycle")),
                 qPrintable(refused.at(2).at(0).toString()));
        QCOMPARE(QString::fromStdString(widgets::structuralConnectionProblem(
                     m_doc->pipeline(), {{f2, "out"}, {f2, "in"}})),
                 QStringLiteral("a node cannot be connected to itself"));
        QCOMPARE(m_doc->pipeline().edges.size(), 3u);
    }

    void moveWithSnappingIsOneUndoStep()
    {
        auto a = m_doc->addNode("generator", {0, 0});
        auto b = m_doc->addNode("filter", {300, 0});
        m_scene->selectNodes({a, b});
        int steps = m_doc->undoStack()->count();
        QPoint from = nodePoint(a);
        drag(vp(), from, from + QPoint(53, 27));
        QCOMPARE(m_doc->undoStack()->count(), steps + 1);
        const auto* na = m_doc->node(a);
        const auto* nb = m_doc->node(b);
        QCOMPARE(QPointF(na->x, na->y), QPointF(60, 20)); // snapped to the 20 px grid
        QCOMPARE(QPointF(nb->x, nb->y), QPointF(360, 20));
        m_doc->undoStack()->undo();
        QCOMPARE(QPointF(m_doc->node(a)->x, m_doc->node(a)->y), QPointF(0, 0));
        QCOMPARE(m_scene->nodeItem(b)->pos(), QPointF(300, 0));
    }

    // Rubber-band selection on the canvas alone; the Delete key is the main window's action
    // (tst_mainwindow::rubberBandThenDeleteKeyRemovesThroughModelAndUndo presses it).
    void rubberBandSelectsTheNodesInside()
    {
        auto a = m_doc->addNode("generator", {0, 0});
        auto b = m_doc->addNode("filter", {300, 0});
        auto c = m_doc->addNode("console-sink", {300, 400});
        m_scene->clearSelection();
        QPoint tl = m_view->mapFromScene(QPointF(-40, -40));
        QPoint br = m_view->mapFromScene(QPointF(560, 140));
        drag(vp(), tl, br);
        auto sel = m_scene->selectedNodeIds();
        QCOMPARE(sel, (std::vector<std::string>{a, b})); // not c, outside the band
        QVERIFY(!m_scene->nodeItem(c)->isSelected());
    }

    void wheelAndKeyboardZoomAroundCursor()
    {
        m_doc->addNode("generator", {0, 0});
        QPoint at(500, 300);
        QPointF sceneBefore = m_view->mapToScene(at);
        QWheelEvent wheel(QPointF(at), QPointF(m_view->mapToGlobal(at)), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(vp(), &wheel);
        QVERIFY(m_view->zoom() > 1.3);
        QPointF sceneAfter = m_view->mapToScene(at);
        QVERIFY2(QLineF(sceneBefore, sceneAfter).length() < 2.0,
                 "zoom must keep the point under the cursor");
        m_view->zoomOut();
        m_view->zoomOut();
        QVERIFY(m_view->zoom() < 1.0);
        for (int i = 0; i < 50; ++i)
            m_view->zoomOut();
        QCOMPARE(m_view->zoom(), NodeCanvas::kMinZoom);
    }

    void middleAndSpaceDragPan()
    {
        QPointF c0 = m_view->viewCenter();
        drag(vp(), QPoint(600, 400), QPoint(500, 350), Qt::MiddleButton);
        QPointF c1 = m_view->viewCenter();
        QVERIFY2(std::abs((c1 - c0).x() - 100) < 2 && std::abs((c1 - c0).y() - 50) < 2,
                 "middle drag pans");
        m_view->setFocus();
        QTest::keyPress(m_view.get(), Qt::Key_Space);
        drag(vp(), QPoint(600, 400), QPoint(650, 400));
        QTest::keyRelease(m_view.get(), Qt::Key_Space);
        QPointF c2 = m_view->viewCenter();
        QVERIFY(std::abs((c2 - c1).x() + 50) < 2);
        QCOMPARE(m_doc->pipeline().nodes.size(), 0u); // panning never edits
    }

    void zoomToFitShowsEveryNode()
    {
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        m_view->zoomToFit();
        QVERIFY(m_view->zoom() >= NodeCanvas::kMinFitZoom);
        QRectF visible = m_view->mapToScene(vp()->rect()).boundingRect();
        for (const auto& n : m_doc->pipeline().nodes)
            QVERIFY(visible.contains(m_scene->nodeItem(n.id)->sceneBoundingRect()));
    }

    void zoomToFitStaysReadableAndScrolls()
    {
        // A pipeline too large for the view at a readable scale: Fit stops at kMinFitZoom, shows
        // the top-left (the sources) and the rest is reachable by scrolling.
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        m_doc->moveNodes({{"revenue_db", QPointF(3000, 1500)}});
        m_view->zoomToFit();
        QCOMPARE(m_view->zoom(), NodeCanvas::kMinFitZoom);
        QRectF visible = m_view->mapToScene(vp()->rect()).boundingRect();
        QVERIFY(visible.contains(m_scene->nodeItem("orders")->sceneBoundingRect()));
        QVERIFY(!visible.contains(m_scene->nodeItem("revenue_db")->sceneBoundingRect()));
        m_view->ensureNodeVisible(QStringLiteral("revenue_db"));
        visible = m_view->mapToScene(vp()->rect()).boundingRect();
        QVERIFY(visible.contains(m_scene->nodeItem("revenue_db")->sceneBoundingRect()));
        QCOMPARE(m_view->zoom(), NodeCanvas::kMinFitZoom);
    }

    void autoLayoutIsLayeredLeftToRight()
    {
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        for (const auto& n : m_doc->pipeline().nodes)
            m_doc->moveNodes({{n.id, QPointF(0, 0)}});
        auto pos = widgets::layeredLayout(m_doc->pipeline());
        QCOMPARE(pos.size(), m_doc->pipeline().nodes.size());
        for (const auto& e : m_doc->pipeline().edges)
            QVERIFY(pos[e.to.node].x() > pos[e.from.node].x());
        std::vector<QRectF> rects;
        for (const auto& [id, p] : pos)
            rects.emplace_back(
                p, NodeGeometry::size(runtime::Catalog::instance().find(m_doc->node(id)->type)));
        for (std::size_t i = 0; i < rects.size(); ++i)
            for (std::size_t j = i + 1; j < rects.size(); ++j)
                QVERIFY(!rects[i].intersects(rects[j]));
    }

    void tooltipsShowSchemaAndDiagnostics()
    {
        m_doc->reset(loadExample("orders.pipeline.json"), {});
        auto* edge = m_scene->edgeItem({{"orders", "out"}, {"dedup", "in"}});
        QVERIFY(edge);
        // Hover a point on the curve itself.
        QString tip;
        QPainterPath path =
            widgets::EdgeItem::curve(m_scene->portScenePos({"orders", "out"}, false),
                                     m_scene->portScenePos({"dedup", "in"}, true));
        tip = m_scene->toolTipAt(path.pointAtPercent(0.5));
        QVERIFY2(tip.contains(QStringLiteral("order_id")) && tip.contains(QStringLiteral("BIGINT")),
                 qPrintable(tip));
        // A node with a problem shows a badge whose tooltip is the message.
        m_doc->setProperty("revenue", "keys", nlohmann::json::array({"no_such_column"}));
        auto diags = m_doc->diagnosticsFor("revenue");
        QVERIFY(!diags.empty());
        QPointF badge =
            m_scene->nodeItem("revenue")->mapToScene(NodeGeometry::badgeRect().center());
        tip = m_scene->toolTipAt(badge);
        QVERIFY2(tip.contains(QStringLiteral("no_such_column")), qPrintable(tip));
    }

    void edgePartitioningFromTheContextMenuIsUndoable()
    {
        auto g = m_doc->addNode("generator", {0, 0});
        auto f = m_doc->addNode("filter", {400, 0});
        m_doc->addEdge({{g, "out"}, {f, "in"}});
        const runtime::EdgeSpec e{{g, "out"}, {f, "in"}};
        widgets::EdgeItem* item = m_scene->edgeItem(e);
        QVERIFY(item);
        QVERIFY(item->label().isEmpty() && item->labelRect().isEmpty());
        const int undoBefore = m_doc->undoStack()->count();
        // Right-click the edge's middle: the menu offers the four partitionings, auto checked.
        const QPointF mid = widgets::EdgeItem::curve(m_scene->portScenePos(e.from, false),
                                                     m_scene->portScenePos(e.to, true))
                                .pointAtPercent(0.5);
        const QPoint at = m_view->mapFromScene(mid);
        QStringList offered;
        bool autoChecked = false;
        QTimer::singleShot(0, this, [&] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu) return;
            for (QAction* a : menu->actions())
                if (!a->objectName().isEmpty()) {
                    offered << a->objectName();
                    if (a->objectName() == QLatin1String("auto")) autoChecked = a->isChecked();
                }
            if (auto* b = menu->findChild<QAction*>(QStringLiteral("broadcast"))) b->trigger();
            menu->close();
        });
        QContextMenuEvent ctx(QContextMenuEvent::Mouse, at, vp()->mapToGlobal(at));
        QApplication::sendEvent(vp(), &ctx);
        QCOMPARE(offered, (QStringList{"auto", "rebalance", "broadcast", "forward"}));
        QVERIFY(autoChecked);
        // One undo step changes the document; the canvas shows a label on the edge.
        QVERIFY(m_doc->pipeline().edges.at(0).partitioning == runtime::EdgePartitioning::Broadcast);
        QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set Partitioning to broadcast"));
        QCOMPARE(m_scene->edgeItem(e), item);
        QCOMPARE(item->label(), QStringLiteral("broadcast"));
        QVERIFY(item->labelRect().contains(mid));
        QVERIFY(item->boundingRect().contains(item->labelRect()));
        QVERIFY(m_scene->toolTipAt(mid).contains(QStringLiteral("(broadcast)")));
        // The menu shows the current choice; choosing it again is no new undo step.
        std::unique_ptr<QMenu> menu(m_scene->edgeMenu(e));
        auto* b = menu->findChild<QAction*>(QStringLiteral("broadcast"));
        QVERIFY(b && b->isChecked());
        b->trigger();
        QCOMPARE(m_doc->undoStack()->count(), undoBefore + 1);
        // Undo and redo go through the document and show on the canvas.
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->pipeline().edges.at(0).partitioning == runtime::EdgePartitioning::Auto);
        QVERIFY(item->label().isEmpty() && item->labelRect().isEmpty());
        m_doc->undoStack()->redo();
        QCOMPARE(item->label(), QStringLiteral("broadcast"));
        // Deleting the edge and undoing the delete brings the partitioning back.
        m_scene->clearSelection();
        item->setSelected(true);
        QCOMPARE(m_scene->selectedEdges().size(), 1u);
        m_doc->removeItems({}, m_scene->selectedEdges());
        QVERIFY(m_doc->pipeline().edges.empty());
        QVERIFY(!m_scene->edgeItem(e));
        m_doc->undoStack()->undo();
        QVERIFY(m_doc->pipeline().edges.at(0).partitioning == runtime::EdgePartitioning::Broadcast);
        QVERIFY(m_scene->edgeItem(e));
        QCOMPARE(m_scene->edgeItem(e)->label(), QStringLiteral("broadcast"));
        // Saved and reloaded, the file says so.
        const std::string text = runtime::serializePipeline(m_doc->pipeline());
        QVERIFY2(text.find("\"partitioning\": \"broadcast\"") != std::string::npos, text.c_str());
    }
};

QTEST_MAIN(TestCanvas)
#include "tst_canvas.moc"
