// The one value-text module (types/ValueText, util/Base64, util/Utf8, util/JsonEscape):
//  - one timestamp grammar: CAST(s AS TIMESTAMP(3)), the JSON Lines and CSV file readers, the
//    Kafka JSON and CSV value decoders and the dead-letter reader accept and reject exactly the
//    same table of strings, and give the same value, which an independent oracle (libc timegm
//    over the table's calendar fields) confirms;
//  - base64 against the RFC 4648 section 10 test vectors, every byte value, and malformed input;
//  - the UTF-8 walker against well-formed boundaries and malformed sequences (overlong forms,
//    surrogates, above U+10FFFF, stray continuation bytes, truncated sequences).
#include <QtTest>

#include <QTemporaryDir>
#include <ctime>
#include <fstream>
#include <optional>

#include "ConnectorTestHarness.h"
#include "connectors/dlq/DeadLetterStore.h"
#include "connectors/kafka/RecordCodec.h"
#include "exec/ErrorRecord.h"
#include "expr/Expression.h"
#include "types/ValueText.h"
#include "util/Base64.h"
#include "util/JsonEscape.h"
#include "util/Utf8.h"

using namespace sw::runtime;
using namespace sw::test;
using json = nlohmann::json;

namespace {

/// One row of the grammar table: the text and, when it is a timestamp, its calendar fields and
/// zone offset (minutes east of UTC) for the oracle.
struct Case {
    const char* text;
    bool ok;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0, offsetMin = 0;
    std::optional<std::int64_t> epochMs = {}; ///< for whole numbers: the value itself
};

// clang-format off
const std::vector<Case> kCases = {
    // accepted
    {"2024-03-15 13:45:30.250", true, 2024, 3, 15, 13, 45, 30, 250},
    {"2024-03-15T13:45:30.250", true, 2024, 3, 15, 13, 45, 30, 250},
    {"2024-03-15", true, 2024, 3, 15},
    {"2024-03-15 13:45", true, 2024, 3, 15, 13, 45},
    {"2024-03-15T13:45:30Z", true, 2024, 3, 15, 13, 45, 30},
    {"2024-03-15T13:45Z", true, 2024, 3, 15, 13, 45},
    {"2024-03-15T13:45:30.250+02:00", true, 2024, 3, 15, 13, 45, 30, 250, 120},
    {"2024-03-15T13:45:30-05:30", true, 2024, 3, 15, 13, 45, 30, 0, -330},
    {"2024-03-15T13:45:30+0200", true, 2024, 3, 15, 13, 45, 30, 0, 120},
    {"2024-03-15T13:45:30+02", true, 2024, 3, 15, 13, 45, 30, 0, 120},
    {"2024-03-15 23:30:00-01:00", true, 2024, 3, 15, 23, 30, 0, 0, -60}, // next day in UTC
    {"2024-03-15T13:45:30+18:00", true, 2024, 3, 15, 13, 45, 30, 0, 18 * 60},
    {"2024-02-29 12:00:00", true, 2024, 2, 29, 12},                       // leap day
    {"2000-02-29", true, 2000, 2, 29},                                    // 400-year leap day
    {"2024-03-15 13:45:30.1", true, 2024, 3, 15, 13, 45, 30, 100},
    {"2024-03-15 13:45:30.123456789", true, 2024, 3, 15, 13, 45, 30, 123}, // 9 digits, cut
    {"2024-03-15 13:45:30.9999", true, 2024, 3, 15, 13, 45, 30, 999},      // cut, not rounded
    {"  2024-03-15 13:45:30  ", true, 2024, 3, 15, 13, 45, 30},
    {"\t2024-03-15\t", true, 2024, 3, 15},
    {"1969-12-31 23:59:59.999", true, 1969, 12, 31, 23, 59, 59, 999},
    {"0001-01-01 00:00:00", true, 1, 1, 1},
    {"9999-12-31 23:59:59.999", true, 9999, 12, 31, 23, 59, 59, 999},
    // rejected
    {"2023-02-29", false},                 // not a leap year
    {"1900-02-29 00:00:00", false},        // century, not a leap year
    {"2024-04-31", false},
    {"2024-13-01", false},
    {"2024-00-10", false},
    {"2024-03-00", false},
    {"2024-03-15 24:00:00", false},
    {"2024-03-15 13:60:00", false},
    {"2024-03-15 13:45:60", false},        // no leap second
    {"2024-03-15 13:45:30 garbage", false},
    {"2024-03-15x", false},
    {"2024-03-15 13:45:30.", false},       // '.' without digits
    {"2024-03-15 13:45:30.1234567890", false}, // 10 fraction digits
    {"2024-03-15 13:45:30,250", false},    // ',' decimal mark
    {"2024-03-15T13:45.5", false},         // fraction without seconds
    {"2024-3-15", false},                  // single-digit month
    {"24-03-15", false},
    {"2024/03/15", false},
    {"2024-03-15t13:45:30", false},        // lower-case separator
    {"2024-03-15 13", false},              // hour without minutes
    {"2024-03-15Z", false},                // zone without time
    {"2024-03-15T13:45:30 +02:00", false}, // blank before the zone
    {"2024-03-15T13:45:30+19:00", false},  // offset beyond 18:00
    {"2024-03-15T13:45:30+02:60", false},
    {"2024-03-15T13:45:30+2", false},
    {"1710510330250", true, 0, 0, 0, 0, 0, 0, 0, 0, 1710510330250}, // epoch milliseconds
    {"-1", true, 0, 0, 0, 0, 0, 0, 0, 0, -1},
    {" 0 ", true, 0, 0, 0, 0, 0, 0, 0, 0, 0},
    {"+5", false},                         // no '+'
    {"1.5e3", false},                      // whole numbers only
    {"12 34", false},
    {"99999999999999999999", false},       // does not fit 64 bits
    {"--1", false},
    {"", false},
    {"\xef\xbc\x92" "024-03-15", false},   // full-width digit
};
// clang-format on

/// The oracle: libc's timegm over the table's fields, minus the zone offset.
std::int64_t oracle(const Case& c)
{
    if (c.epochMs) return *c.epochMs;
    std::tm tm{};
    tm.tm_year = c.y - 1900;
    tm.tm_mon = c.mo - 1;
    tm.tm_mday = c.d;
    tm.tm_hour = c.h;
    tm.tm_min = c.mi;
    tm.tm_sec = c.s;
    return static_cast<std::int64_t>(timegm(&tm)) * 1000 + c.ms - c.offsetMin * 60000LL;
}

using Results = std::vector<std::optional<std::int64_t>>;

Results viaCast()
{
    Schema s;
    s.add("s", DataType::string());
    auto e = expr::Expression::compile("CAST(s AS TIMESTAMP(3))", s);
    if (!e) qFatal("%s", e.error().message.c_str());
    Results out;
    for (const Case& c : kCases) {
        Row row{Value::string(c.text)};
        expr::EvalError err;
        Value v = e->evaluate(row, err);
        out.push_back(err.set() || v.isNull() ? std::nullopt
                                              : std::optional<std::int64_t>(v.asTimestamp()));
    }
    return out;
}

json tsSchema()
{
    return json::array({{{"name", "id"}, {"type", "BIGINT NOT NULL"}},
                        {{"name", "ts"}, {"type", "TIMESTAMP(3)"}}});
}

/// A CSV field quoted (RFC 4180: quotes doubled).
std::string csvQuoted(std::string_view s)
{
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

/// Reads `content` with the file source in `format`; per case, the ts value or nothing (the
/// record went to the errors port). `firstLine` is the file line of case 0.
Results viaFileSource(const std::string& format, const std::string& content, int firstLine)
{
    QTemporaryDir dir;
    const std::string name = "cases." + format;
    std::ofstream(dir.filePath(QString::fromStdString(name)).toStdString(), std::ios::binary)
        << content;
    OperatorHarness h(makeNode("src", "file-source",
                               {{"path", name}, {"format", format}, {"schema", tsSchema()}}),
                      {}, 0, 1, dir.path().toStdString());
    auto op = h.build(0, 1, dir.path().toStdString());
    if (!op) qFatal("%s", op.error().message.c_str());
    auto* src = dynamic_cast<SourceOperator*>(op->get());
    if (Status st = src->open(*h.ctx); !st) qFatal("%s", st.error().message.c_str());
    CaptureCollector cap(2, 1, "src");
    while (src->poll(cap.out(), 16) != SourceStatus::End) {
    }
    src->close();
    Results out(kCases.size());
    std::vector<bool> seen(kCases.size());
    for (const Record& r : cap.records(0)) {
        const auto i = static_cast<std::size_t>(r.row[0].asInt());
        seen[i] = true;
        if (!r.row[1].isNull()) out[i] = r.row[1].asTimestamp();
    }
    const int lineCol = errorSchema().indexOf("source_line");
    for (const Record& e : cap.records(1))
        seen[static_cast<std::size_t>(e.row[static_cast<std::size_t>(lineCol)].asInt() -
                                      firstLine)] = true;
    for (std::size_t i = 0; i < seen.size(); ++i)
        if (!seen[i]) qFatal("%s: case %zu neither read nor rejected", format.c_str(), i);
    return out;
}

std::string jsonLine(std::size_t i, std::string_view ts)
{
    std::string line = "{\"id\":" + std::to_string(i) + ",\"ts\":";
    appendJsonString(line, ts);
    return line + "}";
}

Results viaJsonLinesFile()
{
    std::string content;
    for (std::size_t i = 0; i < kCases.size(); ++i)
        content += jsonLine(i, kCases[i].text) + "\n";
    return viaFileSource("jsonl", content, 1);
}

Results viaCsvFile()
{
    std::string content = "id,ts\n";
    for (std::size_t i = 0; i < kCases.size(); ++i)
        content += std::to_string(i) + "," + csvQuoted(kCases[i].text) + "\n";
    return viaFileSource("csv", content, 2);
}

Results viaKafkaDecoder(kafka::Format format)
{
    Schema s;
    s.add("id", DataType::bigint());
    s.add("ts", DataType::timestamp());
    kafka::ValueDecoder dec(format, s);
    Results out;
    for (std::size_t i = 0; i < kCases.size(); ++i) {
        const std::string msg = format == kafka::Format::Json
                                    ? jsonLine(i, kCases[i].text)
                                    : std::to_string(i) + "," + csvQuoted(kCases[i].text);
        Row row;
        out.push_back(dec.decode(msg.data(), msg.size(), row) && !row[1].isNull()
                          ? std::optional<std::int64_t>(row[1].asTimestamp())
                          : std::nullopt);
    }
    return out;
}

/// Dead letters read back from a JSONL DLQ file: raw_timestamp read, or kept with a note.
Results viaDeadLetterReader()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("dlq.jsonl").toStdString();
    {
        std::ofstream f(path, std::ios::binary);
        for (const Case& c : kCases) {
            std::string line = "{\"error_time\":\"2024-01-01 00:00:00.000\",\"node_id\":\"n\","
                               "\"error_class\":\"parse\",\"message\":\"m\",\"raw_timestamp\":";
            appendJsonString(line, c.text);
            f << line << "}\n";
        }
    }
    auto letters = readDeadLetters("jsonl", path);
    if (!letters) qFatal("%s", letters.error().message.c_str());
    if (letters->size() != kCases.size()) qFatal("dead letters: %zu", letters->size());
    Results out;
    for (const DeadLetter& d : *letters) {
        if (d.rawTimestamp.has_value() == (d.problems.find("raw_timestamp") != std::string::npos))
            qFatal("dead letter with both a raw_timestamp and a note, or neither");
        out.push_back(d.rawTimestamp);
    }
    return out;
}

QString show(const std::optional<std::int64_t>& v)
{
    return v ? QString::fromStdString(formatTimestamp(*v)) + " (" + QString::number(*v) + ")"
             : QStringLiteral("rejected");
}

} // namespace

