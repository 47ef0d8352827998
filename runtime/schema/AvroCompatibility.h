#pragma once
// Avro schema compatibility as Confluent's Schema Registry decides it
// (AvroSchema.isBackwardCompatible
// -> Apache Avro's SchemaCompatibility.checkReaderWriterCompatibility), from the resolution rules
// of the Avro specification ("Schema Resolution"): can data written with `writer` be read with
// `reader`?
//   - same primitive, or a promotion: int -> long, float, double; long -> float, double;
//     float -> double; string <-> bytes (logical types are annotations: not compared);
//   - records: the same unqualified name (or a reader alias naming the writer); every reader
//     field is found in the writer (by name or reader alias) with a readable type, or has a
//     default; writer fields the reader lacks are skipped;
//   - enums: the same name; every writer symbol is a reader symbol unless the reader has a
//     default symbol; fixed: the same name and size; arrays / maps: their items / values;
//   - a writer union: every branch must be readable; a reader union: some branch reads the
//     writer's type.
// Levels: BACKWARD (the new schema reads data of the latest version), FORWARD (the latest reads
// data of the new one), FULL (both), their _TRANSITIVE forms (against every version), NONE.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema/AvroModel.h"

namespace sw::runtime::schema {

/// One failed rule. `type` is Avro's SchemaIncompatibilityType (NAME_MISMATCH,
/// FIXED_SIZE_MISMATCH, MISSING_ENUM_SYMBOLS, READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH,
/// MISSING_UNION_BRANCH); `path` the JSON path in the reader schema ("/fields/2/type");
/// `message` says what and which field.
struct Incompatibility {
    std::string type;
    std::string path;
    std::string message;
};

/// nullopt when `reader` can read everything `writer` wrote, else the first rule that fails.
std::optional<Incompatibility> canRead(const AvroSchema& reader, const AvroSchema& writer);
std::optional<Incompatibility> canRead(const AvroNode& reader, const AvroNode& writer);

enum class CompatibilityLevel {
    None,
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive
};

/// "BACKWARD", "FULL_TRANSITIVE", ... (case-insensitive when parsing).
std::string_view compatibilityName(CompatibilityLevel l);
bool parseCompatibility(std::string_view text, CompatibilityLevel& out);

/// A registered version a candidate is checked against.
struct VersionedSchema {
    int version = 0;
    const AvroSchema* schema = nullptr;
};

/// Checks `candidate` against `existing` (oldest first) at `level`: the non-transitive levels
/// compare with the last entry only. Returns one message per failed rule, empty when compatible:
/// "BACKWARD: the new schema cannot read data written with version 2: READER_FIELD_MISSING_
/// DEFAULT_VALUE at /fields/3: field 'coupon' (string) has no default and is missing in the
/// writer".
std::vector<std::string> checkCompatibility(CompatibilityLevel level, const AvroSchema& candidate,
                                            const std::vector<VersionedSchema>& existing);

} // namespace sw::runtime::schema
