#pragma once
// The Dashboard dock: the pipeline's pinned result views (the document's `dashboard` section,
// model/Dashboard.h) laid out in a grid, each live while the pipeline runs. Pin, unpin, edit and
// reorder are undo commands on the document; the views follow the document's changes (undo
// included). "Pin to Dashboard" is offered on canvas nodes and edges and in the dock's own Pin
// menu (every sink and edge of the pipeline).
#include <optional>
#include <string>
#include <vector>

#include <QDockWidget>
#include <QPointer>

#include "model/Dashboard.h"
#include "types/Schema.h"

class QGridLayout;
class QLabel;
class QMainWindow;
class QMenu;
class QToolButton;

namespace sw::widgets {
struct ChangeEvent;
class PipelineScene;
} // namespace sw::widgets

namespace sw::app {

class CanvasOverlay;
class DashboardViewWidget;
class Document;
class RunController;
class ViewSettingsDialog;

class DashboardDock : public QDockWidget {
    Q_OBJECT
public:
    DashboardDock(Document* doc, RunController* controller, QWidget* parent = nullptr);
    ~DashboardDock() override;

    int viewCount() const { return static_cast<int>(m_views.size()); }
    DashboardViewWidget* view(int index) const;

    /// A new view of `kind` on a node or an edge, with columns guessed from the source's schema
    /// (bars/lines: a text column as categories and a numeric one as values).
    runtime::DashboardView suggestView(runtime::DashboardView::Kind kind, const std::string& node,
                                       const std::optional<runtime::EdgeSpec>& edge) const;
    /// Appends `view` to the document's dashboard (one undo step "Pin to Dashboard"), shows the
    /// dock and returns the new view's index.
    int pin(runtime::DashboardView view);
    void unpin(int index);
    void replace(int index, const runtime::DashboardView& view);
    void move(int index, int delta);
    /// Opens the settings popup of view `index` (applied as one undo step when accepted).
    ViewSettingsDialog* editView(int index);

    /// "Pin to Dashboard" submenu (as table, bars, lines, tile) for a node or an edge.
    void addPinMenu(QMenu& menu, const std::string& node,
                    const std::optional<runtime::EdgeSpec>& edge);
    /// Offers "Pin to Dashboard" on the canvas: nodes (a scene event filter) and edges (the run
    /// overlay's edge menu, which owns right-clicks on edges).
    void attachCanvas(widgets::PipelineScene* scene, CanvasOverlay* overlay);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void sync();
    void layoutViews();
    void fillPinMenu();
    void setViews(const std::vector<runtime::DashboardView>& views, const QString& text);
    const runtime::Schema* schemaOf(const runtime::DashboardView& view) const;

    QPointer<Document> m_doc;
    QPointer<RunController> m_controller;
    QPointer<widgets::PipelineScene> m_scene;
    std::vector<DashboardViewWidget*> m_views;
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QLabel* m_empty = nullptr;
    QToolButton* m_pinButton = nullptr;
    QMenu* m_pinMenu = nullptr;
    int m_columns = 0;
};

/// Creates the Dashboard dock for `window`'s document, tabbed with the Metrics dock, with
/// "Pin to Dashboard" on `scene` (through `overlay` for edges).
DashboardDock* installDashboard(QMainWindow* window, Document* doc, RunController* controller,
                                widgets::PipelineScene* scene, CanvasOverlay* overlay,
                                QDockWidget* tabWith);

} // namespace sw::app