class TestValueText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyReaderTakesTheSameTimestamps();
    void timestampFormatting();
    void civilCalendar();
    void decimalRendering();
    void base64Rfc4648Vectors();
    void base64RoundTripsEveryByteAndRejectsMalformed();
    void utf8AcceptsWellFormedBoundaries();
    void utf8RejectsMalformedSequences();
    void utf8LossyAndLenientStepping();
    void jsonStringEscaping();
};

void TestValueText::everyReaderTakesTheSameTimestamps()
{
    QVERIFY(kCases.size() >= 25);
    const std::vector<std::pair<const char*, Results>> readers = {
        {"CAST", viaCast()},
        {"JSON Lines file", viaJsonLinesFile()},
        {"CSV file", viaCsvFile()},
        {"Kafka JSON value", viaKafkaDecoder(kafka::Format::Json)},
        {"Kafka CSV value", viaKafkaDecoder(kafka::Format::Csv)},
        {"dead-letter reader", viaDeadLetterReader()},
    };
    int accepted = 0;
    for (std::size_t i = 0; i < kCases.size(); ++i) {
        const Case& c = kCases[i];
        std::optional<std::int64_t> expected;
        if (c.ok) expected = oracle(c);
        std::int64_t direct = 0;
        const bool parsed = parseTimestamp(c.text, direct);
        QVERIFY2(parsed == expected.has_value() && (!parsed || direct == *expected),
                 qPrintable(QStringLiteral("parseTimestamp('%1')").arg(c.text)));
        for (const auto& [name, results] : readers)
            QVERIFY2(results[i] == expected,
                     qPrintable(QStringLiteral("%1 on '%2': got %3, expected %4")
                                    .arg(name, QString::fromUtf8(c.text), show(results[i]),
                                         show(expected))));
        accepted += c.ok;
    }
    QVERIFY(accepted > 10 && accepted < static_cast<int>(kCases.size()) - 10);
}

