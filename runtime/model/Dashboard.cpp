#include "model/Dashboard.h"

#include <array>

namespace sw::runtime {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 4> kKinds = {"table", "bars", "lines", "tile"};
constexpr std::array<std::string_view, 6> kAggregates = {"last", "sum", "count",
                                                         "min",  "max", "avg"};
constexpr std::array<std::string_view, 2> kLimitBy = {"rows", "windows"};

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<std::string_view, N>& names, std::string_view s)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == s) return static_cast<Enum>(i);
    return std::nullopt;
}

template <std::size_t N> std::vector<std::string> nameList(const std::array<std::string_view, N>& a)
{
    return std::vector<std::string>(a.begin(), a.end());
}

std::string stringOf(const json& j, const char* key)
{
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<PortRef> portOf(const json& j)
{
    if (!j.is_object()) return std::nullopt;
    return PortRef{stringOf(j, "node"), stringOf(j, "port")};
}

json portJson(const PortRef& p)
{
    json j = json::object();
    j["node"] = p.node;
    j["port"] = p.port;
    return j;
}

} // namespace

std::string_view toString(DashboardView::Kind k)
{
    return kKinds[static_cast<std::size_t>(k)];
}
std::string_view toString(DashboardView::Aggregate a)
{
    return kAggregates[static_cast<std::size_t>(a)];
}
std::string_view toString(DashboardView::LimitBy l)
{
    return kLimitBy[static_cast<std::size_t>(l)];
}
std::optional<DashboardView::Kind> parseDashboardViewKind(std::string_view s)
{
    return parseName<DashboardView::Kind>(kKinds, s);
}
std::optional<DashboardView::Aggregate> parseDashboardAggregate(std::string_view s)
{
    return parseName<DashboardView::Aggregate>(kAggregates, s);
}
std::optional<DashboardView::LimitBy> parseDashboardLimitBy(std::string_view s)
{
    return parseName<DashboardView::LimitBy>(kLimitBy, s);
}
const std::vector<std::string>& dashboardViewKindNames()
{
    static const std::vector<std::string> names = nameList(kKinds);
    return names;
}
const std::vector<std::string>& dashboardAggregateNames()
{
    static const std::vector<std::string> names = nameList(kAggregates);
    return names;
}

DashboardView DashboardView::fromJson(const json& j)
{
    DashboardView v;
    if (!j.is_object()) return v;
    v.kind = parseDashboardViewKind(stringOf(j, "kind")).value_or(Kind::Table);
    v.title = stringOf(j, "title");
    v.node = stringOf(j, "node");
    if (auto e = j.find("edge"); e != j.end() && e->is_object()) {
        auto from = portOf(e->value("from", json()));
        auto to = portOf(e->value("to", json()));
        if (from && to) v.edge = EdgeSpec{*from, *to};
    }
    v.x = stringOf(j, "x");
    v.value = stringOf(j, "value");
    v.series = stringOf(j, "series");
    v.aggregate = parseDashboardAggregate(stringOf(j, "aggregate")).value_or(Aggregate::Last);
    if (auto l = j.find("limit"); l != j.end() && l->is_number_integer())
        v.limit = static_cast<int>(l->get<std::int64_t>());
    v.limitBy = parseDashboardLimitBy(stringOf(j, "limit_by")).value_or(LimitBy::Rows);
    return v;
}

json DashboardView::toJson() const
{
    json j = json::object();
    j["kind"] = std::string(toString(kind));
    if (!title.empty()) j["title"] = title;
    if (!node.empty())
        j["node"] = node;
    else if (edge)
        j["edge"] = json{{"from", portJson(edge->from)}, {"to", portJson(edge->to)}};
    const bool chart = kind == Kind::Bars || kind == Kind::Lines;
    if (chart) j["x"] = x;
    if (chart || kind == Kind::Tile) {
        j["value"] = value;
        if (aggregate != Aggregate::Last) j["aggregate"] = std::string(toString(aggregate));
    }
    if (chart && !series.empty()) j["series"] = series;
    if (limit != kDefaultLimit) j["limit"] = limit;
    if (limitBy != LimitBy::Rows) j["limit_by"] = std::string(toString(limitBy));
    return j;
}

std::vector<DashboardView> dashboardViews(const PipelineSpec& pipeline)
{
    std::vector<DashboardView> out;
    if (!pipeline.dashboard.is_object()) return out;
    auto views = pipeline.dashboard.find("views");
    if (views == pipeline.dashboard.end() || !views->is_array()) return out;
    for (const json& v : *views)
        out.push_back(DashboardView::fromJson(v));
    return out;
}

json dashboardJson(const std::vector<DashboardView>& views)
{
    if (views.empty()) return json();
    json list = json::array();
    for (const DashboardView& v : views)
        list.push_back(v.toJson());
    return json{{"views", list}};
}

bool dashboardViewUses(const DashboardView& view, std::string_view node)
{
    if (!view.node.empty()) return view.node == node;
    return view.edge && (view.edge->from.node == node || view.edge->to.node == node);
}

bool dashboardViewPinsEdge(const DashboardView& view, const EdgeSpec& edge)
{
    return view.node.empty() && view.edge && view.edge->from == edge.from &&
           view.edge->to == edge.to;
}

} // namespace sw::runtime
