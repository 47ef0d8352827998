#pragma once
// One pinned dashboard view: a title bar with the view's menu (Settings, Export as PNG/CSV,
// Move, Remove) over a live table, a bar or line chart (widgets/charts/CategoryChart, the
// Metrics dock's chart style) or a single-value tile. Subscribes to the run controller's taps of
// its source (a sink: the edges into it; another node: its first output; an edge: its output
// port), keeps the latest rows or windows in a ResultRows model and redraws from it per tick.
// Never waits on the runtime: records arrive as TapBatch values on the GUI thread.
#include <map>
#include <string>
#include <vector>

#include <QFrame>
#include <QPointer>

#include "model/Dashboard.h"
#include "model/PipelineSpec.h"
#include "types/Schema.h"

class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace sw::widgets {
class CategoryChart;
class ResultRows;
} // namespace sw::widgets

namespace sw::app {

class RunController;
struct TapBatch;

class DashboardViewWidget : public QFrame {
    Q_OBJECT
public:
    DashboardViewWidget(RunController* controller, QWidget* parent = nullptr);
    ~DashboardViewWidget() override;

    /// Shows `view` of `pipeline`; `schema` is the source's (validator) schema when known.
    /// Rows held so far stay when the source is unchanged.
    void setView(const runtime::DashboardView& view, const runtime::PipelineSpec& pipeline,
                 const runtime::Schema* schema);
    const runtime::DashboardView& view() const { return m_view; }
    /// The title shown (the view's, or one derived from its source).
    QString title() const;
    /// The output ports whose records the view shows.
    const std::vector<runtime::PortRef>& ports() const { return m_ports; }
    static std::vector<runtime::PortRef> sourcePorts(const runtime::DashboardView& view,
                                                     const runtime::PipelineSpec& pipeline);
    /// A node without data outputs (an `errors` output aside): its rows are what it receives.
    static bool isSink(const runtime::PipelineSpec& pipeline, const std::string& node);
    static QString sourceTitle(const runtime::DashboardView& view,
                               const runtime::PipelineSpec& pipeline);

    widgets::ResultRows* rows() const { return m_rows; }
    widgets::CategoryChart* chart() const { return m_chart; }
    QTableView* table() const { return m_table; }
    QLabel* tileLabel() const { return m_tile; }
    QMenu* menu() const { return m_menu; }
    QLabel* statusLabel() const { return m_status; }
    /// Records the taps lost between ticks (their ring overwrote them).
    std::uint64_t missed() const { return m_missed; }

    /// Writes the view as shown (the whole frame) as a PNG.
    bool exportPng(const QString& path);
    /// Writes the rows the view holds as CSV (header line, one line per row).
    bool exportCsv(const QString& path) const;
    /// The CSV text exportCsv writes.
    std::string csvText() const;

    /// Drops the rows (a new run starts).
    void clearRows();

Q_SIGNALS:
    void settingsRequested();
    void removeRequested();
    void moveRequested(int delta);

protected:
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    void buildMenu();
    void subscribe();
    void unsubscribe();
    void onTapBatch(const TapBatch& batch);
    void refresh();
    void refreshTile();
    void updateStatus();
    void exportPngInteractive();
    void exportCsvInteractive();

    QPointer<RunController> m_controller;
    runtime::DashboardView m_view;
    runtime::PipelineSpec m_pipeline;
    std::vector<runtime::PortRef> m_ports;
    std::vector<int> m_subscriptions;
    std::map<std::string, std::uint64_t> m_nextSeq; // per port key
    std::uint64_t m_missed = 0;
    std::uint64_t m_otherSchema = 0;
    bool m_haveRows = false;
    bool m_resizeColumns = false;
    QLabel* m_titleLabel = nullptr;
    QToolButton* m_menuButton = nullptr;
    QMenu* m_menu = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableView* m_table = nullptr;
    widgets::CategoryChart* m_chart = nullptr;
    QLabel* m_tile = nullptr;
    QLabel* m_tileCaption = nullptr;
    QWidget* m_tilePage = nullptr;
    QLabel* m_status = nullptr;
    widgets::ResultRows* m_rows = nullptr;
};

} // namespace sw::app
