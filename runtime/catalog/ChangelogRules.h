#pragma once
// The changelog rules of the node types (NodeType::changelog), as Flink's planner infers
// changelog modes (FlinkChangelogModeInferenceProgram): which inputs a node may consume and which
// changelog its output carries. A type with no rule consumes and produces append-only streams.
#include "catalog/NodeType.h"

namespace sw::runtime::changelog_rules {

/// Refuses updating inputs with `reason`; the output is append-only (windows, interval join,
/// keep-first dedup, append-only sinks).
DeriveChangelogFn appendOnly(std::string reason, std::string hint = "");
/// Filter, key-by: the output carries the input's changelog unchanged (Flink's Calc, Exchange).
DeriveChangelogFn passThrough();
/// Map: as passThrough, but an upsert key that the projection does not keep (each key column
/// output under its own name as a plain column reference) leaves a retract stream.
DeriveChangelogFn projection();
/// Union (UNION ALL): append when all inputs are; upsert when all inputs are upserts on the same
/// key; else retract.
DeriveChangelogFn unionAll();
/// Consumes any changelog; the output is an upsert stream keyed by the columns of the
/// FieldList property `keyProperty` (group aggregation, keep-last dedup, global window).
DeriveChangelogFn upsertOn(std::string keyProperty, bool consumesUpdates);
/// Consumes any changelog; the output is a retract stream (regular join).
DeriveChangelogFn retracting();
/// Event-time temporal join: the probe (port 0) must be append-only; the build side (port 1)
/// is a versioned table: append-only, or an upsert stream keyed by the `right_keys` columns
/// (its primary key, as Flink requires). The output is append-only.
DeriveChangelogFn versionedTableJoin();
/// Result sinks that apply changes by a key: an updating input needs `keyProperty` set (and,
/// when `modeProperty` is given, that property equal to "upsert").
DeriveChangelogFn keyedSink(std::string keyProperty, std::string modeProperty = "");
/// Sinks that write every change with its row kind (file, console: an `op` column).
DeriveChangelogFn writesRowKinds();

/// The one phrase of every refusal: what makes a node's input acceptable.
inline constexpr const char* kFix = "needs a key (upsert) or an append-only input";

} // namespace sw::runtime::changelog_rules
