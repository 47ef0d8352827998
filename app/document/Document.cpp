#include "document/Document.h"

#include <algorithm>
#include <map>
#include <set>

#include <QFileInfo>
#include <QTimer>

#include "catalog/Catalog.h"
#include "document/ChangeValue.h"
#include "document/EdgeCommands.h"
#include "document/NodeCommands.h"
#include "model/Dashboard.h"

namespace sw::app {

using runtime::EdgeSpec;
using runtime::NodeSpec;
using runtime::PipelineSpec;
using widgets::ChangeEvent;

Document::Document(QObject* parent) : PipelineModel(parent)
{
    m_pipeline.settings.name = "untitled"; // the file format requires a name
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this] { emitModifiedIfChanged(); });
}

Document::~Document() = default;

const runtime::ValidationResult& Document::validation() const
{
    if (m_validationStale) {
        m_validation = runtime::validate(m_pipeline);
        m_validationStale = false;
    }
    return m_validation;
}

std::string Document::addNode(const std::string& type, QPointF pos)
{
    const runtime::NodeType* t = runtime::Catalog::instance().find(type);
    if (!t) return {};
    std::string base = type;
    std::replace(base.begin(), base.end(), '-', '_');
    NodeSpec n;
    n.id = m_pipeline.uniqueId(base);
    n.type = type;
    n.x = pos.x();
    n.y = pos.y();
    std::string id = n.id;
    m_undoStack.push(new AddNodesCommand(this, {std::move(n)}, {},
                                         tr("Add %1").arg(QString::fromStdString(t->displayName))));
    return id;
}

void Document::moveNodes(const std::vector<std::pair<std::string, QPointF>>& positions,
                         const QString& text)
{
    std::vector<MoveNodesCommand::Move> moves;
    for (const auto& [id, to] : positions) {
        const NodeSpec* n = m_pipeline.findNode(id);
        if (!n) continue;
        QPointF from(n->x, n->y);
        if (from != to) moves.push_back({id, from, to});
    }
    if (moves.empty()) return;
    QString t = text.isEmpty()
                    ? (moves.size() == 1 ? tr("Move Node")
                                         : tr("Move %n Nodes", nullptr, int(moves.size())))
                    : text;
    m_undoStack.push(new MoveNodesCommand(this, std::move(moves), t));
}

void Document::addEdge(const EdgeSpec& edge)
{
    if (std::any_of(m_pipeline.edges.begin(), m_pipeline.edges.end(),
                    [&](const EdgeSpec& e) { return sameEnds(e, edge); }))
        return;
    m_undoStack.push(new AddEdgeCommand(this, edge));
}

void Document::setEdgePartitioning(const EdgeSpec& edge, runtime::EdgePartitioning partitioning)
{
    const bool exists = std::any_of(m_pipeline.edges.begin(), m_pipeline.edges.end(),
                                    [&](const EdgeSpec& e) { return sameEnds(e, edge); });
    if (!exists || edgePartitioning(edge) == partitioning) return;
    const QString kind = QString::fromStdString(std::string(runtime::toString(partitioning)));
    m_undoStack.push(new ChangeEdgePartitioning(this, edge, partitioning,
                                                tr("Set Partitioning to %1").arg(kind)));
}

void Document::removeItems(const std::vector<std::string>& nodeIds,
                           const std::vector<EdgeSpec>& edges)
{
    auto* cmd = new RemoveItemsCommand(this, nodeIds, edges);
    if (cmd->isEmpty()) {
        delete cmd;
        return;
    }
    // Views pinned on what goes go with it, in the same undo step (a saved file never pins a
    // node or edge it does not have).
    std::vector<runtime::DashboardView> kept;
    const std::vector<runtime::DashboardView> views = runtime::dashboardViews(m_pipeline);
    const std::set<std::string> gone(nodeIds.begin(), nodeIds.end());
    for (const runtime::DashboardView& v : views) {
        bool drop = std::any_of(gone.begin(), gone.end(),
                                [&](const std::string& id) { return dashboardViewUses(v, id); });
        for (const EdgeSpec& e : edges)
            drop = drop || dashboardViewPinsEdge(v, e);
        if (!drop) kept.push_back(v);
    }
    if (kept.size() == views.size()) {
        m_undoStack.push(cmd);
        return;
    }
    m_undoStack.beginMacro(cmd->text());
    m_undoStack.push(cmd);
    m_undoStack.push(new ChangeDashboard(this, {}, runtime::dashboardJson(kept), cmd->text()));
    m_undoStack.endMacro();
}

void Document::setDashboard(const nlohmann::json& dashboard, const QString& text)
{
    if (m_pipeline.dashboard == dashboard) return;
    m_undoStack.push(new ChangeDashboard(this, {}, dashboard, text));
}

