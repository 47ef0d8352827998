#pragma once
// Where the designer keeps settings and recovery files, and where the shipped examples are.
// SW_SETTINGS_DIR (environment) redirects settings and recovery into one directory: used by
// tests and for portable installs. SW_AUTOSAVE_MS overrides the 30 s autosave interval.
#include <memory>

#include <QSettings>
#include <QString>

namespace sw::app {

std::unique_ptr<QSettings> makeSettings();
QString recoveryDir();
int autosaveIntervalMs();
/// The examples folder: next to the executable (installed or build tree), else the source tree.
QString examplesDir();
/// The compiled translations (streamwright_<lang>.qm): share/streamwright/translations of the
/// install prefix, else the build tree's app/translations. Empty when none is found.
QString translationsDir();
/// The documentation (pipeline-format.md, ...): share/doc/streamwright, else the source tree.
/// Empty when not found (the start page then links to the project's web pages).
QString docsDir();

} // namespace sw::app
