#pragma once
// Pipeline-level settings (name, description, delivery guarantee, parallelism, checkpoint
// interval, schema evolution, and recovery: restart strategy, retained checkpoints, tolerable
// failed checkpoints), shown when no node is selected.
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace sw::runtime {
struct PipelineSettings;
}

namespace sw::widgets {

class NumberSpinBox;
class PipelineModel;

class PipelineSettingsForm : public QWidget {
    Q_OBJECT
public:
    PipelineSettingsForm(PipelineModel* model, QWidget* parent = nullptr);
    void refresh();
    void focusProperty(const QString& property);
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* checkpointEdit() const { return m_checkpoint; }
    QComboBox* restartCombo() const { return m_restart; }
    QLineEdit* restartDelayEdit() const { return m_delay; }
    QLineEdit* maxRestartDelayEdit() const { return m_maxDelay; }
    NumberSpinBox* retainedSpin() const { return m_retained; }
    QString message(const QString& property) const;

private:
    void apply();
    /// Reads the recovery rows into `s`; false (and a message) when a value is invalid.
    bool applyRecovery(runtime::PipelineSettings& s);
    void updateRecoveryEnabled();
    PipelineModel* m_model;
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QComboBox* m_delivery;
    NumberSpinBox* m_parallelism;
    QLineEdit* m_checkpoint;
    QComboBox* m_evolution;
    QComboBox* m_restart;
    NumberSpinBox* m_attempts;
    QLineEdit* m_delay;
    QLineEdit* m_maxDelay;
    NumberSpinBox* m_retained;
    NumberSpinBox* m_tolerable;
    QLabel* m_recoveryMsg;
    QLabel* m_parallelismMsg;
    QLabel* m_checkpointMsg;
    QLabel* m_summary;
};

} // namespace sw::widgets
