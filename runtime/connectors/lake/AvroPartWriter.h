#pragma once
// The lake sink's `avro` format: Avro object container files (Avro 1.11 spec, deflate codec).
// libavro validates the schema and encodes every row and the header's metadata map
// (AvroRowEncoder, libavro generic values); the container framing is written here, because
// libavro 1.11.1's file writer (a) drops `logicalType` (decimal, timestamp-millis) and defaults
// when it writes the schema into the header, and (b) deflates at Z_BEST_COMPRESSION: on orders
// rows (bench_lake, 1M rows) 131K rows/s and 8.0 B/row, against 1.0M rows/s and 9.3 B/row at
// level 1 (Z_BEST_SPEED, used here; level 6: 236K rows/s, 8.7 B/row).
// File: magic `Obj\x01`, metadata {avro.schema: the full schema JSON, avro.codec: deflate}, a
// random 16-byte sync marker; then blocks of ~64 KB of encoded rows (kLakeBlockBytes): row
// count and byte count (zig-zag varints), the rows as raw deflate (RFC 1951, level 1), the
// sync marker. finish() writes the last block, fsyncs and closes.
#include "connectors/lake/AvroSchema.h"
#include "connectors/lake/LakeFormat.h"

namespace sw::runtime {

Result<std::unique_ptr<LakeFormat>> makeAvroFormat(const Schema& schema);

} // namespace sw::runtime
