#include "files/AppPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace sw::app {

namespace {
QString overrideDir()
{
    return qEnvironmentVariable("SW_SETTINGS_DIR");
}
} // namespace

std::unique_ptr<QSettings> makeSettings()
{
    QString dir = overrideDir();
    if (!dir.isEmpty())
        return std::make_unique<QSettings>(QDir(dir).filePath(QStringLiteral("streamwright.ini")),
                                           QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

QString recoveryDir()
{
    QString base = overrideDir();
    if (base.isEmpty()) base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("recovery"));
}

int autosaveIntervalMs()
{
    bool ok = false;
    int ms = qEnvironmentVariableIntValue("SW_AUTOSAVE_MS", &ok);
    return ok && ms > 0 ? ms : 30000;
}

QString examplesDir()
{
    QDir app(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        app.filePath(QStringLiteral("examples")),
        app.filePath(QStringLiteral("../share/streamwright/examples")),
        app.filePath(QStringLiteral("../examples")),
        app.filePath(QStringLiteral("../../examples")),
#ifdef SW_EXAMPLES_DIR
        QStringLiteral(SW_EXAMPLES_DIR),
#endif
    };
    for (const QString& c : candidates) {
        QDir d(c);
        if (d.exists() && !d.entryList({QStringLiteral("*.pipeline.json")}, QDir::Files).isEmpty())
            return d.canonicalPath();
    }
    return {};
}

QString translationsDir()
{
    QDir app(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        app.filePath(QStringLiteral("../share/streamwright/translations")),
        app.filePath(QStringLiteral("translations")),
#ifdef SW_TRANSLATIONS_BUILD_DIR
        QStringLiteral(SW_TRANSLATIONS_BUILD_DIR),
#endif
    };
    for (const QString& c : candidates) {
        QDir d(c);
        if (d.exists() &&
            !d.entryList({QStringLiteral("streamwright_*.qm")}, QDir::Files).isEmpty())
            return d.canonicalPath();
    }
    return {};
}

QString docsDir()
{
    QDir app(QCoreApplication::applicationDirPath());
    const QStringList candidates = {
        app.filePath(QStringLiteral("../share/doc/streamwright")),
#ifdef SW_DOCS_DIR
        QStringLiteral(SW_DOCS_DIR),
#endif
    };
    for (const QString& c : candidates)
        if (QFileInfo::exists(QDir(c).filePath(QStringLiteral("pipeline-format.md"))))
            return QDir(c).canonicalPath();
    return {};
}

} // namespace sw::app
