// The translations are complete and current, and user-visible strings are translatable:
// - every translations/*.ts has no unfinished, vanished or obsolete message, and every plural
//   message has its language's plural forms (streamwright_en.ts holds only the plural messages:
//   lupdate -pluralonly);
// - running lupdate over app/ and widgets/ on a copy of each .ts changes nothing (no message is
//   missing from the .ts, none is left over);
// - a heuristic scan of app/ and widgets/ finds no user-visible string that is not wrapped for
//   translation. The rule: a string literal (plain "..." or QStringLiteral("...")) containing a
//   word of two or more letters, passed directly to a user-facing setter or constructor
//   (setText, setWindowTitle, setToolTip, setStatusTip, setPlaceholderText, setTitle,
//   showMessage, addMenu, addAction, addTab, setHeaderLabels, QLabel, QPushButton, QAction,
//   QCheckBox, QGroupBox, QDockWidget, QMessageBox texts), must go through tr() /
//   QCoreApplication::translate. Texts that are not language (product names, file patterns,
//   separators, sample values) are listed in kAllowed below, each with its reason.
// - the German .qm really translates the main window (a German MainWindow has German menus).
#include <QDirIterator>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include "TestUtil.h"
#include "ui/MainWindow.h"

namespace {

struct Message {
    QString context, source, comment;
    bool numerus = false;
    QString type;             ///< translation type attribute: "", unfinished, vanished, obsolete
    QStringList translations; ///< one, or the numerus forms
};

QList<Message> readTs(const QString& path, QString* language = nullptr)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader x(&f);
    QString context;
    Message m;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement()) continue;
        const auto n = x.name();
        if (n == QLatin1String("TS") && language)
            *language = x.attributes().value(QStringLiteral("language")).toString();
        else if (n == QLatin1String("name"))
            context = x.readElementText();
        else if (n == QLatin1String("message"))
            m = Message{context,
                        {},
                        {},
                        x.attributes().value(QStringLiteral("numerus")) == QLatin1String("yes")};
        else if (n == QLatin1String("source"))
            m.source = x.readElementText();
        else if (n == QLatin1String("comment"))
            m.comment = x.readElementText();
        else if (n == QLatin1String("translation")) {
            m.type = x.attributes().value(QStringLiteral("type")).toString();
            if (m.numerus) {
                while (x.readNextStartElement())
                    m.translations << x.readElementText(); // numerusform
            } else {
                m.translations << x.readElementText();
            }
            out << m;
        }
    }
    return out;
}

QStringList tsFiles()
{
    QDir d(sourcePath(QStringLiteral("translations")));
    QStringList files;
    for (const QString& f : d.entryList({QStringLiteral("*.ts")}, QDir::Files))
        files << d.filePath(f);
    return files;
}

QSet<QString> keys(const QList<Message>& ms)
{
    QSet<QString> k;
    for (const Message& m : ms)
        k.insert(m.context + QChar(0x1f) + m.source + QChar(0x1f) + m.comment);
    return k;
}

