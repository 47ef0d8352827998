#include "run/EventInspector.h"

#include <QVBoxLayout>

#include "catalog/Catalog.h"
#include "exec/PhysicalPlan.h"
#include "inspector/InspectorView.h"
#include "inspector/RecordTableModel.h"
#include "run/RunController.h"
#include "validate/Validator.h"

namespace sw::app {

namespace {
QString labelOf(const runtime::PipelineSpec& p, const std::string& id)
{
    const runtime::NodeSpec* n = p.findNode(id);
    return QString::fromStdString(n && !n->label.empty() ? n->label : id);
}
} // namespace

EventInspector::EventInspector(RunController* controller, const runtime::PipelineSpec& pipeline,
                               runtime::EdgeSpec edge, std::size_t capacity, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_pipeline(pipeline), m_edge(std::move(edge)),
      m_view(new widgets::InspectorView(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_title = tr("%1 → %2").arg(labelOf(m_pipeline, m_edge.from.node),
                                labelOf(m_pipeline, m_edge.to.node));
    setWindowTitle(tr("Inspect %1").arg(m_title));

    // Columns are known before any record arrives: the validator's schema of the output port.
    const runtime::ValidationResult v = runtime::validate(m_pipeline);
    if (const runtime::Schema* s = v.schemaOf(m_edge.from)) {
        m_view->setSource(
            QStringLiteral("<b>%1</b> &nbsp;<span style='color:gray'>%2.%3 → %4.%5</span>")
                .arg(m_title.toHtmlEscaped(), QString::fromStdString(m_edge.from.node),
                     QString::fromStdString(m_edge.from.port),
                     QString::fromStdString(m_edge.to.node),
                     QString::fromStdString(m_edge.to.port)),
            *s, keyColumns(m_pipeline, m_edge, *s));
        m_haveSchema = true;
    }
    connect(controller, &RunController::tapBatch, this, &EventInspector::onTapBatch);
    m_subscription = controller->subscribeTap(m_edge.from, capacity);
}

EventInspector::~EventInspector()
{
    if (m_controller) m_controller->unsubscribeTap(m_subscription);
}

std::vector<int> EventInspector::keyColumns(const runtime::PipelineSpec& pipeline,
                                            const runtime::EdgeSpec& edge,
                                            const runtime::Schema& schema)
{
    std::vector<int> cols;
    const runtime::NodeSpec* to = pipeline.findNode(edge.to.node);
    const runtime::NodeType* type = to ? runtime::Catalog::instance().find(to->type) : nullptr;
    if (!type) return cols;
    const int port = type->inputIndex(edge.to.port);
    if (port < 0) return cols;
    if (auto keys = runtime::partitionKeys(*to, *type, port))
        for (const std::string& k : *keys)
            if (int i = schema.indexOf(k); i >= 0) cols.push_back(i);
    return cols;
}

void EventInspector::onTapBatch(const TapBatch& batch)
{
    if (!(batch.port == m_edge.from)) return;
    if (!m_haveSchema || !(m_view->model()->schema() == batch.schema)) {
        m_view->setSource(m_title.toHtmlEscaped(), batch.schema,
                          keyColumns(m_pipeline, m_edge, batch.schema));
        m_haveSchema = true;
    }
    m_view->addRecords(*batch.records);
}

} // namespace sw::app
