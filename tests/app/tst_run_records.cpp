// Run & debug record views fed constructed records (no engine): the event inspector (filter,
// pause, copy, capture gaps) and the DLQ browser view (raw bytes, hex, Kafka headers and
// timestamp, filters, JSONL export), also of dead letters read back from SQLite and JSONL.
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "catalog/Catalog.h"
#include "catalog/NodeType.h"
#include "connectors/dlq/DeadLetterStore.h"
#include "connectors/dlq/DlqWriter.h"
#include "dlq/DlqBrowserView.h"
#include "dlq/DlqEntry.h"
#include "dlq/DlqTableModel.h"
#include "exec/ErrorRecord.h"
#include "inspector/InspectorView.h"
#include "inspector/RecordTableModel.h"
#include "model/PipelineSpec.h"
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

/// A Kafka record's original message time: 2023-11-14T22:13:20.123Z.
constexpr std::int64_t kKafkaTime = 1'700'000'000'123;
const std::string kBinary("\x00\xff\x10\x80", 4);
const std::string kUtf8 = "Z\xc3\xbcrich \xe2\x9c\x93"; // "Zürich ✓"

/// A parse error of a Kafka message with four headers (text, binary, non-ASCII UTF-8, control
/// bytes that are valid UTF-8 but not text) and a message timestamp; `withRaw` false gives one
/// without them (as before raw_headers existed).
runtime::Record kafkaError(bool withRaw)
{
    runtime::ErrorInfo info;
    info.errorClass = runtime::ErrorClass::Parse;
    info.message = "bad number at byte 12";
    info.provenance.kind = runtime::Provenance::Kind::Kafka;
    info.provenance.origin = std::make_shared<const std::string>("shop.orders.created");
    info.provenance.partition = 1;
    info.provenance.position = 77;
    auto raw = std::make_shared<runtime::RawBytes>();
    raw->value = "{\"order_id\": 1x}";
    if (withRaw) {
        raw->headers = {{"trace-id", "abc-123"},
                        {"blob", kBinary},
                        {"city", kUtf8},
                        {"schema", std::string("\0\0\x01", 3)}};
        raw->timestamp = kKafkaTime;
    }
    info.provenance.raw = raw;
    info.errorTime = kEvent0;
    return runtime::makeErrorRecord("orders", info, kEvent0);
}

/// What the Headers tab shows for kafkaError(true): name, text|hex, value.
const QString kHeadersShown = QString::fromUtf8("trace-id  text  abc-123\n"
                                                "blob      hex   00 ff 10 80\n"
                                                "city      text  Z\xc3\xbcrich \xe2\x9c\x93\n"
                                                "schema    hex   00 00 01");
const QString kKafkaTimeShown =
    QStringLiteral("Kafka time 2023-11-14T22:13:20.123Z (1700000000123 ms)");

/// The view's detail pane for a single entry.
struct ShownEntry {
    QString meta, headers, headersTab;
};
ShownEntry showEntry(widgets::DlqEntry e)
{
    widgets::DlqBrowserView view;
    view.resize(900, 500);
    view.show();
    view.addEntries({std::move(e)});
    view.selectIds({view.model()->entry(0).id});
    auto* tabs = view.findChild<QTabWidget*>();
    const int i = tabs->indexOf(view.findChild<QWidget*>(QStringLiteral("dlqHeaders")));
    return {view.metaText(), view.headersText(), tabs->tabText(i)};
}

/// Writes `rows` (errorSchema()) with the `target` dlq writer into `path`.
void writeDeadLetters(const std::string& target, const std::string& path,
                      const std::vector<runtime::Record>& rows)
{
    runtime::NodeSpec node;
    node.id = "dlq";
    node.type = "dlq";
    node.properties = {{"target", target}, {"path", path}};
    const runtime::NodeType* type = runtime::Catalog::instance().find("dlq");
    QVERIFY(type);
    runtime::OperatorSpec spec{node, *type, {runtime::errorSchema()}, {}, 0, 1, std::string()};
    auto writer =
        target == "sqlite" ? runtime::makeSqliteDlqWriter(spec) : runtime::makeJsonlDlqWriter(spec);
    QVERIFY2(writer, writer ? "" : writer.error().message.c_str());
    QVERIFY((*writer)->open());
    runtime::RecordBatch batch;
    for (const runtime::Record& r : rows)
        batch.appendSlot() = r;
    QVERIFY((*writer)->write(batch));
    QVERIFY((*writer)->flush());
    (*writer)->close();
}

} // namespace

class TestRunRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void inspectorFiltersPausesAndCopies();
    void inspectorCountsCaptureGaps();
    void dlqEntryKeepsRawBytes();
    void dlqViewFiltersAndExports();
    void dlqEntryShowsKafkaHeadersAndTimestamp();
    void dlqHeadersFromStore_data();
    void dlqHeadersFromStore();
    void dlqOldFormatWithoutHeaders();
    void dlqMalformedHeadersGiveNote();
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
        e.errorTime = kEvent0 + i;
        e.nodeId = i < 4 ? "orders" : "revenue";
        e.errorClass = i < 4 ? "parse" : "late";
        e.message = "m" + std::to_string(i);
        e.rawValue = "raw" + std::to_string(i);
        if (i >= 4) e.record = "{\"x\": " + std::to_string(i) + "}";
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

void TestRunRecords::dlqEntryShowsKafkaHeadersAndTimestamp()
{
    const runtime::Record rec = kafkaError(true);
    const widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(rec.row, runtime::errorSchema());
    const std::vector<std::pair<std::string, std::string>> headers = {
        {"trace-id", "abc-123"}, {"blob", kBinary}, {"city", kUtf8}, {"schema", {"\0\0\x01", 3}}};
    QCOMPARE(e.rawHeaders, headers);
    QCOMPARE(e.rawTimestamp, std::optional<std::int64_t>(kKafkaTime));
    QCOMPARE(e.problems, std::string());
    const ShownEntry shown = showEntry(e);
    QCOMPARE(shown.headers, kHeadersShown);
    QCOMPARE(shown.headersTab, QStringLiteral("Headers (4)"));
    QVERIFY2(shown.meta.contains(kKafkaTimeShown), qPrintable(shown.meta));
    // Export keeps the header bytes exactly (base64), with the text when it is UTF-8.
    const auto line = nlohmann::json::parse(widgets::dlqEntryToJsonLine(e));
    QCOMPARE(line["raw_headers"].size(), std::size_t(4));
    QCOMPARE(line["raw_headers"][1]["key"].get<std::string>(), std::string("blob"));
    QCOMPARE(line["raw_headers"][1]["value"].get<std::string>(), widgets::base64Encode(kBinary));
    QVERIFY(!line["raw_headers"][1].contains("text"));
    QCOMPARE(line["raw_headers"][2]["text"].get<std::string>(), kUtf8);
    QCOMPARE(line["raw_timestamp"].get<std::string>(), std::string("2023-11-14 22:13:20.123"));
}

void TestRunRecords::dlqHeadersFromStore_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("jsonl") << QStringLiteral("jsonl");
}

void TestRunRecords::dlqHeadersFromStore()
{
    QFETCH(QString, target);
    QTemporaryDir dir;
    const std::string path = dir.filePath("dead." + target).toStdString();
    writeDeadLetters(target.toStdString(), path, {kafkaError(true), kafkaError(false)});
    auto dead = runtime::readDeadLetters(target.toStdString(), path);
    QVERIFY2(dead, dead ? "" : dead.error().message.c_str());
    QCOMPARE(dead->size(), std::size_t(2));
    const widgets::DlqEntry with = widgets::dlqEntryFromDeadLetter((*dead)[0]);
    QCOMPARE(with.rawHeaders.size(), std::size_t(4));
    QCOMPARE(with.rawHeaders[1].second, kBinary);
    QCOMPARE(with.sourcePosition(), std::string("shop.orders.created[1]@77"));
    ShownEntry shown = showEntry(with);
    QCOMPARE(shown.headers, kHeadersShown);
    QVERIFY2(shown.meta.contains(kKafkaTimeShown), qPrintable(shown.meta));
    // A dead letter without headers or timestamp in the same store.
    shown = showEntry(widgets::dlqEntryFromDeadLetter((*dead)[1]));
    QCOMPARE(shown.headers, QStringLiteral("(no headers)"));
    QCOMPARE(shown.headersTab, QStringLiteral("Headers"));
    QVERIFY(!shown.meta.contains(QStringLiteral("Kafka time")));
}