void TestValueText::timestampFormatting()
{
    QCOMPARE(formatTimestamp(0), std::string("1970-01-01 00:00:00.000"));
    QCOMPARE(formatTimestamp(-1), std::string("1969-12-31 23:59:59.999"));
    QCOMPARE(formatTimestamp(1710510330250), std::string("2024-03-15 13:45:30.250"));
    QCOMPARE(formatTimestamp(253402300799999), std::string("9999-12-31 23:59:59.999"));
    QCOMPARE(formatTimestamp(253402300800000), std::string("10000-01-01 00:00:00.000"));
    std::string out = "x";
    appendTimestamp(out, 951782400000); // 2000-02-29
    QCOMPARE(out, std::string("x2000-02-29 00:00:00.000"));
    // Every rendering reads back to the same value.
    for (std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{1710510330250},
                           std::int64_t{-62135596800000}, std::int64_t{253402300799999}}) {
        std::int64_t back = 0;
        QVERIFY(parseTimestamp(formatTimestamp(v), back));
        QCOMPARE(back, v);
    }
    // Extremes do not overflow (INT64_MIN cannot be negated).
    QVERIFY(!formatTimestamp(INT64_MIN).empty());
    QVERIFY(!formatTimestamp(INT64_MAX).empty());
}

void TestValueText::civilCalendar()
{
    // Day numbers against the oracle for the first of every month of 1900..2100.
    for (int y = 1900; y <= 2100; ++y)
        for (int m = 1; m <= 12; ++m) {
            Case c{"", true, y, m, 1};
            QCOMPARE(daysFromCivil(y, m, 1) * kMillisPerDay, oracle(c));
            std::int64_t yy = 0;
            int mm = 0, dd = 0;
            civilFromDays(daysFromCivil(y, m, 1), yy, mm, dd);
            QCOMPARE(yy, std::int64_t{y});
            QCOMPARE(mm, m);
            QCOMPARE(dd, 1);
        }
    QCOMPARE(daysInMonth(2024, 2), 29);
    QCOMPARE(daysInMonth(2023, 2), 28);
    QCOMPARE(daysInMonth(1900, 2), 28);
    QCOMPARE(daysInMonth(2000, 2), 29);
    QCOMPARE(daysInMonth(2024, 4), 30);
    std::int64_t ms = 0;
    QVERIFY(!fromCivil(CivilTime{2024, 2, 30}, ms));
    QVERIFY(!fromCivil(CivilTime{2024, 1, 1, 24}, ms));
    QVERIFY(fromCivil(CivilTime{2024, 2, 29, 23, 59, 59, 999}, ms));
    const CivilTime c = toCivil(ms);
    QCOMPARE(c.year, std::int64_t{2024});
    QCOMPARE(c.month, 2);
    QCOMPARE(c.day, 29);
    QCOMPARE(c.millis, 999);
}

