#include "state/StateFingerprint.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace sw::runtime {

namespace {
/// "name: value" lines, sorted by name.
std::map<std::string, std::string> parseLines(const std::string& description)
{
    std::map<std::string, std::string> out;
    std::istringstream in(description);
    std::string line;
    while (std::getline(in, line)) {
        auto colon = line.find(": ");
        if (colon == std::string::npos) continue;
        out[line.substr(0, colon)] = line.substr(colon + 2);
    }
    return out;
}

std::string hex64(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}
} // namespace

const std::vector<std::string>& stateNeutralProperties()
{
    // Not events_per_second: a generator's event times depend on its rate.
    static const std::vector<std::string> names = {
        "parallelism", "replay_speed", "idle_timeout", "max_out_of_orderness",
        "description", "label",        "batch_size",   "max_rows",
    };
    return names;
}

NodeStateInfo nodeStateInfo(const NodeSpec& node, int parallelism,
                            const std::vector<Schema>& inputs, const std::vector<Schema>& outputs)
{
    std::string d = "type: " + node.type + "\n";
    const auto& neutral = stateNeutralProperties();
    if (node.properties.is_object())
        for (const auto& [name, value] : node.properties.items()) // nlohmann sorts keys
            if (std::find(neutral.begin(), neutral.end(), name) == neutral.end())
                d += "property '" + name + "': " + value.dump() + "\n";
    for (std::size_t i = 0; i < inputs.size(); ++i)
        d += "input schema " + std::to_string(i) + ": " + inputs[i].toString() + "\n";
    for (std::size_t i = 0; i < outputs.size(); ++i)
        d += "output schema " + std::to_string(i) + ": " + outputs[i].toString() + "\n";
    return NodeStateInfo{node.id, parallelism, hex64(stateChecksum(d)), d};
}

std::string describeStateChange(const NodeStateInfo& saved, const NodeStateInfo& now)
{
    if (saved.fingerprint == now.fingerprint) return {};
    auto a = parseLines(saved.description), b = parseLines(now.description);
    std::string out;
    auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
    for (const auto& [k, v] : a) {
        auto it = b.find(k);
        if (it == b.end())
            add(k + " removed (was " + v + ")");
        else if (it->second != v)
            add(k + " changed from " + v + " to " + it->second);
    }
    for (const auto& [k, v] : b)
        if (!a.count(k)) add(k + " added (" + v + ")");
    return out.empty() ? "its state description changed" : out;
}

} // namespace sw::runtime
