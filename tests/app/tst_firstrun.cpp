// The designer as a new user meets it: the first window's size and position, restored geometry,
// docks that leave the canvas at least half the window, Zoom to Fit that stays readable, the
// start page (examples, recent files, New), Help > Keyboard Shortcuts and the Language
// preference, which applies when the real executable starts next.
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QTest>
#include <QTreeWidget>

#include "MainWindowFixture.h"
#include "TestUtil.h"
#include "canvas/NodeCanvas.h"
#include "canvas/NodeItem.h"
#include "document/Document.h"
#include "files/RecentFiles.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/PreferencesDialog.h"
#include "ui/ShortcutsDialog.h"
#include "ui/StartPage.h"

using namespace sw;
using app::MainWindow;

class TestFirstRun : public QObject, protected MainWindowFixture {
    Q_OBJECT

    /// A first-run window (no saved settings) of `size`, shown, with its docks fitted.
    std::unique_ptr<MainWindow> firstRunWindow(QSize size)
    {
        QFile::remove(m_settings.filePath(QStringLiteral("streamwright.ini")));
        auto w = std::make_unique<MainWindow>();
        w->resize(size);
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get())) qWarning("window not exposed");
        QTest::qWait(50); // the docks are fitted once the window has its size
        return w;
    }

    static void verifyCanvasHasHalf(MainWindow* w)
    {
        const QWidget* c = w->centralWidget();
        QVERIFY2(
            c->width() >= w->width() / 2,
            qPrintable(QStringLiteral("canvas %1 of %2 wide").arg(c->width()).arg(w->width())));
        QVERIFY2(
            c->height() >= w->height() / 2,
            qPrintable(QStringLiteral("canvas %1 of %2 high").arg(c->height()).arg(w->height())));
    }

    QString runDesigner(const QStringList& args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SW_SETTINGS_DIR"), m_settings.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SW_BINARY_DIR "/app/streamwright"), args);
        if (!p.waitForFinished(30000)) return QStringLiteral("<timeout>");
        return QString::fromUtf8(p.readAllStandardOutput()) +
               QStringLiteral("exit=%1").arg(p.exitCode());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUpEnvironment()); }
    void cleanup() { closeWindow(); }

    void firstWindowTakesMostOfTheScreenCentred()
    {
        QCOMPARE(MainWindow::firstRunGeometry(QRect(0, 0, 1600, 1000)), QRect(160, 100, 1280, 800));
        QCOMPARE(MainWindow::firstRunGeometry(QRect(1600, 30, 1280, 770)),
                 QRect(1728, 107, 1024, 616));
        QFile::remove(m_settings.filePath(QStringLiteral("streamwright.ini")));
        m_w = std::make_unique<MainWindow>(); // no saved geometry: first run
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        const QRect avail = m_w->screen()->availableGeometry();
        QCOMPARE(m_w->geometry(), MainWindow::firstRunGeometry(avail));
        QVERIFY(std::abs(m_w->width() - avail.width() * 0.8) <= 1);
        QVERIFY(std::abs(m_w->height() - avail.height() * 0.8) <= 1);
        QCOMPARE(m_w->geometry().center(), avail.center());
        // Later runs restore the saved geometry instead.
        m_w->resize(700, 500);
        QVERIFY(m_w->close());
        m_w = std::make_unique<MainWindow>();
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w.get()));
        QCOMPARE(m_w->size(), QSize(700, 500));
    }

    void docksLeaveTheCanvasHalfTheWindow_data()
    {
        QTest::addColumn<QSize>("size");
        // First windows on 1280x800 and 1600x1000 screens, and a small window.
        QTest::newRow("1024x640") << QSize(1024, 640);
        QTest::newRow("1280x800") << QSize(1280, 800);
        QTest::newRow("900x560") << QSize(900, 560);
    }
    void docksLeaveTheCanvasHalfTheWindow()
    {
        QFETCH(QSize, size);
        m_w = firstRunWindow(size);
        verifyCanvasHasHalf(m_w.get());
        if (QTest::currentTestFailed()) return;
        // Running opens the Metrics dock: it grows only as far as the canvas keeps half.
        QVERIFY(m_w->openCopy(sourcePath(QStringLiteral("examples/nexmark-q5.pipeline.json"))));
        app::RunController* rc = m_w->runAndDebug()->controller();
        m_w->runAndDebug()->run();
        auto* metrics = m_w->findChild<QDockWidget*>(QStringLiteral("metricsDock"));
        QTRY_VERIFY(metrics->isVisible());
        QTest::qWait(50);
        verifyCanvasHasHalf(m_w.get());
        QVERIFY(metrics->height() >= 110);
        rc->stop();
        QTRY_VERIFY_WITH_TIMEOUT(rc->state() == app::RunState::Idle, 20000);
    }

    void fitStaysReadable_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1024x640") << QSize(1024, 640);
        QTest::newRow("1280x800") << QSize(1280, 800);
    }
    void fitStaysReadable()
    {
        QFETCH(QSize, size);
        m_w = firstRunWindow(size);
        QVERIFY(m_w->openFile(sourcePath(QStringLiteral("examples/orders.pipeline.json"))));
        QTest::qWait(50); // the fit runs once the view has its final size
        m_w->canvas()->zoomToFit();
        QVERIFY2(m_w->canvas()->zoom() >= widgets::NodeCanvas::kMinFitZoom - 1e-9,
                 qPrintable(QString::number(m_w->canvas()->zoom())));
        // The sources are in view; whatever does not fit is reachable by scrolling.
        const QRectF visible =
            m_w->canvas()->mapToScene(m_w->canvas()->viewport()->rect()).boundingRect();
        QVERIFY(visible.contains(m_w->scene()->nodeItem("orders")->sceneBoundingRect()));
    }

    void startPageOffersExamplesRecentAndNew()
    {
        m_w = firstRunWindow(QSize(1280, 800));
        QVERIFY(!m_w->isStartPageShown()); // a window opened for a file shows the canvas
        m_w->showStartPage();
        QVERIFY(m_w->isStartPageShown());
        app::StartPage* page = m_w->startPage();
        QVERIFY(page->isVisible());
        // Every shipped example, each with a one-line description.
        const QStringList examples = QDir(sourcePath(QStringLiteral("examples")))
                                         .entryList({QStringLiteral("*.pipeline.json")});
        QCOMPARE(examples.size(), 6);
        for (const QString& f : examples) {
            QString name = f;
            name.chop(QStringLiteral(".pipeline.json").size());
            auto* b = page->findChild<QCommandLinkButton*>(QStringLiteral("example:") + name);
            QVERIFY2(b, qPrintable(name));
            QVERIFY(!b->description().isEmpty());
            QVERIFY(!b->description().contains(QLatin1Char('\n')));
            QVERIFY(b->description().size() < 100);
        }
        auto* docs = page->findChild<QLabel*>(QStringLiteral("startDocs"));
        QCOMPARE(docs->text().count(QStringLiteral("<a href=")), 3);
        QVERIFY(docs->text().contains(QStringLiteral("pipeline-format.md")));
        // An example opens as an unsaved copy on the canvas.
        QTest::mouseClick(page->findChild<QCommandLinkButton*>(QStringLiteral("example:orders")),
                          Qt::LeftButton);
        QVERIFY(!m_w->isStartPageShown());
        QCOMPARE(m_w->document()->pipeline(), loadExample(QStringLiteral("orders.pipeline.json")));
        QVERIFY(m_w->document()->filePath().isEmpty());
        // Saved, it is a recent file; File > Close returns to the start page, which lists it.
        const QString saved = m_settings.filePath(QStringLiteral("mine.pipeline.json"));
        QVERIFY(m_w->saveTo(saved));
        m_w->action("actionClose")->trigger();
        QVERIFY(m_w->isStartPageShown());
        QCOMPARE(m_w->document()->pipeline().nodes.size(), 0u);
        auto* recent = page->findChild<QCommandLinkButton*>(QStringLiteral("recent:") +
                                                            QFileInfo(saved).absoluteFilePath());
        QVERIFY(recent);
        QTest::mouseClick(recent, Qt::LeftButton);
        QVERIFY(!m_w->isStartPageShown());
        QCOMPARE(m_w->document()->filePath(), QFileInfo(saved).absoluteFilePath());
        // New Pipeline: an empty canvas.
        m_w->showStartPage();
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("startNew")),
                          Qt::LeftButton);
        QVERIFY(!m_w->isStartPageShown());
        QCOMPARE(m_w->document()->pipeline().nodes.size(), 0u);
        QVERIFY(m_w->canvas()->isVisible());
        app::RecentFiles().clear();
    }

    void keyboardShortcutsListEveryMenuShortcut()
    {
        m_w = firstRunWindow(QSize(1280, 800));
        activate(m_w.get());
        QTest::keyClick(m_w.get(), Qt::Key_F1); // Help > Keyboard Shortcuts
        app::ShortcutsDialog* d = nullptr;
        QTRY_VERIFY((d = m_w->findChild<app::ShortcutsDialog*>()) && d->isVisible());
        QMap<QString, QString> listed; // action text -> shortcut column
        for (QTreeWidgetItemIterator it(d->tree()); *it; ++it)
            if ((*it)->parent()) listed.insert((*it)->text(0), (*it)->text(1));
        int checked = 0;
        for (QAction* top : m_w->menuBar()->actions()) {
            QList<QMenu*> menus{top->menu()};
            while (!menus.isEmpty()) {
                QMenu* m = menus.takeFirst();
                for (QAction* a : m->actions()) {
                    if (a->menu()) menus << a->menu();
                    if (a->menu() || a->shortcut().isEmpty()) continue;
                    QString text = a->text().remove(QLatin1Char('&')).remove(QChar(0x2026));
                    QVERIFY2(listed.contains(text.trimmed()), qPrintable(text));
                    QVERIFY(listed.value(text.trimmed())
                                .contains(a->shortcut().toString(QKeySequence::NativeText)));
                    ++checked;
                }
            }
        }
        QVERIFY2(checked >= 20, qPrintable(QString::number(checked)));
        QCOMPARE(listed.value(QStringLiteral("Save")),
                 QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText));
        QCOMPARE(listed.value(QStringLiteral("Run")), QStringLiteral("F5"));
        // SW_SCREENSHOT_DIR=dir: keep a picture of the dialog to look at.
        if (qEnvironmentVariableIsSet("SW_SCREENSHOT_DIR"))
            QVERIFY(d->grab().save(QDir(qEnvironmentVariable("SW_SCREENSHOT_DIR"))
                                       .filePath(QStringLiteral("keyboard-shortcuts.png"))));
        d->close();
    }

    void languageChoiceAppliesAtTheNextStart()
    {
        m_w = firstRunWindow(QSize(1280, 800));
        auto* d = qobject_cast<app::PreferencesDialog*>(m_w->showPreferences());
        QVERIFY(d);
        QComboBox* box = d->languageBox();
        QStringList codes;
        for (int i = 0; i < box->count(); ++i)
            codes << box->itemData(i).toString();
        QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de"),
                                     QStringLiteral("fr")}));
        QCOMPARE(box->itemText(2), QStringLiteral("Deutsch"));
        QCOMPARE(box->itemText(3), QStringLiteral("Fran\u00e7ais"));
        auto* note = d->findChild<QLabel*>(QStringLiteral("restartNote"));
        QVERIFY(!note->isVisible());
        box->setCurrentIndex(2);
        QVERIFY(note->isVisible()); // "Restart Streamwright to use the new language."
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(app::storedLanguage(), QStringLiteral("de"));
        // This window stays English; the next start of the designer is German.
        QCOMPARE(m_w->action("actionSave")->text(), QStringLiteral("&Save"));
        const QString example = sourcePath(QStringLiteral("examples/orders.pipeline.json"));
        QString out = runDesigner({QStringLiteral("--quit-after-load"), example});
        QVERIFY2(out.contains(QStringLiteral("status: ") + QDir::toNativeSeparators(example) +
                              QStringLiteral(" ge\u00f6ffnet")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("streamwright_de.qm")), qPrintable(out));
        QVERIFY(out.endsWith(QStringLiteral("exit=0")));
        // --language overrides the choice for one run.
        out = runDesigner({QStringLiteral("--quit-after-load"), QStringLiteral("--language"),
                           QStringLiteral("fr"), example});
        QVERIFY2(out.contains(QStringLiteral(" ouvert")), qPrintable(out));
        // Back to the system default (the test environment's locale).
        app::storeLanguage(QString());
        QCOMPARE(app::storedLanguage(), QString());
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
