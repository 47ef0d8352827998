#pragma once
// The designer's pinned result views: the optional `dashboard` section of a pipeline file
// (docs/pipeline-format.md, "Dashboard"). The runtime never reads it; PipelineSpec keeps it as
// JSON checked by the loader (catalog/DashboardReader.cpp, precise errors), and the designer
// reads and writes it through these typed values.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/PipelineSpec.h"

namespace sw::runtime {

/// One pinned view: what it shows (kind, columns), where its rows come from (a sink node: the
/// edges into it; or one edge) and how many it keeps.
struct DashboardView {
    enum class Kind : std::uint8_t { Table, Bars, Lines, Tile };
    /// How a chart cell or a tile folds the values of the rows it holds.
    enum class Aggregate : std::uint8_t { Last, Sum, Count, Min, Max, Avg };
    /// What `limit` counts: rows, or windows (distinct `window_end` values).
    enum class LimitBy : std::uint8_t { Rows, Windows };
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 100000;

    Kind kind = Kind::Table;
    std::string title;            ///< empty = derived from the source
    std::string node;             ///< a pinned node (its input edges), or empty
    std::optional<EdgeSpec> edge; ///< a pinned edge (when node is empty)
    std::string x;                ///< category / x column (bars, lines)
    std::string value;            ///< value column (bars, lines, tile)
    std::string series;           ///< optional column splitting bars/lines into series
    Aggregate aggregate = Aggregate::Last;
    int limit = kDefaultLimit;
    LimitBy limitBy = LimitBy::Rows;

    friend bool operator==(const DashboardView&, const DashboardView&) = default;

    /// Reads a view the loader accepted (unknown or ill-typed members take their defaults).
    static DashboardView fromJson(const nlohmann::json& j);
    /// Canonical JSON: defaults and members the kind does not use are left out.
    nlohmann::json toJson() const;
};

std::string_view toString(DashboardView::Kind k);      ///< table, bars, lines, tile
std::string_view toString(DashboardView::Aggregate a); ///< last, sum, count, min, max, avg
std::string_view toString(DashboardView::LimitBy l);   ///< rows, windows
std::optional<DashboardView::Kind> parseDashboardViewKind(std::string_view s);
std::optional<DashboardView::Aggregate> parseDashboardAggregate(std::string_view s);
std::optional<DashboardView::LimitBy> parseDashboardLimitBy(std::string_view s);
/// Every kind's, aggregate's, limit unit's name, in declaration order.
const std::vector<std::string>& dashboardViewKindNames();
const std::vector<std::string>& dashboardAggregateNames();

/// The views of `pipeline.dashboard` (empty when there is none).
std::vector<DashboardView> dashboardViews(const PipelineSpec& pipeline);
/// The `dashboard` section holding `views`; null (no section) when `views` is empty.
nlohmann::json dashboardJson(const std::vector<DashboardView>& views);
/// True when `view` reads from `node` (pinned node, or either end of its pinned edge).
bool dashboardViewUses(const DashboardView& view, std::string_view node);
/// True when `view` is pinned on `edge` (same ports).
bool dashboardViewPinsEdge(const DashboardView& view, const EdgeSpec& edge);

} // namespace sw::runtime
