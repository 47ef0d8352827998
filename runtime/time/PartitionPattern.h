#pragma once
// A partition pattern: the relative directory a record's event time (UTC) is filed under, as
// Hive-style partitions (`dt={yyyy-MM-dd}/hr={HH}` -> `dt=2026-12-07/hr=14`). The lake sink
// writes by it; the catalog validates it; the Flink SQL export turns its `name={...}` segments
// into partition columns.
//
// Grammar: segments separated by '/'; each segment is literal text and `{format}` fields.
//   literal := letters, digits, '=', '-', '_', '.'
//   format  := the letters yyyy (year, 4 digits), MM (month), dd (day), HH (hour 00-23),
//              mm (minute), with '-', '_', '.' between them (Java DateTimeFormatter letters,
//              as Flink's DATE_FORMAT)
// A segment must not be empty, start with '.' (hidden: readers skip it) or be "..". A field
// needs every coarser one (HH needs dd, MM and yyyy), so one directory never mixes times that
// differ in a coarser unit. The empty pattern means no partitions (files in the root).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/Result.h"

namespace sw::runtime {

class PartitionPattern {
public:
    enum class Field : std::uint8_t { Year, Month, Day, Hour, Minute };
    /// One piece of a segment: literal text, or a field (`text` = its letters).
    struct Piece {
        bool field = false;
        Field unit = Field::Year;
        std::string text;
    };
    /// A directory level: `name` is the Hive column when the segment is `name={fmt}` (one
    /// brace group after `name=`), else empty.
    struct Segment {
        std::vector<Piece> pieces;
        std::string hiveName;
        std::string hiveFormat; ///< the format inside the braces of a Hive segment
        std::string text;       ///< as written
    };

    /// Parses and checks `pattern`. Errors name the column (1-based) and what is wrong.
    static Result<PartitionPattern> parse(std::string_view pattern);

    /// The relative directory of event time `millis` ("" for the empty pattern).
    std::string format(std::int64_t millis) const;
    /// Every record whose time is in the same span of this many ms lands in one directory
    /// (minute, hour or day: months and years are whole days); 0 when the pattern has no
    /// field (every record lands in one directory).
    std::int64_t granularityMs() const;
    /// The finest field used (Year for the empty pattern).
    Field finest() const { return m_finest; }
    bool empty() const { return m_segments.empty(); }
    const std::vector<Segment>& segments() const { return m_segments; }
    /// True when every segment is `name={format}` (Hive style).
    bool isHive() const;
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    std::vector<Segment> m_segments;
    Field m_finest = Field::Year;
    bool m_hasField = false;
};

} // namespace sw::runtime
