#include "dashboard/DashboardViewWidget.h"

#include <algorithm>
#include <fstream>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "catalog/Catalog.h"
#include "charts/CategoryChart.h"
#include "connectors/format/CsvRowWriter.h"
#include "dashboard/ResultRows.h"
#include "run/RunController.h"

namespace sw::app {

namespace {
using Kind = runtime::DashboardView::Kind;

QString labelOf(const runtime::PipelineSpec& p, const std::string& id)
{
    const runtime::NodeSpec* n = p.findNode(id);
    return QString::fromStdString(n && !n->label.empty() ? n->label : id);
}

std::string portKey(const runtime::PortRef& p)
{
    return p.node + "\n" + p.port;
}

QString aggregateText(runtime::DashboardView::Aggregate a, const QString& column)
{
    using A = runtime::DashboardView::Aggregate;
    switch (a) {
    case A::Sum:
        return DashboardViewWidget::tr("sum of %1").arg(column);
    case A::Count:
        return DashboardViewWidget::tr("count of %1").arg(column);
    case A::Min:
        return DashboardViewWidget::tr("minimum of %1").arg(column);
    case A::Max:
        return DashboardViewWidget::tr("maximum of %1").arg(column);
    case A::Avg:
        return DashboardViewWidget::tr("average of %1").arg(column);
    default:
        return DashboardViewWidget::tr("latest %1").arg(column);
    }
}
} // namespace

DashboardViewWidget::DashboardViewWidget(RunController* controller, QWidget* parent)
    : QFrame(parent), m_controller(controller), m_rows(new widgets::ResultRows(this))
{
    setObjectName(QStringLiteral("dashboardView"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(280, 220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    auto* header = new QHBoxLayout;
    m_titleLabel = new QLabel(this);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);
    m_titleLabel->setTextInteractionFlags(Qt::NoTextInteraction);
    header->addWidget(m_titleLabel, 1);
    m_menuButton = new QToolButton(this);
    m_menuButton->setObjectName(QStringLiteral("dashboardViewMenuButton"));
    m_menuButton->setText(QStringLiteral("\u22ef"));
    m_menuButton->setToolTip(tr("View menu: settings, export, move, remove"));
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    m_menuButton->setAutoRaise(true);
    header->addWidget(m_menuButton);
    layout->addLayout(header);

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setModel(m_rows);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_stack->addWidget(m_table);
    m_chart = new widgets::CategoryChart(m_stack);
    m_chart->setPlaceholderText(tr("Run the pipeline: results appear here as they arrive"));
    m_stack->addWidget(m_chart);
    m_tilePage = new QWidget(m_stack);
    auto* tileLayout = new QVBoxLayout(m_tilePage);
    m_tile = new QLabel(QStringLiteral("\u2014"), m_tilePage);
    m_tile->setObjectName(QStringLiteral("dashboardTileValue"));
    m_tile->setAlignment(Qt::AlignCenter);
    QFont big = m_tile->font();
    big.setPointSizeF(big.pointSizeF() * 2.8);
    big.setBold(true);
    m_tile->setFont(big);
    m_tileCaption = new QLabel(m_tilePage);
    m_tileCaption->setAlignment(Qt::AlignCenter);
    m_tileCaption->setForegroundRole(QPalette::PlaceholderText);
    tileLayout->addStretch(1);
    tileLayout->addWidget(m_tile);
    tileLayout->addWidget(m_tileCaption);
    tileLayout->addStretch(1);
    m_stack->addWidget(m_tilePage);
    layout->addWidget(m_stack, 1);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_status);
    buildMenu();
    if (controller) {
        connect(controller, &RunController::tapBatch, this, &DashboardViewWidget::onTapBatch);
        connect(controller, &RunController::runStarted, this, [this] { clearRows(); });
    }
}

DashboardViewWidget::~DashboardViewWidget()
{
    unsubscribe();
}

void DashboardViewWidget::buildMenu()
{
    m_menu = new QMenu(this);
    m_menu->setObjectName(QStringLiteral("dashboardViewMenu"));
    QAction* settings = m_menu->addAction(tr("&Settings\u2026"));
    settings->setObjectName(QStringLiteral("actionViewSettings"));
    connect(settings, &QAction::triggered, this, &DashboardViewWidget::settingsRequested);
    m_menu->addSeparator();
    QAction* png = m_menu->addAction(tr("Export as &PNG\u2026"));
    png->setObjectName(QStringLiteral("actionViewExportPng"));
    connect(png, &QAction::triggered, this, &DashboardViewWidget::exportPngInteractive);
    QAction* csv = m_menu->addAction(tr("Export as &CSV\u2026"));
    csv->setObjectName(QStringLiteral("actionViewExportCsv"));
    connect(csv, &QAction::triggered, this, &DashboardViewWidget::exportCsvInteractive);
    m_menu->addSeparator();
    QAction* left = m_menu->addAction(tr("Move &Earlier"));
    left->setObjectName(QStringLiteral("actionViewMoveEarlier"));
    connect(left, &QAction::triggered, this, [this] { Q_EMIT moveRequested(-1); });
    QAction* right = m_menu->addAction(tr("Move &Later"));
    right->setObjectName(QStringLiteral("actionViewMoveLater"));
    connect(right, &QAction::triggered, this, [this] { Q_EMIT moveRequested(1); });
    m_menu->addSeparator();
    QAction* remove = m_menu->addAction(tr("&Remove from Dashboard"));
    remove->setObjectName(QStringLiteral("actionViewRemove"));
    connect(remove, &QAction::triggered, this, &DashboardViewWidget::removeRequested);
    m_menuButton->setMenu(m_menu);
}

std::vector<runtime::PortRef>
DashboardViewWidget::sourcePorts(const runtime::DashboardView& view,
                                 const runtime::PipelineSpec& pipeline)
{
    std::vector<runtime::PortRef> ports;
    if (view.node.empty()) {
        if (view.edge) ports.push_back(view.edge->from);
        return ports;
    }
    const runtime::NodeSpec* n = pipeline.findNode(view.node);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    if (t)
        for (const runtime::PortSpec& out : t->outputs)
            if (!out.errors) { // a node: what it emits on its first data output
                ports.push_back({view.node, out.name});
                return ports;
            }
    for (const runtime::EdgeSpec* e : pipeline.edgesInto(view.node)) // a sink: what it receives
        if (std::find(ports.begin(), ports.end(), e->from) == ports.end()) ports.push_back(e->from);
    return ports;
}

bool DashboardViewWidget::isSink(const runtime::PipelineSpec& pipeline, const std::string& node)
{
    const runtime::NodeSpec* n = pipeline.findNode(node);
    const runtime::NodeType* t = n ? runtime::Catalog::instance().find(n->type) : nullptr;
    return t && std::none_of(t->outputs.begin(), t->outputs.end(),
                             [](const runtime::PortSpec& p) { return !p.errors; });
}

QString DashboardViewWidget::sourceTitle(const runtime::DashboardView& view,
                                         const runtime::PipelineSpec& pipeline)
{
    if (!view.node.empty()) return labelOf(pipeline, view.node);
    if (!view.edge) return {};
    return tr("%1 → %2").arg(labelOf(pipeline, view.edge->from.node),
                             labelOf(pipeline, view.edge->to.node));
}

QString DashboardViewWidget::title() const
{
    return m_view.title.empty() ? sourceTitle(m_view, m_pipeline)
                                : QString::fromStdString(m_view.title);
}

void DashboardViewWidget::setView(const runtime::DashboardView& view,
                                  const runtime::PipelineSpec& pipeline,
                                  const runtime::Schema* schema)
{
    const std::vector<runtime::PortRef> ports = sourcePorts(view, pipeline);
    const bool sameSource = ports == m_ports && !m_subscriptions.empty();
    m_view = view;
    m_pipeline = pipeline;
    if (!sameSource) {
        unsubscribe();
        m_ports = ports;
        m_rows->setSchema(schema ? *schema : runtime::Schema());
        m_haveRows = false;
        subscribe();
    } else if (schema && !m_haveRows && !(m_rows->schema() == *schema)) {
        m_rows->setSchema(*schema);
    }
    m_rows->setLimit(view.limit, view.limitBy == runtime::DashboardView::LimitBy::Windows);
    m_titleLabel->setText(title());
    m_titleLabel->setToolTip(sourceTitle(view, pipeline));
    switch (view.kind) {
    case Kind::Table:
        m_stack->setCurrentWidget(m_table);
        break;
    case Kind::Bars:
    case Kind::Lines:
        m_chart->setKind(view.kind == Kind::Bars ? widgets::CategoryChart::Kind::Bars
                                                 : widgets::CategoryChart::Kind::Lines);
        m_chart->setValueTitle(aggregateText(view.aggregate, QString::fromStdString(view.value)));
        m_stack->setCurrentWidget(m_chart);
        break;
    case Kind::Tile:
        m_stack->setCurrentWidget(m_tilePage);
        break;
    }
    refresh();
}

void DashboardViewWidget::subscribe()
{
    if (!m_controller) return;
    // The ring must hold what arrives between two ticks; a view keeps at most `limit` rows.
    const std::size_t capacity = static_cast<std::size_t>(std::max(4096, m_view.limit));
    for (const runtime::PortRef& p : m_ports)
        m_subscriptions.push_back(m_controller->subscribeTap(p, capacity));
}

void DashboardViewWidget::unsubscribe()
{
    if (m_controller)
        for (int id : m_subscriptions)
            m_controller->unsubscribeTap(id);
    m_subscriptions.clear();
}

void DashboardViewWidget::clearRows()
{
    m_rows->clear();
    m_nextSeq.clear();
    m_missed = 0;
    m_otherSchema = 0;
    m_haveRows = false;
    refresh();
}

void DashboardViewWidget::onTapBatch(const TapBatch& batch)
{
    if (std::find(m_ports.begin(), m_ports.end(), batch.port) == m_ports.end()) return;
    if (!batch.records || batch.records->empty()) return;
    // Gaps in a tap's sequence are records its ring overwrote between ticks: counted, shown.
    std::uint64_t& next = m_nextSeq[portKey(batch.port)];
    for (const runtime::TappedRecord& r : *batch.records) {
        if (r.sequence > next) m_missed += r.sequence - next;
        next = r.sequence + 1;
    }
    if (!(m_rows->schema() == batch.schema)) {
        if (m_haveRows) { // another input of the sink with other columns: not mixed in, counted
            m_otherSchema += batch.records->size();
            updateStatus();
            return;
        }
        m_rows->setSchema(batch.schema);
    }
    if (!m_haveRows) m_resizeColumns = true; // fitted to the first rows of a run
    m_haveRows = true;
    // The table follows the newest rows unless the user scrolled up to read older ones.
    QScrollBar* bar = m_table->verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum();
    m_rows->append(*batch.records);
    if (follow) m_table->scrollToBottom();
    if (m_resizeColumns && m_table->isVisible()) {
        m_table->resizeColumnsToContents();
        m_resizeColumns = false;
    }
    refresh();
}

void DashboardViewWidget::refresh()
{
    const runtime::Schema& s = m_rows->schema();
    if (m_view.kind == Kind::Bars || m_view.kind == Kind::Lines) {
        const int x = s.indexOf(m_view.x);
        const int value = s.indexOf(m_view.value);
        const int series = m_view.series.empty() ? -1 : s.indexOf(m_view.series);
        if (!s.empty() && (x < 0 || value < 0 || (!m_view.series.empty() && series < 0)))
            m_chart->setPlaceholderText(
                tr("The stream has no column %1: choose columns in the "
                   "view's settings")
                    .arg(QString::fromStdString(
                        x < 0 ? m_view.x : (value < 0 ? m_view.value : m_view.series))));
        else
            m_chart->setPlaceholderText(tr("Run the pipeline: results appear here as they arrive"));
        m_chart->setData(m_rows->chartData(x, value, series, m_view.aggregate));
    } else if (m_view.kind == Kind::Tile) {
        refreshTile();
    }
    updateStatus();
}

void DashboardViewWidget::refreshTile()
{
    const int value = m_rows->schema().indexOf(m_view.value);
    const QString column = QString::fromStdString(m_view.value);
    if (value < 0 && !m_rows->schema().empty()) {
        m_tile->setText(QStringLiteral("\u2014"));
        m_tileCaption->setText(tr("The stream has no column %1").arg(column));
        return;
    }
    const std::optional<double> v = m_rows->tileValue(value, m_view.aggregate);
    const bool whole = v && *v == static_cast<double>(static_cast<long long>(*v));
    m_tile->setText(!v ? QStringLiteral("\u2014") : locale().toString(*v, 'f', whole ? 0 : 2));
    m_tileCaption->setText(aggregateText(m_view.aggregate, column));
}

void DashboardViewWidget::updateStatus()
{
    QString text = m_rows->limitsWindows()
                       ? tr("%n window(s)", nullptr, m_rows->windowCount()) +
                             QStringLiteral(" · ") + tr("%n row(s)", nullptr, m_rows->rowCount())
                       : tr("%n row(s)", nullptr, m_rows->rowCount());
    text += QStringLiteral(" · ") +
            (m_rows->limitsWindows() ? tr("keeps the last %n window(s)", nullptr, m_rows->limit())
                                     : tr("keeps the last %n row(s)", nullptr, m_rows->limit()));
    if (m_missed)
        text += QStringLiteral(" · ") +
                tr("%n record(s) arrived faster than shown", nullptr, static_cast<int>(m_missed));
    if (m_otherSchema)
        text += QStringLiteral(" · ") + tr("%n record(s) with other columns not shown", nullptr,
                                           static_cast<int>(m_otherSchema));
    if (m_ports.empty()) text = tr("Nothing flows into this node");
    m_status->setText(text);
}

std::string DashboardViewWidget::csvText() const
{
    std::string out;
    const runtime::CsvRowWriter writer(m_rows->schema());
    writer.appendHeader(out);
    out += "\n";
    for (const runtime::Row& row : m_rows->rows()) {
        writer.append(row, out);
        out += "\n";
    }
    return out;
}

bool DashboardViewWidget::exportCsv(const QString& path) const
{
    std::ofstream f(path.toStdString(), std::ios::binary | std::ios::trunc);
    f << csvText();
    return static_cast<bool>(f.flush());
}

bool DashboardViewWidget::exportPng(const QString& path)
{
    return grab().save(path, "PNG");
}

void DashboardViewWidget::exportPngInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export View as PNG"), title() + QStringLiteral(".png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path)) m_status->setText(tr("Could not write %1").arg(path));
}

void DashboardViewWidget::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export View as CSV"), title() + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty() && !exportCsv(path)) m_status->setText(tr("Could not write %1").arg(path));
}

void DashboardViewWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    QFrame::mouseDoubleClickEvent(event);
    Q_EMIT settingsRequested();
}

} // namespace sw::app
