#pragma once
// tst_model: the pipeline file format v1 (runtime/model). Shared by tst_model.cpp (round trips,
// saving) and tst_model_errors.cpp (bad files, limits).
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QString>

#include <fstream>
#include <sstream>
#include <string>

#include "catalog/PipelineLoader.h"

namespace sw::test {

inline QString sourceDir()
{
    return QStringLiteral(SW_SOURCE_DIR);
}

inline std::string readFile(const QString& path)
{
    std::ifstream f(path.toStdString(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline void writeFile(const QString& path, const std::string& data)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << data;
}

inline QStringList canonicalFiles()
{
    QStringList files = {sourceDir() + "/tests/runtime/data/canonical.pipeline.json"};
    QDir ex(sourceDir() + "/examples");
    for (const QString& f : ex.entryList({"*.pipeline.json"}, QDir::Files, QDir::Name))
        files << ex.filePath(f);
    return files;
}

inline QString describe(const sw::runtime::Result<sw::runtime::PipelineSpec>& r)
{
    return r ? QStringLiteral("<loaded>") : QString::fromStdString(r.error().toString());
}

/// Text of a small valid pipeline; tests splice one defect into it.
inline const char* kSmall = R"({
  "format": "streamwright.pipeline/1",
  "pipeline": {"name": "small"},
  "nodes": [
    {"id": "a", "type": "generator"},
    {"id": "b", "type": "console-sink"}
  ],
  "edges": [{"from": {"node": "a", "port": "out"}, "to": {"node": "b", "port": "in"}}]
}
)";

inline std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    auto p = text.find(from);
    if (p == std::string::npos) qFatal("fixture text not found: %s", from.c_str());
    return text.replace(p, from.size(), to);
}

} // namespace sw::test

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void minimalFileUsesDefaults();
    void edgePartitioningRoundTrips();
    void alertsAndAutoscalingRoundTrip();
    void recoverySettingsRoundTrip();
    void randomPipelinesRoundTrip();
    void canonicalFilesAreByteStable();
    void canonicalFilesAreByteStable_data();
    void unknownPropertiesEqualToDefaultAreKept();
    void badFiles();
    void badFiles_data();
    void badTexts();
    void badTexts_data();
    void mutatedFilesAgreeWithNlohmann();
    void hugeFileIsRejectedBySize();
    void oversizedTextIsRejected();
    void deepNestingDoesNotOverflow();
    void unreadableFiles();
    void saveReplacesAtomically();
    void saveIntoDirectoryPathFails();
    void saveIntoUnwritableDirectoryFails();
    void failedWriteLeavesOldFile();
};
