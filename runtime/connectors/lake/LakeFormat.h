#pragma once
// The lake sink's file formats, pluggable: a LakeFormat names its file extension and opens
// LakePartWriters, one per part file. Built in: Avro object container files (AvroPartWriter,
// libavro, deflate) and gzip-compressed JSON Lines (JsonlGzPartWriter, zlib). Debian 12 has no
// Parquet library; a Parquet (or ORC) writer is one more LakeFormat registered in
// makeLakeFormat (LakeFormat.cpp) and one more choice of the catalog's `format` property.
//
// A writer owns the file's descriptor: append() writes into the file (buffering at most one
// block, ~64 KB of uncompressed rows), finish() completes the container, flushes and fsyncs it
// and closes the file, so the part can be renamed (PartFileCommitter). I/O failures throw
// std::runtime_error naming the path (the pipeline stops: nothing is lost silently); a row that
// cannot be encoded is refused with a message and the file is unchanged.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "types/Row.h"
#include "types/Schema.h"
#include "util/Result.h"

namespace sw::runtime {

class LakePartWriter {
public:
    virtual ~LakePartWriter() = default;
    /// Appends one row; nullopt on success, else why the row cannot be written (the file is
    /// unchanged; the sink sends the row to its errors port).
    virtual std::optional<std::string> append(const Row& row) = 0;
    /// Bytes the file would have if finished now: written bytes plus the uncompressed bytes of
    /// the rows buffered for the next block (an upper bound when compressing).
    virtual std::uint64_t size() const = 0;
    /// Writes what is buffered and the trailer, flushes, fsyncs and closes the file.
    virtual void finish() = 0;
    /// Closes the file without completing it (a cancel or crash path: the part stays hidden
    /// and the next start deletes it).
    virtual void abandon() = 0;
};

class LakeFormat {
public:
    virtual ~LakeFormat() = default;
    /// The part files' extension: "avro", "jsonl.gz".
    virtual std::string extension() const = 0;
    /// Creates the file at `path` (it must not exist) and returns its writer.
    virtual std::unique_ptr<LakePartWriter> create(const std::string& path) = 0;
};

/// The formats `makeLakeFormat` knows, as the catalog's `format` choices.
const std::vector<std::string>& lakeFormatNames();
/// A format by name for rows of `schema`; an error names the unknown format or the column the
/// format cannot store.
Result<std::unique_ptr<LakeFormat>> makeLakeFormat(std::string_view name, const Schema& schema);

/// Size of the uncompressed blocks writers flush at (Avro Java's default sync interval).
inline constexpr std::size_t kLakeBlockBytes = 64000;

} // namespace sw::runtime
