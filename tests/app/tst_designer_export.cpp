// The designer's production side and file menus: File > Export on the orders example (preview,
// save, per-node issues), the Production Readiness dock, run & debug installed, Open Example
// and Open Recent, and a run started from the designer window.
#include <QAction>
#include <QComboBox>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include "MainWindowFixture.h"
#include "TestUtil.h"
#include "export/ExportDialog.h"
#include "export/ReadinessDock.h"
#include "run/RunAndDebug.h"
#include "run/RunController.h"

using namespace sw;

class TestDesignerExport : public QObject, protected MainWindowFixture {
    Q_OBJECT

    /// The first item of `tree` (any depth) whose UserRole names a node on the canvas.
    QTreeWidgetItem* nodeItemIn(QTreeWidget* tree) const
    {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            QString id = (*it)->data(0, Qt::UserRole).toString();
            if (!id.isEmpty() && m_w->document()->node(id.toStdString())) return *it;
        }
        return nullptr;
    }

    /// Activates `item` with the keyboard (Return) and checks its node got selected.
    void activateSelects(QTreeWidget* tree, QTreeWidgetItem* item)
    {
        m_w->scene()->clearSelection();
        tree->setFocus();
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Return);
        const std::string id = item->data(0, Qt::UserRole).toString().toStdString();
        QCOMPARE(m_w->scene()->selectedNodeIds(), std::vector<std::string>{id});
    }

    static bool nodeFindingsMention(app::ReadinessDock* dock, const QString& id)
    {
        for (const auto& item : dock->report().items)
            for (const auto& f : item.findings)
                if (QString::fromStdString(f.nodeId) == id) return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(setUpEnvironment()); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void exportDialogOnTheOrdersExample()
    {
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        m_w->canvas()->setFocus();
        QTest::keyClick(vp(), Qt::Key_E, Qt::ControlModifier); // File > Export
        QPointer<app::ExportDialog> dialog =
            m_w->findChild<app::ExportDialog*>(QStringLiteral("exportDialog"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto withPath = [&](auto pred) {
            const auto& files = dialog->bundle().files;
            return std::find_if(files.begin(), files.end(), pred) != files.end();
        };
        // Everything: the SQL script, the manifests and the topic plan.
        QVERIFY(withPath([](const auto& f) {
            return f.syntax == "sql" && f.content.find("CREATE TABLE") != std::string::npos;
        }));
        QVERIFY(withPath([](const auto& f) {
            return f.path.rfind("k8s/", 0) == 0 &&
                   f.content.find("kind: FlinkDeployment") != std::string::npos;
        }));
        // Pick Flink SQL with the keyboard: the preview shows highlighted SQL.
        auto* combo = dialog->findChild<QComboBox*>();
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(combo->currentText(), QStringLiteral("Flink SQL"));
        QVERIFY(!dialog->bundle().files.empty());
        auto* preview = dialog->findChild<QPlainTextEdit*>();
        QVERIFY(preview->toPlainText().contains(QStringLiteral("CREATE TABLE")));
        QVERIFY(!preview->document()->firstBlock().layout()->formats().isEmpty());
        // Save writes exactly the previewed files.
        QTemporaryDir out;
        QVERIFY(dialog->saveTo(out.path()));
        for (const auto& f : dialog->bundle().files)
            QCOMPARE(readAll(out.filePath(QString::fromStdString(f.path))),
                     QByteArray::fromStdString(f.content));
        // The per-node "not exactly exportable" list selects its node on the canvas.
        auto* issues = dialog->findChild<QTreeWidget*>();
        QTreeWidgetItem* issue = nodeItemIn(issues);
        QVERIFY2(issue, "the orders example has a DLQ, which Flink SQL cannot express");
        activateSelects(issues, issue);
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void readinessDockListsTheChecklist()
    {
        m_w->document()->reset(loadExample("orders.pipeline.json"), {});
        app::ReadinessDock* dock = m_w->readinessDock();
        dock->show();
        dock->raise();
        QTRY_VERIFY(!dock->report().items.empty());
        QCOMPARE(dock->tree()->topLevelItemCount(), static_cast<int>(dock->report().items.size()));
        QTreeWidgetItem* finding = nodeItemIn(dock->tree());
        QVERIFY(finding);
        activateSelects(dock->tree(), finding);
        // It follows edits.
        const auto before = dock->report().items.size();
        m_w->document()->addNode("kafka-source", {0, 600});
        QTRY_VERIFY(dock->report().items.size() == before &&
                    nodeFindingsMention(dock, QStringLiteral("kafka_source")));
        // Run & debug is installed in the same window.
        QVERIFY(m_w->action("actionRun"));
        auto* runMenu = m_w->findChild<QMenu*>(QStringLiteral("runMenu"));
        QVERIFY(runMenu && m_w->menuBar()->actions().contains(runMenu->menuAction()));
    }

    void recentFilesAndExamplesMenus()
    {
        // Open Example opens an unsaved copy (the example on disk stays untouched).
        auto* examples = m_w->findChild<QMenu*>(QStringLiteral("examplesMenu"));
        QVERIFY(examples);
        QAction* orders = nullptr;
        for (QAction* a : examples->actions())
            if (a->text() == QStringLiteral("orders")) orders = a;
        QVERIFY(orders);
        orders->trigger();
        QCOMPARE(m_w->document()->pipeline(), loadExample("orders.pipeline.json"));
        QVERIFY(m_w->document()->filePath().isEmpty());
        // Saving puts the file at the top of Open Recent; its entry reopens it.
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("recent.pipeline.json"));
        QVERIFY(m_w->saveTo(path));
        m_w->newDocument();
        auto* recent = m_w->findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        Q_EMIT recent->aboutToShow();
        QVERIFY(!recent->actions().isEmpty());
        QAction* first = recent->actions().front();
        QCOMPARE(first->toolTip(), QFileInfo(path).absoluteFilePath());
        first->trigger();
        QCOMPARE(m_w->document()->filePath(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(m_w->document()->pipeline(), loadExample("orders.pipeline.json"));
    }

    void runFromTheDesignerWindow()
    {
        // An unsaved copy: the run's files (SQLite sink, DLQ) go to a temporary directory.
        QVERIFY(m_w->openCopy(sourcePath(QStringLiteral("examples/orders.pipeline.json"))));
        app::RunController* rc = m_w->runAndDebug()->controller();
        m_w->canvas()->setFocus();
        QTest::keyClick(vp(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(rc->state() == app::RunState::Running, 30000);
        // Structural edits stay off while it runs, also after the selection changes.
        m_w->scene()->selectNodes({"dedup"});
        QVERIFY(!m_w->action("actionDelete")->isEnabled());
        QTest::keyClick(vp(), Qt::Key_Delete);
        QVERIFY(m_w->document()->node("dedup"));
        const std::uint64_t ticks = rc->tickCount();
        QTRY_VERIFY_WITH_TIMEOUT(rc->tickCount() > ticks + 1, 20000);
        m_w->action("actionStop")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!rc->isRunning(), 60000);
        m_w->scene()->selectNodes({"revenue"});
        QVERIFY(m_w->action("actionDelete")->isEnabled());
    }
};

QTEST_MAIN(TestDesignerExport)
#include "tst_designer_export.moc"
