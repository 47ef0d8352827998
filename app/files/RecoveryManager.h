#pragma once
// Crash recovery. While a document has unsaved changes it is written every 30 s (SW_AUTOSAVE_MS)
// to a recovery file of its own in recoveryDir(). Each recovery file has a QLockFile held by the
// window that writes it, for as long as that window lives; a recovery file whose lock is free
// (the owner died: QLockFile detects the dead PID) is an orphan and can be recovered by the next
// start. A running instance's files are never taken, because their locks are live.
#include <map>
#include <memory>
#include <vector>

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QTimer>

#include "model/PipelineSpec.h"
#include "util/Result.h"

namespace sw::app {

class Document;

class RecoveryManager : public QObject {
    Q_OBJECT
public:
    struct Orphan {
        QString recoveryPath;
        QString originalPath; ///< file the document was last saved to ("" = untitled)
        QDateTime savedAt;
        runtime::PipelineSpec pipeline;
    };

    RecoveryManager(Document* doc, QObject* parent = nullptr);
    /// Removes this window's recovery file (the document was saved or discarded by the user).
    ~RecoveryManager() override;

    const QString& recoveryFilePath() const { return m_path; }
    /// Writes the recovery file now if the document has unsaved changes since the last write;
    /// removes it when the document has no unsaved changes.
    void autosave();

    /// Recovery files of sessions that are no longer running, newest first. Their locks are held
    /// by this manager until resolve() (or destruction, which leaves them for a later start).
    std::vector<Orphan> claimOrphans();
    /// Deletes an orphan's files (after recovering or discarding it) and releases its lock.
    void resolve(const Orphan& orphan);
    /// Releases an orphan's lock without deleting it (offer it again next time).
    void release(const Orphan& orphan);

    static runtime::Result<Orphan> readRecoveryFile(const QString& path);

private:
    bool ensureSession();
    void removeOwnFile();

    Document* m_doc;
    QString m_dir;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_claimed;
    QTimer m_timer;
    bool m_dirty = false;
};

} // namespace sw::app
