#include "metrics/MetricsPanel.h"

#include <map>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "catalog/Catalog.h"
#include "charts/TimeSeriesChart.h"

namespace sw::widgets {

namespace {
const runtime::NodeType* typeOf(const runtime::NodeSpec& n)
{
    return runtime::Catalog::instance().find(n.type);
}
bool hasErrorsPort(const runtime::NodeType* t)
{
    if (!t) return false;
    for (const auto& p : t->outputs)
        if (p.errors) return true;
    return false;
}
bool hasDataOutput(const runtime::NodeType* t)
{
    if (!t) return true;
    for (const auto& p : t->outputs)
        if (!p.errors) return true;
    return false;
}
} // namespace

MetricsPanel::MetricsPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);

    auto* bar = new QHBoxLayout;
    m_pauseButton = new QToolButton(this);
    m_pauseButton->setObjectName(QStringLiteral("metricsPauseView"));
    m_pauseButton->setText(tr("Pause view"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the charts; data keeps being recorded"));
    connect(m_pauseButton, &QToolButton::toggled, this, &MetricsPanel::setViewPaused);
    m_exportButton = new QToolButton(this);
    m_exportButton->setObjectName(QStringLiteral("metricsExportPng"));
    m_exportButton->setText(tr("Export PNG…"));
    m_exportButton->setToolTip(tr("Save the chart shown as a PNG image"));
    connect(m_exportButton, &QToolButton::clicked, this, &MetricsPanel::onExportClicked);
    m_status =
        new QLabel(tr("Last 5 minutes · 4 updates/s · click a legend entry to hide a line"), this);
    m_status->setForegroundRole(QPalette::PlaceholderText); // legible on light and dark
    bar->addWidget(m_pauseButton);
    bar->addWidget(m_exportButton);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);
    m_endpoint = new QLabel(this);
    m_endpoint->setObjectName(QStringLiteral("metricsEndpointUrl"));
    m_endpoint->setOpenExternalLinks(true);
    m_endpoint->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_endpoint->hide();
    bar->addWidget(m_endpoint);
    layout->addLayout(bar);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);
    createCharts();
}

void MetricsPanel::createCharts()
{
    struct Def {
        Chart kind;
        QString tab;
        QString title;
        QString unit;
    };
    const Def defs[] = {
        {Chart::Throughput, tr("Throughput"), tr("Throughput per node"), tr("records/s")},
        {Chart::ConsumerLag, tr("Consumer lag"), tr("Kafka consumer lag"), tr("records")},
        {Chart::WatermarkLag, tr("Watermark lag"), tr("Watermark lag per node"), tr("seconds")},
        {Chart::Backpressure, tr("Backpressure"), tr("Queue fill per edge"), tr("% of capacity")},
        {Chart::Errors, tr("Errors"), tr("Error rate per node"), tr("errors/s")},
    };
    for (const Def& d : defs) {
        auto* c = new TimeSeriesChart(this);
        c->setObjectName(QStringLiteral("chart") + d.tab.simplified().remove(QLatin1Char(' ')));
        c->setTitle(d.title);
        c->setValueTitle(d.unit);
        m_charts[static_cast<std::size_t>(d.kind)] = c;
        m_tabs->addTab(c, d.tab);
    }
    chart(Chart::Backpressure)->setFixedValueRange(0, 100);
    chart(Chart::ConsumerLag)->setPlaceholderText(tr("No Kafka source in this pipeline."));
}

QString MetricsPanel::throughputId(const std::string& nodeId, bool in)
{
    return QString::fromStdString(nodeId) + (in ? QStringLiteral("/in") : QStringLiteral("/out"));
}

QString MetricsPanel::edgeId(const runtime::EdgeSpec& e)
{
    return QStringLiteral("%1.%2->%3.%4")
        .arg(QString::fromStdString(e.from.node), QString::fromStdString(e.from.port),
             QString::fromStdString(e.to.node), QString::fromStdString(e.to.port));
}

