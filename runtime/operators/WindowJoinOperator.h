#pragma once
// Window join (Flink's WindowJoinOperator, the SQL join of two window TVFs on equal keys and
// equal window_start/window_end): every record is assigned to its tumbling or hop windows
// [start, end) (hop: size / slide windows); rows are kept per window and key, and a window is
// joined and emitted when the combined watermark W (min of both inputs) reaches end - 1, then
// forgotten. Output: window_start, window_end, left columns, right columns (+I, event time
// end - 1).
//
// Join types as Flink's window join: inner; left/right/full pad a side's unmatched rows with
// NULLs (emitted when the window closes: no retraction is ever needed); semi emits each left row
// that has a match in its window, anti each left row that has none (left columns only). A NULL
// key matches nothing. A record all of whose windows closed (end - 1 <= W) is late: errors port,
// counted; for hop windows only the windows still open take it (as the window operators).
// Emission order: per window, keys in order of first arrival, rows in arrival order.
// State (snapshot/restore): every open window's rows per key, in that order.
#include <map>

#include "exec/Operator.h"
#include "operators/windows/GroupKey.h"

namespace sw::runtime {

class WindowJoinOperator : public Operator {
public:
    enum class Type : std::uint8_t { Inner, Left, Right, Full, Semi, Anti };
    /// Tumbling windows: slide == size.
    WindowJoinOperator(std::vector<int> leftKeys, std::vector<int> rightKeys, Type type,
                       std::int64_t size, std::int64_t slide, Schema left, Schema right);
    Status open(OperatorContext& ctx) override
    {
        m_ctx = &ctx;
        return Status::ok();
    }
    void processBatch(int port, RecordBatch& batch, Collector& out) override;
    void processWatermark(EventTime watermark, Collector& out) override;
    /// Buffered rows hold their Kafka positions until their last window fired.
    void collectHolds(SourceHolds& holds) const override;
    void snapshotState(std::int64_t checkpointId, StateWriter& w) override;
    void restoreState(const StateReader& r) override;

    std::size_t openWindows() const { return m_windows.size(); }

private:
    struct Group {
        GroupKey key;
        std::vector<Row> rows[2];
    };
    struct Window {
        std::vector<Group> groups; ///< in order of first arrival
        KeyedMap<std::size_t> index;
    };

    void add(int side, const Record& r, EventTime end);
    void fire(EventTime end, Window& w, Collector& out);
    void emitRow(EventTime end, const Row* left, const Row* right, Collector& out);

    std::vector<int> m_keys[2];
    Type m_type;
    std::int64_t m_size;
    std::int64_t m_slide;
    Schema m_schemas[2];
    std::map<EventTime, Window> m_windows;    ///< by window end
    std::map<EventTime, SourceHolds> m_holds; ///< by window end
    OperatorContext* m_ctx = nullptr;
    Record m_out;
};

} // namespace sw::runtime
