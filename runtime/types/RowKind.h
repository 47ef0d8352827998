#pragma once
// Row kinds and changelog modes (Flink's org.apache.flink.types.RowKind and
// org.apache.flink.table.connector.ChangelogMode): what a record means for the table a stream
// describes, and which kinds a stream may carry.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

/// The change a record describes (Flink's RowKind, same short strings).
enum class RowKind : std::uint8_t {
    Insert,       ///< +I: a new row
    UpdateBefore, ///< -U: the previous content of an updated row (retracted)
    UpdateAfter,  ///< +U: the new content of an updated row
    Delete,       ///< -D: a row removed
};

/// "+I", "-U", "+U", "-D".
constexpr std::string_view toString(RowKind k)
{
    switch (k) {
    case RowKind::Insert:
        return "+I";
    case RowKind::UpdateBefore:
        return "-U";
    case RowKind::UpdateAfter:
        return "+U";
    case RowKind::Delete:
        return "-D";
    }
    return "+I";
}

/// Parses "+I", "-U", "+U", "-D".
std::optional<RowKind> parseRowKind(std::string_view s);

/// +I and +U add a row to the table (Flink's RowDataUtil.isAccumulateMsg); -U and -D retract.
constexpr bool isAccumulate(RowKind k)
{
    return k == RowKind::Insert || k == RowKind::UpdateAfter;
}

/// Which kinds a stream carries (Flink's ChangelogMode, as the planner's
/// FlinkChangelogModeInferenceProgram assigns it to every edge).
struct ChangelogMode {
    enum class Kind : std::uint8_t {
        Append,  ///< +I only (ChangelogMode.insertOnly())
        Upsert,  ///< +I, -U, +U, -D with a unique key (`key`): each change names its key
        Retract, ///< +I, -U, +U, -D without a known unique key (ChangelogMode.all())
    };
    Kind kind = Kind::Append;
    /// Upsert: the key columns (names in the stream's schema; empty = one global row).
    std::vector<std::string> key;

    static ChangelogMode append() { return {}; }
    static ChangelogMode upsert(std::vector<std::string> k) { return {Kind::Upsert, std::move(k)}; }
    static ChangelogMode retract() { return {Kind::Retract, {}}; }
    bool isAppend() const { return kind == Kind::Append; }
    bool updating() const { return kind != Kind::Append; }
    bool operator==(const ChangelogMode&) const = default;
};

/// "append", "upsert (k1, k2)", "retract".
std::string toString(const ChangelogMode& m);

} // namespace sw::runtime
