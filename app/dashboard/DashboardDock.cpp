#include "dashboard/DashboardDock.h"

#include <algorithm>

#include <QGraphicsSceneContextMenuEvent>
#include <QGridLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include "canvas/NodeItem.h"
#include "canvas/PipelineScene.h"
#include "catalog/Catalog.h"
#include "dashboard/DashboardViewWidget.h"
#include "dashboard/ResultRows.h"
#include "dashboard/ViewSettingsDialog.h"
#include "document/Document.h"
#include "run/CanvasOverlay.h"
#include "run/RunController.h"

namespace sw::app {

namespace {
using Kind = runtime::DashboardView::Kind;
constexpr int kViewWidth = 440;  // a view's preferred width in the grid
constexpr int kViewHeight = 300; // and height

/// A chart view needs its columns; a view that cannot be complete stays a table.
bool complete(const runtime::DashboardView& v)
{
    const bool chart = v.kind == Kind::Bars || v.kind == Kind::Lines;
    return (!chart || !v.x.empty()) && (v.kind == Kind::Table || !v.value.empty());
}
} // namespace

DashboardDock::DashboardDock(Document* doc, RunController* controller, QWidget* parent)
    : QDockWidget(tr("Dashboard"), parent), m_doc(doc), m_controller(controller)
{
    setObjectName(QStringLiteral("dashboardDock"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 2, 4, 4);
    auto* bar = new QHBoxLayout;
    m_pinButton = new QToolButton(content);
    m_pinButton->setObjectName(QStringLiteral("dashboardPinButton"));
    m_pinButton->setText(tr("Pin\u2026"));
    m_pinButton->setToolTip(tr("Pin a sink or an edge of the pipeline to the dashboard"));
    m_pinButton->setPopupMode(QToolButton::InstantPopup);
    m_pinMenu = new QMenu(m_pinButton);
    m_pinButton->setMenu(m_pinMenu);
    connect(m_pinMenu, &QMenu::aboutToShow, this, &DashboardDock::fillPinMenu);
    bar->addWidget(m_pinButton);
    m_empty = new QLabel(tr("Nothing pinned yet. Right-click a sink or an edge on the canvas and "
                            "choose Pin to Dashboard, or use Pin\u2026"),
                         content);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setWordWrap(true);
    bar->addWidget(m_empty, 1);
    bar->addStretch(0);
    layout->addLayout(bar);
    auto* scroll = new QScrollArea(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(scroll);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(6);
    scroll->setWidget(m_grid);
    layout->addWidget(scroll, 1);
    setWidget(content);
    connect(doc, &Document::changed, this, [this](const widgets::ChangeEvent& e) {
        if (e.type == widgets::ChangeEvent::Type::DashboardChanged ||
            e.type == widgets::ChangeEvent::Type::Reset ||
            e.type == widgets::ChangeEvent::Type::NodeChanged ||
            e.type == widgets::ChangeEvent::Type::EdgeAdded ||
            e.type == widgets::ChangeEvent::Type::EdgeRemoved)
            sync();
    });
    sync();
}

DashboardDock::~DashboardDock() = default;

DashboardViewWidget* DashboardDock::view(int index) const
{
    return index >= 0 && index < viewCount() ? m_views[static_cast<std::size_t>(index)] : nullptr;
}

const runtime::Schema* DashboardDock::schemaOf(const runtime::DashboardView& view) const
{
    const auto ports = DashboardViewWidget::sourcePorts(view, m_doc->pipeline());
    return ports.empty() ? nullptr : m_doc->validation().schemaOf(ports.front());
}

void DashboardDock::sync()
{
    if (!m_doc) return;
    const runtime::PipelineSpec& p = m_doc->pipeline();
    const std::vector<runtime::DashboardView> views = runtime::dashboardViews(p);
    std::vector<DashboardViewWidget*> old = m_views;
    m_views.clear();
    // Keep each view's widget (and the rows it holds) across edits, undo and reordering.
    auto take = [&](auto&& match) -> DashboardViewWidget* {
        auto it = std::find_if(old.begin(), old.end(), match);
        if (it == old.end()) return nullptr;
        DashboardViewWidget* w = *it;
        old.erase(it);
        return w;
    };
    for (const runtime::DashboardView& v : views) {
        DashboardViewWidget* w = take([&](DashboardViewWidget* o) { return o->view() == v; });
        if (!w)
            w = take([&](DashboardViewWidget* o) {
                return o->ports() == DashboardViewWidget::sourcePorts(v, p);
            });
        if (!w) {
            w = new DashboardViewWidget(m_controller, m_grid);
            connect(w, &DashboardViewWidget::settingsRequested, this, [this, w] {
                editView(static_cast<int>(std::find(m_views.begin(), m_views.end(), w) -
                                          m_views.begin()));
            });
            connect(w, &DashboardViewWidget::removeRequested, this, [this, w] {
                unpin(static_cast<int>(std::find(m_views.begin(), m_views.end(), w) -
                                       m_views.begin()));
            });
            connect(w, &DashboardViewWidget::moveRequested, this, [this, w](int delta) {
                move(static_cast<int>(std::find(m_views.begin(), m_views.end(), w) -
                                      m_views.begin()),
                     delta);
            });
        }
        w->setView(v, p, schemaOf(v));
        m_views.push_back(w);
    }
    for (DashboardViewWidget* w : old) {
        w->hide();
        w->deleteLater(); // may be the sender of the Remove that got here
    }
    m_empty->setVisible(m_views.empty());
    m_columns = 0;
    layoutViews();
}

void DashboardDock::layoutViews()
{
    const int columns = std::clamp(m_grid->width() / kViewWidth, 1, 4);
    if (columns == m_columns && m_gridLayout->count() == viewCount()) return;
    m_columns = columns;
    while (m_gridLayout->count() > 0)
        delete m_gridLayout->takeAt(0);
    for (int i = 0; i < viewCount(); ++i) {
        m_views[static_cast<std::size_t>(i)]->setMinimumHeight(kViewHeight * 3 / 4);
        m_gridLayout->addWidget(m_views[static_cast<std::size_t>(i)], i / columns, i % columns);
        m_views[static_cast<std::size_t>(i)]->show();
    }
    for (int c = 0; c < 4; ++c)
        m_gridLayout->setColumnStretch(c, c < columns ? 1 : 0);
}

void DashboardDock::resizeEvent(QResizeEvent* event)
{
    QDockWidget::resizeEvent(event);
    layoutViews();
}

runtime::DashboardView
DashboardDock::suggestView(Kind kind, const std::string& node,
                           const std::optional<runtime::EdgeSpec>& edge) const
{
    runtime::DashboardView v;
    v.kind = kind;
    v.node = node;
    if (node.empty()) v.edge = edge;
    const runtime::Schema* s = schemaOf(v);
    if (kind == Kind::Table || !s)
        return complete(v) ? v : runtime::DashboardView{Kind::Table, {}, v.node, v.edge};
    std::string text, number, time;
    for (const runtime::Field& f : s->fields()) {
        const bool windowBound = f.name == "window_start" || f.name == "window_end";
        if (text.empty() && f.type.kind() == runtime::TypeKind::String) text = f.name;
        if (time.empty() && f.name == "window_end") time = f.name;
        if (number.empty() && !windowBound && f.type.isNumeric()) number = f.name;
    }
    v.value = number.empty() ? (s->empty() ? std::string() : (*s)[0].name) : number;
    v.x = kind == Kind::Lines && !time.empty() ? time : (!text.empty() ? text : time);
    if (v.x.empty() && !s->empty()) v.x = (*s)[0].name;
    if (kind == Kind::Tile) v.aggregate = runtime::DashboardView::Aggregate::Sum;
    if (!complete(v)) return runtime::DashboardView{Kind::Table, {}, v.node, v.edge};
    return v;
}

void DashboardDock::setViews(const std::vector<runtime::DashboardView>& views, const QString& text)
{
    if (m_doc) m_doc->setDashboard(runtime::dashboardJson(views), text);
}

int DashboardDock::pin(runtime::DashboardView view)
{
    if (!m_doc) return -1;
    if (!complete(view))
        view = runtime::DashboardView{Kind::Table, view.title, view.node, view.edge};
    std::vector<runtime::DashboardView> views = runtime::dashboardViews(m_doc->pipeline());
    views.push_back(std::move(view));
    setViews(views, tr("Pin to Dashboard"));
    show();
    raise();
    return viewCount() - 1;
}

void DashboardDock::unpin(int index)
{
    std::vector<runtime::DashboardView> views = runtime::dashboardViews(m_doc->pipeline());
    if (index < 0 || index >= static_cast<int>(views.size())) return;
    views.erase(views.begin() + index);
    setViews(views, tr("Unpin from Dashboard"));
}

void DashboardDock::replace(int index, const runtime::DashboardView& view)
{
    std::vector<runtime::DashboardView> views = runtime::dashboardViews(m_doc->pipeline());
    if (index < 0 || index >= static_cast<int>(views.size()) || !complete(view)) return;
    views[static_cast<std::size_t>(index)] = view;
    setViews(views, tr("Edit Dashboard View"));
}

void DashboardDock::move(int index, int delta)
{
    std::vector<runtime::DashboardView> views = runtime::dashboardViews(m_doc->pipeline());
    const int to = index + delta;
    if (index < 0 || index >= static_cast<int>(views.size()) || to < 0 ||
        to >= static_cast<int>(views.size()))
        return;
    std::swap(views[static_cast<std::size_t>(index)], views[static_cast<std::size_t>(to)]);
    setViews(views, tr("Move Dashboard View"));
}

ViewSettingsDialog* DashboardDock::editView(int index)
{
    DashboardViewWidget* w = view(index);
    if (!w) return nullptr;
    const runtime::Schema* s = schemaOf(w->view());
    const runtime::Schema schema = !w->rows()->schema().empty() ? w->rows()->schema()
                                   : s                          ? *s
                                                                : runtime::Schema();
    auto* dialog = new ViewSettingsDialog(
        w->view(), schema, DashboardViewWidget::sourceTitle(w->view(), m_doc->pipeline()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, w] {
        const int i =
            static_cast<int>(std::find(m_views.begin(), m_views.end(), w) - m_views.begin());
        replace(i, dialog->view());
    });
    dialog->open();
    return dialog;
}

void DashboardDock::addPinMenu(QMenu& menu, const std::string& node,
                               const std::optional<runtime::EdgeSpec>& edge)
{
    QMenu* sub = menu.addMenu(tr("Pin to Dashboard"));
    sub->setObjectName(QStringLiteral("pinToDashboardMenu"));
    const std::pair<Kind, QString> kinds[] = {{Kind::Table, tr("as Table")},
                                              {Kind::Bars, tr("as Bar Chart")},
                                              {Kind::Lines, tr("as Line Chart")},
                                              {Kind::Tile, tr("as Single Value")}};
    for (const auto& [kind, text] : kinds) {
        QAction* a = sub->addAction(text);
        a->setObjectName(QStringLiteral("pinAs_") +
                         QString::fromUtf8(runtime::toString(kind).data()));
        const Kind k = kind;
        connect(a, &QAction::triggered, this, [this, k, node, edge] {
            const int i = pin(suggestView(k, node, edge));
            if (k != Kind::Table) editView(i); // the columns are a guess: show them
        });
    }
}

void DashboardDock::fillPinMenu()
{
    m_pinMenu->clear();
    const runtime::PipelineSpec& p = m_doc->pipeline();
    for (const runtime::NodeSpec& n : p.nodes)
        if (DashboardViewWidget::isSink(p, n.id)) {
            runtime::DashboardView v;
            v.node = n.id;
            addPinMenu(*m_pinMenu, n.id, std::nullopt);
            m_pinMenu->actions().back()->setText(
                tr("Sink %1").arg(DashboardViewWidget::sourceTitle(v, p)));
        }
    m_pinMenu->addSeparator();
    for (const runtime::EdgeSpec& e : p.edges) {
        runtime::DashboardView v;
        v.edge = e;
        addPinMenu(*m_pinMenu, {}, e);
        m_pinMenu->actions().back()->setText(
            tr("Edge %1").arg(DashboardViewWidget::sourceTitle(v, p)));
    }
}

void DashboardDock::attachCanvas(widgets::PipelineScene* scene, CanvasOverlay* overlay)
{
    m_scene = scene;
    if (scene) scene->installEventFilter(this);
    if (overlay)
        overlay->addEdgeMenuEntries([this](QMenu& menu, const runtime::EdgeSpec& edge) {
            menu.addSeparator();
            addPinMenu(menu, {}, edge);
        });
}

bool DashboardDock::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_scene || event->type() != QEvent::GraphicsSceneContextMenu)
        return QDockWidget::eventFilter(watched, event);
    auto* ctx = static_cast<QGraphicsSceneContextMenuEvent*>(event);
    for (QGraphicsItem* item : m_scene->items(ctx->scenePos())) {
        if (item->type() != widgets::NodeItem::Type) continue;
        const std::string id = static_cast<widgets::NodeItem*>(item)->id();
        QMenu menu;
        addPinMenu(menu, id, std::nullopt);
        menu.exec(ctx->screenPos());
        event->accept();
        return true;
    }
    return false; // edges: the run overlay's menu, which carries Pin to Dashboard too
}

DashboardDock* installDashboard(QMainWindow* window, Document* doc, RunController* controller,
                                widgets::PipelineScene* scene, CanvasOverlay* overlay,
                                QDockWidget* tabWith)
{
    auto* dock = new DashboardDock(doc, controller, window);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (tabWith) window->tabifyDockWidget(tabWith, dock);
    dock->attachCanvas(scene, overlay);
    return dock;
}

} // namespace sw::app
