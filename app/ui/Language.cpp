#include "ui/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "files/AppPaths.h"

namespace sw::app {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
} // namespace

QList<LanguageChoice> availableLanguages()
{
    // Language names stay in their own language so a user can find theirs in any UI language.
    return {{QString(), QCoreApplication::translate("sw::app::Language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Fran\u00e7ais")}};
}

QString storedLanguage()
{
    return makeSettings()->value(kLanguageKey).toString();
}

void storeLanguage(const QString& code)
{
    auto s = makeSettings();
    if (code.isEmpty())
        s->remove(kLanguageKey);
    else
        s->setValue(kLanguageKey, code);
}

QString installTranslations(QCoreApplication& app, const QString& code)
{
    const QString chosen = code.isEmpty() ? storedLanguage() : code;
    QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    if (locale.language() == QLocale::C) locale = QLocale(QLocale::English);
    const bool english = locale.language() == QLocale::English;
    // English too: streamwright_en.qm holds the plural forms ("1 node", "2 nodes").
    auto* own = new QTranslator(&app);
    const QString dir = translationsDir();
    auto load = [&](const QLocale& l) {
        return !dir.isEmpty() &&
               own->load(l, QStringLiteral("streamwright"), QStringLiteral("_"), dir);
    };
    if (!load(locale)) {
        if (!chosen.isEmpty() && !english)
            qWarning("streamwright: no translation for '%s' (looked in '%s')", qPrintable(chosen),
                     qPrintable(dir));
        // A language we do not have: English, with its plural forms.
        if (english || !load(QLocale(QLocale::English))) {
            delete own;
            return {};
        }
        QCoreApplication::installTranslator(own);
        return own->filePath();
    }
    QCoreApplication::installTranslator(own);
    // Qt's standard dialogs and buttons (qt6-translations-l10n), when installed.
    auto* qt = new QTranslator(&app);
    if (!english && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return own->filePath();
}

} // namespace sw::app
