#include "catalog/ChangelogRules.h"

#include <algorithm>

namespace sw::runtime {

void ChangelogContext::refuse(std::size_t port, const std::string& reason, const std::string& hint)
{
    const Input& in = m_inputs.at(port);
    const std::string& portName = in.port;
    std::string msg = m_node.type + " '" + m_node.id +
                      "' doesn't support consuming update changes, but its input '" + portName +
                      "' is an updating stream (" + toString(in.mode) +
                      (in.from.empty() ? std::string() : " from '" + in.from + "'") +
                      "): " + reason + ". Fix: " + changelog_rules::kFix +
                      (hint.empty() ? "" : " (" + hint + ")");
    m_diags.push_back({Severity::Error, m_node.id, portName, std::move(msg), 0});
}

namespace changelog_rules {

namespace {
std::vector<std::string> stringList(const nlohmann::json& v)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; v.is_array() && i < v.size(); ++i)
        if (v[i].is_string()) out.push_back(v[i].get<std::string>());
    return out;
}
} // namespace

DeriveChangelogFn appendOnly(std::string reason, std::string hint)
{
    return [reason = std::move(reason), hint = std::move(hint)](ChangelogContext& ctx) {
        for (std::size_t i = 0; i < ctx.inputCount(); ++i)
            if (ctx.input(i).mode.updating()) ctx.refuse(i, reason, hint);
        ctx.setOutput(ChangelogMode::append());
    };
}

DeriveChangelogFn passThrough()
{
    return [](ChangelogContext& ctx) { ctx.setOutput(ctx.input(0).mode); };
}

DeriveChangelogFn projection()
{
    return [](ChangelogContext& ctx) {
        ChangelogMode m = ctx.input(0).mode;
        if (m.kind == ChangelogMode::Kind::Upsert) {
            const bool keep = ctx.prop("keep_input_columns") == true;
            const auto cols = ctx.prop("columns");
            auto kept = [&](const std::string& k) {
                if (keep) return true;
                for (std::size_t i = 0; cols.is_array() && i < cols.size(); ++i) {
                    const auto& c = cols[i];
                    if (!c.is_object() || c.value("name", "") != k) continue;
                    std::string e = c.value("expr", "");
                    e.erase(0, e.find_first_not_of(" \t\n"));
                    e.erase(e.find_last_not_of(" \t\n") + 1);
                    return e == k || e == "`" + k + "`";
                }
                return false;
            };
            if (!std::all_of(m.key.begin(), m.key.end(), kept)) m = ChangelogMode::retract();
        }
        ctx.setOutput(std::move(m));
    };
}

DeriveChangelogFn unionAll()
{
    return [](ChangelogContext& ctx) {
        // One port with several edges: the validator merged them (mergeChangelogs).
        ctx.setOutput(ctx.input(0).mode);
    };
}

DeriveChangelogFn upsertOn(std::string keyProperty, bool consumesUpdates)
{
    return [keyProperty = std::move(keyProperty), consumesUpdates](ChangelogContext& ctx) {
        if (!consumesUpdates && ctx.input(0).mode.updating())
            ctx.refuse(0, "it keeps one row per key from insert-only input");
        ctx.setOutput(ChangelogMode::upsert(stringList(ctx.prop(keyProperty))));
    };
}

DeriveChangelogFn retracting()
{
    return [](ChangelogContext& ctx) { ctx.setOutput(ChangelogMode::retract()); };
}

DeriveChangelogFn versionedTableJoin()
{
    return [](ChangelogContext& ctx) {
        ctx.setOutput(ChangelogMode::append());
        if (ctx.input(0).mode.updating())
            ctx.refuse(0, "the probe side of a temporal join is buffered as insert-only rows");
        const ChangelogMode& build = ctx.input(1).mode;
        if (!build.updating()) return;
        auto want = stringList(ctx.prop("right_keys")), key = build.key;
        std::sort(want.begin(), want.end());
        std::sort(key.begin(), key.end());
        if (build.kind != ChangelogMode::Kind::Upsert || key != want)
            ctx.refuse(1, "a versioned table needs an upsert stream keyed by its primary key",
                       "make right_keys the upsert key of the right input");
    };
}

DeriveChangelogFn keyedSink(std::string keyProperty, std::string modeProperty)
{
    return [keyProperty = std::move(keyProperty),
            modeProperty = std::move(modeProperty)](ChangelogContext& ctx) {
        ctx.setOutput(ChangelogMode::append()); // errors
        if (!ctx.input(0).mode.updating()) return;
        const bool keyed = !stringList(ctx.prop(keyProperty)).empty();
        if (!modeProperty.empty() && ctx.prop(modeProperty) != "upsert")
            ctx.refuse(
                0,
                "in " + ctx.prop(modeProperty).get<std::string>() + " mode it appends every record",
                "set " + modeProperty + " to upsert and " + keyProperty + " to the primary key");
        else if (!keyed)
            ctx.refuse(0, "without a primary key it can only append",
                       "set " + keyProperty + " to the primary key of the rows");
    };
}

DeriveChangelogFn writesRowKinds()
{
    return [](ChangelogContext& ctx) { ctx.setOutput(ChangelogMode::append()); };
}

} // namespace changelog_rules
} // namespace sw::runtime
