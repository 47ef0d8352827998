#pragma once
#include <QStringList>

namespace sw::app {

/// Most recently opened/saved pipeline files (shared by all windows through QSettings).
class RecentFiles {
public:
    static constexpr int kMax = 10;
    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

private:
    void store(const QStringList& files);
};

} // namespace sw::app
