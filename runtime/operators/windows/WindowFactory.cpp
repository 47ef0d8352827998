// makeWindowOperator: builds the window operator of a tumbling/hop/session/global window node.
#include "catalog/NodeType.h"
#include "catalog/PropertyAccess.h"
#include "operators/OperatorFactories.h"
#include "operators/windows/GlobalWindowOperator.h"
#include "operators/windows/SessionWindowOperator.h"
#include "operators/windows/TimeWindowOperator.h"

namespace sw::runtime {

namespace {

/// A window duration in ms (PropertyReader's grammar and messages); `positive` also rejects 0.
Result<std::int64_t> windowDuration(const NodeSpec& n, const char* name, bool positive)
{
    PropertyReader props(n);
    const std::int64_t d = props.durationMs(name);
    if (!props.ok()) return props.error();
    if (positive && d <= 0) return makeError(std::string(name) + ": must be greater than 0");
    return d;
}

Status readTimes(WindowConfig& c, const NodeSpec& n)
{
    auto need = [&](const char* name, std::int64_t& dst) -> Status {
        auto d = windowDuration(n, name, true);
        if (!d) return d.error();
        dst = *d;
        return Status::ok();
    };
    switch (c.kind) {
    case WindowConfig::Kind::Tumbling: {
        if (Status s = need("size", c.size); !s) return s;
        auto off = windowDuration(n, "offset", false);
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
        c.countTrigger = propertyValue(n, "trigger") != "processing-time";
        auto cnt = propertyValue(n, "trigger_count");
        c.triggerCount = cnt.is_number_integer() ? std::max<std::int64_t>(1, cnt.get<std::int64_t>()) : 100;
        if (!c.countTrigger)
            if (Status s = need("trigger_interval", c.triggerInterval); !s) return s;
        break;
    }
    }
    auto late = windowDuration(n, "allowed_lateness", false);
    if (!late) return late.error();
    if (*late < 0) return makeError("allowed_lateness: must not be negative");
    c.allowedLateness = *late;
    return Status::ok();
}

} // namespace

Result<std::unique_ptr<Operator>> makeWindowOperator(const OperatorSpec& spec)
{
    WindowConfig c;
    switch (spec.type.window) {
    case WindowKind::Tumbling:
        c.kind = WindowConfig::Kind::Tumbling;
        break;
    case WindowKind::Hop:
        c.kind = WindowConfig::Kind::Hop;
        break;
    case WindowKind::Session:
        c.kind = WindowConfig::Kind::Session;
        break;
    case WindowKind::Global:
        c.kind = WindowConfig::Kind::Global;
        break;
    case WindowKind::None:
        return makeError("not a window node type: " + spec.type.name);
    }
    c.input = spec.inputSchemas.at(0);
    c.output = spec.outputSchemas.at(0);
    c.eventTime = propertyValue(spec.node, "time") != "processing-time" &&
                  c.kind != WindowConfig::Kind::Global;
    if (Status s = readTimes(c, spec.node); !s) return s.error();
    auto keys = propertyValue(spec.node, "keys");
    for (std::size_t i = 0; keys.is_array() && i < keys.size(); ++i) {
        int idx = keys[i].is_string() ? c.input.indexOf(keys[i].get<std::string>()) : -1;
        if (idx < 0) return makeError("keys: unknown column " + keys[i].dump());
        c.keyColumns.push_back(idx);
    }
    std::size_t first = (c.kind == WindowConfig::Kind::Global ? 0 : 2) + c.keyColumns.size();
    auto aggs =
        Aggregates::fromProperty(propertyValue(spec.node, "aggregates"), c.input, c.output, first);
    if (!aggs) return aggs.error();
    c.aggregates = std::move(aggs).value();
    switch (c.kind) {
    case WindowConfig::Kind::Session: return makeOperator<SessionWindowOperator>(std::move(c));
    case WindowConfig::Kind::Global: return makeOperator<GlobalWindowOperator>(std::move(c));
    default: return makeOperator<TimeWindowOperator>(std::move(c));
    }
}

} // namespace sw::runtime
