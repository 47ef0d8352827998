#pragma once
// Reading and writing pipeline files from the designer. Loading uses the runtime's loader (its
// messages are precise and shown as they are); saving writes through QSaveFile, so a failed
// write never replaces or truncates the existing file.
#include <QString>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::app {

runtime::Result<runtime::PipelineSpec> loadPipeline(const QString& path);
runtime::Status savePipeline(const runtime::PipelineSpec& pipeline, const QString& path);
/// Writes `bytes` to `path` atomically (QSaveFile).
runtime::Status writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace sw::app
