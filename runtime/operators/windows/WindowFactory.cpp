// makeWindowOperator: builds the window operator of a tumbling/hop/session/global window node.
#include "catalog/NodeType.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/GlobalWindowOperator.h"
#include "operators/windows/SessionWindowOperator.h"
#include "operators/windows/TimeWindowOperator.h"
#include "types/Duration.h"

namespace sw::runtime {

namespace {

Result<std::int64_t> durationProp(const NodeSpec& n, const char* name, bool positive)
{
    auto v = n.property(name);
    std::string err;
    auto d = v.is_string() ? parseDuration(v.get<std::string>(), &err) : std::nullopt;
    if (!d) return makeError(std::string(name) + ": expected a duration" + (err.empty() ? "" : " (" + err + ")"));
    if (positive && *d <= 0) return makeError(std::string(name) + ": must be greater than 0");
    return *d;
}

Status readTimes(WindowConfig& c, const NodeSpec& n)
{
    auto need = [&](const char* name, std::int64_t& dst) -> Status {
        auto d = durationProp(n, name, true);
        if (!d) return d.error();
        dst = *d;
        return Status::ok();
    };
    switch (c.kind) {
    case WindowConfig::Kind::Tumbling: {
        if (Status s = need("size", c.size); !s) return s;
        auto off = durationProp(n, "offset", false);
        if (!off) return off.error();
        c.offset = *off;
        break;
    }
    case WindowConfig::Kind::Hop:
        if (Status s = need("size", c.size); !s) return s;
        if (Status s = need("slide", c.slide); !s) return s;
        if (c.size % c.slide != 0) return makeError("slide: the size must be a whole multiple of the slide");
        break;
    case WindowConfig::Kind::Session:
        if (Status s = need("gap", c.gap); !s) return s;
        break;
    case WindowConfig::Kind::Global: {
        c.countTrigger = n.property("trigger") != "processing-time";
        auto cnt = n.property("trigger_count");
        c.triggerCount = cnt.is_number_integer() ? std::max<std::int64_t>(1, cnt.get<std::int64_t>()) : 100;
        if (!c.countTrigger)
            if (Status s = need("trigger_interval", c.triggerInterval); !s) return s;
        break;
    }
    }
    auto late = durationProp(n, "allowed_lateness", false);
    if (!late) return late.error();
    if (*late < 0) return makeError("allowed_lateness: must not be negative");
    c.allowedLateness = *late;
    return Status::ok();
}

} // namespace

Result<std::unique_ptr<Operator>> makeWindowOperator(const OperatorSpec& spec)
{
    WindowConfig c;
    const std::string& t = spec.type.name;
    if (t == "tumbling-window") c.kind = WindowConfig::Kind::Tumbling;
    else if (t == "hop-window") c.kind = WindowConfig::Kind::Hop;
    else if (t == "session-window") c.kind = WindowConfig::Kind::Session;
    else if (t == "global-window") c.kind = WindowConfig::Kind::Global;
    else return makeError("not a window node type: " + t);
    c.input = spec.inputSchemas.at(0);
    c.output = spec.outputSchemas.at(0);
    c.eventTime = spec.node.property("time") != "processing-time" && c.kind != WindowConfig::Kind::Global;
    if (Status s = readTimes(c, spec.node); !s) return s.error();
    auto keys = spec.node.property("keys");
    for (std::size_t i = 0; keys.is_array() && i < keys.size(); ++i) {
        int idx = keys[i].is_string() ? c.input.indexOf(keys[i].get<std::string>()) : -1;
        if (idx < 0) return makeError("keys: unknown column " + keys[i].dump());
        c.keyColumns.push_back(idx);
    }
    std::size_t first = (c.kind == WindowConfig::Kind::Global ? 0 : 2) + c.keyColumns.size();
    auto aggs = Aggregates::fromProperty(spec.node.property("aggregates"), c.input, c.output, first);
    if (!aggs) return aggs.error();
    c.aggregates = std::move(aggs).value();
    switch (c.kind) {
    case WindowConfig::Kind::Session: return makeOperator<SessionWindowOperator>(std::move(c));
    case WindowConfig::Kind::Global: return makeOperator<GlobalWindowOperator>(std::move(c));
    default: return makeOperator<TimeWindowOperator>(std::move(c));
    }
}

} // namespace sw::runtime
