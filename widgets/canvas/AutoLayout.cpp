#include "canvas/AutoLayout.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "canvas/NodeGeometry.h"
#include "catalog/Catalog.h"

namespace sw::widgets {

namespace {

struct Graph {
    std::vector<std::vector<int>> succ;
    std::vector<std::vector<int>> pred;
};

Graph buildGraph(const runtime::PipelineSpec& p)
{
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < p.nodes.size(); ++i)
        index[p.nodes[i].id] = static_cast<int>(i);
    Graph g{std::vector<std::vector<int>>(p.nodes.size()),
            std::vector<std::vector<int>>(p.nodes.size())};
    for (const auto& e : p.edges) {
        auto a = index.find(e.from.node);
        auto b = index.find(e.to.node);
        if (a == index.end() || b == index.end() || a->second == b->second) continue;
        g.succ[static_cast<std::size_t>(a->second)].push_back(b->second);
        g.pred[static_cast<std::size_t>(b->second)].push_back(a->second);
    }
    return g;
}

/// Longest-path layering over a Kahn order; nodes left on cycles go after their known preds.
std::vector<int> assignLayers(const Graph& g)
{
    std::size_t n = g.succ.size();
    std::vector<int> layer(n, 0), indeg(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        indeg[i] = static_cast<int>(g.pred[i].size());
    std::vector<int> queue;
    for (std::size_t i = 0; i < n; ++i)
        if (indeg[i] == 0) queue.push_back(static_cast<int>(i));
    std::vector<bool> done(n, false);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        int u = queue[q];
        done[static_cast<std::size_t>(u)] = true;
        for (int v : g.succ[static_cast<std::size_t>(u)]) {
            auto vi = static_cast<std::size_t>(v);
            layer[vi] = std::max(layer[vi], layer[static_cast<std::size_t>(u)] + 1);
            if (--indeg[vi] == 0) queue.push_back(v);
        }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!done[i])
            for (int pIdx : g.pred[i])
                if (done[static_cast<std::size_t>(pIdx)])
                    layer[i] = std::max(layer[i], layer[static_cast<std::size_t>(pIdx)] + 1);
    return layer;
}

void sweep(std::vector<std::vector<int>>& columns, const std::vector<std::vector<int>>& neighbours,
           std::vector<double>& rank, bool forward)
{
    std::size_t count = columns.size();
    for (std::size_t k = 0; k < count; ++k) {
        auto& col = columns[forward ? k : count - 1 - k];
        std::vector<double> key(col.size());
        for (std::size_t i = 0; i < col.size(); ++i) {
            const auto& nb = neighbours[static_cast<std::size_t>(col[i])];
            if (nb.empty()) {
                key[i] = rank[static_cast<std::size_t>(col[i])];
                continue;
            }
            double sum = 0;
            for (int m : nb)
                sum += rank[static_cast<std::size_t>(m)];
            key[i] = sum / static_cast<double>(nb.size());
        }
        std::vector<std::size_t> order(col.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return key[a] < key[b]; });
        std::vector<int> sorted;
        for (std::size_t i : order)
            sorted.push_back(col[i]);
        col = sorted;
        for (std::size_t i = 0; i < col.size(); ++i)
            rank[static_cast<std::size_t>(col[i])] = static_cast<double>(i);
    }
}

} // namespace

std::map<std::string, QPointF> layeredLayout(const runtime::PipelineSpec& p, const LayoutOptions& o)
{
    std::map<std::string, QPointF> out;
    if (p.nodes.empty()) return out;
    Graph g = buildGraph(p);
    std::vector<int> layer = assignLayers(g);
    int layers = *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<int>> columns(static_cast<std::size_t>(layers));
    // Initial order within a column: current vertical position (keeps the user's intent).
    std::vector<int> byY(p.nodes.size());
    std::iota(byY.begin(), byY.end(), 0);
    std::stable_sort(byY.begin(), byY.end(), [&](int a, int b) {
        return p.nodes[static_cast<std::size_t>(a)].y < p.nodes[static_cast<std::size_t>(b)].y;
    });
    std::vector<double> rank(p.nodes.size());
    for (int i : byY) {
        auto& col = columns[static_cast<std::size_t>(layer[static_cast<std::size_t>(i)])];
        rank[static_cast<std::size_t>(i)] = static_cast<double>(col.size());
        col.push_back(i);
    }
    for (int pass = 0; pass < 4; ++pass) {
        sweep(columns, g.pred, rank, true);
        sweep(columns, g.succ, rank, false);
    }
    const auto& catalog = runtime::Catalog::instance();
    auto heightOf = [&](int i) {
        return NodeGeometry::size(catalog.find(p.nodes[static_cast<std::size_t>(i)].type)).height();
    };
    std::vector<double> colHeight(columns.size(), 0);
    double tallest = 0;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        for (int i : columns[c])
            colHeight[c] += heightOf(i) + o.rowGap;
        tallest = std::max(tallest, colHeight[c]);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        double x = o.origin.x() + static_cast<double>(c) * (NodeGeometry::kWidth + o.columnGap);
        double y = o.origin.y() + (tallest - colHeight[c]) / 2;
        for (int i : columns[c]) {
            out[p.nodes[static_cast<std::size_t>(i)].id] = NodeGeometry::snap(QPointF(x, y));
            y += heightOf(i) + o.rowGap;
        }
    }
    return out;
}

} // namespace sw::widgets
