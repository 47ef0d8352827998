#pragma once
// Avro for Streamwright rows: the Avro schema of a row type, as Flink's AvroSchemaConverter
// derives it (record `org.apache.flink.avro.generated.record`; a nullable column is the union
// ["null", T] with default null), and the binary encoding of rows with libavro's generic values.
//
//   BOOLEAN -> boolean            INT -> int            BIGINT -> long       DOUBLE -> double
//   STRING  -> string             BYTES -> bytes
//   DECIMAL(p, s) -> bytes, logicalType decimal (precision p, scale s): the unscaled value as
//                    big-endian two's complement in the fewest bytes (Java's
//                    BigInteger.toByteArray, as Flink writes it)
//   TIMESTAMP(3)  -> long, logicalType timestamp-millis (ms since the epoch, UTC)
//
// Column names must be Avro names ([A-Za-z_][A-Za-z0-9_]*); the catalog checks them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

struct avro_obj_t;
struct avro_value_iface;
struct avro_writer_t_;

namespace sw::runtime {

/// The Avro schema (JSON text) of rows of `schema`.
std::string avroSchemaJson(const Schema& schema);

/// Encodes rows of one schema into Avro binary (one datum per row) in a reusable buffer.
class AvroRowEncoder {
public:
    /// Fails when libavro rejects the schema (a column name that is not an Avro name).
    static Result<std::unique_ptr<AvroRowEncoder>> make(const Schema& schema);
    ~AvroRowEncoder();
    AvroRowEncoder(const AvroRowEncoder&) = delete;
    AvroRowEncoder& operator=(const AvroRowEncoder&) = delete;

    /// Encodes `row`; nullopt on success (bytes() holds the datum), else why it cannot be.
    std::optional<std::string> encode(const Row& row);
    const char* data() const { return m_buf.data(); }
    std::size_t size() const { return m_size; }
    const std::string& schemaJson() const { return m_json; }

    /// The largest datum: rows that encode to more go to the errors port.
    static constexpr std::size_t kMaxDatumBytes = 1 << 20;

private:
    AvroRowEncoder() = default;
    std::optional<std::string> fill(const Row& row);

    Schema m_schema;
    std::string m_json;
    avro_obj_t* m_avroSchema = nullptr;
    avro_value_iface* m_iface = nullptr;
    struct Datum;
    std::unique_ptr<Datum> m_value;
    avro_writer_t_* m_writer = nullptr;
    std::vector<char> m_buf;
    std::size_t m_size = 0;
    std::string m_scratch;
};

} // namespace sw::runtime