void TestValueText::decimalRendering()
{
    QCOMPARE(formatDecimal(1234, 2), std::string("12.34"));
    QCOMPARE(formatDecimal(-5, 2), std::string("-0.05"));
    QCOMPARE(formatDecimal(0, 2), std::string("0.00"));
    QCOMPARE(formatDecimal(7, 0), std::string("7"));
    QCOMPARE(formatDecimal(-1230, 1), std::string("-123.0"));
    QCOMPARE(formatDecimal(INT64_MIN, 0), std::string("-9223372036854775808"));
    QCOMPARE(formatDecimal(INT64_MAX, 18), std::string("9.223372036854775807"));
    QCOMPARE(formatDecimal(1, 20), std::string("0.00000000000000000001"));
    std::string out = "x=";
    appendDecimal(out, 100050, 2);
    QCOMPARE(out, std::string("x=1000.50"));
}

void TestValueText::base64Rfc4648Vectors()
{
    // RFC 4648 section 10.
    const std::vector<std::pair<std::string, std::string>> vectors = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        QCOMPARE(base64Encode(plain), encoded);
        std::string out = "prefix:";
        appendBase64(out, plain);
        QCOMPARE(out, "prefix:" + encoded);
        std::string decoded;
        QVERIFY(decodeBase64(encoded, decoded));
        QCOMPARE(decoded, plain);
        // Padding is optional on input (Java's decoder, which Flink uses, accepts it missing).
        std::string unpadded = encoded;
        while (!unpadded.empty() && unpadded.back() == '=')
            unpadded.pop_back();
        QVERIFY(decodeBase64(unpadded, decoded));
        QCOMPARE(decoded, plain);
    }
}

