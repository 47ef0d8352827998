#pragma once
// Pipeline-level settings (name, description, delivery guarantee, parallelism, checkpoint
// interval, schema evolution), shown when no node is selected.
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

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
    QString message(const QString& property) const;

private:
    void apply();
    PipelineModel* m_model;
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QComboBox* m_delivery;
    NumberSpinBox* m_parallelism;
    QLineEdit* m_checkpoint;
    QComboBox* m_evolution;
    QLabel* m_parallelismMsg;
    QLabel* m_checkpointMsg;
    QLabel* m_summary;
};

} // namespace sw::widgets
