#include "files/DocumentIo.h"

#include <QFileInfo>
#include <QSaveFile>

#include "catalog/PipelineLoader.h"

namespace sw::app {

runtime::Result<runtime::PipelineSpec> loadPipeline(const QString& path)
{
    return runtime::loadPipelineFile(QFile::encodeName(path).toStdString());
}

runtime::Status writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return runtime::makeError(QStringLiteral("cannot write %1: %2")
                                      .arg(QFileInfo(path).fileName(), file.errorString())
                                      .toStdString());
    // Qt 6.4's buffered QSaveFile can report success for a write the kernel cut short (EFBIG
    // after a partial write) and then commit the truncated file over the old one: flush
    // explicitly and check the size on disk before committing.
    if (file.write(bytes) != bytes.size() || !file.flush() || file.size() != bytes.size()) {
        QString why = file.error() != QFileDevice::NoError ? file.errorString()
                                                           : QStringLiteral("short write");
        file.cancelWriting();
        return runtime::makeError(QStringLiteral("writing %1 failed: %2")
                                      .arg(QFileInfo(path).fileName(), why)
                                      .toStdString());
    }
    if (!file.commit())
        return runtime::makeError(QStringLiteral("saving %1 failed: %2")
                                      .arg(QFileInfo(path).fileName(), file.errorString())
                                      .toStdString());
    return {};
}

runtime::Status savePipeline(const runtime::PipelineSpec& pipeline, const QString& path)
{
    std::string text = runtime::serializePipeline(pipeline);
    return writeFileAtomically(path, QByteArray::fromStdString(text));
}

} // namespace sw::app
