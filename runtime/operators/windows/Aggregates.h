#pragma once
// Aggregate functions of window nodes: COUNT(*), COUNT(col), COUNT_DISTINCT, SUM, AVG, MIN, MAX,
// FIRST_VALUE, LAST_VALUE, with Flink's result types (as catalog/WindowTypes.cpp derives them).
// NULL inputs are ignored by every function but COUNT(*).
#include <cstdint>
#include <map>
#include <memory>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

enum class AggKind : std::uint8_t {
    CountStar,
    Count,
    CountDistinct,
    Sum,
    Avg,
    Min,
    Max,
    First,
    Last
};

struct AggSpec {
    AggKind kind = AggKind::CountStar;
    int column = -1;  ///< input column (-1 for COUNT(*))
    DataType argType; ///< input column type
    DataType outType; ///< result type (output schema)
};

/// One aggregate's accumulator. Which fields are used depends on the AggKind and argument type.
struct Acc {
    std::int64_t count = 0; ///< rows (COUNT(*)) or non-null inputs
    std::int64_t isum = 0;  ///< integer sum, or DECIMAL unscaled sum at the argument's scale
    double dsum = 0;        ///< DOUBLE sum
    Value value;            ///< MIN/MAX/FIRST_VALUE/LAST_VALUE
    std::uint64_t seq = 0;  ///< arrival sequence of `value` (FIRST/LAST when merging sessions)
    std::unique_ptr<std::unordered_set<Value, ValueHash>> distinct;
    /// Retractable MIN/MAX/COUNT_DISTINCT (Flink's MaxWithRetractAggFunction and friends):
    /// each non-null input value with its multiplicity.
    std::unique_ptr<std::map<Value, std::int64_t>> counts;
};

class Aggregates {
public:
    /// Parses the node's `aggregates` property against `input`; result types from `output`
    /// starting at column `firstOutput`.
    static Result<Aggregates> fromProperty(const nlohmann::json& aggs, const Schema& input,
                                           const Schema& output, std::size_t firstOutput);

    std::size_t size() const { return m_specs.size(); }
    const std::vector<AggSpec>& specs() const { return m_specs; }

    /// Fresh accumulators.
    void init(std::vector<Acc>& accs) const { accs.resize(m_specs.size()); }
    /// Adds one input row to size() accumulators at `accs`; `seq` is its arrival sequence
    /// number (increasing).
    void add(Acc* accs, const Row& row, std::uint64_t seq) const;
    void add(std::vector<Acc>& accs, const Row& row, std::uint64_t seq) const
    {
        add(accs.data(), row, seq);
    }
    /// Retracting input (group aggregation over a changelog): MIN, MAX and COUNT_DISTINCT keep
    /// every value with its multiplicity so a retraction can remove it. Set before init().
    void setRetractable(bool r) { m_retractable = r; }
    bool retractable() const { return m_retractable; }
    /// True when every function can retract (all but FIRST_VALUE and LAST_VALUE).
    bool canRetract() const;
    /// Removes one input row (a -U or -D) from the accumulators (setRetractable(true) first).
    void retract(Acc* accs, const Row& row) const;
    /// Merges `from` into `into` (session windows).
    void merge(Acc* into, Acc* from) const;
    void merge(std::vector<Acc>& into, std::vector<Acc>& from) const
    {
        merge(into.data(), from.data());
    }
    /// Appends the results to `out`.
    void results(const Acc* accs, Row& out) const;
    void results(const std::vector<Acc>& accs, Row& out) const { results(accs.data(), out); }

private:
    std::vector<AggSpec> m_specs;
    bool m_retractable = false;
};

/// DECIMAL AVG: round-half-up(sum / count) rescaled from `scale` to `outScale` (Flink's
/// DecimalDivide rounding). Exposed for tests.
std::int64_t decimalAverage(std::int64_t unscaledSum, int scale, std::int64_t count, int outScale);

} // namespace sw::runtime
