#pragma once
#include <string>

#include "model/PipelineSpec.h"

namespace sw::widgets {

/// What changed in a pipeline document. Views switch on the type and re-read the model.
struct ChangeEvent {
    enum class Type {
        Reset,            ///< the whole pipeline was replaced (load, new, recover)
        NodeAdded,        ///< nodeId
        NodeRemoved,      ///< nodeId
        NodeMoved,        ///< nodeId
        NodeChanged,      ///< nodeId; property names the property ("" = label)
        EdgeAdded,        ///< edge
        EdgeRemoved,      ///< edge
        EdgeChanged,      ///< edge (as it is now: its partitioning changed)
        SettingsChanged,  ///< pipeline settings
        DashboardChanged, ///< the dashboard section (pinned result views)
    };
    Type type = Type::Reset;
    std::string nodeId;
    std::string property;
    runtime::EdgeSpec edge;
};

} // namespace sw::widgets

#include <QMetaType>
Q_DECLARE_METATYPE(sw::widgets::ChangeEvent)
