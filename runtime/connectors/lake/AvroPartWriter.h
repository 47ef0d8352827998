#pragma once
// The lake sink's `avro` format: Avro object container files (Avro 1.11 spec), written with
// libavro. libavro 1.11.1 drops `logicalType` (decimal, timestamp-millis) and defaults when it
// writes a schema into a file header, so the header (magic, metadata with the full schema
// JSON and `avro.codec` deflate, a random sync marker) is written here, encoded with libavro,
// and libavro's file writer appends the data blocks to it (avro_file_writer_open_bs).
// Rows are encoded once (AvroRowEncoder) and appended encoded; a block is written every
// ~64 KB of rows (kLakeBlockBytes) and at finish().
#include "connectors/lake/AvroSchema.h"
#include "connectors/lake/LakeFormat.h"

namespace sw::runtime {

Result<std::unique_ptr<LakeFormat>> makeAvroFormat(const Schema& schema);

} // namespace sw::runtime
