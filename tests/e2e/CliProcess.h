#pragma once
// Runs streamwright-run (SW_CLI_PATH) with `args` and waits for it: the exit code, or -1 when it
// did not finish within `timeoutMs` (then it is killed) or crashed. `out` gets stdout and
// stderr merged. Shared by the e2e tests of the CLI.
#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

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
