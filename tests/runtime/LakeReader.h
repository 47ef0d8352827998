#pragma once
// The lake sink tests' independent reader: tests/tools/lake/read_lake.py under Debian's
// /usr/bin/python3 (python3-avro, gzip, json) lists a lake directory as a reader does (hidden
// names skipped) and prints every row of every visible file, normalised, with its directory and
// the directory Python's strftime computes from the row's event time.
#include <QProcess>
#include <QtTest>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ExternalTools.h"
#include "types/Row.h"
#include "types/Schema.h"
#include "util/Base64.h"

namespace sw::test {

struct LakeRow {
    std::string file, dir, expectedDir;
    nlohmann::json row;
};
struct LakeRead {
    bool ok = false;
    std::string error;
    std::vector<LakeRow> rows;
    int files = 0;
    std::vector<std::string> codecs;
};

/// Reads `root`; `timestamps` lists TIMESTAMP columns (JSON text there is parsed), `timeColumn`
/// and `dirFormat` (strftime) give the expected partition directory of each row.
/// `decimals` lists DECIMAL columns (JSON numbers there are decimals, elsewhere doubles).
inline LakeRead readLake(const std::string& root, const std::string& timestamps = {},
                         const std::string& timeColumn = {}, const std::string& dirFormat = {},
                         const std::string& decimals = {})
{
    LakeRead r;
    if (const QString missing = missingTool(ExternalTool::PythonAvro); !missing.isEmpty()) {
        r.error = missing.toStdString();
        return r;
    }
    QStringList args = {QStringLiteral(SW_LAKE_READER), QString::fromStdString(root)};
    if (!timestamps.empty()) args << "--timestamps" << QString::fromStdString(timestamps);
    if (!decimals.empty()) args << "--decimals" << QString::fromStdString(decimals);
    if (!timeColumn.empty())
        args << "--time-column" << QString::fromStdString(timeColumn) << "--dir-format"
             << QString::fromStdString(dirFormat);
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), args);
    if (!p.waitForFinished(120000)) {
        r.error = "the reader timed out";
        return r;
    }
    const QByteArray err = p.readAllStandardError();
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        if (line.isEmpty()) continue;
        const auto j = nlohmann::json::parse(line.toStdString());
        if (j.contains("error")) r.error = j["error"].get<std::string>();
        if (j.contains("files")) {
            r.files = j["files"].get<int>();
            r.codecs = j["codecs"].get<std::vector<std::string>>();
        }
        if (!j.contains("row")) continue;
        r.rows.push_back({j["file"], j["dir"], j.value("expected_dir", std::string()), j["row"]});
    }
    r.ok = p.exitCode() == 0 && r.error.empty();
    if (!r.ok && r.error.empty()) r.error = err.toStdString();
    return r;
}

/// A row as the reader normalises it: DECIMAL as text, TIMESTAMP as epoch ms, BYTES as base64.
inline nlohmann::json normalised(const sw::runtime::Row& row, const sw::runtime::Schema& s)
{
    using namespace sw::runtime;
    nlohmann::json o = nlohmann::json::object();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const Value& v = row[i];
        nlohmann::json& x = o[s[i].name];
        if (v.isNull()) continue; // stays null
        switch (s[i].type.kind()) {
        case TypeKind::Boolean:
            x = v.asBool();
            break;
        case TypeKind::Int:
        case TypeKind::BigInt:
            x = v.asInt();
            break;
        case TypeKind::Double:
            x = v.asDouble();
            break;
        case TypeKind::Decimal:
            x = formatDecimal(v.decimalUnscaled(), v.decimalScale());
            break;
        case TypeKind::String:
            x = v.asString();
            break;
        case TypeKind::Bytes:
            x = base64Encode(v.asString());
            break;
        case TypeKind::Timestamp:
            x = v.asTimestamp();
            break;
        case TypeKind::Null:
            break;
        }
    }
    return o;
}

/// Hidden files (names starting with '.') anywhere under `root`.
inline std::size_t hiddenLakeFiles(const std::string& root)
{
    std::size_t n = 0;
    if (!std::filesystem::exists(root)) return 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        n += e.is_regular_file() && e.path().filename().string()[0] == '.' ? 1 : 0;
    return n;
}

} // namespace sw::test
