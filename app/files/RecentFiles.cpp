#include "files/RecentFiles.h"

#include <QFileInfo>

#include "files/AppPaths.h"

namespace sw::app {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::files() const
{
    return makeSettings()->value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    QString abs = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > kMax)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& list)
{
    makeSettings()->setValue(kKey, list);
}

} // namespace sw::app