QStringList placeholders(const QString& s)
{
    QStringList p;
    static const QRegularExpression re(QStringLiteral("%(L?n|\\d)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        p << it.next().captured(0);
    p.sort();
    return p;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyMessageTranslated_data()
    {
        QTest::addColumn<QString>("ts");
        for (const QString& f : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
    }
    void everyMessageTranslated()
    {
        QFETCH(QString, ts);
        QString language;
        const QList<Message> ms = readTs(ts, &language);
        // English holds only the plural forms of the English source ("1 node", "2 nodes").
        const bool pluralOnly = language == QLatin1String("en");
        QVERIFY(ms.size() > (pluralOnly ? 10 : 300));
        for (const Message& m : ms)
            QVERIFY2(m.numerus || !pluralOnly, qPrintable(m.source));
        // Plural forms per language (Qt's rules for de and fr: one, other).
        const int forms = 2;
        QStringList bad;
        for (const Message& m : ms) {
            QString why;
            if (!m.type.isEmpty())
                why = m.type;
            else if (m.translations.isEmpty() || m.translations.contains(QString()))
                why = QStringLiteral("empty");
            else if (m.numerus && m.translations.size() != forms)
                why = QStringLiteral("%1 plural forms").arg(m.translations.size());
            else
                for (const QString& t : m.translations)
                    if (placeholders(t) != placeholders(m.source))
                        why = QStringLiteral("placeholders differ: ") + t;
            if (!why.isEmpty()) bad << QStringLiteral("[%1] %2: %3").arg(m.context, m.source, why);
        }
        QVERIFY2(bad.isEmpty(), qPrintable(language + QStringLiteral(":\n") + bad.join('\n')));
        // Counts are plurals: a source with %n is a numerus message, and a count is not written
        // as "%1 records" or "node(s)" (use tr("%n record(s)", nullptr, n)).
        static const QRegularExpression countAsArg(QStringLiteral(
            "%\\d\\s+(records|nodes|connections|files|errors|warnings|rows|items|messages)\\b|"
            "\\w\\(s\\)"));
        for (const Message& m : ms) {
            QVERIFY2(!m.source.contains(QRegularExpression(QStringLiteral("%L?n"))) || m.numerus,
                     qPrintable(m.source));
            QVERIFY2(m.numerus || !m.source.contains(countAsArg), qPrintable(m.source));
        }
    }

    void tsFilesMatchTheSources()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const QString& ts : tsFiles()) {
            const QString copy = tmp.filePath(QFileInfo(ts).fileName());
            QVERIFY(QFile::copy(ts, copy));
            QProcess lupdate;
            lupdate.setWorkingDirectory(sourcePath(QString()));
            QStringList extra; // English: only the plural messages
            if (ts.endsWith(QStringLiteral("_en.ts"))) extra << QStringLiteral("-pluralonly");
            lupdate.start(QStringLiteral(SW_LUPDATE),
                          extra + QStringList{QStringLiteral("-no-obsolete"),
                                              QStringLiteral("-locations"), QStringLiteral("none"),
                                              QStringLiteral("app"), QStringLiteral("widgets"),
                                              QStringLiteral("-ts"), copy});
            QVERIFY(lupdate.waitForFinished(120000));
            QCOMPARE(lupdate.exitCode(), 0);
            const QSet<QString> committed = keys(readTs(ts)), current = keys(readTs(copy));
            QStringList missing, leftOver;
            for (const QString& k : current)
                if (!committed.contains(k)) missing << k.section(QChar(0x1f), 0, 1);
            for (const QString& k : committed)
                if (!current.contains(k)) leftOver << k.section(QChar(0x1f), 0, 1);
            QVERIFY2(missing.isEmpty() && leftOver.isEmpty(),
                     qPrintable(QFileInfo(ts).fileName() +
                                QStringLiteral(": not in the .ts (run update_translations and "
                                               "translate):\n  ") +
                                missing.join(QStringLiteral("\n  ")) +
                                QStringLiteral("\nno longer in the sources:\n  ") +
                                leftOver.join(QStringLiteral("\n  "))));
        }
    }

    void userVisibleStringsAreWrapped()
    {
        // setter( "literal" ) or setter( QStringLiteral("literal") ) with a word in it.
        static const QRegularExpression call(QStringLiteral(
            "\\b(setText|setWindowTitle|setToolTip|setStatusTip|setPlaceholderText|setTitle|"
            "showMessage|addMenu|addAction|addTab|setHeaderLabels|setWhatsThis|"
            "new\\s+(?:QLabel|QPushButton|QAction|QCheckBox|QGroupBox|QDockWidget|QToolButton|"
            "QRadioButton|QCommandLinkButton)|QMessageBox::\\w+)\\s*\\(\\s*"
            "(?:[\\w:>\\-.*]+\\s*,\\s*)?(?:\\{\\s*)?(QStringLiteral\\(\\s*)?"
            "\"((?:[^\"\\\\]|\\\\.)*)\""));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
        // Markup, escapes, placeholders and names that are not language are not words.
        static const QRegularExpression notWords(
            QStringLiteral("<[^>]*>|\\\\u[0-9a-fA-F]{4}|\\\\[ntr]|%\\d|\\b(Streamwright|JSON|SQL|"
                           "Kafka|Flink)\\b"));
        // Whole literals that are not language, with why.
        static const QSet<QString> kAllowed = {
            QStringLiteral("domain.entity.event"), // placeholder showing the topic-name pattern
        };
        QStringList found;
        for (const QString& dir : {QStringLiteral("app"), QStringLiteral("widgets")}) {
            QDirIterator it(sourcePath(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.contains(QStringLiteral("/app/cli/"))) continue; // streamwright-run: no Qt
                const QStringList lines = QString::fromUtf8(readAll(path)).split('\n');
                for (int i = 0; i < lines.size(); ++i) {
                    // A call may wrap after its '(': look at this line joined with the next.
                    const QString text =
                        lines[i] + (i + 1 < lines.size() ? lines[i + 1] : QString());
                    auto m = call.match(text);
                    if (!m.hasMatch() || m.capturedStart() >= lines[i].size()) continue;
                    const QString literal = m.captured(3);
                    if (kAllowed.contains(literal)) continue;
                    if (!QString(literal).remove(notWords).contains(word)) continue;
                    found << QStringLiteral("%1:%2: %3")
                                 .arg(QDir(sourcePath(QString())).relativeFilePath(path))
                                 .arg(i + 1)
                                 .arg(lines[i].trimmed());
                }
            }
        }
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("not wrapped in tr():\n") + found.join('\n')));
    }

    void germanWindowIsGerman()
    {
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(SW_BINARY_DIR "/app/translations/streamwright_de.qm")));
        QCoreApplication::installTranslator(&de);
        QTemporaryDir settings;
        qputenv("SW_SETTINGS_DIR", settings.path().toUtf8());
        {
            sw::app::MainWindow w;
            QCOMPARE(w.action("actionSave")->text(), QStringLiteral("&Speichern"));
            QCOMPARE(w.action("actionOpen")->text(), QStringLiteral("&\u00d6ffnen \u2026"));
        }
        QCoreApplication::removeTranslator(&de);
    }

    void menuAcceleratorsAreUnique_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* l : {"en", "de", "fr"})
            QTest::newRow(l) << QString::fromLatin1(l);
    }
    void menuAcceleratorsAreUnique()
    {
        // Alt+letter must reach one entry: within the menu bar and within each menu, no two
        // entries share their &-letter (case-insensitive) in any language.
        QFETCH(QString, language);
        QTranslator tr;
        QVERIFY(tr.load(QStringLiteral(SW_BINARY_DIR "/app/translations/streamwright_") + language +
                        QStringLiteral(".qm")));
        QCoreApplication::installTranslator(&tr);
        QTemporaryDir settings;
        qputenv("SW_SETTINGS_DIR", settings.path().toUtf8());
        QStringList clashes;
        {
            sw::app::MainWindow w;
            auto check = [&](const QString& where, const QList<QAction*>& actions) {
                QMap<QChar, QString> seen;
                for (QAction* a : actions) {
                    static const QRegularExpression acc(QStringLiteral("&([^&])"));
                    const auto m = acc.match(a->text());
                    if (!m.hasMatch()) continue;
                    const QChar c = m.captured(1).front().toLower();
                    if (seen.contains(c))
                        clashes
                            << QStringLiteral("%1: '%2' and '%3'").arg(where, seen[c], a->text());
                    seen.insert(c, a->text());
                }
            };
            QMenuBar* bar = w.menuBar();
            check(QStringLiteral("menu bar"), bar->actions());
            for (QAction* top : bar->actions())
                if (top->menu()) {
                    QList<QMenu*> menus{top->menu()};
                    while (!menus.isEmpty()) {
                        QMenu* m = menus.takeFirst();
                        check(top->text(), m->actions());
                        for (QAction* a : m->actions())
                            if (a->menu()) menus << a->menu();
                    }
                }
        }
        QCoreApplication::removeTranslator(&tr);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join('\n')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
