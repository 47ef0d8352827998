#include "Application.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QStatusBar>
#include <QTimer>
#include <cstdio>

#include "canvas/NodeCanvas.h"
#include "canvas/PipelineScene.h"
#include "document/Document.h"
#include "export/ExportDialog.h"
#include "files/AppPaths.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/Resources.h"
#include "ui/Theme.h"

namespace sw::app {

namespace {
struct Options {
    QString file;
    QString copy;
    QString screenshot;
    QString select;
    QString exportShot;
    QString language;
    bool quitAfterLoad = false;
    QSize size;
    ThemeMode theme = ThemeMode::System;
};

Options parseOptions(const QApplication& app)
{
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Streamwright: design streaming pipelines visually."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Pipeline file to open."),
                            QStringLiteral("[file]"));
    QCommandLineOption copy(QStringLiteral("copy"),
                            QStringLiteral("Open a copy of FILE as a new, unsaved document."),
                            QStringLiteral("FILE"));
    QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark palette."));
    QCommandLineOption light(QStringLiteral("light"), QStringLiteral("Use the light palette."));
    QCommandLineOption shot(QStringLiteral("screenshot"),
                            QStringLiteral("Render the window to PNG (after loading) and exit."),
                            QStringLiteral("PNG"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1500x900."),
                            QStringLiteral("WxH"));
    QCommandLineOption select(QStringLiteral("select"),
                              QStringLiteral("Select a node after loading."), QStringLiteral("ID"));
    QCommandLineOption exportShot(
        QStringLiteral("screenshot-export"),
        QStringLiteral("Open File > Export on the loaded pipeline, render it to PNG and exit."),
        QStringLiteral("PNG"));
    QCommandLineOption language(
        QStringLiteral("language"),
        QStringLiteral("User-interface language for this run (en, de, fr), instead of the one "
                       "chosen in Preferences."),
        QStringLiteral("CODE"));
    QCommandLineOption quit(QStringLiteral("quit-after-load"),
                            QStringLiteral("Open FILE, print what was loaded and exit (0 when "
                                           "the file opened): a smoke test of an installation."));
    p.addOptions({copy, dark, light, shot, size, select, exportShot, language, quit});
    p.process(app);
    Options o;
    if (!p.positionalArguments().isEmpty()) o.file = p.positionalArguments().front();
    o.copy = p.value(copy);
    o.screenshot = p.value(shot);
    o.select = p.value(select);
    o.exportShot = p.value(exportShot);
    o.language = p.value(language);
    o.quitAfterLoad = p.isSet(quit);
    if (p.isSet(dark)) o.theme = ThemeMode::Dark;
    if (p.isSet(light)) o.theme = ThemeMode::Light;
    const QStringList wh = p.value(size).split(QLatin1Char('x'));
    if (wh.size() == 2) o.size = QSize(wh[0].toInt(), wh[1].toInt());
    return o;
}

/// --quit-after-load: what an installation found, on stdout; exit code 0 when the file opened.
int reportLoad(MainWindow* w, const QString& file, bool loaded, const QString& translation)
{
    QCoreApplication::processEvents();
    std::printf("file: %s\nloaded: %s\nnodes: %d\nstatus: %s\nexamples: %s\ntranslation: %s\n",
                qPrintable(file), loaded ? "yes" : "no",
                static_cast<int>(w->document()->pipeline().nodes.size()),
                qPrintable(w->statusBar()->currentMessage()), qPrintable(examplesDir()),
                qPrintable(translation.isEmpty() ? QStringLiteral("none") : translation));
    std::fflush(stdout);
    w->document()->markSaved(w->document()->filePath()); // a copy must not prompt
    w->close();
    return loaded && !file.isEmpty() ? 0 : 1;
}

void takeScreenshot(MainWindow* w, const QString& path)
{
    w->canvas()->zoomToFit();
    QTimer::singleShot(200, w, [w, path] {
        bool ok = w->grab().save(path);
        if (!ok) qWarning("streamwright: cannot write %s", qPrintable(path));
        QCoreApplication::exit(ok ? 0 : 1);
    });
}
} // namespace

int runApplication(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Streamwright"));
    QApplication::setApplicationName(QStringLiteral("Streamwright"));
    QApplication::setApplicationVersion(QStringLiteral(SW_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.streamwright.Streamwright"));
    ensureResources();
    Options o = parseOptions(app);
    // The language chosen in Preferences (or --language), else the system's, else English.
    const QString translation = installTranslations(app, o.language);
    Theme::install(app, o.theme);

    auto* w = new MainWindow;
    w->setAttribute(Qt::WA_DeleteOnClose);
    if (o.size.isValid()) w->resize(o.size);
    w->show();
    bool loaded = true;
    if (!o.file.isEmpty())
        loaded = w->openFile(o.file);
    else if (!o.copy.isEmpty())
        loaded = w->openCopy(o.copy);
    if (!loaded || (o.file.isEmpty() && o.copy.isEmpty())) w->showStartPage();
    if (!o.select.isEmpty()) w->scene()->selectNodes({o.select.toStdString()});
    if (o.quitAfterLoad)
        return reportLoad(w, o.file.isEmpty() ? o.copy : o.file, loaded, translation);
    if (!o.exportShot.isEmpty()) {
        if (!loaded) return 1;
        QTimer::singleShot(300, w, [w, o] {
            ExportDialog* d = w->showExportDialog();
            QTimer::singleShot(300, d, [d, path = o.exportShot] {
                bool ok = d->grab().save(path);
                if (!ok) qWarning("streamwright: cannot write %s", qPrintable(path));
                QCoreApplication::exit(ok ? 0 : 1);
            });
        });
    } else if (!o.screenshot.isEmpty()) {
        if (!loaded) return 1;
        QTimer::singleShot(300, w, [w, o] { takeScreenshot(w, o.screenshot); });
    } else {
        QTimer::singleShot(0, w, &MainWindow::offerRecovery);
    }
    return app.exec();
}

} // namespace sw::app
