#pragma once
// "Inspect" on an edge: subscribes a bounded tap on the edge's output port through the run
// controller and feeds the records to an InspectorView. The tap is a copy (no offset commits,
// no backpressure: a full ring overwrites, counted); closing the inspector closes the tap.
#include <QPointer>
#include <QWidget>

#include "run/RunController.h"

#include "model/PipelineSpec.h"

namespace sw::widgets {
class InspectorView;
}

namespace sw::app {

class EventInspector : public QWidget {
    Q_OBJECT
public:
    /// Inspects `edge` of `pipeline`; `capacity` bounds the tap's ring (records between ticks).
    EventInspector(RunController* controller, const runtime::PipelineSpec& pipeline,
                   runtime::EdgeSpec edge, std::size_t capacity = 4096, QWidget* parent = nullptr);
    ~EventInspector() override;

    const runtime::EdgeSpec& edge() const { return m_edge; }
    widgets::InspectorView* view() const { return m_view; }
    /// "orders → dedup" (node labels) for window/dock titles.
    QString title() const { return m_title; }

    /// Key columns of the edge (the partition keys of the input it feeds), by schema index.
    static std::vector<int> keyColumns(const runtime::PipelineSpec& pipeline,
                                       const runtime::EdgeSpec& edge,
                                       const runtime::Schema& schema);

private:
    void onTapBatch(const TapBatch& batch);

    QPointer<RunController> m_controller;
    runtime::PipelineSpec m_pipeline;
    runtime::EdgeSpec m_edge;
    widgets::InspectorView* m_view;
    QString m_title;
    int m_subscription = 0;
    bool m_haveSchema = false;
};

} // namespace sw::app
