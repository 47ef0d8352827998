#pragma once
// Runtime overlays on the designer's canvas while a pipeline runs, drawn by two items this class
// adds to the scene (the canvas code is not changed):
//  - an edge layer between edges (z 0) and nodes (z 1): each edge re-stroked in its backpressure
//    colour (green < 60 % queue fill, yellow to 85 %, red above) with its rate in a pill;
//  - a badge layer above nodes: records/s, errors and Kafka lag under each node.
// It also filters the scene's events: hovering a node shows its watermark per input (window
// nodes: "why has no window fired?"), and right-clicking an edge offers "Inspect records".
// Both layers have an empty shape(), so they never take clicks or hovers from the canvas.
#include <functional>
#include <vector>

#include <QObject>
#include <QPointer>

#include "model/PipelineSpec.h"
#include "run/OverlayModel.h"

class QMenu;

namespace sw::widgets {
class PipelineScene;
struct MetricsSample;
} // namespace sw::widgets

namespace sw::app {

class OverlayLayer;
class RunController;

class CanvasOverlay : public QObject {
    Q_OBJECT
public:
    CanvasOverlay(RunController* controller, widgets::PipelineScene* scene,
                  QObject* parent = nullptr);
    ~CanvasOverlay() override;

    const OverlayModel& model() const { return m_model; }
    bool isActive() const { return m_active; }
    /// The hover text of a node while running (empty when inactive or unknown).
    QString nodeToolTip(const std::string& nodeId) const;
    /// Applies one tick (also called by tests with constructed samples).
    void update(const runtime::PipelineSpec& pipeline, const widgets::MetricsSample& sample);
    /// Removes the overlay (the canvas looks as in design mode).
    void clear();
    /// Adds entries to the edge menu after "Inspect records" (e.g. "Pin to Dashboard").
    using EdgeMenuEntries = std::function<void(QMenu& menu, const runtime::EdgeSpec& edge)>;
    void addEdgeMenuEntries(EdgeMenuEntries add) { m_edgeMenuEntries.push_back(std::move(add)); }

Q_SIGNALS:
    /// The user chose "Inspect records" on an edge.
    void inspectRequested(const sw::runtime::EdgeSpec& edge);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool showToolTip(QEvent* event);
    bool showEdgeMenu(QEvent* event);

    QPointer<widgets::PipelineScene> m_scene;
    QPointer<OverlayLayer> m_edgeLayer;
    QPointer<OverlayLayer> m_badgeLayer;
    OverlayModel m_model;
    bool m_active = false;
    std::vector<EdgeMenuEntries> m_edgeMenuEntries;
};

} // namespace sw::app
