#pragma once
// The unit of data that flows between operators: a Row of values, its event timestamp and
// (optionally) where it came from, so an error record can point back at the original input.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "time/EventTime.h"
#include "types/Row.h"
#include "types/RowKind.h"

namespace sw::runtime {

/// The original bytes of a record as they were read (Kafka key/value, a file line).
struct RawBytes {
    std::string key;   ///< Kafka message key (empty for files)
    std::string value; ///< Kafka message value, or the file line without its newline
    bool hasKey = false;
    bool hasValue = true; ///< false for a Kafka null value (tombstone)
    /// Kafka message headers in order (name, value) and message timestamp (ms, -1 = none).
    std::vector<std::pair<std::string, std::string>> headers;
    std::int64_t timestamp = -1;
};

/// Where a record came from. Sources fill what they know; operators copy it along unchanged so
/// any node's error output can report the origin. Cheap to copy: strings are shared.
struct Provenance {
    enum class Kind : std::uint8_t { None, Kafka, File };
    Kind kind = Kind::None;
    std::int32_t partition = -1; ///< Kafka partition
    std::int64_t position = -1;  ///< Kafka offset, or 1-based file line
    /// Kafka topic or file path; one shared string per source (not per record).
    std::shared_ptr<const std::string> origin;
    /// Original bytes, when the source keeps them (kept only on request: it costs memory).
    std::shared_ptr<const RawBytes> raw;

    bool empty() const { return kind == Kind::None && !raw; }
};

/// One record. Move/swap it, do not copy it on hot paths: Collector::emit() swaps the record
/// into a recycled slot and hands back a record whose buffers can be refilled without allocating
/// and whose kind is +I again (so append-only operators never set it; one that emits updates
/// sets `kind` on every record it builds, and operators deriving a record from an input record
/// copy the input's kind, as Flink's Calc does).
struct Record {
    Row row;                            ///< column values in the output schema's order
    EventTime timestamp = kNoTimestamp; ///< event time (ms); kNoTimestamp when none
    Provenance provenance;              ///< optional origin (error metadata)
    RowKind kind = RowKind::Insert;     ///< the change this record describes (+I, -U, +U, -D)

    Record() = default;
    explicit Record(Row r, EventTime ts = kNoTimestamp) : row(std::move(r)), timestamp(ts) {}

    /// Resets to an empty record, keeping the row's capacity.
    void clear()
    {
        row.clear();
        timestamp = kNoTimestamp;
        provenance = {};
        kind = RowKind::Insert;
    }
};

inline void swap(Record& a, Record& b) noexcept
{
    a.row.swap(b.row);
    std::swap(a.timestamp, b.timestamp);
    std::swap(a.provenance, b.provenance);
    std::swap(a.kind, b.kind);
}

/// A batch of records: what one channel operation carries (default 512 records). Batches are
/// pooled per channel and recycled, so the records' row buffers are reused across batches.
/// `size` is the number of valid records; `records` may hold more (recycled) slots past it.
class RecordBatch {
public:
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    Record& operator[](std::size_t i) { return m_records[i]; }
    const Record& operator[](std::size_t i) const { return m_records[i]; }
    Record* begin() { return m_records.data(); }
    Record* end() { return m_records.data() + m_size; }
    const Record* begin() const { return m_records.data(); }
    const Record* end() const { return m_records.data() + m_size; }

    /// The next free slot (a recycled record whose row keeps its capacity); size() grows by one.
    Record& appendSlot()
    {
        if (m_size == m_records.size()) m_records.emplace_back();
        return m_records[m_size++];
    }
    /// Appends by swapping `r` into the next slot; `r` receives the slot's old (recycled) content
    /// with kind +I (the default every record builder starts from).
    void appendSwap(Record& r)
    {
        swap(appendSlot(), r);
        r.kind = RowKind::Insert;
    }
    /// Marks the batch empty; slots and their buffers stay for reuse.
    void clear() { m_size = 0; }
    /// Drops the last record (e.g. a slot that was filled and then rejected).
    void popBack()
    {
        if (m_size > 0) --m_size;
    }

private:
    std::vector<Record> m_records;
    std::size_t m_size = 0;
};

using RecordBatchPtr = std::unique_ptr<RecordBatch>;

} // namespace sw::runtime
