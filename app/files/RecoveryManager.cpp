#include "files/RecoveryManager.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include "catalog/PipelineLoader.h"
#include "document/Document.h"
#include "files/AppPaths.h"
#include "files/DocumentIo.h"

namespace sw::app {

namespace {
const QString kSuffix = QStringLiteral(".recovery.json");
constexpr const char* kFormat = "streamwright.recovery/1";

QString lockPathFor(const QString& recoveryPath)
{
    QString base = recoveryPath;
    base.chop(kSuffix.size());
    return base + QStringLiteral(".recovery.lock");
}

std::unique_ptr<QLockFile> tryLock(const QString& path)
{
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0); // stale only when the owner process is gone, never by age
    if (!lock->tryLock(0)) return nullptr;
    return lock;
}
} // namespace

RecoveryManager::RecoveryManager(Document* doc, QObject* parent)
    : QObject(parent), m_doc(doc), m_dir(recoveryDir())
{
    connect(doc, &Document::changed, this, [this] { m_dirty = true; });
    connect(doc, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified) removeOwnFile();
    });
    m_timer.setInterval(autosaveIntervalMs());
    connect(&m_timer, &QTimer::timeout, this, &RecoveryManager::autosave);
    m_timer.start();
}

RecoveryManager::~RecoveryManager()
{
    removeOwnFile();
    m_claimed.clear(); // unlocks orphans not resolved: a later start offers them again
}

bool RecoveryManager::ensureSession()
{
    if (m_lock) return true;
    if (!QDir().mkpath(m_dir)) return false;
    QString path =
        QDir(m_dir).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + kSuffix);
    m_lock = tryLock(lockPathFor(path));
    if (!m_lock) return false;
    m_path = path;
    return true;
}

void RecoveryManager::autosave()
{
    if (!m_doc->isModified()) {
        removeOwnFile();
        return;
    }
    if (!m_dirty && !m_path.isEmpty() && QFile::exists(m_path)) return;
    if (!ensureSession()) {
        qWarning("streamwright: cannot create a recovery file in %s", qPrintable(m_dir));
        return;
    }
    QJsonObject o;
    o[QStringLiteral("format")] = QString::fromLatin1(kFormat);
    o[QStringLiteral("original")] = m_doc->filePath();
    o[QStringLiteral("saved")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    o[QStringLiteral("pipeline")] =
        QString::fromStdString(runtime::serializePipeline(m_doc->pipeline()));
    runtime::Status st =
        writeFileAtomically(m_path, QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!st) {
        qWarning("streamwright: autosave failed: %s", st.message().c_str());
        return;
    }
    m_dirty = false;
}

void RecoveryManager::removeOwnFile()
{
    if (!m_path.isEmpty()) QFile::remove(m_path);
}

runtime::Result<RecoveryManager::Orphan> RecoveryManager::readRecoveryFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return runtime::makeError(("cannot read " + path + ": " + f.errorString()).toStdString());
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    QJsonObject o = doc.object();
    if (err.error != QJsonParseError::NoError ||
        o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return runtime::makeError(("not a recovery file: " + path).toStdString());
    auto pipeline =
        runtime::parsePipeline(o.value(QStringLiteral("pipeline")).toString().toStdString());
    if (!pipeline) return pipeline.error();
    Orphan orphan;
    orphan.recoveryPath = path;
    orphan.originalPath = o.value(QStringLiteral("original")).toString();
    orphan.savedAt =
        QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODateWithMs);
    orphan.pipeline = std::move(*pipeline);
    return orphan;
}

std::vector<RecoveryManager::Orphan> RecoveryManager::claimOrphans()
{
    std::vector<Orphan> out;
    QDir dir(m_dir);
    for (const QFileInfo& fi : dir.entryInfoList({QStringLiteral("*") + kSuffix}, QDir::Files)) {
        QString path = fi.absoluteFilePath();
        if (path == QFileInfo(m_path).absoluteFilePath() || m_claimed.count(path)) continue;
        auto lock = tryLock(lockPathFor(path));
        if (!lock) continue; // its window is alive (here or in another instance)
        auto orphan = readRecoveryFile(path);
        if (!orphan) {
            qWarning("streamwright: skipping unreadable recovery file %s: %s", qPrintable(path),
                     orphan.error().toString().c_str());
            continue;
        }
        m_claimed[path] = std::move(lock);
        out.push_back(std::move(*orphan));
    }
    std::sort(out.begin(), out.end(),
              [](const Orphan& a, const Orphan& b) { return a.savedAt > b.savedAt; });
    return out;
}

void RecoveryManager::resolve(const Orphan& orphan)
{
    QFile::remove(orphan.recoveryPath);
    m_claimed.erase(orphan.recoveryPath);
}

void RecoveryManager::release(const Orphan& orphan)
{
    m_claimed.erase(orphan.recoveryPath);
}

} // namespace sw::app
