// Run & debug record views fed constructed records (no engine): the event inspector (filter,
// pause, copy, capture gaps) and the DLQ browser view (raw bytes, hex, filters, JSONL export).
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include "catalog/NodeType.h"
#include "dlq/DlqBrowserView.h"
#include "dlq/DlqEntry.h"
#include "dlq/DlqTableModel.h"
#include "exec/ErrorRecord.h"
#include "inspector/InspectorView.h"
#include "inspector/RecordTableModel.h"
#include "types/Value.h"

using namespace sw;
using runtime::Value;

namespace {

constexpr std::int64_t kEvent0 = 1'704'067'200'000; // 2024-01-01 00:00:00 UTC

runtime::TappedRecord orderRecord(std::uint64_t seq, std::int64_t id, std::int64_t amountCents,
                                  const std::string& category)
{
    runtime::TappedRecord r;
    r.row = {Value::integer(id), Value::integer(id % 100), Value::decimal(amountCents, 2),
             Value::string(category),
             Value::timestamp(kEvent0 + static_cast<std::int64_t>(seq) * 10)};
    r.timestamp = kEvent0 + static_cast<std::int64_t>(seq) * 10;
    r.sequence = seq;
    return r;
}

runtime::Schema orderSchema()
{
    runtime::Schema s({{"order_id", runtime::DataType::bigint()},
                       {"customer_id", runtime::DataType::bigint()},
                       {"amount", runtime::DataType::decimal(10, 2)},
                       {"category", runtime::DataType::string()},
                       {"event_time", runtime::DataType::timestamp()}});
    s.setRowtime("event_time");
    return s;
}

} // namespace

class TestRunRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inspectorFiltersPausesAndCopies();
    void inspectorCountsCaptureGaps();
    void dlqEntryKeepsRawBytes();
    void dlqViewFiltersAndExports();
};

