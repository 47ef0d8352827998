#pragma once
// The designer's user-interface language: the choice in Preferences (stored in the settings as
// "ui/language": "" = system default, "en", "de", "fr"), the .qm files that implement it
// (files/AppPaths translationsDir) and Qt's own translations for standard dialogs. A change
// applies when the designer starts next.
#include <QList>
#include <QString>

class QCoreApplication;

namespace sw::app {

struct LanguageChoice {
    QString code; ///< "" for the system default
    QString name; ///< in its own language ("Deutsch"), or "System default" translated
};

/// The languages offered in Preferences, system default first.
QList<LanguageChoice> availableLanguages();
/// The stored choice ("" = system default).
QString storedLanguage();
void storeLanguage(const QString& code);

/// Installs the translators for `code` ("" = the stored choice, falling back to the system
/// locale) on the application. Returns the .qm file loaded, or an empty string for English.
/// A language without a .qm file warns on stderr and stays English.
QString installTranslations(QCoreApplication& app, const QString& code = {});

} // namespace sw::app
