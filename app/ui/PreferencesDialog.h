#pragma once
// Edit > Preferences: the user-interface language (applied after a restart).
#include <QDialog>

class QComboBox;
class QLabel;

namespace sw::app {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    /// Stores the choices (OK does this).
    void apply();

private:
    void updateRestartNote();

    QComboBox* m_language = nullptr;
    QLabel* m_restartNote = nullptr;
    QString m_initial;
};

} // namespace sw::app
