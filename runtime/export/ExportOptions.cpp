#include "export/ExportOptions.h"

#include <algorithm>
#include <cctype>

#include "export/SqlText.h"
#include "model/PipelineSpec.h"

namespace sw::runtime::exporting {

std::string exportName(const PipelineSpec& pipeline, const ExportOptions& options)
{
    const std::string& src = options.name.empty() ? pipeline.settings.name : options.name;
    std::string out;
    for (char c : src) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    if (out.size() > 52) out.resize(52); // leaves room for "-taskmanager-1-1" style suffixes
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    if (out.empty() || !std::isalpha(static_cast<unsigned char>(out[0]))) out.insert(0, "sw-");
    if (out == "sw-") out = "pipeline";
    return out;
}

std::vector<std::pair<std::string, std::string>> flinkRecoveryOptions(const PipelineSpec& p)
{
    std::vector<std::pair<std::string, std::string>> c;
    c.emplace_back("state.checkpoints.num-retained",
                   std::to_string(p.settings.retainedCheckpoints));
    c.emplace_back("execution.checkpointing.tolerable-failed-checkpoints",
                   std::to_string(std::max(0, p.settings.tolerableFailedCheckpoints - 1)));
    const RestartStrategy& r = p.settings.restartStrategy;
    c.emplace_back("restart-strategy.type", std::string(toString(r.kind)));
    if (r.kind == RestartStrategy::Kind::FixedDelay) {
        c.emplace_back("restart-strategy.fixed-delay.attempts", std::to_string(r.attempts));
        c.emplace_back("restart-strategy.fixed-delay.delay", flinkDuration(r.delayMs));
    } else if (r.kind == RestartStrategy::Kind::ExponentialDelay) {
        c.emplace_back("restart-strategy.exponential-delay.initial-backoff",
                       flinkDuration(r.delayMs));
        c.emplace_back("restart-strategy.exponential-delay.max-backoff",
                       flinkDuration(r.maxDelayMs));
        c.emplace_back("restart-strategy.exponential-delay.backoff-multiplier", "2.0");
        c.emplace_back("restart-strategy.exponential-delay.attempts-before-reset-backoff",
                       std::to_string(r.attempts));
    }
    return c;
}

} // namespace sw::runtime::exporting
