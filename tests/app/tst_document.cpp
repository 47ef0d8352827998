// Document + undo commands: every command type, undo/redo compared as serialized JSON after each
// step; modified state follows the clean state.
#include <QSignalSpy>
#include <QTest>

#include "document/Document.h"
#include "model/PipelineIo.h"

using namespace sw::app;
using sw::runtime::EdgeSpec;

class TestDocument : public QObject {
    Q_OBJECT

private:
    static std::string json(const Document& d)
    {
        return sw::runtime::serializePipeline(d.pipeline());
    }

    /// Runs `steps`, then checks that undo walks back through exactly the recorded states and
    /// redo forward again.
    void checkUndoRedo(Document& doc, const std::vector<std::function<void()>>& steps)
    {
        std::vector<std::string> states{json(doc)};
        for (const auto& s : steps) {
            s();
            states.push_back(json(doc));
            QVERIFY2(states.back() != states[states.size() - 2],
                     "a step did not change the document");
        }
        QCOMPARE(doc.undoStack()->count(), static_cast<int>(steps.size()));
        for (int i = static_cast<int>(steps.size()) - 1; i >= 0; --i) {
            doc.undoStack()->undo();
            QCOMPARE(json(doc), states[static_cast<std::size_t>(i)]);
        }
        for (std::size_t i = 1; i < states.size(); ++i) {
            doc.undoStack()->redo();
            QCOMPARE(json(doc), states[i]);
        }
    }

private Q_SLOTS:
    void everyCommandUndoesAndRedoes()
    {
        Document doc;
        std::string gen, filter, sink, dlq;
        checkUndoRedo(
            doc,
            {
                [&] {
                    gen = doc.addNode("generator", {0, 0});
                },
                [&] {
                    filter = doc.addNode("filter", {260, 0});
                },
                [&] {
                    sink = doc.addNode("console-sink", {520, 0});
                },
                [&] {
                    dlq = doc.addNode("dlq", {520, 200});
                },
                [&] {
                    doc.addEdge({{gen, "out"}, {filter, "in"}});
                },
                [&] {
                    doc.addEdge({{filter, "out"}, {sink, "in"}});
                },
                [&] {
                    doc.addEdge({{gen, "errors"}, {dlq, "in"}});
                },
                [&] {
                    doc.addEdge({{filter, "errors"}, {dlq, "in"}});
                },
                [&] { doc.setProperty(filter, "condition", "amount > 10"); },
                [&] { doc.setProperty(filter, "condition", "amount > 20"); },
                [&] { doc.setProperty(gen, "events_per_second", 500); },
                [&] { doc.setProperty(gen, "events_per_second", nullptr); }, // back to the default
                [&] { doc.setLabel(filter, "Big orders"); },
                [&] {
                    doc.moveNodes({{gen, QPointF(-40, 20)}, {filter, QPointF(240, 60)}});
                },
                [&] {
                    auto s = doc.pipeline().settings;
                    s.name = "orders";
                    s.parallelism = 4;
                    doc.setSettings(s);
                },
                [&] {
                    doc.removeItems({}, {{{filter, "out"}, {sink, "in"}}});
                },                                   // one edge
                [&] { doc.removeItems({gen}, {}); }, // node + its edges
                [&] {
                    doc.insertFragment(doc.fragment({filter, dlq}), {40, 40}, "Duplicate");
                },
            });
        QCOMPARE(doc.pipeline().nodes.size(), 5u);
    }

    void removingANodeRestoresEdgeOrder()
    {
        Document doc;
        auto a = doc.addNode("generator", {0, 0});
        auto b = doc.addNode("union", {200, 0});
        auto c = doc.addNode("generator", {0, 200});
        auto d = doc.addNode("console-sink", {400, 0});
        doc.addEdge({{a, "out"}, {b, "in"}});
        doc.addEdge({{b, "out"}, {d, "in"}});
        doc.addEdge({{c, "out"}, {b, "in"}});
        std::string before = json(doc);
        doc.removeItems({b}, {});
        QCOMPARE(doc.pipeline().edges.size(), 0u);
        QCOMPARE(doc.pipeline().nodes.size(), 3u);
        doc.undoStack()->undo();
        QCOMPARE(json(doc), before);
    }