void Document::setProperty(const std::string& nodeId, const std::string& name,
                           const nlohmann::json& value)
{
    const NodeSpec* n = m_pipeline.findNode(nodeId);
    if (!n || nodeProperty(nodeId, name) == value) return;
    QString label = QString::fromStdString(name);
    if (const auto* t = runtime::Catalog::instance().find(n->type))
        if (const auto* p = t->findProperty(name)) label = QString::fromStdString(p->label);
    m_undoStack.push(new ChangeProperty(this, {nodeId, name}, value, tr("Change %1").arg(label)));
}

void Document::setLabel(const std::string& nodeId, const std::string& label)
{
    const NodeSpec* n = m_pipeline.findNode(nodeId);
    if (!n || n->label == label) return;
    m_undoStack.push(new ChangeLabel(this, nodeId, label, tr("Rename Node")));
}

void Document::setSettings(const runtime::PipelineSettings& settings)
{
    if (m_pipeline.settings == settings) return;
    m_undoStack.push(new ChangeSettings(this, {}, settings, tr("Change Pipeline Settings")));
}

PipelineSpec Document::fragment(const std::vector<std::string>& nodeIds) const
{
    PipelineSpec f;
    f.settings = m_pipeline.settings; // a complete pipeline file, so it loads anywhere
    if (f.settings.name.empty()) f.settings.name = "untitled";
    std::set<std::string> ids(nodeIds.begin(), nodeIds.end());
    for (const auto& n : m_pipeline.nodes)
        if (ids.count(n.id)) f.nodes.push_back(n);
    for (const auto& e : m_pipeline.edges)
        if (ids.count(e.from.node) && ids.count(e.to.node)) f.edges.push_back(e);
    return f;
}

namespace {

/// "filter_3" -> "filter": pasted copies are numbered from the base name.
std::string baseOf(const std::string& id)
{
    auto pos = id.find_last_of('_');
    if (pos == std::string::npos || pos + 1 == id.size() || pos == 0) return id;
    for (std::size_t i = pos + 1; i < id.size(); ++i)
        if (id[i] < '0' || id[i] > '9') return id;
    return id.substr(0, pos);
}

} // namespace

std::vector<std::string> Document::insertFragment(const PipelineSpec& fragment, QPointF offset,
                                                  const QString& text)
{
    PipelineSpec scratch = m_pipeline; // reserves ids as they are taken
    std::map<std::string, std::string> renamed;
    std::vector<NodeSpec> nodes;
    for (NodeSpec n : fragment.nodes) {
        if (!runtime::Catalog::instance().find(n.type)) continue;
        std::string id = scratch.findNode(n.id) ? scratch.uniqueId(baseOf(n.id)) : n.id;
        renamed[n.id] = id;
        n.id = id;
        n.x += offset.x();
        n.y += offset.y();
        scratch.nodes.push_back(n);
        nodes.push_back(std::move(n));
    }
    std::vector<EdgeSpec> edges;
    for (EdgeSpec e : fragment.edges) {
        if (!renamed.count(e.from.node) || !renamed.count(e.to.node)) continue;
        e.from.node = renamed[e.from.node];
        e.to.node = renamed[e.to.node];
        edges.push_back(std::move(e));
    }
    std::vector<std::string> ids;
    for (const auto& n : nodes)
        ids.push_back(n.id);
    if (!nodes.empty())
        m_undoStack.push(new AddNodesCommand(this, std::move(nodes), std::move(edges), text));
    return ids;
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

void Document::reset(PipelineSpec pipeline, const QString& path, bool modified)
{
    m_undoStack.clear();
    m_pipeline = std::move(pipeline);
    m_dirtyWithoutUndo = modified;
    if (m_filePath != path) {
        m_filePath = path;
        Q_EMIT filePathChanged(m_filePath);
    }
    touched({ChangeEvent::Type::Reset});
    emitModifiedIfChanged();
}

void Document::markSaved(const QString& path)
{
    m_dirtyWithoutUndo = false;
    m_undoStack.setClean();
    if (m_filePath != path) {
        m_filePath = path;
        Q_EMIT filePathChanged(m_filePath);
    }
    emitModifiedIfChanged();
}

void Document::emitModifiedIfChanged()
{
    bool m = isModified();
    if (m == m_lastModified) return;
    m_lastModified = m;
    Q_EMIT modifiedChanged(m);
}

void Document::touched(const ChangeEvent& e)
{
    m_validationStale = true;
    Q_EMIT changed(e);
    if (!m_validatedQueued) {
        m_validatedQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_validatedQueued = false;
            validation();
            Q_EMIT validated();
        });
    }
}

} // namespace sw::app
