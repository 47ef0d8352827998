// Reading the recovery settings of a pipeline file (docs/pipeline-format.md):
//   "restart_strategy": {"type": "none"}
//                       {"type": "fixed-delay", "attempts": 3, "delay": "1 s"}
//                       {"type": "exponential-delay", "attempts": 3, "delay": "1 s",
//                        "max_delay": "1 min"}
//   "retained_checkpoints": 1..100, "tolerable_failed_checkpoints": 1..1000
// Members left out take the defaults (fixed-delay, 3 attempts, 1 s, as Flink; max_delay 1 min).
#include "catalog/ReaderSupport.h"
#include "types/Duration.h"

namespace sw::runtime::reader {

namespace {

/// An integer member within [lo, hi]; absent leaves `out`.
Problem readInt(const json& obj, const std::string& path, const char* key, int lo, int hi, int& out)
{
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    const std::string range =
        "expected an integer between " + std::to_string(lo) + " and " + std::to_string(hi);
    if (!it->is_number_integer()) return fail(at(path, key), range + ", found " + it->dump());
    const bool big = it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(hi);
    const std::int64_t v = big ? std::int64_t(hi) + 1 : it->get<std::int64_t>();
    if (v < lo || v > hi) return fail(at(path, key), range + ", found " + it->dump());
    out = static_cast<int>(v);
    return {};
}

/// A duration member (>= 0); absent leaves `out`.
Problem readDuration(const json& obj, const std::string& path, const char* key, std::int64_t& out)
{
    auto it = obj.find(key);
    if (it == obj.end()) return {};
    if (!it->is_string())
        return fail(at(path, key), "expected a duration string like \"1 s\" or \"500 ms\", found " +
                                       typeName(*it));
    std::string err;
    auto ms = parseDuration(it->get<std::string>(), &err);
    if (!ms) return fail(at(path, key), err);
    if (*ms < 0) return fail(at(path, key), "a delay cannot be negative");
    out = *ms;
    return {};
}

Problem readRestartStrategy(const json& r, RestartStrategy& out)
{
    const std::string path = "/pipeline/restart_strategy";
    if (!r.is_object())
        return fail(path, "expected an object like {\"type\": \"fixed-delay\", \"attempts\": 3, "
                          "\"delay\": \"1 s\"}, found " +
                              typeName(r));
    auto type = r.find("type");
    if (type == r.end())
        return fail(path, "missing member \"type\" (\"none\", \"fixed-delay\" or "
                          "\"exponential-delay\")");
    if (!type->is_string())
        return fail(at(path, "type"), "expected a string, found " + typeName(*type));
    auto kind = parseRestartStrategyKind(type->get<std::string>());
    if (!kind)
        return fail(at(path, "type"), "unknown restart strategy " +
                                          quote(type->get<std::string>()) +
                                          "; use \"none\", \"fixed-delay\" or "
                                          "\"exponential-delay\"");
    RestartStrategy s;
    s.kind = *kind;
    std::vector<std::string> allowed = {"type"};
    if (s.kind != RestartStrategy::Kind::None) allowed.insert(allowed.end(), {"attempts", "delay"});
    if (s.kind == RestartStrategy::Kind::ExponentialDelay) allowed.push_back("max_delay");
    for (auto it = r.begin(); it != r.end(); ++it)
        if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end() &&
            (it.key() == "attempts" || it.key() == "delay" || it.key() == "max_delay"))
            return fail(at(path, it.key()),
                        "restart strategy " + quote(toString(s.kind)) + " has no " +
                            quote(it.key()) + "; its members: " + joined(allowed),
                        true);
    if (auto e = checkMembers(r, path, allowed)) return e;
    if (auto e = readInt(r, path, "attempts", 1, 1000, s.attempts)) return e;
    if (auto e = readDuration(r, path, "delay", s.delayMs)) return e;
    if (auto e = readDuration(r, path, "max_delay", s.maxDelayMs)) return e;
    if (s.kind == RestartStrategy::Kind::ExponentialDelay && s.maxDelayMs < s.delayMs)
        return fail(at(path, "max_delay"), "max_delay (" + formatDuration(s.maxDelayMs) +
                                               ") must not be shorter than delay (" +
                                               formatDuration(s.delayMs) + ")");
    out = s;
    return {};
}

} // namespace

Problem readRecoverySettings(const json& p, PipelineSettings& s)
{
    if (auto it = p.find("restart_strategy"); it != p.end())
        if (auto e = readRestartStrategy(*it, s.restartStrategy)) return e;
    if (auto e = readInt(p, "/pipeline", "retained_checkpoints", 1, 100, s.retainedCheckpoints))
        return e;
    if (auto e = readInt(p, "/pipeline", "tolerable_failed_checkpoints", 1, 1000,
                         s.tolerableFailedCheckpoints))
        return e;
    return {};
}

} // namespace sw::runtime::reader
