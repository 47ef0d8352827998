#include "RandomPipeline.h"

#include <algorithm>
#include <set>

#include "catalog/Catalog.h"

namespace sw::test {
using namespace sw::runtime;
using json = nlohmann::json;

namespace {

template <typename T> const T& pick(const std::vector<T>& v, std::mt19937_64& rng)
{
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

int randInt(int lo, int hi, std::mt19937_64& rng)
{
    return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string randomText(std::mt19937_64& rng, int maxPieces = 8)
{
    static const std::vector<std::string> pieces = {"a",
                                                    "Z",
                                                    "orders",
                                                    "_",
                                                    " ",
                                                    "-",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "~",
                                                    "\n",
                                                    "\t",
                                                    "\x01",
                                                    "\x1f",
                                                    "caf\xC3\xA9",
                                                    "\xE2\x98\x95",
                                                    "\xF0\x9D\x84\x9E",
                                                    "{",
                                                    "}",
                                                    "[",
                                                    ":",
                                                    ",",
                                                    "0",
                                                    "1.5e3"};
    std::string s;
    for (int i = randInt(0, maxPieces, rng); i > 0; --i)
        s += pick(pieces, rng);
    return s;
}

std::string identifier(std::mt19937_64& rng)
{
    static const std::vector<std::string> ids = {"order_id", "amount", "category", "ts",
                                                 "user_id",  "_x",     "col1"};
    return pick(ids, rng);
}

json randomNumber(const PropertySpec& spec, std::mt19937_64& rng)
{
    double lo = spec.min.value_or(-1e9), hi = spec.max.value_or(1e9);
    if (spec.type == PropertyType::Int)
        return std::uniform_int_distribution<long long>(static_cast<long long>(lo),
                                                        static_cast<long long>(hi))(rng);
    switch (randInt(0, 3, rng)) {
    case 0:
        return lo;
    case 1:
        return std::floor(std::uniform_real_distribution<double>(lo, hi)(rng)); // 3.0
    default:
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    }
}

json randomDuration(std::mt19937_64& rng)
{
    static const std::vector<std::string> units = {"ms", "s",       "min",    "h",
                                                   "d",  "seconds", "minutes"};
    return std::to_string(randInt(0, 1000, rng)) + " " + pick(units, rng);
}

json randomObjectList(const PropertySpec& spec, std::mt19937_64& rng)
{
    static const std::vector<std::string> types = {
        "BIGINT", "INT", "STRING", "DOUBLE", "BOOLEAN", "DECIMAL(10,2)", "TIMESTAMP(3)"};
    json a = json::array();
    for (int i = randInt(0, 4, rng); i > 0; --i) {
        json o = json::object();
        if (spec.type == PropertyType::Aggregates) {
            o["function"] = pick(aggregateFunctions(), rng);
            if (randInt(0, 1, rng)) o["column"] = identifier(rng);
            if (randInt(0, 1, rng)) o["as"] = identifier(rng);
        } else if (spec.type == PropertyType::Columns) {
            o["name"] = identifier(rng);
            o["expr"] = randomText(rng);
        } else {
            o["name"] = identifier(rng);
            o["type"] = pick(types, rng);
        }
        a.push_back(std::move(o));
    }
    return a;
}

} // namespace

json randomPropertyValue(const PropertySpec& spec, std::mt19937_64& rng)
{
    switch (spec.type) {
    case PropertyType::Int:
    case PropertyType::Double:
        return randomNumber(spec, rng);
    case PropertyType::Bool:
        return randInt(0, 1, rng) == 1;
    case PropertyType::Duration:
        return randomDuration(rng);
    case PropertyType::Choice:
        return pick(spec.choices, rng);
    case PropertyType::FieldList: {
        json a = json::array();
        for (int i = randInt(0, 3, rng); i > 0; --i)
            a.push_back(identifier(rng));
        return a;
    }
    case PropertyType::Aggregates:
    case PropertyType::Columns:
    case PropertyType::SchemaDef:
        return randomObjectList(spec, rng);
    case PropertyType::KeyValue: {
        json o = json::object();
        for (int i = randInt(0, 3, rng); i > 0; --i)
            o[randomText(rng, 3)] = randomText(rng);
        return o;
    }
    default:
        return randomText(rng);
    }
}

namespace {

void addRandomEdges(PipelineSpec& p, std::mt19937_64& rng)
{
    if (p.nodes.size() < 2) return;
    std::set<std::string> usedInputs;
    for (int i = randInt(0, static_cast<int>(p.nodes.size()) * 2, rng); i > 0; --i) {
        const NodeSpec& a = pick(p.nodes, rng);
        const NodeSpec& b = pick(p.nodes, rng);
        const NodeType* ta = Catalog::instance().find(a.type);
        const NodeType* tb = Catalog::instance().find(b.type);
        if (&a == &b || ta->outputs.empty() || tb->inputs.empty()) continue;
        const PortSpec& out = pick(ta->outputs, rng);
        const PortSpec& in = pick(tb->inputs, rng);
        EdgeSpec e{{a.id, out.name}, {b.id, in.name}};
        // Half the edges auto (never written), the rest an explicit partitioning.
        if (randInt(0, 1, rng) == 1)
            e.partitioning = static_cast<EdgePartitioning>(randInt(1, 3, rng));
        if (std::any_of(p.edges.begin(), p.edges.end(),
                        [&](const EdgeSpec& x) { return x.from == e.from && x.to == e.to; }))
            continue;
        if (!in.multiple && !usedInputs.insert(b.id + "." + in.name).second) continue;
        p.edges.push_back(e);
    }
}

double randomCoordinate(std::mt19937_64& rng)
{
    switch (randInt(0, 4, rng)) {
    case 0:
        return randInt(-2000, 2000, rng);
    case 1:
        return randInt(-2000, 2000, rng) + 0.5;
    case 2:
        return std::uniform_real_distribution<double>(-1e4, 1e4)(rng);
    case 3:
        return 1e20;
    default:
        return -0.0;
    }
}

} // namespace

PipelineSpec randomPipeline(std::mt19937_64& rng, int maxNodes)
{
    static const std::vector<std::string> evolutions = {"", "backward", "forward", "full", "none"};
    static const std::vector<std::int64_t> intervals = {1,     999,     1000,    60000,
                                                        90000, 3600000, 86400000};
    PipelineSpec p;
    p.settings.name = "p" + randomText(rng);
    p.settings.description = randomText(rng, 20);
    p.settings.delivery =
        randInt(0, 1, rng) ? DeliveryGuarantee::ExactlyOnce : DeliveryGuarantee::AtLeastOnce;
    p.settings.parallelism = randInt(1, 256, rng);
    p.settings.checkpointIntervalMs = pick(intervals, rng) * randInt(1, 7, rng);
    p.settings.schemaEvolution = pick(evolutions, rng);
    const auto& types = Catalog::instance().types();
    for (int i = randInt(0, maxNodes, rng); i > 0; --i) {
        NodeSpec n;
        n.type = pick(types, rng).name;
        std::string base = n.type;
        std::replace(base.begin(), base.end(), '-', randInt(0, 1, rng) ? '_' : '.');
        n.id = p.uniqueId(base);
        n.label = randomText(rng);
        n.x = randomCoordinate(rng);
        n.y = randomCoordinate(rng);
        for (const auto& spec : Catalog::instance().find(n.type)->properties)
            if (randInt(0, 2, rng) > 0) n.properties[spec.name] = randomPropertyValue(spec, rng);
        p.nodes.push_back(std::move(n));
    }
    addRandomEdges(p, rng);
    return p;
}

} // namespace sw::test
