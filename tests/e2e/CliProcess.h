#pragma once
// Runs streamwright-run (SW_CLI_PATH) with `args` and waits for it: the exit code, or -1 when it
// did not finish within `timeoutMs` (then it is killed) or crashed. `out` gets stdout and
// stderr merged. Shared by the e2e tests of the CLI.
#include <QProcess>
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