QString MetricsPanel::partitionId(const PartitionLag& p)
{
    return QStringLiteral("%1/%2[%3]")
        .arg(QString::fromStdString(p.nodeId), QString::fromStdString(p.topic))
        .arg(p.partition);
}

QString MetricsPanel::totalLagId(const std::string& nodeId)
{
    return QString::fromStdString(nodeId) + QStringLiteral("/total");
}

QString MetricsPanel::labelOf(const std::string& nodeId) const
{
    const runtime::NodeSpec* n = m_pipeline.findNode(nodeId);
    if (!n || n->label.empty()) return QString::fromStdString(nodeId);
    return QString::fromStdString(n->label);
}

void MetricsPanel::setPipeline(const runtime::PipelineSpec& pipeline)
{
    m_pipeline = pipeline;
    for (TimeSeriesChart* c : m_charts)
        c->clear();
    m_hasKafkaSource = false;
    for (const auto& n : m_pipeline.nodes)
        if (runtime::kafkaRoleOf(n) == runtime::KafkaRole::Consumer) m_hasKafkaSource = true;
    chart(Chart::ConsumerLag)
        ->setPlaceholderText(m_hasKafkaSource
                                 ? tr("Waiting for consumer lag from the Kafka sources…")
                                 : tr("No Kafka source in this pipeline."));
    addSeries();
}

void MetricsPanel::addSeries()
{
    for (const auto& n : m_pipeline.nodes) {
        const runtime::NodeType* t = typeOf(n);
        const QString label = labelOf(n.id);
        if (!t || !t->isSource())
            chart(Chart::Throughput)->ensureSeries(throughputId(n.id, true), label + tr(" in"));
        if (hasDataOutput(t))
            chart(Chart::Throughput)->ensureSeries(throughputId(n.id, false), label + tr(" out"));
        if (hasErrorsPort(t))
            chart(Chart::Errors)->ensureSeries(QString::fromStdString(n.id), label);
        chart(Chart::WatermarkLag)->ensureSeries(QString::fromStdString(n.id), label);
    }
    for (const auto& e : m_pipeline.edges)
        chart(Chart::Backpressure)
            ->ensureSeries(edgeId(e),
                           QStringLiteral("%1 → %2").arg(labelOf(e.from.node), labelOf(e.to.node)));
}

void MetricsPanel::clearData()
{
    const runtime::PipelineSpec p = m_pipeline;
    setPipeline(p);
}

void MetricsPanel::addSample(const MetricsSample& s)
{
    addThroughput(s);
    addLag(s);
    addWatermarkLag(s);
    addBackpressure(s);
    addErrors(s);
}

void MetricsPanel::addThroughput(const MetricsSample& s)
{
    std::vector<std::pair<QString, double>> values;
    for (const NodeRates& r : s.rates.nodes) {
        const runtime::NodeSpec* n = m_pipeline.findNode(r.nodeId);
        const runtime::NodeType* t = n ? typeOf(*n) : nullptr;
        if (!t || !t->isSource()) values.emplace_back(throughputId(r.nodeId, true), r.inPerSec);
        if (hasDataOutput(t)) values.emplace_back(throughputId(r.nodeId, false), r.outPerSec);
    }
    chart(Chart::Throughput)->appendPoints(s.snapshot.takenAtMs, values);
}

