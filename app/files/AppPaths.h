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

} // namespace sw::app
