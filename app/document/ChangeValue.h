#pragma once
// A generic "change one value" undo command (after Tiled's ChangeValue): redo and undo both swap
// the stored value with the document's current one. Traits say how to read and write it.
#include <string>
#include <utility>

#include <QUndoCommand>

#include "document/Document.h"

namespace sw::app {

template <typename Traits> class ChangeValue : public QUndoCommand {
public:
    using Key = typename Traits::Key;
    using Value = typename Traits::Value;

    ChangeValue(Document* doc, Key key, Value value, const QString& text,
                QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent), m_doc(doc), m_key(std::move(key)), m_value(std::move(value))
    {
    }
    void redo() override { swap(); }
    void undo() override { swap(); }

private:
    void swap() { Traits::set(*m_doc, m_key, std::exchange(m_value, Traits::get(*m_doc, m_key))); }

    Document* m_doc;
    Key m_key;
    Value m_value;
};

/// One node property; a null value means "absent" (the catalog default applies).
struct PropertyTraits {
    using Key = std::pair<std::string, std::string>; // node id, property name
    using Value = nlohmann::json;
    static Value get(const Document& d, const Key& k) { return d.nodeProperty(k.first, k.second); }
    static void set(Document& d, const Key& k, const Value& v)
    {
        d.setNodeProperty(k.first, k.second, v);
    }
};

struct LabelTraits {
    using Key = std::string;
    using Value = std::string;
    static Value get(const Document& d, const Key& id)
    {
        const auto* n = d.pipeline().findNode(id);
        return n ? n->label : std::string();
    }
    static void set(Document& d, const Key& id, const Value& v) { d.setNodeLabel(id, v); }
};

struct SettingsTraits {
    struct Key {};
    using Value = runtime::PipelineSettings;
    static Value get(const Document& d, const Key&) { return d.pipeline().settings; }
    static void set(Document& d, const Key&, const Value& v) { d.setPipelineSettings(v); }
};

/// The partitioning of one edge (identified by its ports).
struct EdgePartitioningTraits {
    using Key = runtime::EdgeSpec;
    using Value = runtime::EdgePartitioning;
    static Value get(const Document& d, const Key& e) { return d.edgePartitioning(e); }
    static void set(Document& d, const Key& e, const Value& v) { d.setPartitioningOf(e, v); }
};

/// The dashboard section (model/Dashboard.h): pin, unpin, edit and reorder views.
struct DashboardTraits {
    struct Key {};
    using Value = nlohmann::json;
    static Value get(const Document& d, const Key&) { return d.pipeline().dashboard; }
    static void set(Document& d, const Key&, const Value& v) { d.setDashboardSection(v); }
};

using ChangeProperty = ChangeValue<PropertyTraits>;
using ChangeEdgePartitioning = ChangeValue<EdgePartitioningTraits>;
using ChangeLabel = ChangeValue<LabelTraits>;
using ChangeSettings = ChangeValue<SettingsTraits>;
using ChangeDashboard = ChangeValue<DashboardTraits>;

} // namespace sw::app