    void fragmentsGetFreshIdsAndKeepInnerEdges()
    {
        Document doc;
        auto a = doc.addNode("generator", {0, 0});
        auto b = doc.addNode("filter", {260, 0});
        auto s = doc.addNode("console-sink", {520, 0});
        doc.addEdge({{a, "out"}, {b, "in"}});
        doc.addEdge({{b, "out"}, {s, "in"}});
        auto ids = doc.insertFragment(doc.fragment({a, b}), {0, 300}, "Paste");
        QCOMPARE(ids.size(), 2u);
        QCOMPARE(QString::fromStdString(ids[0]), QStringLiteral("generator_2"));
        QCOMPARE(QString::fromStdString(ids[1]), QStringLiteral("filter_2"));
        QCOMPARE(doc.pipeline().edges.size(), 3u); // the copied inner edge only
        QCOMPARE(doc.pipeline().edges.back(), (EdgeSpec{{ids[0], "out"}, {ids[1], "in"}}));
        QCOMPARE(doc.pipeline().findNode(ids[1])->y, 300.0);
        // Pasting the copy again numbers from the base name.
        auto again = doc.insertFragment(doc.fragment({ids[1]}), {0, 0}, "Paste");
        QCOMPARE(QString::fromStdString(again.front()), QStringLiteral("filter_3"));
    }

    void modifiedFollowsCleanState()
    {
        Document doc;
        QSignalSpy modified(&doc, &Document::modifiedChanged);
        QVERIFY(!doc.isModified());
        auto id = doc.addNode("filter", {0, 0});
        QVERIFY(doc.isModified());
        doc.setProperty(id, "condition", "true");
        doc.markSaved("/tmp/x.pipeline.json");
        QVERIFY(!doc.isModified());
        doc.setLabel(id, "renamed");
        QVERIFY(doc.isModified());
        doc.undoStack()->undo(); // back to the saved state
        QVERIFY(!doc.isModified());
        doc.undoStack()->undo(); // before the saved state
        QVERIFY(doc.isModified());
        QVERIFY(modified.count() >= 4);
        QCOMPARE(doc.displayName(), QStringLiteral("x.pipeline.json"));
    }

    void resetClearsHistoryAndCanMarkAnUnsavedCopy()
    {
        Document doc;
        doc.addNode("filter", {0, 0});
        sw::runtime::PipelineSpec p;
        p.nodes.push_back({"g", "generator", "", 0, 0, nlohmann::json::object()});
        doc.reset(p, {}, true);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.isModified()); // an unsaved copy (example, recovered document)
        QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
        doc.markSaved("/tmp/y.pipeline.json");
        QVERIFY(!doc.isModified());
    }

    void noOpEditsPushNothing()
    {
        Document doc;
        auto id = doc.addNode("filter", {0, 0});
        int n = doc.undoStack()->count();
        doc.setLabel(id, "");
        doc.moveNodes({{id, QPointF(0, 0)}});
        doc.setProperty(id, "condition", nullptr);
        doc.setSettings(doc.pipeline().settings);
        doc.removeItems({}, {});
        QCOMPARE(doc.undoStack()->count(), n);
        QVERIFY(doc.addNode("no-such-type", {0, 0}).empty());
    }

    void rawOperationsEmitChangeEvents()
    {
        Document doc;
        QSignalSpy changed(&doc, &Document::changed);
        auto a = doc.addNode("generator", {0, 0});
        auto b = doc.addNode("console-sink", {200, 0});
        doc.addEdge({{a, "out"}, {b, "in"}});
        doc.setProperty(a, "seed", 7);
        doc.moveNodes({{b, QPointF(300, 0)}});
        QCOMPARE(changed.count(), 5);
        auto ev = changed.at(3).at(0).value<sw::widgets::ChangeEvent>();
        QCOMPARE(int(ev.type), int(sw::widgets::ChangeEvent::Type::NodeChanged));
        QCOMPARE(QString::fromStdString(ev.property), QStringLiteral("seed"));
        QSignalSpy validated(&doc, &Document::validated);
        QVERIFY(validated.wait(1000));
        QCOMPARE(validated.count(), 1); // coalesced
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
