// The `dashboard` section of a pipeline file (model/Dashboard.h): checked member by member with
// the JSON Pointer of the first problem, then kept verbatim as JSON in PipelineSpec::dashboard.
#include "catalog/ReaderSupport.h"
#include "model/Dashboard.h"

namespace sw::runtime::reader {
namespace {

Problem readName(const json& v, const std::string& path, const char* key, bool required,
                 const std::string& what)
{
    auto it = v.find(key);
    if (it == v.end())
        return required ? fail(path, std::string("missing member \"") + key + "\" (" + what + ")")
                        : Problem{};
    if (!it->is_string() || it->get<std::string>().empty())
        return fail(at(path, key), "expected " + what + " (a non-empty string), found " +
                                       (it->is_string() ? "an empty string" : typeName(*it)));
    return {};
}

Problem readEnum(const json& v, const std::string& path, const char* key,
                 const std::vector<std::string>& names, const std::string& what)
{
    auto it = v.find(key);
    if (it == v.end()) return {};
    std::string allowed;
    for (const std::string& n : names)
        allowed += (allowed.empty() ? "" : ", ") + quote(n);
    if (!it->is_string())
        return fail(at(path, key), "expected one of " + allowed + ", found " + typeName(*it));
    const std::string s = it->get<std::string>();
    if (std::find(names.begin(), names.end(), s) == names.end())
        return fail(at(path, key),
                    "unknown " + what + " " + quote(s) + didYouMean(s, names) + "; use " + allowed);
    return {};
}

Problem readPort(const json& e, const std::string& path, const char* key)
{
    auto it = e.find(key);
    if (it == e.end()) return fail(path, std::string("missing member \"") + key + "\"");
    const std::string p = at(path, key);
    if (!it->is_object())
        return fail(p, "expected an object {\"node\": id, \"port\": name}, found " + typeName(*it));
    if (auto x = checkMembers(*it, p, {"node", "port"})) return x;
    if (auto x = readName(*it, p, "node", true, "a node id")) return x;
    return readName(*it, p, "port", true, "a port name");
}

/// The view's source: exactly one of `node` (a node of the pipeline) and `edge` (an edge of it).
Problem readSource(const json& v, const std::string& path, const PipelineSpec& pipeline)
{
    const bool node = v.contains("node");
    const bool edge = v.contains("edge");
    if (node == edge)
        return fail(path, node ? "a view reads one source: \"node\" or \"edge\", not both"
                               : "missing member \"node\" or \"edge\" (what the view shows)");
    if (node) {
        if (auto x = readName(v, path, "node", true, "a node id")) return x;
        const std::string id = v["node"].get<std::string>();
        if (!pipeline.findNode(id)) {
            std::vector<std::string> ids;
            for (const NodeSpec& n : pipeline.nodes)
                ids.push_back(n.id);
            return fail(at(path, "node"),
                        "no node " + quote(id) + " in the pipeline" + didYouMean(id, ids));
        }
        return {};
    }
    const std::string p = at(path, "edge");
    const json& e = v["edge"];
    if (!e.is_object())
        return fail(p, "expected an edge {\"from\": {...}, \"to\": {...}}, found " + typeName(e));
    if (auto x = checkMembers(e, p, {"from", "to"})) return x;
    if (auto x = readPort(e, p, "from")) return x;
    if (auto x = readPort(e, p, "to")) return x;
    const DashboardView view = DashboardView::fromJson(v);
    for (const EdgeSpec& es : pipeline.edges)
        if (dashboardViewPinsEdge(view, es)) return {};
    return fail(p, "no edge " + view.edge->from.node + "." + view.edge->from.port + " -> " +
                       view.edge->to.node + "." + view.edge->to.port + " in the pipeline");
}

Problem readLimit(const json& v, const std::string& path)
{
    auto it = v.find("limit");
    if (it == v.end()) return {};
    const std::string range =
        "expected an integer between 1 and " + std::to_string(DashboardView::kMaxLimit);
    const bool ok = it->is_number_integer() && it->get<double>() >= 1 &&
                    it->get<double>() <= DashboardView::kMaxLimit;
    return ok ? Problem{} : fail(at(path, "limit"), range + ", found " + it->dump());
}

Problem readView(const json& v, const std::string& path, const PipelineSpec& pipeline)
{
    if (!v.is_object()) return fail(path, "expected a view object, found " + typeName(v));
    if (auto x = readName(v, path, "kind", true, "table, bars, lines or tile")) return x;
    if (auto x = readEnum(v, path, "kind", dashboardViewKindNames(), "view kind")) return x;
    const auto kind = *parseDashboardViewKind(v["kind"].get<std::string>());
    using Kind = DashboardView::Kind;
    const bool chart = kind == Kind::Bars || kind == Kind::Lines;
    std::vector<std::string> members = {"kind", "title", "node", "edge", "limit", "limit_by"};
    if (chart) members.insert(members.end(), {"x", "series"});
    if (chart || kind == Kind::Tile) members.insert(members.end(), {"value", "aggregate"});
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (std::find(members.begin(), members.end(), it.key()) != members.end()) continue;
        static const std::vector<std::string> any = {"x", "value", "series", "aggregate"};
        if (std::find(any.begin(), any.end(), it.key()) != any.end())
            return fail(at(path, it.key()),
                        "a " + std::string(toString(kind)) + " view has no member " +
                            quote(it.key()) + "; its members: " + joined(members),
                        true);
        return checkMembers(v, path, members);
    }
    if (auto it = v.find("title"); it != v.end() && !it->is_string())
        return fail(at(path, "title"), "expected a string, found " + typeName(*it));
    if (auto x = readSource(v, path, pipeline)) return x;
    if (chart)
        if (auto x = readName(v, path, "x", true, "the category or x column")) return x;
    if (chart || kind == Kind::Tile)
        if (auto x = readName(v, path, "value", true, "the value column")) return x;
    if (chart)
        if (auto x = readName(v, path, "series", false, "a column")) return x;
    if (auto x = readEnum(v, path, "aggregate", dashboardAggregateNames(), "aggregate")) return x;
    if (auto x = readLimit(v, path)) return x;
    return readEnum(v, path, "limit_by", {"rows", "windows"}, "limit unit");
}

} // namespace

Problem readDashboard(const json& doc, PipelineSpec& out)
{
    auto d = doc.find("dashboard");
    if (d == doc.end()) return {};
    if (!d->is_object())
        return fail("/dashboard", "expected an object {\"views\": [...]}, found " + typeName(*d));
    if (auto x = checkMembers(*d, "/dashboard", {"views"})) return x;
    auto views = d->find("views");
    if (views == d->end()) return fail("/dashboard", "missing member \"views\" (an array)");
    if (!views->is_array())
        return fail("/dashboard/views", "expected an array of views, found " + typeName(*views));
    for (std::size_t i = 0; i < views->size(); ++i)
        if (auto x = readView((*views)[i], "/dashboard/views/" + std::to_string(i), out)) return x;
    out.dashboard = *d;
    return {};
}

} // namespace sw::runtime::reader
