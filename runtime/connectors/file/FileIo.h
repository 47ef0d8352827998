#pragma once
// POSIX file writing shared by the part-file sinks (file, lake): whole writes and durable
// closes that throw std::runtime_error naming the path and the OS reason.
#include <string>
#include <string_view>

namespace sw::runtime {

/// Creates `path` for writing (O_EXCL when `exclusive`, else truncating); returns the fd.
int createFile(const std::string& path, bool exclusive);
/// Writes all of `data` to `fd` (retrying short writes and EINTR).
void writeAll(int fd, std::string_view data, const std::string& path);
/// fsyncs and closes `fd`.
void syncAndClose(int fd, const std::string& path);
/// fsyncs the file at `path` (written through another descriptor, e.g. a FILE*).
void syncPath(const std::string& path);

} // namespace sw::runtime
