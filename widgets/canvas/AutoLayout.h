#pragma once
// Automatic layered left-to-right layout: sources on the left, each node one column right of its
// furthest predecessor, columns ordered to reduce crossings (barycentre sweeps).
#include <map>
#include <string>

#include <QPointF>

#include "model/PipelineSpec.h"

namespace sw::widgets {

struct LayoutOptions {
    double columnGap = 100; ///< between node columns
    double rowGap = 40;     ///< between nodes of a column
    QPointF origin{0, 0};
};

/// New top-left positions for every node (grid-snapped). Cycles are tolerated.
std::map<std::string, QPointF> layeredLayout(const runtime::PipelineSpec& pipeline,
                                             const LayoutOptions& options = {});

} // namespace sw::widgets
