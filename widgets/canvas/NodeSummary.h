#pragma once
// The one-line summary under a node's ports: the values of its first configured main
// properties, in catalog order ("orders · 2000 events/s", "category · COUNT(*), SUM(amount)").
#include <QString>

#include "catalog/NodeType.h"

namespace sw::widgets {

QString nodeSummary(const runtime::NodeSpec& node, const runtime::NodeType& type, int maxParts = 2);
/// A property value as short text (lists joined, aggregates as FN(column), units appended).
QString propertyText(const runtime::PropertySpec& spec, const nlohmann::json& value);

} // namespace sw::widgets