void TestValueText::base64RoundTripsEveryByteAndRejectsMalformed()
{
    std::string all;
    for (int b = 0; b < 256; ++b)
        all += static_cast<char>(b);
    for (std::size_t len = 0; len <= all.size(); len += 37) {
        std::string decoded;
        QVERIFY(decodeBase64(base64Encode(all.substr(0, len)), decoded));
        QCOMPARE(decoded, all.substr(0, len));
    }
    QCOMPARE(base64Encode(std::string("\xff\xfe\x00", 3)), std::string("//4A"));
    std::string out;
    for (const char* bad :
         {"Z", "Zg=", "Zg===", "Zm9v=", "=Zm9", "Zm=9", "Zm9v!", "Zm 9v", "Zm9v\n", "-_-_", "===="})
        QVERIFY2(!decodeBase64(bad, out), bad);
}

void TestValueText::utf8AcceptsWellFormedBoundaries()
{
    for (const char* good :
         {"", "abc", "\xc2\x80", "\xc3\xa9", "\xdf\xbf", "\xe0\xa0\x80", "\xe2\x82\xac",
          "\xed\x9f\xbf" /* U+D7FF */, "\xee\x80\x80" /* U+E000 */, "\xef\xbf\xbf",
          "\xf0\x90\x80\x80", "\xf0\x9d\x84\x9e", "\xf4\x8f\xbf\xbf" /* U+10FFFF */}) {
        QVERIFY2(isValidUtf8(good), good);
        QCOMPARE(invalidUtf8At(good), std::string_view::npos);
    }
    QCOMPARE(utf8SequenceLength("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 1), std::size_t{2});
    QCOMPARE(utf8SequenceLength("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 3), std::size_t{3});
    QCOMPARE(utf8SequenceLength("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e", 6), std::size_t{4});
    for (unsigned cp : {0x41u, 0xe9u, 0x7ffu, 0x800u, 0x20acu, 0xffffu, 0x10000u, 0x10ffffu}) {
        std::string s;
        appendUtf8(s, cp);
        QVERIFY(isValidUtf8(s));
        QCOMPARE(utf8Length(s), std::size_t{1});
    }
}

void TestValueText::utf8RejectsMalformedSequences()
{
    struct Bad {
        const char* bytes;
        std::size_t at; ///< offset of the first invalid byte
        const char* why;
    };
    const std::vector<Bad> cases = {
        {"\xc0\xaf", 0, "overlong '/' (2 bytes)"},
        {"\xc1\xbf", 0, "overlong (2 bytes)"},
        {"\xe0\x80\xaf", 0, "overlong '/' (3 bytes)"},
        {"\xe0\x9f\xbf", 0, "overlong U+07FF (3 bytes)"},
        {"\xf0\x8f\xbf\xbf", 0, "overlong U+FFFF (4 bytes)"},
        {"\xed\xa0\x80", 0, "surrogate U+D800"},
        {"\xed\xbf\xbf", 0, "surrogate U+DFFF"},
        {"\xf4\x90\x80\x80", 0, "U+110000"},
        {"\xf5\x80\x80\x80", 0, "lead byte F5"},
        {"\xff", 0, "byte FF"},
        {"ab\x80", 2, "stray continuation byte"},
        {"ab\xbf"
         "cd",
         2, "stray continuation byte in text"},
        {"ab\xc3", 2, "2-byte sequence cut by the end"},
        {"\xe2\x82", 0, "3-byte sequence cut by the end"},
        {"x\xf0\x9d\x84", 1, "4-byte sequence cut by the end"},
        {"\xe2\x82"
         "A",
         0, "3-byte sequence cut by ASCII"},
        {"\xc3\xa9\xc3(", 2, "valid, then a lead byte without continuation"},
    };
    for (const Bad& b : cases) {
        QVERIFY2(!isValidUtf8(b.bytes), b.why);
        QCOMPARE(invalidUtf8At(b.bytes), b.at);
        QCOMPARE(utf8SequenceLength(b.bytes, b.at), std::size_t{0});
    }
}

void TestValueText::utf8LossyAndLenientStepping()
{
    QCOMPARE(utf8Lossy("a\xc3(b"), std::string("a\xef\xbf\xbd(b"));
    QCOMPARE(utf8Lossy("\xe2\x82"), std::string("\xef\xbf\xbd\xef\xbf\xbd"));
    QCOMPARE(utf8Lossy("gr\xc3\xbc\xc3\x9f"
                       "e"),
             std::string("gr\xc3\xbc\xc3\x9f"
                         "e"));
    // The SQL functions' stepper counts lead bytes; invalid bytes never make it fail.
    QCOMPARE(utf8Length("h\xc3\xa9llo"), std::size_t{5});
    QCOMPARE(utf8Length("a\x80"
                        "b"),
             std::size_t{2});
    const std::string_view s = "h\xc3\xa9\xf0\x9d\x84\x9e!";
    QCOMPARE(utf8Next(s, 0), std::size_t{1});
    QCOMPARE(utf8Next(s, 1), std::size_t{3});
    QCOMPARE(utf8Next(s, 3), std::size_t{7});
    QCOMPARE(utf8Next(s, 7), std::size_t{8});
    QCOMPARE(utf8Next(s, 8), s.size());
}

void TestValueText::jsonStringEscaping()
{
    std::string out;
    appendJsonString(out, "a\"b\\c\n\r\t\b\f\x01\x1f/\xc3\xa9");
    QCOMPARE(out, std::string("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f/\xc3\xa9\""));
    // What it writes, a JSON parser reads back to the same bytes.
    std::string all;
    for (int b = 1; b < 128; ++b)
        all += static_cast<char>(b);
    out.clear();
    appendJsonString(out, all);
    QCOMPARE(json::parse(out).get<std::string>(), all);
}

QTEST_GUILESS_MAIN(TestValueText)
#include "tst_value_text.moc"
