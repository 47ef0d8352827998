// Processing-time triggers through the engine: a global window with a processing-time trigger
// emits the updated aggregate of every key that changed, keeps silent for unchanged keys, and
// (like Flink's global windows) fires nothing at end of input. Tests wait on conditions only.
#include <QtTest>

#include <map>

#include "tst_engine_support.h"

using namespace sw::runtime;
using namespace sw::test;

class TstProcessingTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void globalWindowFiresChangedKeysOnProcessingTime();
};

namespace {

/// Latest COUNT(*) per key among the sink's rows (k, cnt).
std::map<std::int64_t, std::int64_t> latest(Collected& sink)
{
    std::map<std::int64_t, std::int64_t> m;
    for (const Record& r : sink.take())
        m[r.row[0].asInt()] = r.row[1].asInt();
    return m;
}

} // namespace

void TstProcessingTime::globalWindowFiresChangedKeysOnProcessingTime()
{
    auto rows = std::make_shared<std::vector<Row>>();
    for (int i = 0; i < 1000; ++i)
        rows->push_back({Value::integer(i % 10), Value::integer(i)});
    auto sink = std::make_shared<Collected>();
    std::atomic<bool> go{false};
    Engine e;
    EngineOptions o;
    VectorSourceConfig c{rows};
    c.unbounded = true; // stays open after its rows: only the trigger can fire
    c.go = &go;
    o.operatorOverrides["src"] = vectorSource(c);
    o.operatorOverrides["sink"] = collectingSink(sink);
    PipelineSpec p;
    p.nodes = {sourceNode("src", {{"k", "BIGINT"}, {"v", "BIGINT"}}),
               node("g", "global-window",
                    {{"trigger", "processing-time"},
                     {"trigger_interval", "50 ms"},
                     {"keys", {"k"}},
                     {"aggregates", {{{"function", "COUNT"}, {"column", "*"}, {"as", "cnt"}}}}}),
               node("sink", "console-sink")};
    p.edges = {edge("src", "g"), edge("g", "sink")};
    Status s = e.start(p, o);
    QVERIFY2(s.isOk(), s.message().c_str());
    go = true;
    // Every key's count reaches 100 through periodic firings.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto m = latest(*sink);
            if (m.size() != 10) return false;
            for (const auto& [k, n] : m)
                if (n != 100) return false;
            return true;
        }(),
        60000);
    // Unchanged keys are not re-emitted: the row count stays put over several intervals.
    const std::size_t fired = sink->take().size();
    QVERIFY(fired >= 10);
    QTest::qWait(300);
    QCOMPARE(sink->take().size(), fired);
    e.stop(StopMode::Drain);
    QVERIFY(e.wait(60000));
    SW_COMPARE_ENUM(e.state(), EngineState::Stopped);
    QCOMPARE(sink->take().size(), fired); // nothing fires at end of input
    QVERIFY(errorsOf(e.pollEvents()).empty());
}

QTEST_GUILESS_MAIN(TstProcessingTime)
#include "tst_processing_time.moc"