void TestRunRecords::dlqOldFormatWithoutHeaders()
{
    // An errors row of the schema before raw_headers/raw_timestamp existed.
    const runtime::Schema& now = runtime::errorSchema();
    std::vector<runtime::Field> oldFields;
    for (std::size_t i = 0; i < now.size(); ++i)
        if (now[i].name != "raw_headers" && now[i].name != "raw_timestamp")
            oldFields.push_back(now[i]);
    const runtime::Schema old(oldFields);
    QCOMPARE(old.size() + 2, now.size());
    runtime::Row row = kafkaError(true).row;
    row.resize(old.size()); // the two new columns are the last ones
    const widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(row, old);
    QCOMPARE(e.message, std::string("bad number at byte 12"));
    QVERIFY(e.rawHeaders.empty());
    QVERIFY(!e.rawTimestamp);
    QCOMPARE(e.problems, std::string());
    ShownEntry shown = showEntry(e);
    QCOMPARE(shown.headers, QStringLiteral("(no headers)"));
    QVERIFY(!shown.meta.contains(QStringLiteral("Kafka time")));

    // An old SQLite table and an old JSONL line (no raw_headers/raw_timestamp) still load.
    QTemporaryDir dir;
    const std::string db = dir.filePath("old.sqlite").toStdString();
    sqlite3* h = nullptr;
    QCOMPARE(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    QCOMPARE(sqlite3_exec(h,
                          "CREATE TABLE dead_letters (error_time TEXT, node_id TEXT, error_class "
                          "TEXT, message TEXT, source_topic TEXT, source_partition INTEGER, "
                          "source_offset INTEGER, source_file TEXT, source_line INTEGER, raw_key "
                          "BLOB, raw_value BLOB, record TEXT);"
                          "INSERT INTO dead_letters VALUES ('2024-01-01 00:00:00.000', 'orders', "
                          "'parse', 'old one', 't', 0, 5, NULL, NULL, NULL, X'7b31', NULL);",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(h);
    const std::string jsonl = dir.filePath("old.jsonl").toStdString();
    std::ofstream(jsonl) << R"({"error_time": "2024-01-01 00:00:00.000", "node_id": "orders", )"
                            R"("error_class": "parse", "message": "old one", "source_topic": "t", )"
                            R"("source_partition": 0, "source_offset": 5, "raw_value": "ezE="})"
                         << "\n";
    for (const auto& [target, path] : {std::pair{"sqlite", db}, std::pair{"jsonl", jsonl}}) {
        auto dead = runtime::readDeadLetters(target, path);
        QVERIFY2(dead, dead ? target : dead.error().message.c_str());
        QCOMPARE(dead->size(), std::size_t(1));
        const widgets::DlqEntry o = widgets::dlqEntryFromDeadLetter(dead->front());
        QCOMPARE(o.message, std::string("old one"));
        QCOMPARE(*o.rawValue, std::string("{1"));
        shown = showEntry(o);
        QCOMPARE(shown.headers, QStringLiteral("(no headers)"));
        QVERIFY(!shown.meta.contains(QStringLiteral("Kafka time")));
    }
}

void TestRunRecords::dlqMalformedHeadersGiveNote()
{
    const runtime::Schema& s = runtime::errorSchema();
    const auto headersCol = static_cast<std::size_t>(s.indexOf("raw_headers"));
    const auto timeCol = static_cast<std::size_t>(s.indexOf("raw_timestamp"));
    struct Case {
        const char* stored;
        const char* note;
    };
    const Case cases[] = {
        {"not json", "raw_headers is not valid JSON"},
        {R"({"trace-id": "YWJj"})",
         R"(raw_headers is not a JSON array of {"key", "value"} objects)"},
        {R"([{"key": "a", "value": "YQ=="}, {"value": "YQ=="}])",
         R"(raw_headers entry 2 has no string "key")"},
        {R"([{"key": "blob", "value": "***"}])",
         "raw_headers entry 1 ('blob'): value is not base64"},
    };
    for (const Case& c : cases) {
        runtime::Row row = kafkaError(true).row;
        row[headersCol] = Value::string(c.stored);
        const widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(row, s);
        QCOMPARE(e.problems, std::string(c.note));
        QVERIFY(e.rawHeaders.empty());
        QCOMPARE(e.unreadableHeaders, std::optional<std::string>(c.stored));
        QCOMPARE(e.rawTimestamp, std::optional<std::int64_t>(kKafkaTime)); // the rest is kept
        const ShownEntry shown = showEntry(e);
        QVERIFY2(shown.meta.contains(QString(c.note).toHtmlEscaped()), qPrintable(shown.meta));
        QCOMPARE(shown.headers, QStringLiteral("(headers could not be read: %1)\n\nAs stored:\n%2")
                                    .arg(QString(c.note), QString(c.stored)));
        QVERIFY(nlohmann::json::parse(widgets::dlqEntryToJsonLine(e))["raw_headers"] ==
                nlohmann::json(c.stored));
    }
    // A raw_timestamp that is not a timestamp: noted, headers still shown.
    runtime::Row row = kafkaError(true).row;
    row[timeCol] = Value::string("yesterday");
    const widgets::DlqEntry e = widgets::dlqEntryFromErrorRow(row, s);
    QVERIFY(!e.rawTimestamp);
    QCOMPARE(e.problems, std::string("raw_timestamp 'yesterday' is not a timestamp"));
    const ShownEntry shown = showEntry(e);
    QCOMPARE(shown.headers, kHeadersShown);
    QVERIFY2(shown.meta.contains(QStringLiteral("raw_timestamp 'yesterday' is not a timestamp")),
             qPrintable(shown.meta));
    QVERIFY(!shown.meta.contains(QStringLiteral("Kafka time")));

    // The same from a hand-edited JSONL dead-letter file: read back with the values as stored
    // and the notes, never dropped silently.
    QTemporaryDir dir;
    const std::string jsonl = dir.filePath("edited.jsonl").toStdString();
    std::ofstream(jsonl) << R"({"error_time": "2024-01-01 00:00:00.000", "node_id": "orders", )"
                            R"("error_class": "parse", "message": "edited", "source_topic": "t", )"
                            R"("source_partition": 0, "source_offset": 5, "raw_value": "ezE=", )"
                            R"("raw_headers": "[{\"key\": \"blob\", \"value\": \"***\"}]", )"
                            R"("raw_timestamp": "yesterday"})"
                         << "\n";
    auto dead = runtime::readDeadLetters("jsonl", jsonl);
    QVERIFY2(dead, dead ? "" : dead.error().message.c_str());
    QCOMPARE(dead->size(), std::size_t(1));
    const widgets::DlqEntry edited = widgets::dlqEntryFromDeadLetter(dead->front());
    QCOMPARE(edited.message, std::string("edited"));
    QVERIFY(edited.rawHeaders.empty());
    QCOMPARE(edited.unreadableHeaders,
             std::optional<std::string>(R"([{"key": "blob", "value": "***"}])"));
    QCOMPARE(edited.problems, std::string("raw_headers entry 1 ('blob'): value is not base64; "
                                         "raw_timestamp 'yesterday' is not a timestamp"));
    QVERIFY(showEntry(edited).meta.contains(QStringLiteral("value is not base64")));
}

QTEST_MAIN(TestRunRecords)
#include "tst_run_records.moc"