void MetricsPanel::addLag(const MetricsSample& s)
{
    TimeSeriesChart* c = chart(Chart::ConsumerLag);
    if (!s.lagReported) {
        if (m_hasKafkaSource)
            c->setPlaceholderText(tr("Consumer lag is not reported by the engine yet "
                                     "(MetricsSnapshot has no Kafka partition metrics)."));
        return;
    }
    std::vector<std::pair<QString, double>> values;
    std::map<std::string, double> totals;
    for (const PartitionLag& p : s.partitionLag) {
        c->ensureSeries(partitionId(p), QStringLiteral("%1 %2[%3]")
                                            .arg(labelOf(p.nodeId), QString::fromStdString(p.topic))
                                            .arg(p.partition));
        values.emplace_back(partitionId(p), static_cast<double>(p.lag));
        totals[p.nodeId] += static_cast<double>(p.lag);
    }
    for (const auto& [node, total] : totals) {
        c->ensureSeries(totalLagId(node), labelOf(node) + tr(" total"));
        values.emplace_back(totalLagId(node), total);
    }
    c->appendPoints(s.snapshot.takenAtMs, values);
}

void MetricsPanel::addWatermarkLag(const MetricsSample& s)
{
    TimeSeriesChart* c = chart(Chart::WatermarkLag);
    const WatermarkLagMode mode = watermarkLagMode(s.snapshot);
    if (mode != m_lagMode || c->title().isEmpty()) {
        m_lagMode = mode;
        c->setTitle(mode == WatermarkLagMode::ProcessingTime
                        ? tr("Watermark lag per node (processing time − watermark)")
                        : tr("Watermark lag per node (newest event time − watermark; "
                             "event times are historical)"));
    }
    std::vector<std::pair<QString, double>> values;
    for (const runtime::NodeMetrics& n : s.snapshot.nodes)
        if (auto lag = watermarkLagMs(n, s.snapshot.takenAtMs, mode))
            values.emplace_back(QString::fromStdString(n.nodeId), *lag / 1000.0);
    c->appendPoints(s.snapshot.takenAtMs, values);
}

void MetricsPanel::addBackpressure(const MetricsSample& s)
{
    std::vector<std::pair<QString, double>> values;
    for (const EdgeRates& e : s.rates.edges)
        values.emplace_back(edgeId(e.edge), e.fill * 100.0);
    chart(Chart::Backpressure)->appendPoints(s.snapshot.takenAtMs, values);
}

void MetricsPanel::addErrors(const MetricsSample& s)
{
    std::vector<std::pair<QString, double>> values;
    for (const NodeRates& r : s.rates.nodes) {
        const runtime::NodeSpec* n = m_pipeline.findNode(r.nodeId);
        if (n && hasErrorsPort(typeOf(*n)))
            values.emplace_back(QString::fromStdString(r.nodeId), r.errorsPerSec);
    }
    chart(Chart::Errors)->appendPoints(s.snapshot.takenAtMs, values);
}

TimeSeriesChart* MetricsPanel::currentChart() const
{
    return static_cast<TimeSeriesChart*>(m_tabs->currentWidget());
}

void MetricsPanel::showChart(Chart c)
{
    m_tabs->setCurrentWidget(chart(c));
}

void MetricsPanel::setEndpointUrl(const QString& url)
{
    m_endpointUrl = url;
    m_endpoint->setText(url.isEmpty() ? QString()
                                      : tr("Prometheus: <a href=\"%1\">%1</a>").arg(url));
    m_endpoint->setVisible(!url.isEmpty());
}

void MetricsPanel::setViewPaused(bool paused)
{
    for (TimeSeriesChart* c : m_charts)
        c->setViewPaused(paused);
    if (m_pauseButton->isChecked() != paused) m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume view") : tr("Pause view"));
}

bool MetricsPanel::isViewPaused() const
{
    return m_pauseButton->isChecked();
}

bool MetricsPanel::exportCurrentChart(const QString& path)
{
    return currentChart()->exportPng(path);
}

void MetricsPanel::onExportClicked()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = currentChart()->title().section(QLatin1Char('('), 0, 0).simplified();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"),
        dir + QLatin1Char('/') + name.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) +
            QStringLiteral(".png"),
        tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) path += QStringLiteral(".png");
    if (!exportCurrentChart(path))
        m_status->setText(tr("Could not write %1").arg(path));
    else
        m_status->setText(tr("Saved %1").arg(path));
}

} // namespace sw::widgets
