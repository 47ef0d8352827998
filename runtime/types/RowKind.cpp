#include "types/RowKind.h"

namespace sw::runtime {

std::optional<RowKind> parseRowKind(std::string_view s)
{
    for (RowKind k :
         {RowKind::Insert, RowKind::UpdateBefore, RowKind::UpdateAfter, RowKind::Delete})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string toString(const ChangelogMode& m)
{
    switch (m.kind) {
    case ChangelogMode::Kind::Append:
        return "append";
    case ChangelogMode::Kind::Retract:
        return "retract";
    case ChangelogMode::Kind::Upsert:
        break;
    }
    std::string keys;
    for (const auto& k : m.key)
        keys += (keys.empty() ? "" : ", ") + k;
    return "upsert (" + (keys.empty() ? std::string("one row") : keys) + ")";
}

} // namespace sw::runtime
