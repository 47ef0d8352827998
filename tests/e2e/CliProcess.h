#pragma once
// Runs streamwright-run (SW_CLI_PATH) with `args` and waits for it: the exit code, or -1 when it
// did not finish within `timeoutMs` (then it is killed) or crashed. `out` gets stdout and
// stderr merged. Shared by the e2e tests of the CLI.
#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

#include <string>
#include <vector>

inline int runCliProcess(const QStringList& args, QString* out = nullptr, int timeoutMs = 120000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SW_CLI_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out) *out = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// GET `url` with curl (an HTTP client nobody here wrote); empty on any failure.
inline QByteArray httpGet(const QString& url)
{
    QProcess curl;
    curl.start("curl", {"-sf", "--max-time", "5", url});
    if (!curl.waitForFinished(10000) || curl.exitCode() != 0) return {};
    return curl.readAllStandardOutput();
}

/// The value of the Prometheus sample `name{...node="node"...}` in `text` (-1 = absent).
inline double promSample(const QByteArray& text, const QString& name, const QString& node)
{
    const QRegularExpression re("^" + QRegularExpression::escape(name) + "\\{[^}]*node=\"" +
                                    QRegularExpression::escape(node) + "\"[^}]*\\} (\\S+)$",
                                QRegularExpression::MultilineOption);
    auto m = re.match(QString::fromUtf8(text));
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

/// The rows of `sql` over the SQLite database at `path`, opened read-only with a busy timeout
/// (a live run may be writing); each value as text ("NULL" for null). Empty when the file does
/// not exist or the query fails.
inline std::vector<std::vector<std::string>> sqliteRows(const QString& path, const std::string& sql,
                                                        int busyTimeoutMs = 5000)
{
    std::vector<std::vector<std::string>> out;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, busyTimeoutMs);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::vector<std::string> r;
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                const auto* t = sqlite3_column_text(st, c);
                r.emplace_back(t ? reinterpret_cast<const char*>(t) : "NULL");
            }
            out.push_back(std::move(r));
        }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}
