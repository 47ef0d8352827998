// MainWindow: clipboard (pipeline JSON text), delete, duplicate, select all, auto-layout.
#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QStatusBar>

#include "canvas/AutoLayout.h"
#include "canvas/EdgeItem.h"
#include "canvas/NodeCanvas.h"
#include "canvas/NodeGeometry.h"
#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "catalog/PipelineLoader.h"
#include "document/Document.h"
#include "properties/PropertyEditor.h"
#include "ui/MainWindow.h"

namespace sw::app {

namespace {
constexpr const char* kPipelineMime = "application/x-streamwright-pipeline";

/// Top-left of the bounding box of a fragment's nodes.
QRectF fragmentBounds(const runtime::PipelineSpec& f)
{
    QRectF r;
    for (const auto& n : f.nodes) {
        QSizeF s = widgets::NodeGeometry::size(runtime::Catalog::instance().find(n.type));
        r |= QRectF(QPointF(n.x, n.y), s);
    }
    return r;
}
} // namespace

bool MainWindow::editTargetsCanvas() const
{
    // Edit shortcuts are window-wide; they act on the canvas unless another editor has focus
    // (text fields consume their own editing keys; tables and lists must not delete nodes).
    QWidget* f = focusWidget(); // this window's focus, whether or not it is active
    return !f || f == this || f == m_canvas || m_canvas->isAncestorOf(f);
}

void MainWindow::copySelection()
{
    if (!editTargetsCanvas()) return;
    auto ids = m_scene->selectedNodeIds();
    if (ids.empty()) return;
    runtime::PipelineSpec fragment = m_doc->fragment(ids);
    QByteArray text = QByteArray::fromStdString(runtime::serializePipeline(fragment));
    auto* mime = new QMimeData;
    mime->setText(QString::fromUtf8(text));
    mime->setData(kPipelineMime, text);
    QApplication::clipboard()->setMimeData(mime);
    m_pasteCount = 0;
    statusBar()->showMessage(tr("Copied %n node(s)", nullptr, static_cast<int>(ids.size())), 3000);
}

void MainWindow::cutSelection()
{
    if (!editTargetsCanvas()) return;
    if (m_scene->selectedNodeIds().empty()) return;
    copySelection();
    deleteSelection();
}

QPointF MainWindow::pastePosition() const
{
    QPoint cursor = m_canvas->viewport()->mapFromGlobal(QCursor::pos());
    if (m_canvas->viewport()->rect().contains(cursor)) return m_canvas->mapToScene(cursor);
    return m_canvas->viewCenter();
}

void MainWindow::paste()
{
    if (!editTargetsCanvas()) return;
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) return;
    QByteArray text =
        mime->hasFormat(kPipelineMime) ? mime->data(kPipelineMime) : mime->text().toUtf8();
    auto fragment = runtime::parsePipeline(text.toStdString());
    if (!fragment) {
        statusBar()->showMessage(tr("The clipboard does not hold pipeline nodes: %1")
                                     .arg(QString::fromStdString(fragment.error().toString())),
                                 6000);
        return;
    }
    if (fragment->nodes.empty()) return;
    QRectF bounds = fragmentBounds(*fragment);
    QPointF target = widgets::NodeGeometry::snap(pastePosition() -
                                                 QPointF(bounds.width() / 2, bounds.height() / 2));
    QPointF offset = target - bounds.topLeft();
    auto ids = m_doc->insertFragment(*fragment, offset, tr("Paste"));
    m_scene->selectNodes(ids);
    m_canvas->setFocus();
}

void MainWindow::duplicateSelection()
{
    if (!editTargetsCanvas()) return;
    auto ids = m_scene->selectedNodeIds();
    if (ids.empty()) return;
    auto newIds = m_doc->insertFragment(m_doc->fragment(ids), QPointF(40, 40), tr("Duplicate"));
    m_scene->selectNodes(newIds);
}

void MainWindow::deleteSelection()
{
    if (!editTargetsCanvas()) return;
    auto ids = m_scene->selectedNodeIds();
    auto edges = m_scene->selectedEdges();
    if (ids.empty() && edges.empty()) return;
    m_doc->removeItems(ids, edges);
}

void MainWindow::selectAll()
{
    if (!editTargetsCanvas()) return;
    QSignalBlocker block(m_scene);
    for (QGraphicsItem* item : m_scene->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(true);
    block.unblock();
    Q_EMIT m_scene->selectionChanged();
}

void MainWindow::autoLayout()
{
    auto positions = widgets::layeredLayout(m_doc->pipeline());
    std::vector<std::pair<std::string, QPointF>> moves(positions.begin(), positions.end());
    m_doc->moveNodes(moves, tr("Auto-Layout"));
    m_canvas->zoomToFit();
}

} // namespace sw::app
