#pragma once
// Edit > Preferences: the user-interface language (applied after a restart) and the Prometheus
// metrics endpoint of runs (run/RunSettings.h; applies from the next run).
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

namespace sw::app {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    QCheckBox* metricsEndpointBox() const { return m_metricsEndpoint; }
    QSpinBox* metricsPortBox() const { return m_metricsPort; }
    /// Stores the choices (OK does this).
    void apply();

private:
    void updateRestartNote();

    QComboBox* m_language = nullptr;
    QCheckBox* m_metricsEndpoint = nullptr;
    QSpinBox* m_metricsPort = nullptr;
    QLabel* m_restartNote = nullptr;
    QString m_initial;
};

} // namespace sw::app
