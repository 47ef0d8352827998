#pragma once
// Regular join (Flink's StreamingJoinOperator, the SQL `JOIN ... ON l.k = r.k` on unbounded
// streams): both inputs are kept in state per equality key; every record joins the other
// side's current rows. Inputs may be append-only or changelogs; the output is a retract stream.
//
// Row kinds, as Flink: an inner join forwards the input's kind (+I/+U for an added row, -U/-D for
// a retracted one); a join with an outer side emits +I and -D only. An outer side's row with
// no match is emitted padded with NULLs (+I[row, null]); when its first match arrives that row
// is retracted (-D[row, null]) before +I[row, match]; when its last match is retracted the
// padded row comes back. To know this each outer-side row keeps its number of matches (Flink's
// numOfAssociations). Rows are kept with their multiplicity (equal rows count).
//
// State TTL (`state_ttl`, Flink's table.exec.state.ttl, processing time): a key's rows on one
// side are dropped when that side's key was not updated for the TTL (Flink expires each row on
// its own; here a key's rows expire together). Expiry emits nothing, as in Flink; a retraction
// that finds no row is still joined (it may retract rows emitted before the expiry).
// State: both sides' rows with counts and match numbers, per key (runtime/state).
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class StateInput;

class RegularJoinOperator : public Operator {
public:
    enum class Type : std::uint8_t { Inner, Left, Right, Full };
    RegularJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys, Type type,
                        std::size_t leftWidth, std::size_t rightWidth, std::int64_t ttlMs);
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void onProcessingTime(std::int64_t nowMs, Collector& out) override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    /// Keys held on `side` (0 left, 1 right); rows held on that side.
    std::size_t stateKeys(int side) const { return m_side[side].keys.size(); }

private:
    struct Entry {
        std::int64_t count = 0;        ///< how many equal rows
        std::int64_t associations = 0; ///< outer side: matching rows on the other side
    };
    struct Bag {
        std::map<Row, Entry> rows; ///< ordered: the emission order is a function of the rows
        std::int64_t touched = 0;  ///< processing time of the last update (TTL)
    };
    struct Side {
        KeyedMap<Bag> keys;
    };

    void process(int side, Record& r, Collector& out);
    void accumulate(int side, Record& r, Bag* other, Bag& own, Collector& out);
    void retract(int side, Record& r, Bag* other, Bag* own, Collector& out);
    /// Emits `row` of `side` joined with `other` (either may be null: padded) with `kind`.
    void emit(int side, const Row* row, const Row* other, RowKind kind, const Record& cause,
              Collector& out, std::int64_t times = 1);
    bool outer(int side) const
    {
        return m_type == Type::Full || (side == 0 ? m_type == Type::Left : m_type == Type::Right);
    }
    void armTtlTimer(std::int64_t at);
    /// Restore: one key's rows of side `s` (after the side number).
    void restoreKey(StateInput& in, Side& s);

    std::vector<int> m_keys[2];
    Type m_type;
    std::size_t m_width[2];
    std::int64_t m_ttl;
    Side m_side[2];
    OperatorContext* m_ctx = nullptr;
    std::int64_t m_timer = -1;
    Record m_out;
};

} // namespace sw::runtime
