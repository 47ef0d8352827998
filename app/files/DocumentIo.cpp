#include "files/DocumentIo.h"

#include <QFileInfo>
#include <QSaveFile>

#include "model/PipelineIo.h"

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
    if (file.write(bytes) != bytes.size()) {
        QString why = file.errorString();
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
