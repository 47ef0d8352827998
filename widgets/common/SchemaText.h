#pragma once
// Human-readable renderings of schemas and diagnostics for tooltips and lists.
#include <vector>

#include <QString>

#include "model/Diagnostic.h"
#include "types/Schema.h"

namespace sw::widgets {

/// Rich-text table of columns and types; marks the event-time (rowtime) column.
QString schemaToolTip(const runtime::Schema& schema, const QString& heading = {});
/// Rich-text list of diagnostics ("Error: property: message").
QString diagnosticsToolTip(const std::vector<runtime::Diagnostic>& diagnostics);
QString severityName(runtime::Severity s);

} // namespace sw::widgets
