#pragma once
// The lake sink's `jsonl` format: JSON Lines (Flink json format values, JsonRowWriter) in one
// gzip member per file (zlib, default level). Rows are compressed in blocks of ~64 KB
// (Z_SYNC_FLUSH), so size() is exact up to the open block; finish() ends the member
// (Z_FINISH: trailer with CRC-32 and length), so `gzip -t` and Python's gzip accept the file.
#include "connectors/format/JsonRowWriter.h"
#include "connectors/lake/LakeFormat.h"

namespace sw::runtime {

class JsonlGzFormat final : public LakeFormat {
public:
    explicit JsonlGzFormat(const Schema& schema) : m_rows(schema) {}
    std::string extension() const override { return "jsonl.gz"; }
    std::unique_ptr<LakePartWriter> create(const std::string& path) override;

private:
    JsonRowWriter m_rows;
};

} // namespace sw::runtime