void TestRunRecords::inspectorFiltersPausesAndCopies()
{
    widgets::InspectorView view;
    view.resize(900, 400);
    view.show();
    view.setSource("orders → dedup", orderSchema(), {0});
    std::vector<runtime::TappedRecord> batch;
    for (int i = 0; i < 10; ++i)
        batch.push_back(orderRecord(i, 100 + i, 5000 + i * 2000, i % 2 ? "books" : "games"));
    view.addRecords(batch);
    QCOMPARE(view.capturedCount(), 10);
    QCOMPARE(view.model()
                 ->headerData(widgets::RecordTableModel::FirstFieldColumn, Qt::Horizontal,
                              Qt::DisplayRole)
                 .toString(),
             QString("order_id"));
    QCOMPARE(
        view.model()
            ->data(view.model()->index(3, widgets::RecordTableModel::KeyColumn), Qt::DisplayRole)
            .toString(),
        QString("103"));

    // Filter: amount > 150 AND category = 'books' -> i in {5, 7, 9} (amounts 150, 190, 230: 150
    // excluded).
    QVERIFY(view.setFilterText("amount > 150 AND category = 'books'"));
    QCOMPARE(view.shownCount(), 2);
    QVERIFY(!view.setFilterText("amout > 1")); // typo: compile error shown, previous filter kept
    QCOMPARE(view.shownCount(), 2);
    QVERIFY(view.setFilterText(""));
    QCOMPARE(view.shownCount(), 10);

    // Detail pane shows the selected record as pretty JSON.
    view.table()->selectRow(2);
    const auto detail = nlohmann::json::parse(view.detailText().toStdString());
    QCOMPARE(detail["order_id"].get<int>(), 102);
    QCOMPARE(detail["$meta"]["event_time"].get<std::string>(),
             std::string("2024-01-01 00:00:00.020"));

    // Copy as JSON: the selected rows, in order.
    view.table()->clearSelection();
    view.table()->selectionModel()->select(view.proxy()->index(1, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view.table()->selectionModel()->select(view.proxy()->index(4, 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const auto copied = nlohmann::json::parse(view.copySelectionAsJson().toStdString());
    QCOMPARE(copied.size(), std::size_t(2));
    QCOMPARE(copied[0]["order_id"].get<int>(), 101);
    QCOMPARE(copied[1]["amount"].get<double>(), 130.0);
    QVERIFY(nlohmann::json::parse(QApplication::clipboard()->text().toStdString()) == copied);

    // Pause keeps what is there and counts what arrives.
    view.setPaused(true);
    std::vector<runtime::TappedRecord> more;
    for (int i = 10; i < 15; ++i)
        more.push_back(orderRecord(i, 100 + i, 100, "toys"));
    view.addRecords(more);
    QCOMPARE(view.capturedCount(), 10);
    QCOMPARE(view.notKeptWhilePaused(), std::uint64_t(5));
    view.setPaused(false);
    view.addRecords({orderRecord(15, 115, 100, "toys")});
    QCOMPARE(view.capturedCount(), 11);
    view.clear();
    QCOMPARE(view.capturedCount(), 0);
}

void TestRunRecords::inspectorCountsCaptureGaps()
{
    widgets::InspectorView view;
    view.setSource("x", orderSchema(), {});
    view.setMaxRows(5);
    view.addRecords({orderRecord(0, 1, 1, "a"), orderRecord(1, 2, 1, "a")});
    view.addRecords({orderRecord(7, 8, 1, "a")}); // the ring overwrote 2..6
    QCOMPARE(view.missed(), std::uint64_t(5));
    std::vector<runtime::TappedRecord> many;
    for (int i = 8; i < 14; ++i)
        many.push_back(orderRecord(i, i + 1, 1, "a"));
    view.addRecords(many);
    QCOMPARE(view.capturedCount(), 5); // bounded table
    QCOMPARE(view.model()->evicted(), std::uint64_t(4));
    QCOMPARE(view.model()->record(4).sequence, std::uint64_t(13));
    // A new run (sequence restarts) is not a gap.
    view.addRecords({orderRecord(0, 1, 1, "a")});
    QCOMPARE(view.missed(), std::uint64_t(5));
}

void TestRunRecords::dlqEntryKeepsRawBytes()
{
    const std::string bytes = "{\"order_id\": 12, \"amount\": \"1x\xff\"}";
    runtime::ErrorInfo info;
    info.errorClass = runtime::ErrorClass::Parse;
    info.message = "bad number at byte 28";
    info.provenance.kind = runtime::Provenance::Kind::Kafka;
    info.provenance.origin = std::make_shared<const std::string>("shop.orders.created");
    info.provenance.partition = 2;
    info.provenance.position = 1234;
    auto raw = std::make_shared<runtime::RawBytes>();
    raw->value = bytes;
    raw->key = "k1";
    raw->hasKey = true;
    info.provenance.raw = raw;
    info.errorTime = kEvent0;
    const runtime::Record rec = runtime::makeErrorRecord("orders", info, kEvent0 - 5);
    widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(rec.row, runtime::errorSchema());
    QCOMPARE(e.nodeId, std::string("orders"));
    QCOMPARE(e.errorClass, std::string("parse"));
    QCOMPARE(*e.rawValue, bytes);
    QCOMPARE(*e.rawKey, std::string("k1"));
    QCOMPARE(e.sourcePosition(), std::string("shop.orders.created[2]@1234"));
    QVERIFY(e.replaysRawBytes());
    QCOMPARE(e.replayText(), bytes);
    const std::string hex = widgets::hexDump(bytes);
    QVERIFY2(
        hex.rfind(
            "00000000  7b 22 6f 72 64 65 72 5f  69 64 22 3a 20 31 32 2c  |{\"order_id\": 12,|\n",
            0) == 0,
        hex.c_str());
    QVERIFY(hex.find("ff") != std::string::npos);
    QCOMPARE(widgets::bytesAsText("a\xff"), std::string("a\\xff"));
    QVERIFY(!widgets::isValidUtf8(bytes));
    QVERIFY(widgets::isValidUtf8("grüße ✓"));
    QCOMPARE(widgets::base64Encode("Man"), std::string("TWFu"));
    QCOMPARE(widgets::base64Encode("Ma"), std::string("TWE="));
    const auto line = nlohmann::json::parse(widgets::dlqEntryToJsonLine(e));
    QVERIFY(!line.contains("raw_value")); // not UTF-8: bytes only as base64
    QCOMPARE(line["raw_value_base64"].get<std::string>(), widgets::base64Encode(bytes));
    QCOMPARE(line["source_offset"].get<int>(), 1234);
}

void TestRunRecords::dlqViewFiltersAndExports()
{
    widgets::DlqBrowserView view;
    view.resize(900, 500);
    view.show();
    std::vector<widgets::DlqEntry> entries;
    for (int i = 0; i < 6; ++i) {
        widgets::DlqEntry e;
        e.errorTimeMs = kEvent0 + i;
        e.nodeId = i < 4 ? "orders" : "revenue";
        e.errorClass = i < 4 ? "parse" : "late";
        e.message = "m" + std::to_string(i);
        e.rawValue = "raw" + std::to_string(i);
        if (i >= 4) e.recordJson = "{\"x\": " + std::to_string(i) + "}";
        entries.push_back(e);
    }
    view.addEntries(entries);
    QCOMPARE(view.model()->count(), 6);
    view.setReasonFilter("late");
    QCOMPARE(view.proxy()->rowCount(), 2);
    view.setReasonFilter("");
    view.setNodeFilter("orders");
    QCOMPARE(view.proxy()->rowCount(), 4);
    view.setNodeFilter("");
    view.selectIds({2, 5});
    QCOMPARE(view.selectedIds(), (std::vector<std::uint64_t>{2, 5}));
    QTemporaryDir dir;
    const QString path = dir.filePath("dlq.jsonl");
    QVERIFY(view.exportSelected(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines + trailing newline
    QCOMPARE(nlohmann::json::parse(lines[0].toStdString())["raw_value"].get<std::string>(),
             std::string("raw1"));
    QCOMPARE(nlohmann::json::parse(lines[1].toStdString())["record"]["x"].get<int>(), 4);
    // Detail pane of a single selection: hex and text of the raw bytes.
    view.selectIds({1});
    QVERIFY(view.hexText().startsWith("00000000  72 61 77 30"));
    QCOMPARE(view.plainText(), QString("raw0"));
    view.editReplayText(1, "{\"fixed\": true}");
    QCOMPARE(view.model()->find(1)->replayText(), std::string("{\"fixed\": true}"));
    view.setReplayResult(1, true, "ok");
    QCOMPARE(view.model()->find(1)->replay, widgets::DlqEntry::Replay::Replayed);
}

QTEST_MAIN(TestRunRecords)
#include "tst_run_records.moc"
