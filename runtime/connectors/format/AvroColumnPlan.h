#pragma once
// How records written with one Avro writer schema are read into a node's columns: Avro schema
// resolution (the specification's rules, as runtime/schema/AvroCompatibility.h states them) from
// the writer's record to the reader record the columns make (connectors/lake/AvroSchema.h:
// avroSchemaJson, the one Schema -> Avro mapping), with Flink's avro-confluent mapping of logical
// types and enums:
//   column <- writer field of the same name; absent: NULL for a nullable column (the reader
//   field's default), else the schema does not fit;
//   BOOLEAN <- boolean        INT <- int (also date: days, time-millis: ms of the day)
//   BIGINT <- int, long (timestamp-millis / -micros: the raw number)
//   DOUBLE <- int, long, float, double, decimal
//   DECIMAL(p, s) <- decimal (bytes or fixed; rescaled exactly), int, long
//   STRING <- string (uuid too), bytes, enum (its symbol), date ('yyyy-MM-dd'), time-millis
//   BYTES <- bytes, fixed, string
//   TIMESTAMP(3) <- long timestamp-millis, timestamp-micros (floored to ms), int date (midnight)
//   a union with null -> a nullable column (a NOT NULL column refuses it); other unions: every
//   branch must fit the column. Records, arrays and maps have no column type yet: refused.
// A plan that cannot be made says why: the column, the writer field and its type, and the rule.
#include <cstdint>
#include <string>
#include <vector>

#include "schema/AvroModel.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime::avro_plan {

enum class Conv : std::uint8_t {
    Null, ///< the writer has no such field: NULL
    Boolean,
    IntToInt, ///< int or long -> INT/BIGINT (as it is)
    ToDouble, ///< int, long, float, double -> DOUBLE
    DecimalToDouble,
    IntToDecimal,
    DecimalToDecimal,
    Text, ///< string / bytes / fixed -> STRING or BYTES
    EnumSymbol,
    DateToString,
    DateToTimestamp,
    TimeToString,
    MillisToTimestamp,
    MicrosToTimestamp,
};

/// How one column reads one (non-union) writer type.
struct Step {
    Conv conv = Conv::Null;
    int scale = 0; ///< the writer's decimal scale
    const schema::AvroNode* node = nullptr;
};

/// One column: the writer field index (-1 = absent) and, per branch of a writer union (one entry
/// for a plain type), how to read it; a branch of type null has Conv::Null.
struct ColumnRead {
    int field = -1;
    bool isUnion = false;
    std::vector<Step> branches;
};

/// The plan for the data columns of `columns` reading records of `writer`; fails with the reason
/// ("column 'amount' (DOUBLE) cannot read field 'amount' of type string: TYPE_MISMATCH").
Result<std::vector<ColumnRead>> planColumns(const Schema& columns,
                                            const schema::AvroSchema& writer);

} // namespace sw::runtime::avro_plan
