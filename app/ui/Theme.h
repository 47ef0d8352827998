#pragma once
// Light and dark palettes on the Fusion style. "System" follows the platform's palette (Qt 6.4
// has no colour-scheme API; the platform theme's window colour tells light from dark). The
// environment variable SW_THEME=light|dark and --light/--dark override it (screenshots, tests).
#include <QPalette>

class QApplication;

namespace sw::app {

enum class ThemeMode { System, Light, Dark };

class Theme {
public:
    /// Records the platform palette (call once, before any palette is set) and applies `mode`.
    static void install(QApplication& app, ThemeMode mode);
    static bool isDark();
    static QPalette lightPalette();
    static QPalette darkPalette();
    /// Re-evaluates the system preference (on QEvent::ThemeChange) when following the system.
    static void systemThemeChanged(QApplication& app);

private:
    static void apply(QApplication& app, bool dark);
};

} // namespace sw::app
